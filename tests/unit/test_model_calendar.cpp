#include <doctest/doctest.h>

#include <pthv/model/calendar.hpp>

using namespace pthv::model;

namespace {

Date d(const char* text)
{
    const auto v = Date::parse(text);
    REQUIRE(v);
    return *v;
}

TimeOfDay t(const char* text)
{
    const auto v = TimeOfDay::parse(text);
    REQUIRE(v);
    return *v;
}

// School runs 2026-08-19..2027-06-04, Monday to Friday, 08:00-15:30, with
// Labor Day and Thanksgiving off.
Calendar test_calendar()
{
    Calendar c;
    c.first_day = d("2026-08-19");
    c.last_day = d("2027-06-04");
    c.holidays = {{d("2026-09-07"), d("2026-09-07")}, {d("2026-11-26"), d("2026-11-27")}};
    return c;
}

} // namespace

TEST_CASE("model::SchoolCalendar")
{
    const SchoolCalendar cal(test_calendar());

    SUBCASE("school days are weekdays in first_day..last_day that are not holidays")
    {
        CHECK(cal.is_school_day(d("2026-09-14")));       // Monday
        CHECK_FALSE(cal.is_school_day(d("2026-09-19"))); // Saturday
        CHECK_FALSE(cal.is_school_day(d("2026-09-20"))); // Sunday
        CHECK_FALSE(cal.is_school_day(d("2026-09-07"))); // Labor Day
        CHECK(cal.is_school_day(d("2026-08-19")));       // the first day itself
        CHECK_FALSE(cal.is_school_day(d("2026-08-18"))); // before first_day
        CHECK(cal.is_school_day(d("2027-06-04")));       // the last day itself
        CHECK_FALSE(cal.is_school_day(d("2027-06-07"))); // after last_day (a Monday)
    }
    SUBCASE("a holiday range includes both ends")
    {
        CHECK(cal.is_holiday(d("2026-11-26")));
        CHECK(cal.is_holiday(d("2026-11-27")));
        CHECK_FALSE(cal.is_holiday(d("2026-11-25")));
        CHECK_FALSE(cal.is_school_day(d("2026-11-27")));
        CHECK(cal.is_school_day(d("2026-11-30")));
    }
    SUBCASE("a visit on a day without school is outside the school day at any hour")
    {
        CHECK(cal.classify(d("2026-09-19"), t("10:00"), 60) == DayPart::Outside); // Saturday
        CHECK(cal.classify(d("2026-09-07"), t("10:00"), 60) == DayPart::Outside); // holiday
        CHECK(cal.classify(d("2026-08-10"), t("10:00"), 60) == DayPart::Outside); // summer
    }
    SUBCASE("on a school day the window decides")
    {
        CHECK(cal.classify(d("2026-09-14"), t("15:00"), 45) == DayPart::Partial); // 15:00-15:45
        CHECK(cal.classify(d("2026-09-14"), t("15:30"), 30) == DayPart::Outside); // starts as school ends
        CHECK(cal.classify(d("2026-09-14"), t("16:00"), 60) == DayPart::Outside);
        CHECK(cal.classify(d("2026-09-14"), t("08:30"), 30) == DayPart::Inside);  // 08:30-09:00
        CHECK(cal.classify(d("2026-09-14"), t("07:00"), 60) == DayPart::Outside); // ends as school starts
        CHECK(cal.classify(d("2026-09-14"), t("07:30"), 60) == DayPart::Partial);
        CHECK(cal.classify(d("2026-09-14"), t("07:00"), 600) == DayPart::Partial); // spans the whole day
    }
    SUBCASE("a visit past midnight is checked against the next day too")
    {
        // Sunday 23:00 for 10 hours runs into Monday 08:00-09:00.
        CHECK(cal.classify(d("2026-09-13"), t("23:00"), 600) == DayPart::Partial);
        // Friday 23:00 for 10 hours ends Saturday morning.
        CHECK(cal.classify(d("2026-09-18"), t("23:00"), 600) == DayPart::Outside);
        // Monday 22:00 for 2 hours ends at midnight exactly.
        CHECK(cal.classify(d("2026-09-14"), t("22:00"), 120) == DayPart::Outside);
    }
    SUBCASE("other weekdays can be school days")
    {
        Calendar c = test_calendar();
        c.weekdays[5] = true; // Saturday school
        const SchoolCalendar sat(c);
        CHECK(sat.is_school_day(d("2026-09-19")));
        CHECK(sat.classify(d("2026-09-19"), t("10:00"), 60) == DayPart::Inside);
    }
}
