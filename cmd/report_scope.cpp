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
    if (site.empty() || repo.find_site(site))
        return;
    std::vector<std::string> ids;
    for (const auto& s : repo.sites)
        ids.push_back(s.id);
    const std::string near = util::closest_match(site, ids);
    throw UsageError("--site " + site + ": no such site in sites.csv" +
                     (near.empty() ? "" : "; did you mean " + near + "?"));
}

} // namespace pthv::cmd
