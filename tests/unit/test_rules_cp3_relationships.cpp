#include <doctest/doctest.h>

#include "fixture.hpp"

using namespace pthv;
using test::contains;

TEST_CASE("rules::CP3-first-focus")
{
    auto src = test::tiny_repo();

    SUBCASE("a student's first visit about academics fires")
    {
        test::replace(src, "visits.csv", "2026-09-08,hopes_and_dreams", "2026-09-08,academics");
        const auto p = test::only(test::validate(src), "CP3-first-focus");
        CHECK(p.line == 2);
        CHECK(p.message == "visit V20260914-ST01 is student ST01's first visit this year, with focus academics: "
                           "core practice 3, the first visit is about hopes and dreams");
    }
    SUBCASE("a follow-up visit may be about academics")
    {
        test::append(src, "visits.csv",
                     "V20260928-ST01,ST01,S01,2026-09-28,16:30,45,T01;T02,completed,2026-09-20,academics,home,"
                     "2026-09-29,,");
        CHECK(test::validate(src).empty());
    }
    SUBCASE("the earliest visit is the first, whatever the file order")
    {
        test::append(src, "visits.csv",
                     "V20260901-ST01,ST01,S01,2026-09-01,16:30,45,T01;T02,completed,2026-08-25,academics,home,"
                     "2026-09-02,,");
        const auto p = test::only(test::validate(src), "CP3-first-focus");
        CHECK(p.line == 5);
    }
    SUBCASE("a scheduled first visit is not held to it")
    {
        test::replace(src, "visits.csv", "scheduled,2026-10-01,hopes_and_dreams", "scheduled,2026-10-01,academics");
        CHECK(test::validate(src).empty());
    }
}
