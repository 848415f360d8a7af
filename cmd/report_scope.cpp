#include "report_scope.hpp"

#include "common.hpp"

#include <pthv/util/strings.hpp>

namespace pthv::cmd {

model::Period period_option(const std::string& text, const model::Repo& repo)
{
    std::string error;
    const auto period = model::parse_period(text, repo.config, repo.as_of, error);
    if (!period)
        throw UsageError("--period " + text + ": " + error);
    return *period;
}

void check_site_option(const std::string& site, const model::Repo& repo)
{
    if (site.empty() || repo.names.sites.defined(repo.names.sites.find(site)))
        return;
    throw UsageError("--site " + site + ": no such site in sites.csv" +
                     model::did_you_mean(repo.names.sites.closest(site)));
}

} // namespace pthv::cmd
