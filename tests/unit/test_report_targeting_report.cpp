// check-targeting's analysis as one call (report/targeting.hpp,
// targeting_report) and the renderer its format picks.

#include "fixture.hpp"

#include <pthv/io/repo_files.hpp>
#include <pthv/report/targeting.hpp>

using namespace pthv;

TEST_CASE("report::targeting_report: the asked grouping, site and period, the facts built once")
{
    const auto loaded = io::load_sources(test::tiny_repo(), test::as_of());
    const model::Facts facts(loaded.repo);
    int built = 0;
    const auto facts_of = [&]() -> const model::Facts& {
        ++built;
        return facts;
    };
    model::Period period{test::date("2026-07-01"), test::date("2026-10-01"), "2026-07-01..2026-10-01", false, false};
    const auto rep = report::targeting_report(loaded.repo, facts_of, {stats::GroupBy::Site, "S01", period, ""});
    CHECK(built == 1);
    CHECK(rep.as_of == test::date("2026-10-01"));
    CHECK(rep.site == std::optional<std::string>("S01"));
    CHECK(rep.result.by == stats::GroupBy::Site);
    CHECK(rep.period.to == test::date("2026-10-01"));
    CHECK(rep.flags_source == io::flags_source(loaded.repo, ""));
    CHECK_FALSE(report::targeting_report(loaded.repo, facts_of, {stats::GroupBy::Grade, "", period, ""}).site);
}

TEST_CASE("report::render_targeting: json and csv as they are, text with no raw escape")
{
    const auto loaded = io::load_sources(test::tiny_repo(), test::as_of());
    const model::Facts facts(loaded.repo);
    model::Period period{test::date("2026-07-01"), test::date("2026-10-01"), "2026-07-01..2026-10-01", false, false};
    const auto rep = report::targeting_report(loaded.repo, [&]() -> const model::Facts& { return facts; },
                                              {stats::GroupBy::Homeroom, "", period, ""});
    CHECK(report::render_targeting(rep, "json", false) == report::render_targeting_json(rep));
    CHECK(report::render_targeting(rep, "csv", false) == report::render_targeting_csv(rep));
    CHECK(report::render_targeting(rep, "text", true).find('\x1b') == std::string::npos);
}
