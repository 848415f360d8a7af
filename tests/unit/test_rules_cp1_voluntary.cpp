#include <doctest/doctest.h>

#include "fixture.hpp"

using namespace pthv;
using test::contains;

TEST_CASE("rules::CP1-arranged")
{
    auto src = test::tiny_repo();

    SUBCASE("arranged on the visit day fires with arrange_lead_days 1")
    {
        test::replace(src, "visits.csv", "completed,2026-09-08", "completed,2026-09-14");
        const auto p = test::only(test::validate(src), "CP1-arranged");
        CHECK(p.line == 2);
        CHECK(p.record == "V20260914-ST01");
        CHECK(p.severity == model::Severity::Error);
        CHECK(contains(p.message, "arranged on 2026-09-14, 0 days before the visit"));
        CHECK(contains(p.message, "at least 1 day in advance"));
    }
    SUBCASE("arranged the day before passes")
    {
        test::replace(src, "visits.csv", "completed,2026-09-08", "completed,2026-09-13");
        CHECK(test::validate(src).empty());
    }
    SUBCASE("arranged_on empty fires")
    {
        test::replace(src, "visits.csv", "completed,2026-09-08", "completed,");
        CHECK(contains(test::only(test::validate(src), "CP1-arranged").message, "has no arranged_on date"));
    }
    SUBCASE("arranged after the visit says so")
    {
        test::replace(src, "visits.csv", "completed,2026-09-08", "completed,2026-09-20");
        CHECK(contains(test::only(test::validate(src), "CP1-arranged").message, "after it"));
    }
    SUBCASE("a longer lead is read from pthv.yaml")
    {
        test::replace(src, "pthv.yaml", "arrange_lead_days: 1", "arrange_lead_days: 7");
        // arranged 2026-09-08 for 2026-09-14: 6 days, on both sibling rows
        const auto problems = test::validate(src);
        CHECK(test::count(problems, "CP1-arranged") == 2);
        CHECK(contains(problems[0].message, "6 days before the visit: core practice 1, visits are arranged at "
                                            "least 7 days in advance"));
    }
    SUBCASE("with arrange_lead_days 0 a same-day arrangement passes")
    {
        test::replace(src, "pthv.yaml", "arrange_lead_days: 1", "arrange_lead_days: 0");
        test::replace(src, "visits.csv", "completed,2026-09-08", "completed,2026-09-14");
        CHECK(test::validate(src).empty());
    }
    SUBCASE("a declined visit has no arranged_on and is not held to it")
    {
        test::append(src, "visits.csv", "V20260920-ST03,ST03,S01,2026-09-20,,,,declined,,,,,,");
        CHECK(test::validate(src).empty());
    }
}

TEST_CASE("rules::CP1-opted-in")
{
    auto src = test::tiny_repo();

    SUBCASE("an educator who has not opted in fires, on each row of the visit")
    {
        test::replace(src, "staff.csv", "T02,Ben Cho,S01,teacher,certificated,yes", "T02,Ben Cho,S01,teacher,certificated,no");
        const auto problems = test::validate(src);
        INFO(test::dump(problems));
        CHECK(test::count(problems, "CP1-opted-in") == 2);
        CHECK(problems.size() == 2);
        CHECK(problems[0].line == 2);
        CHECK(problems[1].line == 3);
        CHECK(contains(problems[0].message, "educator T02 has not opted in"));
        CHECK(contains(problems[0].advice, "pthv roster set T02 --opted-in yes"));
    }
    SUBCASE("opted-in educators pass")
    {
        CHECK(test::count(test::validate(src), "CP1-opted-in") == 0);
    }
    SUBCASE("a scheduled visit with a staff member not opted in is not held to it")
    {
        test::replace(src, "staff.csv", "T03,Cara Diaz,S01,liaison,classified,yes", "T03,Cara Diaz,S01,liaison,classified,no");
        CHECK(test::validate(src).empty()); // T03 is only on the scheduled visit
    }
}
