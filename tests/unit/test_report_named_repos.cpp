// Rollup's districts and trend's school years from loaded repos
// (report/named_repos.hpp): the period read in each repo's own year, and
// in public only a period the district publishes.

#include <string>

#include "fixture.hpp"

#include <pthv/report/named_repos.hpp>

using namespace pthv;
using test::contains;

namespace {

io::LoadResult loaded(bool publishes_end_of_year = true, std::string_view day = "2026-10-01")
{
    auto sources = test::tiny_repo();
    if (!publishes_end_of_year)
        test::replace(sources, "pthv.yaml", "reports: {min_cell: 10}", "reports: {min_cell: 10, publish: [mid-year]}");
    return io::load_sources(sources, test::as_of(day));
}

} // namespace

TEST_CASE("report::rollup_district: the district's figures for the period, named by its pthv.yaml")
{
    const auto d = report::rollup_district(loaded(), "repos/test", "end-of-year", false);
    CHECK(d.error.empty());
    CHECK(d.district == "Test District");
    CHECK(d.repo == "repos/test");
    CHECK(d.total.completed_visits.value == 2); // ST01 and ST02, seen together
}

TEST_CASE("report::rollup_district: a period that cannot be read or is not published is the row's error")
{
    const auto bad = report::rollup_district(loaded(), "repos/test", "someday", false);
    CHECK(bad.district == "test");
    CHECK(contains(bad.error, "--period someday: "));
    const auto unpublished = report::rollup_district(loaded(false), "repos/test", "end-of-year", true);
    CHECK(unpublished.district == "Test District");
    CHECK(contains(unpublished.error, "reports.publish does not list end-of-year"));
    CHECK(report::rollup_failure("a/b", "", "no pthv.yaml").district == "b");
}

TEST_CASE("report::trend_school_year: counted to the as-of date's day of its own year, or refused in public")
{
    const auto year = report::trend_school_year(loaded(), "y2026", test::date("2027-10-01"), false, false);
    CHECK(year.repo == "y2026");
    CHECK(year.period.to == test::date("2026-10-01"));
    CHECK_THROWS_WITH_AS(report::trend_school_year(loaded(false), "y", test::date("2027-10-01"), false, true),
                         doctest::Contains("reports.publish does not list end-of-year"), std::runtime_error);
}
