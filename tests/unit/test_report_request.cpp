// The checks of report's and rollup's options (report/request.hpp), in the
// words the commands print them.

#include <string>

#include "fixture.hpp"

#include <pthv/report/request.hpp>

using namespace pthv;
using test::contains;

namespace {

report::Request csv(const std::string& table) { return {"end-of-year", table, "csv", false, false, false}; }

} // namespace

TEST_CASE("report::request_refusal: a csv report names its one table, a table exists, a period is given")
{
    CHECK(contains(report::request_refusal(csv("")), "--format csv gives one table: name it with --table ("));
    CHECK(report::request_refusal(csv("fidelty")) == "--table fidelty: no such table; did you mean fidelity?");
    CHECK(report::request_refusal(csv("fidelity")).empty());
    CHECK(report::request_refusal({"", "", "text", false, false, false}) ==
          "--period is required (mid-year, end-of-year, YYYY-MM or YYYY-MM-DD..YYYY-MM-DD)");
}

TEST_CASE("report::request_refusal: a table needs csv, its input file, and no people in public")
{
    CHECK(report::request_refusal({"mid-year", "fidelity", "md", false, false, false}) ==
          "--table works with --format csv");
    CHECK(report::request_refusal(csv("subgroup_scores")) == "--table subgroup_scores needs --scores FILE");
    CHECK(report::request_refusal({"mid-year", "attendance", "csv", false, true, false}).empty());
    CHECK(report::request_refusal({"mid-year", "educators", "csv", true, false, false}) ==
          "--table educators: a public report has no per-educator table");
}

TEST_CASE("report::request_refusal: the census is for the whole school year, in text, csv or json")
{
    CHECK(report::request_refusal({"", "census", "json", false, false, false}).empty());
    CHECK(report::request_refusal({"", "census", "html", false, false, false}) ==
          "--table census works with --format text, csv or json");
    CHECK(contains(report::request_refusal({"mid-year", "census", "text", false, false, false}),
                   "--period mid-year: the census is for the whole school year"));
}

TEST_CASE("report::missing_file_table: a table of an optional file the repo lacks")
{
    const auto loaded = io::load_sources(test::tiny_repo(), test::as_of());
    CHECK(report::missing_file_table("event_list", loaded.repo) ==
          "--table event_list: this repo has no events.csv, so the report has no such table");
    CHECK(report::missing_file_table("fidelity", loaded.repo).empty());
}

TEST_CASE("report::rollup_table_refusal: csv only, one of the roll-up's tables")
{
    CHECK(report::rollup_table_refusal("", "text").empty());
    CHECK(report::rollup_table_refusal("money", "csv").empty());
    CHECK(report::rollup_table_refusal("money", "md") ==
          "--table works with --format csv; the other formats give every table");
    CHECK(contains(report::rollup_table_refusal("qqqqqqqqqqqq", "csv"), "no such table; the tables are districts"));
}
