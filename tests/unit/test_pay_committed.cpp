#include <doctest/doctest.h>

#include "fixture.hpp"

#include <pthv/model/facts.hpp>
#include <pthv/pay/committed.hpp>

using namespace pthv;

namespace {

std::vector<pay::CommittedCost> committed(const io::Sources& src,
                                          std::string_view as_of = "2026-10-01")
{
    const auto loaded = io::load_sources(src, test::as_of(as_of));
    const model::Facts facts(loaded.repo);
    return pay::committed_scheduled(facts, pay::visit_work(facts), test::date(as_of));
}

} // namespace

TEST_CASE("pay::committed_scheduled")
{
    auto src = test::tiny_repo();

    SUBCASE("each listed educator at their own rule, as if outside the school day")
    {
        // T02 certificated 50.00 per visit; T03 classified at her own 27.35/h for
        // max(40, minimum 60) minutes = 27.35. The visit is at 17:00 but would
        // cost the same inside the day.
        test::replace(src, "visits.csv", "2026-10-15,17:00", "2026-10-15,10:00");
        const auto c = committed(src);
        REQUIRE(c.size() == 1);
        CHECK(c[0].source == "district");
        CHECK(c[0].cost.str() == "77.35");
        CHECK(c[0].visits == 1);
    }
    SUBCASE("with no educators listed, two certificated at the per-visit rate")
    {
        test::replace(src, "visits.csv", "17:00,40,T02;T03,scheduled", "17:00,40,,scheduled");
        const auto c = committed(src);
        REQUIRE(c.size() == 1);
        CHECK(c[0].cost.str() == "100.00");
    }
    SUBCASE("siblings scheduled together are one event and cost once")
    {
        src["visits.csv"].edit() +=
            "V20261015-ST02,ST02,S01,2026-10-15,17:00,60,T02;T03,scheduled,2026-10-01,"
            "hopes_and_dreams,home,,,\n";
        const auto c = committed(src);
        REQUIRE(c.size() == 1);
        CHECK(c[0].cost.str() == "77.35"); // T03's 60 minutes are her minimum anyway
        CHECK(c[0].visits == 2);
    }
    SUBCASE("the cap: the year's payable visits take their places first")
    {
        // T02 was paid for 2026-09-14 already: with a cap of one, only T03 costs.
        test::replace(src, "pthv.yaml", "max_paid_visits_per_staff: 60",
                      "max_paid_visits_per_staff: 1");
        const auto c = committed(src);
        REQUIRE(c.size() == 1);
        CHECK(c[0].cost.str() == "27.35");
    }
    SUBCASE("only visits dated after the as-of date count")
    {
        CHECK(committed(src, "2026-10-15").empty());
        CHECK(committed(src, "2026-10-14").size() == 1);
    }
    SUBCASE("the source is the one whose period holds the visit's date; none: the empty source")
    {
        test::replace(
            src, "pthv.yaml", "{source: district, amount: 10000.00}",
            "{source: district, amount: 10000.00, period: {from: 2026-07-01, to: 2026-10-14}}");
        auto c = committed(src);
        REQUIRE(c.size() == 1);
        CHECK(c[0].source.empty());
        CHECK(c[0].cost.str() == "77.35");
        src["visits.csv"].edit() +=
            "V20261002-ST03,ST03,S01,2026-10-02,17:00,40,T02;T03,scheduled,2026-10-01,"
            "hopes_and_dreams,home,,,\n";
        c = committed(src);
        REQUIRE(c.size() == 2);
        CHECK(c[0].source == "district");
        CHECK(c[1].source.empty());
    }
}
