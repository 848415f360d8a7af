#include <doctest/doctest.h>

#include "fixture.hpp"

using namespace pthv;
using test::contains;

TEST_CASE("rules::CP2-trained")
{
    auto src = test::tiny_repo();

    SUBCASE("an educator with no training fires, once per educator and row")
    {
        test::replace(src, "trainings.csv", "T02,2026-08-10,intro,3,2026-08 intro\n", "");
        const auto problems = test::validate(src);
        INFO(test::dump(problems));
        CHECK(test::count(problems, "CP2-trained") == 2);
        CHECK(problems.size() == 2);
        CHECK(contains(problems[0].message, "educator T02 had no intro training before 2026-09-14"));
    }
    SUBCASE("two untrained educators are two problems")
    {
        test::replace(src, "trainings.csv", "T01,2026-08-10,intro,3,2026-08 intro\n", "");
        test::replace(src, "trainings.csv", "T02,2026-08-10,intro,3,2026-08 intro\n", "");
        CHECK(test::count(test::validate(src), "CP2-trained") == 4);
    }
    SUBCASE("an intro dated after the visit fires and says when it was")
    {
        test::replace(src, "trainings.csv", "T02,2026-08-10", "T02,2026-09-15");
        const auto problems = test::validate(src);
        CHECK(contains(problems.at(0).message, "(their intro training is dated 2026-09-15, after the visit)"));
    }
    SUBCASE("an intro on the visit day itself passes")
    {
        test::replace(src, "trainings.csv", "T02,2026-08-10", "T02,2026-09-14");
        CHECK(test::validate(src).empty());
    }
    SUBCASE("a refresher alone is not an intro")
    {
        test::replace(src, "trainings.csv", "T02,2026-08-10,intro", "T02,2026-08-10,refresher");
        CHECK(test::count(test::validate(src), "CP2-trained") == 2);
    }
    SUBCASE("an unknown educator is unknown-ref only")
    {
        test::replace(src, "visits.csv", "45,T01;T02,completed", "45,T01;T09,completed");
        const auto problems = test::validate(src);
        CHECK(test::count(problems, "CP2-trained") == 0);
        CHECK(test::count(problems, "unknown-ref") == 1);
    }
}

TEST_CASE("rules::CP2-refresher")
{
    auto src = test::tiny_repo();

    SUBCASE("a latest training more than refresher_months before the visit fires (a warning)")
    {
        test::replace(src, "trainings.csv", "T01,2026-08-10", "T01,2024-09-13");
        const auto problems = test::validate(src);
        INFO(test::dump(problems));
        CHECK(test::count(problems, "CP2-refresher") == 2);
        CHECK(problems.size() == 2);
        CHECK(problems[0].severity == model::Severity::Warning);
        CHECK(contains(problems[0].message, "educator T01's latest training was on 2024-09-13, more than 24 months"));
    }
    SUBCASE("exactly refresher_months before passes")
    {
        test::replace(src, "trainings.csv", "T01,2026-08-10", "T01,2024-09-14");
        CHECK(test::validate(src).empty());
    }
    SUBCASE("a refresher after the old intro keeps the educator current")
    {
        test::replace(src, "trainings.csv", "T01,2026-08-10,intro", "T01,2023-06-14,intro");
        test::append(src, "trainings.csv", "T01,2025-08-01,refresher,2,");
        CHECK(test::validate(src).empty());
    }
    SUBCASE("refresher_months is read from pthv.yaml")
    {
        test::replace(src, "trainings.csv", "T01,2026-08-10", "T01,2026-01-10");
        CHECK(test::validate(src).empty());
        test::replace(src, "pthv.yaml", "refresher_months: 24", "refresher_months: 6");
        CHECK(test::count(test::validate(src), "CP2-refresher") == 2);
    }
    SUBCASE("not reported where CP2-trained is")
    {
        // The only intro comes after the visit; the training before it is an
        // old refresher: CP2-trained, not CP2-refresher.
        test::replace(src, "trainings.csv", "T01,2026-08-10", "T01,2026-09-20");
        test::append(src, "trainings.csv", "T01,2020-01-01,refresher,2,");
        const auto problems = test::validate(src);
        CHECK(test::count(problems, "CP2-trained") == 2);
        CHECK(test::count(problems, "CP2-refresher") == 0);
    }
}

TEST_CASE("rules::CP2-compensation")
{
    auto src = test::tiny_repo();

    SUBCASE("a visit partly in the school day fires (15:00 for 45 minutes)")
    {
        test::replace(src, "visits.csv", "2026-09-14,16:30,45,T01;T02,completed,2026-09-08,hopes_and_dreams,home,2026-09-15,es,\n",
                      "2026-09-14,15:00,45,T01;T02,completed,2026-09-08,hopes_and_dreams,home,2026-09-15,es,\n");
        const auto p = test::only(test::validate(src), "CP2-compensation");
        CHECK(p.line == 2);
        CHECK(p.severity == model::Severity::Warning);
        CHECK(contains(p.message, "on 2026-09-14 at 15:00 for 45 minutes partly overlaps the school day (08:00-15:30)"));
    }
    SUBCASE("a visit starting as school ends passes, and so does one wholly inside it")
    {
        test::replace(src, "visits.csv", "2026-09-14,16:30,45", "2026-09-14,15:30,45");
        CHECK(test::validate(src).empty());
        test::replace(src, "visits.csv", "2026-09-14,15:30,45", "2026-09-14,08:30,30");
        CHECK(test::validate(src).empty());
    }
    SUBCASE("on a holiday any time is outside the school day")
    {
        test::replace(src, "visits.csv", "V20260914-ST01,ST01,S01,2026-09-14,16:30", "V20260914-ST01,ST01,S01,2026-09-07,10:00");
        test::replace(src, "visits.csv", "completed,2026-09-08,hopes_and_dreams,home,2026-09-15",
                      "completed,2026-09-01,hopes_and_dreams,home,2026-09-08");
        const auto problems = test::validate(src);
        INFO(test::dump(problems));
        CHECK(problems.empty());
    }
    SUBCASE("an educator with no pay rule fires: no class, or a class without a rule")
    {
        test::replace(src, "staff.csv", "T02,Ben Cho,S01,teacher,certificated", "T02,Ben Cho,S01,teacher,");
        auto problems = test::validate(src);
        CHECK(test::count(problems, "CP2-compensation") == 2);
        CHECK(contains(problems[0].message, "educator T02 has no pay rule (no class in staff.csv)"));

        src = test::tiny_repo();
        test::replace(src, "pthv.yaml", "  certificated: {per_visit: 50.00}\n", "");
        problems = test::validate(src);
        CHECK(test::count(problems, "CP2-compensation") == 4);
        CHECK(contains(problems[0].message, "compensation.certificated is not set in pthv.yaml"));
    }
}
