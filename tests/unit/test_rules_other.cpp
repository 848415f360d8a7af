#include <doctest/doctest.h>

#include "fixture.hpp"

using namespace pthv;
using test::contains;

namespace {
const char* const k_ledger_header = "period,staff_id,item,item_id,date,minutes,hours,rate,amount,site_id,source\n";
}

TEST_CASE("rules::duplicate-visit")
{
    auto src = test::tiny_repo();
    const std::string again = "V20260914-ST01-2,ST01,S01,2026-09-14,18:00,30,T02;T01,completed,2026-09-08,"
                              "hopes_and_dreams,home,2026-09-15,,";

    SUBCASE("the same student, date and educators twice fires on the later row")
    {
        test::append(src, "visits.csv", again);
        const auto p = test::only(test::validate(src), "duplicate-visit");
        CHECK(p.line == 5);
        CHECK(p.severity == model::Severity::Warning);
        CHECK(p.message == "visit V20260914-ST01-2 repeats visit V20260914-ST01 (line 2): same student ST01, date "
                           "2026-09-14 and educators");
    }
    SUBCASE("every repeat names the first row; a name listed twice is still one educator")
    {
        test::append(src, "visits.csv", again);
        std::string third = again;
        third.replace(third.find("-2,"), 3, "-3,");
        third.replace(third.find("T02;T01"), 7, "T01;T02;T01");
        test::append(src, "visits.csv", third);
        std::vector<model::Problem> found;
        for (const auto& p : test::validate(src))
            if (p.rule == "duplicate-visit")
                found.push_back(p);
        REQUIRE(found.size() == 2);
        CHECK(found[0].line == 5);
        CHECK(found[1].line == 6);
        CHECK(contains(found[1].message, "visit V20260914-ST01-3 repeats visit V20260914-ST01 (line 2)"));
    }
    SUBCASE("another day, or another pair, is no duplicate")
    {
        std::string other_day = again;
        other_day.replace(other_day.find("2026-09-14"), 10, "2026-09-21");
        test::append(src, "visits.csv", other_day);
        std::string other_pair = again;
        other_pair.replace(other_pair.find("T02;T01"), 7, "T02;T03");
        test::append(src, "visits.csv", other_pair);
        CHECK(test::count(test::validate(src), "duplicate-visit") == 0);
    }
    SUBCASE("the same student, date and start time with other educators: the retry after a CP5-pair finding")
    {
        // Line 2 is ST01 on 2026-09-14; the same moment logged again with
        // one more educator is the same visit, whatever its educators.
        const std::string_view visits = src.at("visits.csv");
        const auto start = visits.find("V20260914-ST01,");
        const std::string first(visits.substr(start, visits.find('\n', start) - start));
        std::string retry = first;
        retry.replace(0, 15, "V20260914-ST01-2,");
        const auto educators = retry.find("T01;T02");
        REQUIRE(educators != std::string::npos);
        retry.replace(educators, 7, "T01;T02;T03");
        test::append(src, "visits.csv", retry);
        const auto p = test::only(test::validate(src), "duplicate-visit");
        CHECK(p.line == 5);
        CHECK(contains(p.message, "repeats visit V20260914-ST01 (line 2): same student ST01, date 2026-09-14 and "
                                  "start time"));
    }
    SUBCASE("the same student and date at another start time, other educators: no duplicate")
    {
        std::string later = again; // 18:00, not the first row's time
        later.replace(later.find("T02;T01"), 7, "T02;T03");
        test::append(src, "visits.csv", later);
        CHECK(test::count(test::validate(src), "duplicate-visit") == 0);
    }
    SUBCASE("a cancelled row beside the completed one is no duplicate")
    {
        std::string cancelled = "V20260914-ST01-2,ST01,S01,2026-09-14,15:45,,T01;T02,cancelled,2026-09-08,,,,,";
        test::append(src, "visits.csv", cancelled);
        CHECK(test::validate(src).empty());
    }
}

TEST_CASE("rules::paid-not-compensable")
{
    auto src = test::tiny_repo();
    const std::string paid = "2026-09,T01,visit,V20260914-ST01,2026-09-14,45,,50.00,50.00,S01,district\n";

    SUBCASE("a paid visit that is still compensable passes")
    {
        src["payroll/2026-09.csv"] = k_ledger_header + paid;
        CHECK(test::validate(src).empty());
    }
    SUBCASE("a paid visit now cancelled fires on the ledger's line")
    {
        src["payroll/2026-09.csv"] = k_ledger_header + paid;
        test::replace(src, "visits.csv", "T01;T02,completed,2026-09-08,hopes_and_dreams,home,2026-09-15,es,\n",
                      "T01;T02,cancelled,2026-09-08,hopes_and_dreams,home,2026-09-15,es,\n");
        const auto p = test::only(test::validate(src), "paid-not-compensable");
        CHECK(p.file == "payroll/2026-09.csv");
        CHECK(p.line == 2);
        CHECK(p.message == "2026-09 paid T01 50.00 for visit V20260914-ST01, which is now cancelled");
    }
    SUBCASE("a paid visit no longer in visits.csv fires")
    {
        src["payroll/2026-09.csv"] = std::string(k_ledger_header) +
                                     "2026-09,T01,visit,V20260901-ST09,2026-09-01,45,,50.00,50.00,S01,district\n";
        CHECK(contains(test::only(test::validate(src), "paid-not-compensable").message, "no longer in visits.csv"));
    }
    SUBCASE("a paid visit now inside the school day fires")
    {
        src["payroll/2026-09.csv"] = k_ledger_header + paid;
        test::replace(src, "visits.csv", "2026-09-14,16:30,45", "2026-09-14,15:00,45");
        const auto problems = test::validate(src);
        CHECK(contains(test::only(problems, "paid-not-compensable").message, "not wholly outside the school day"));
    }
    SUBCASE("training lines are not visits")
    {
        src["payroll/2026-08.csv"] = std::string(k_ledger_header) +
                                     "2026-08,T01,training,2026-08-10/intro,2026-08-10,,3,40.00,120.00,S01,district\n";
        CHECK(test::validate(src).empty());
    }
}

TEST_CASE("rules::over-cap")
{
    auto src = test::tiny_repo();
    test::append(src, "visits.csv",
                 "V20260921-ST03,ST03,S01,2026-09-21,16:30,45,T01;T03,completed,2026-09-10,hopes_and_dreams,home,"
                 "2026-09-22,,");

    SUBCASE("past the cap fires once per staff member, at the first visit over it")
    {
        test::replace(src, "pthv.yaml", "max_paid_visits_per_staff: 60", "max_paid_visits_per_staff: 1");
        const auto problems = test::validate(src);
        INFO(test::dump(problems));
        const auto p = test::only(problems, "over-cap");
        CHECK(p.line == 5);
        CHECK(p.record == "T01");
        CHECK(p.message == "staff member T01 passes max_paid_visits_per_staff (1) with visit V20260921-ST03 on "
                           "2026-09-21; this and later visits this year are not paid");
    }
    SUBCASE("siblings seen together count as one visit")
    {
        test::replace(src, "pthv.yaml", "max_paid_visits_per_staff: 60", "max_paid_visits_per_staff: 2");
        CHECK(test::validate(src).empty());
    }
    SUBCASE("no cap, no finding")
    {
        test::replace(src, "pthv.yaml", "  max_paid_visits_per_staff: 60\n", "");
        CHECK(test::validate(src).empty());
    }
}

TEST_CASE("rules::scheduled-overdue")
{
    auto src = test::tiny_repo();
    // The fixture's visit V20261015-ST03 is scheduled for 2026-10-15.
    SUBCASE("a scheduled visit whose day has passed fires, on its line")
    {
        const auto p = test::only(test::validate(src, "2026-10-16"), "scheduled-overdue");
        CHECK(p.severity == model::Severity::Warning);
        CHECK(p.record == "V20261015-ST03");
        CHECK(contains(p.message, "is still scheduled for 2026-10-15, which has passed"));
    }
    SUBCASE("on its own day it is not overdue yet")
    {
        CHECK(test::count(test::validate(src, "2026-10-15"), "scheduled-overdue") == 0);
    }
}
