// Rollup's districts and trend's school years (named_repos.hpp): each repo's
// findings and figures, made as `pthv report` makes them.

#include <pthv/report/named_repos.hpp>

#include <algorithm>
#include <filesystem>

#include <pthv/model/facts.hpp>
#include <pthv/report/publication.hpp>
#include <pthv/rules/registry.hpp>

namespace pthv::report {

namespace {

namespace fs = std::filesystem;

struct Reported {
    model::Problems findings;
    Figures figures;
};

Reported reported(io::LoadResult& loaded, const model::Period& period, bool is_public)
{
    const model::Facts facts(loaded.repo);
    const auto work = pay::visit_work(facts);
    Reported out;
    out.findings = rules::check_repo(facts, work, std::move(loaded.problems));
    out.figures = compute_figures(facts, work, out.findings, {period, {}, is_public, nullptr});
    return out;
}

} // namespace

DistrictFigures rollup_failure(const std::string& dir, const std::string& district, const std::string& why)
{
    DistrictFigures failed;
    failed.repo = dir;
    failed.district = district.empty() ? fs::path(dir).filename().string() : district;
    failed.error = why;
    return failed;
}

DistrictFigures rollup_district(io::LoadResult loaded, const std::string& dir, const std::string& period_text,
                                bool is_public)
{
    const model::Config& config = loaded.repo.config;
    std::string why;
    auto period = model::parse_period(period_text, config, loaded.repo.as_of, why);
    if (!period)
        return rollup_failure(dir, "", "--period " + period_text + ": " + why);
    if (is_public) {
        if (!publishes_period(config, *period))
            return rollup_failure(dir, config.district,
                                  "its pthv.yaml's reports.publish does not list " + period->label +
                                      ", so the district posts no public report for it");
        period = public_period(*period, loaded.repo, why);
        if (!period)
            return rollup_failure(dir, config.district, "--period " + period_text + ": " + why);
    }
    const Reported r = reported(loaded, *period, is_public);
    auto d = district_figures(r.figures, r.findings, dir);
    if (d.district.empty())
        d.district = fs::path(dir).filename().string();
    return d;
}

TrendYear trend_school_year(io::LoadResult loaded, const std::string& dir, model::Date as_of, bool full,
                            bool is_public)
{
    const auto& year = loaded.repo.config.school_year;
    const model::Date day = full ? std::min(as_of, year.end.add_days(1)) : same_day(as_of, year);
    loaded.repo.as_of = day; // the loader only keeps it, for the rules and the report
    std::string why;
    auto period = model::parse_period("end-of-year", loaded.repo.config, day, why);
    if (!period)
        throw std::runtime_error("school_year " + year.start.str() + ".." + year.end.str() + ": " + why);
    if (is_public) {
        if (!publishes_period(loaded.repo.config, *period))
            throw std::runtime_error("its pthv.yaml's reports.publish does not list end-of-year, so the district "
                                     "posts no public report of the year");
        period = public_period(*period, loaded.repo, why);
        if (!period)
            throw std::runtime_error("no public report of the year yet: " + why);
    }
    return trend_year(reported(loaded, *period, is_public).figures, dir);
}

} // namespace pthv::report
