#include <doctest/doctest.h>

#include <string>

#include <pthv/model/period.hpp>

using pthv::model::Config;
using pthv::model::Date;
using pthv::model::parse_period;
using pthv::model::Period;

namespace {

Date d(const char* text)
{
    const auto parsed = Date::parse(text);
    REQUIRE(parsed);
    return *parsed;
}

Config year()
{
    Config c;
    c.school_year = {d("2025-07-01"), d("2026-06-30"), d("2026-01-31")};
    return c;
}

Period ok(const char* text, const char* as_of = "2026-05-15")
{
    std::string error;
    const auto p = parse_period(text, year(), d(as_of), error);
    REQUIRE_MESSAGE(p, text << ": " << error);
    CHECK(error.empty());
    return *p;
}

std::string fails(const char* text, const char* as_of = "2026-05-15")
{
    std::string error;
    const auto p = parse_period(text, year(), d(as_of), error);
    CHECK_MESSAGE(!p, text << " was accepted");
    CHECK(!error.empty());
    return error;
}

} // namespace

TEST_CASE("model::parse_period")
{
    SUBCASE("mid-year runs from the start of the school year to mid_year")
    {
        const Period p = ok("mid-year");
        CHECK(p.from == d("2025-07-01"));
        CHECK(p.to == d("2026-01-31"));
        CHECK(p.label == "mid-year");
        CHECK_FALSE(p.cut_at_as_of);
    }
    SUBCASE("end-of-year is the whole school year, cut at the as-of date")
    {
        const Period p = ok("end-of-year");
        CHECK(p.from == d("2025-07-01"));
        CHECK(p.to == d("2026-05-15"));
        CHECK(p.cut_at_as_of);
        CHECK(ok("end-of-year", "2026-08-01").to == d("2026-06-30"));
    }
    SUBCASE("mid-year is cut at an as-of date before mid_year")
    {
        const Period p = ok("mid-year", "2025-10-03");
        CHECK(p.to == d("2025-10-03"));
        CHECK(p.cut_at_as_of);
    }
    SUBCASE("a month covers its first to last day, leap February included")
    {
        const Period p = ok("2025-11");
        CHECK(p.from == d("2025-11-01"));
        CHECK(p.to == d("2025-11-30"));
        CHECK(ok("2026-02").to == d("2026-02-28"));
        CHECK(ok("2025-12").to == d("2025-12-31"));
    }
    SUBCASE("the month of the as-of date ends on it")
    {
        const Period p = ok("2026-05");
        CHECK(p.to == d("2026-05-15"));
        CHECK(p.cut_at_as_of);
    }
    SUBCASE("a range includes both days; one day is a range")
    {
        const Period p = ok("2025-09-01..2025-09-30");
        CHECK(p.from == d("2025-09-01"));
        CHECK(p.to == d("2025-09-30"));
        CHECK(p.contains(d("2025-09-30")));
        CHECK_FALSE(p.contains(d("2025-10-01")));
        const Period one = ok("2025-09-14..2025-09-14");
        CHECK(one.from == one.to);
    }
    SUBCASE("a range reaching outside the school year is kept inside it")
    {
        const Period p = ok("2025-06-01..2025-07-31");
        CHECK(p.from == d("2025-07-01"));
        CHECK(p.to == d("2025-07-31"));
    }
    SUBCASE("text that names no period is refused with the forms that work")
    {
        for (const char* bad :
             {"", "midyear", "2025-13", "2025-9", "2025-09-31..2025-10-01", "2025-09-01..",
              "..2025-09-01", "2025-09-01...2025-09-02", "2025-09-01", "2025-09-01..x"}) {
            CAPTURE(bad);
            CHECK(fails(bad).find("YYYY-MM") != std::string::npos);
        }
    }
    SUBCASE("a range that ends before it starts is refused")
    {
        CHECK(fails("2025-10-01..2025-09-01") == "ends before it starts");
    }
    SUBCASE("a period after the as-of date is refused")
    {
        CHECK(fails("2026-06") == "starts after the as-of date 2026-05-15");
        CHECK(fails("mid-year", "2025-06-30").find("as-of") != std::string::npos);
    }
    SUBCASE("a period wholly outside the school year is refused")
    {
        CHECK(fails("2024-03") == "lies outside the school year 2025-07-01..2026-06-30");
        CHECK(fails("2026-07-01..2026-07-02", "2026-08-01").find("outside") != std::string::npos);
    }
    SUBCASE("describe_period names the label, the days and the cut")
    {
        CHECK(describe_period(ok("mid-year")) == "mid-year 2025-07-01..2026-01-31");
        CHECK(describe_period(ok("2025-09-01..2025-09-30")) == "2025-09-01..2025-09-30");
        CHECK(describe_period(ok("end-of-year")) ==
              "end-of-year 2025-07-01..2026-05-15 (to the as-of date)");
    }
}
