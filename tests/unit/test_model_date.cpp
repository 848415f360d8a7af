#include <doctest/doctest.h>

#include <pthv/model/date.hpp>

using pthv::model::Date;
using pthv::model::TimeOfDay;

namespace {
Date d(const char* text)
{
    const auto v = Date::parse(text);
    REQUIRE_MESSAGE(v, text);
    return *v;
}
} // namespace

TEST_CASE("model::Date")
{
    SUBCASE("parses YYYY-MM-DD and prints it back")
    {
        CHECK(d("2026-09-14").str() == "2026-09-14");
        CHECK(d("2026-09-14").year() == 2026);
        CHECK(d("2026-09-14").month() == 9);
        CHECK(d("2026-09-14").day() == 14);
        CHECK(d("1970-01-01").days() == 0);
    }
    SUBCASE("February 29 exists only in leap years")
    {
        CHECK_FALSE(Date::parse("2026-02-29"));
        CHECK(Date::parse("2028-02-29"));
        CHECK(Date::parse("2000-02-29"));
        CHECK_FALSE(Date::parse("2100-02-29"));
    }
    SUBCASE("rejects anything but the exact form")
    {
        for (const char* bad : {"", "2026-9-14", "2026/09/14", "26-09-14", "2026-09-14 ", " 2026-09-14",
                                "2026-13-01", "2026-00-10", "2026-04-31", "2026-09-00", "09/14/2026",
                                "2026-09-1x", "+026-09-14"})
            CHECK_MESSAGE(!Date::parse(bad), bad);
    }
    SUBCASE("weekday counts from Monday = 0")
    {
        CHECK(d("2026-09-14").weekday() == 0); // a Monday
        CHECK(d("2026-09-19").weekday() == 5); // Saturday
        CHECK(d("2026-09-20").weekday() == 6); // Sunday
        CHECK(d("1970-01-01").weekday() == 3); // Thursday
        CHECK(d("1969-12-31").weekday() == 2); // before the epoch too
    }
    SUBCASE("days between dates and adding days cross months and years")
    {
        CHECK(d("2027-01-01") - d("2026-12-31") == 1);
        CHECK(d("2026-12-31").add_days(1) == d("2027-01-01"));
        CHECK(d("2028-03-01").add_days(-1) == d("2028-02-29"));
        CHECK(d("2026-09-14") < d("2026-09-15"));
    }
    SUBCASE("add_months keeps the day, clamped to the month's last day")
    {
        CHECK(d("2026-01-31").add_months(1) == d("2026-02-28"));
        CHECK(d("2028-01-31").add_months(1) == d("2028-02-29"));
        CHECK(d("2026-08-31").add_months(1) == d("2026-09-30"));
        CHECK(d("2026-07-01").add_months(7).add_days(-1) == d("2027-01-31"));
        CHECK(d("2023-06-14").add_months(24) == d("2025-06-14"));
        CHECK(d("2026-03-31").add_months(-1) == d("2026-02-28"));
        CHECK(d("2026-01-15").add_months(-13) == d("2024-12-15"));
    }
}

TEST_CASE("model::TimeOfDay")
{
    SUBCASE("parses HH:MM on the 24-hour clock")
    {
        CHECK(TimeOfDay::parse("00:00")->minutes() == 0);
        CHECK(TimeOfDay::parse("16:30")->minutes() == 16 * 60 + 30);
        CHECK(TimeOfDay::parse("23:59")->str() == "23:59");
    }
    SUBCASE("rejects other forms")
    {
        for (const char* bad : {"24:00", "12:60", "4:30", "16:30:00", "4pm", "", "16-30", "1630"})
            CHECK_MESSAGE(!TimeOfDay::parse(bad), bad);
    }
}

TEST_CASE("model::parse_month")
{
    CHECK(pthv::model::parse_month("2026-09") == d("2026-09-01"));
    CHECK_FALSE(pthv::model::parse_month("2026-13"));
    CHECK_FALSE(pthv::model::parse_month("2026-9"));
    CHECK_FALSE(pthv::model::parse_month("2026-09-01"));
}
