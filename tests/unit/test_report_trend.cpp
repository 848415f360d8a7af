// Trends across school years (report/trend.hpp): each year counted to the
// same day of its school year; years in order with their changes; in
// public, no change built on a figure either year hides; repos of two
// districts or two of one school year refused.

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include <pthv/report/trend.hpp>

using namespace pthv;
using report::Count;
using report::Share;
using report::ShareShown;
using report::Shown;
using report::TrendYear;

namespace {

model::Date day(int y, int m, int d) { return model::Date::from_ymd(y, m, d).value(); }

model::SchoolYear year_from(int start_year)
{
    return {day(start_year, 7, 1), day(start_year + 1, 6, 30), day(start_year + 1, 1, 31)};
}

TrendYear year(const std::string& district, int start_year, Count visits, Count students, Count enrolled)
{
    TrendYear y;
    y.district = district;
    y.repo = "repo-" + std::to_string(start_year);
    y.school_year = std::to_string(start_year) + "-" + std::to_string((start_year + 1) % 100);
    y.period = {day(start_year, 7, 1), day(start_year + 1, 5, 15), "end-of-year", true, false};
    y.total.completed_visits = visits;
    y.total.students_visited = students;
    y.total.students_enrolled = enrolled;
    y.total.coverage = Share{students.value, enrolled.value,
                             students.hidden() || enrolled.hidden() ? ShareShown::Hidden : ShareShown::Exact, 0};
    y.sites = {{"S01", "Cedar Grove"}};
    return y;
}

Count shown(std::int64_t n) { return Count{n, Shown::Exact}; }
Count below(std::int64_t n) { return Count{n, Shown::Below}; }

// The tidy cell of `key` in the row of `school_year`.
std::string cell(const report::Table& t, std::size_t row, const std::string& key)
{
    for (std::size_t i = 0; i < t.keys.size(); ++i)
        if (t.keys[i] == key)
            return t.tidy.at(row).at(i).value;
    FAIL("no column " << key);
    return {};
}

} // namespace

TEST_CASE("trend: each year is counted to the as-of date's month and day in that school year")
{
    const auto as_of = day(2026, 5, 15);
    CHECK(report::same_day(as_of, year_from(2025)) == as_of);
    CHECK(report::same_day(as_of, year_from(2024)) == day(2025, 5, 15));
    CHECK(report::same_day(day(2026, 9, 10), year_from(2023)) == day(2023, 9, 10));
    SUBCASE("29 February in a common year is the 28th")
    {
        CHECK(report::same_day(day(2028, 2, 29), year_from(2024)) == day(2025, 2, 28));
    }
    SUBCASE("a day after the school year's end counts the year whole")
    {
        const model::SchoolYear short_year{day(2025, 8, 1), day(2026, 6, 15), day(2026, 1, 31)};
        CHECK(report::same_day(day(2027, 6, 20), short_year) == day(2026, 6, 15));
    }
}

TEST_CASE("trend: years oldest first, each change from the year before, none for the first")
{
    const auto t = report::make_trend({year("Riverbend", 2025, shown(1139), shown(735), shown(1556)),
                                       year("Riverbend", 2024, shown(759), shown(494), shown(1263))},
                                      day(2026, 5, 15), false, false);
    REQUIRE(t.years.size() == 2);
    CHECK(t.years[0].school_year == "2024-25");
    const auto table = report::trend_table(t);
    CHECK(cell(table, 0, "completed_visits_change").empty());
    CHECK(cell(table, 1, "completed_visits") == "1139");
    CHECK(cell(table, 1, "completed_visits_change") == "380");
    CHECK(cell(table, 1, "coverage_pct_change") == "8.1"); // 47.2% - 39.1%
    CHECK(t.partial_sites.empty());
}

TEST_CASE("trend: in public a change with a hidden side is hidden too, never the difference")
{
    // 23 last year and "<10" this year: a change of -17 would say 6.
    const auto t = report::make_trend({year("Riverbend", 2024, shown(23), shown(20), shown(400)),
                                       year("Riverbend", 2025, below(6), below(5), shown(410))},
                                      day(2026, 5, 15), false, true);
    const auto table = report::trend_table(t);
    CHECK(cell(table, 1, "completed_visits").empty());
    CHECK(cell(table, 1, "completed_visits_change").empty());
    CHECK(cell(table, 1, "coverage_pct_change").empty());
    CHECK(cell(table, 1, "students_enrolled_change") == "10");
    const std::string json = report::render_trend_json(t);
    CHECK(json.find("\"completed_visits_change\": null", json.find("\"2025-26\"")) != std::string::npos);
    CHECK(json.find("-17") == std::string::npos);
}

TEST_CASE("trend: a site only some years report is named with its years")
{
    auto older = year("Riverbend", 2024, shown(759), shown(494), shown(1263));
    auto newer = year("Riverbend", 2025, shown(1139), shown(735), shown(1556));
    newer.sites.push_back({"S03", "Willow Creek"});
    const auto t = report::make_trend({older, newer}, day(2026, 5, 15), false, false);
    REQUIRE(t.partial_sites.size() == 1);
    CHECK(t.partial_sites[0].site_id == "S03");
    CHECK(t.partial_sites[0].school_years == std::vector<std::string>{"2025-26"});
}

TEST_CASE("trend: repos of two districts, or two of one school year, are refused")
{
    const auto a = year("Riverbend", 2024, shown(1), shown(1), shown(1));
    CHECK_FALSE(report::trend_refusal({a, year("Riverbend", 2025, shown(1), shown(1), shown(1))}));
    const auto districts = report::trend_refusal({a, year("Lakeside", 2025, shown(1), shown(1), shown(1))});
    REQUIRE(districts);
    CHECK(districts->find("Lakeside") != std::string::npos);
    auto again = a;
    again.repo = "copy";
    const auto twice = report::trend_refusal({a, again});
    REQUIRE(twice);
    CHECK(twice->find("both the school year 2024-25") != std::string::npos);
}
