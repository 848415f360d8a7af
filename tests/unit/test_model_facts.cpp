#include <doctest/doctest.h>

#include "fixture.hpp"

#include <pthv/model/facts.hpp>
#include <pthv/pay/events.hpp>

using namespace pthv;

TEST_CASE("model::Facts")
{
    auto src = test::tiny_repo();

    SUBCASE("pay::visit_work is made by the caller from the facts")
    {
        const auto loaded = io::load_sources(src, test::as_of());
        const model::Facts facts(loaded.repo);
        const auto work = pay::visit_work(facts);
        REQUIRE(work.size() == 2); // the one event, for T01 and T02
        CHECK(loaded.repo.id(work[0].staff) != loaded.repo.id(work[1].staff));
    }
    SUBCASE("a visit's educators are a set: each once, whatever the order written")
    {
        test::replace(src, "visits.csv", "T01;T02,completed", "T02;T01;T02,completed");
        const auto loaded = io::load_sources(src, test::as_of());
        const model::Facts facts(loaded.repo);
        const auto& repo = loaded.repo;
        CHECK(repo.educators(repo.visits[0]).size() == 3); // as written
        const auto set = facts.educators(0);
        REQUIRE(set.size() == 2);
        CHECK(set[0] < set[1]);
        // Still one event with the sibling's row, whose educators are T01;T02.
        REQUIRE(facts.events().size() == 1);
        CHECK(facts.event_visits(facts.events()[0]).size() == 2);
        CHECK(facts.event_educators(facts.events()[0]).size() == 2);
    }
    SUBCASE("first visits and training timelines by handle")
    {
        const auto loaded = io::load_sources(src, test::as_of());
        const model::Facts facts(loaded.repo);
        const auto& repo = loaded.repo;
        const auto st01 = repo.names.students.find("ST01");
        REQUIRE(facts.first_visit(st01));
        CHECK(*facts.first_visit(st01) == 0);
        CHECK(facts.is_first_visit(1)); // ST02's, in the same event
        CHECK_FALSE(facts.first_visit(repo.names.students.find("ST03"))); // only scheduled
        const auto* tl = facts.training(repo.names.staff.find("T01"));
        REQUIRE(tl);
        CHECK(tl->intro()->str() == "2026-08-10");
        CHECK_FALSE(tl->intro_on_or_before(test::date("2026-08-09")));
        CHECK(tl->latest_on_or_before(test::date("2026-12-01"))->str() == "2026-08-10");
        CHECK_FALSE(facts.training(repo.names.staff.find("T99")));
    }
    SUBCASE("a visited student students.csv does not list still has a handle and a first visit")
    {
        test::replace(src, "visits.csv", "V20260914-ST02,ST02,", "V20260914-ST02,ST77,");
        const auto loaded = io::load_sources(src, test::as_of());
        const model::Facts facts(loaded.repo);
        const auto st77 = loaded.repo.names.students.find("ST77");
        REQUIRE(st77);
        CHECK_FALSE(loaded.repo.names.students.defined(st77));
        CHECK(facts.first_visit(st77) == std::optional<std::size_t>(1));
    }
}
