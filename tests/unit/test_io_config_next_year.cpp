#include <doctest/doctest.h>

#include "fixture.hpp"

#include <pthv/io/config.hpp>
#include <pthv/io/config_next_year.hpp>

using namespace pthv;

TEST_CASE("io::next_year_config")
{
    std::string why;

    SUBCASE("the school year and calendar move one year on, everything else is kept")
    {
        const std::string before = test::k_config;
        const auto after = io::next_year_config(before, why);
        REQUIRE_MESSAGE(after, why);
        model::Problems problems;
        const auto old_config = io::parse_config(before, problems).config;
        const auto parsed = io::parse_config(*after, problems);
        CHECK(problems.empty());
        REQUIRE(parsed.ok);
        const auto& c = parsed.config;
        CHECK(c.school_year.start.year() == old_config.school_year.start.year() + 1);
        CHECK(c.school_year.start.month() == old_config.school_year.start.month());
        CHECK(c.school_year.end.year() == old_config.school_year.end.year() + 1);
        CHECK(c.school_year.mid_year.year() == old_config.school_year.mid_year.year() + 1);
        CHECK(c.calendar.first_day.year() == old_config.calendar.first_day.year() + 1);
        CHECK(c.calendar.last_day.day() == old_config.calendar.last_day.day());
        CHECK(c.calendar.holidays.empty());
        CHECK(c.district == old_config.district);
        CHECK(c.compensation.certificated->per_visit == old_config.compensation.certificated->per_visit);
        CHECK(c.funding.size() == old_config.funding.size());
    }
    SUBCASE("a block list of holidays is emptied with a comment asking for the new ones")
    {
        const std::string text = "district: D\n"
                                 "school_year: {start: 2026-07-01, end: 2027-06-30, mid_year: 2027-01-31}\n"
                                 "calendar:\n"
                                 "  first_day: 2026-08-19   # first day\n"
                                 "  last_day: 2027-06-04\n"
                                 "  holidays:\n"
                                 "    - 2026-09-07          # Labor Day\n"
                                 "    - 2026-11-26..2026-11-27\n"
                                 "  weekdays: [mon, tue, wed, thu, fri]\n"
                                 "reports: {min_cell: 10}   # kept: 2026-01-01 outside the calendar\n";
        const auto after = io::next_year_config(text, why);
        REQUIRE_MESSAGE(after, why);
        CHECK(*after == "district: D\n"
                        "school_year: {start: 2027-07-01, end: 2028-06-30, mid_year: 2028-01-31}\n"
                        "calendar:\n"
                        "  first_day: 2027-08-19   # first day\n"
                        "  last_day: 2028-06-04\n"
                        "  # The new year's holidays: list them, e.g. [2027-09-07, 2027-11-26..2027-11-27]\n"
                        "  holidays: []\n"
                        "  weekdays: [mon, tue, wed, thu, fri]\n"
                        "reports: {min_cell: 10}   # kept: 2026-01-01 outside the calendar\n");
    }
    SUBCASE("funding periods and dated reports.publish entries move on; comments and other dates stay")
    {
        const std::string text = "district: D\n"
                                 "school_year: {start: 2025-07-01, end: 2026-06-30, mid_year: 2026-01-31}\n"
                                 "calendar: {first_day: 2025-08-20, last_day: 2026-06-05}\n"
                                 "funding:\n"
                                 "  - {source: grant-2025-10, amount: 1.00, period: {from: 2025-10-01, to: "
                                 "2026-09-30}}  # award 2025-09-15\n"
                                 "  - source: spring\n"
                                 "    amount: 2.00\n"
                                 "    period:\n"
                                 "      from: 2025-07-01\n"
                                 "      to: 2026-03-31    # ends in March\n"
                                 "  - {source: district, amount: 3.00}\n"
                                 "reports:\n"
                                 "  min_cell: 10\n"
                                 "  publish: [mid-year, 2026-05, 2026-04-01..2026-04-30]  # 2026-05 too\n";
        const auto after = io::next_year_config(text, why);
        REQUIRE_MESSAGE(after, why);
        CHECK(*after == "district: D\n"
                        "school_year: {start: 2026-07-01, end: 2027-06-30, mid_year: 2027-01-31}\n"
                        "calendar: {first_day: 2026-08-20, last_day: 2027-06-05}\n"
                        "funding:\n"
                        "  - {source: grant-2025-10, amount: 1.00, period: {from: 2026-10-01, to: "
                        "2027-09-30}}  # award 2025-09-15\n"
                        "  - source: spring\n"
                        "    amount: 2.00\n"
                        "    period:\n"
                        "      from: 2026-07-01\n"
                        "      to: 2027-03-31    # ends in March\n"
                        "  - {source: district, amount: 3.00}\n"
                        "reports:\n"
                        "  min_cell: 10\n"
                        "  publish: [mid-year, 2027-05, 2027-04-01..2027-04-30]  # 2026-05 too\n");
    }
    SUBCASE("29 February becomes 28 February")
    {
        const std::string text = "district: D\n"
                                 "school_year: {start: 2027-07-01, end: 2028-06-30, mid_year: 2028-02-29}\n"
                                 "calendar: {first_day: 2027-08-19, last_day: 2028-06-04}\n";
        const auto after = io::next_year_config(text, why);
        REQUIRE_MESSAGE(after, why);
        CHECK(after->find("mid_year: 2029-02-28}") != std::string::npos);
        CHECK(after->find("calendar: {first_day: 2028-08-19, last_day: 2029-06-04}") != std::string::npos);
    }
    SUBCASE("a pthv.yaml that cannot be read is refused with the reason")
    {
        CHECK_FALSE(io::next_year_config("school_year: [\n", why));
        CHECK_FALSE(why.empty());
    }
}
