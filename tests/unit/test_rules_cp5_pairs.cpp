#include <doctest/doctest.h>

#include "fixture.hpp"

using namespace pthv;
using test::contains;

TEST_CASE("rules::CP5-pair")
{
    auto src = test::tiny_repo();

    SUBCASE("one educator fires")
    {
        test::replace(src, "visits.csv", "45,T01;T02,completed", "45,T01,completed");
        const auto p = test::only(test::validate(src), "CP5-pair");
        CHECK(p.line == 2);
        CHECK(p.message == "visit V20260914-ST01 has one educator (T01): core practice 5, educators visit in pairs");
    }
    SUBCASE("the same educator twice is one educator")
    {
        test::replace(src, "visits.csv", "45,T01;T02,completed", "45,T01;T01,completed");
        CHECK(test::only(test::validate(src), "CP5-pair").line == 2);
    }
    SUBCASE("no educators at all fires")
    {
        test::replace(src, "visits.csv", "45,T01;T02,completed", "45,,completed");
        CHECK(contains(test::only(test::validate(src), "CP5-pair").message, "has no educators"));
    }
    SUBCASE("two distinct educators pass, in any order")
    {
        test::replace(src, "visits.csv", "45,T01;T02,completed", "45,T02;T01,completed");
        CHECK(test::validate(src).empty());
    }
    SUBCASE("a scheduled visit is not held to it")
    {
        test::replace(src, "visits.csv", "40,T02;T03,scheduled", "40,T02,scheduled");
        CHECK(test::validate(src).empty());
    }
}

TEST_CASE("rules::CP5-reflection")
{
    auto src = test::tiny_repo();
    const std::string row = "home,2026-09-15,es,\n";

    SUBCASE("no reflected_on fires (a warning)")
    {
        test::replace(src, "visits.csv", row, "home,,es,\n");
        const auto p = test::only(test::validate(src), "CP5-reflection");
        CHECK(p.severity == model::Severity::Warning);
        CHECK(p.message == "visit V20260914-ST01 has no reflected_on date: core practice 5, the pair reflects "
                           "together within 7 days");
    }
    SUBCASE("a reflection before the visit fires")
    {
        test::replace(src, "visits.csv", row, "home,2026-09-13,es,\n");
        CHECK(contains(test::only(test::validate(src), "CP5-reflection").message, "before the visit"));
    }
    SUBCASE("8 days after fires, 7 days after passes, the same day passes")
    {
        test::replace(src, "visits.csv", row, "home,2026-09-22,es,\n");
        CHECK(contains(test::only(test::validate(src), "CP5-reflection").message, "8 days after it"));
        test::replace(src, "visits.csv", "home,2026-09-22,es,\n", "home,2026-09-21,es,\n");
        CHECK(test::validate(src).empty());
        test::replace(src, "visits.csv", "home,2026-09-21,es,\n", "home,2026-09-14,es,\n");
        CHECK(test::validate(src).empty());
    }
    SUBCASE("reflection_within_days is read from pthv.yaml")
    {
        test::replace(src, "pthv.yaml", "reflection_within_days: 7", "reflection_within_days: 0");
        CHECK(test::count(test::validate(src), "CP5-reflection") == 2);
    }
}
