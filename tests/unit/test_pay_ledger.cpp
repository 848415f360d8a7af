#include <doctest/doctest.h>

#include "fixture.hpp"

#include <pthv/model/facts.hpp>
#include <pthv/pay/ledger.hpp>

using namespace pthv;
using test::contains;

namespace {

test::PaidItems items_for(const io::Sources& sources, std::string_view month)
{
    return test::paid_items(sources, "2026-12-01", *pay::month_period(month));
}

std::string ledger_text(const test::PaidItems& items, const std::string& month)
{
    return pay::ledger_text(items.loaded->repo, items, month);
}

// Closes `month` the way payroll --close does: its ledger becomes a data-repo file.
void close(io::Sources& sources, const std::string& month)
{
    sources[pay::ledger_name(month)] = ledger_text(items_for(sources, month), month);
}

} // namespace

TEST_CASE("pay::ledger_text")
{
    auto src = test::tiny_repo();

    SUBCASE("exactly the ledger columns, the paid and late items, LF endings")
    {
        CHECK(ledger_text(items_for(src, "2026-09"), "2026-09") ==
              "period,staff_id,item,item_id,date,minutes,hours,rate,amount,site_id,source\n"
              "2026-09,T01,training,2026-08-10/intro,2026-08-10,,3.00,40.00,120.00,S01,district\n"
              "2026-09,T01,visit,V20260914-ST01,2026-09-14,45,,50.00,50.00,S01,district\n"
              "2026-09,T02,training,2026-08-10/intro,2026-08-10,,3.00,40.00,120.00,S01,district\n"
              "2026-09,T02,visit,V20260914-ST01,2026-09-14,45,,50.00,50.00,S01,district\n"
              "2026-09,T03,training,2026-08-10/intro,2026-08-10,,3.00,28.00,84.00,S01,district\n");
    }
    SUBCASE("held items are not closed")
    {
        test::replace(src, "visits.csv", "2026-09-14,16:30,45", "2026-09-14,15:00,45");
        test::replace(src, "visits.csv", "2026-09-14,16:30,45", "2026-09-14,15:00,45");
        CHECK_FALSE(contains(ledger_text(items_for(src, "2026-09"), "2026-09"), "V20260914"));
    }
    SUBCASE("a closed ledger loads clean, and nothing it holds is paid again")
    {
        close(src, "2026-09");
        // Only the fixture's visit still scheduled for 2026-10-15 is left.
        for (const auto& p : test::validate(src, "2026-12-01"))
            CHECK_MESSAGE(p.rule == "scheduled-overdue", p.message);
        CHECK(items_for(src, "2026-10").empty());
        CHECK(items_for(src, "2026-09").empty());
    }
}

TEST_CASE("pay: validate agrees with closed ledgers")
{
    auto src = test::tiny_repo();

    SUBCASE("a closed visit made partly in-school by a longer sibling row is paid-not-compensable, not paid again")
    {
        test::replace(src, "visits.csv", "2026-09-14,16:30,45", "2026-09-14,07:00,45");
        test::replace(src, "visits.csv", "2026-09-14,16:30,45", "2026-09-14,07:00,45");
        close(src, "2026-09");
        test::replace(src, "visits.csv", "V20260914-ST02,ST02,S01,2026-09-14,07:00,45",
                      "V20260914-ST02,ST02,S01,2026-09-14,07:00,75");
        const auto problems = test::validate(src, "2026-12-01");
        INFO(test::dump(problems));
        CHECK(test::count(problems, "paid-not-compensable") == 2); // T01's and T02's lines
        CHECK(contains(problems.front().message, "not wholly outside the school day"));
        const auto items = items_for(src, "2026-10");
        for (const auto& i : items)
            CHECK(items.id(i) != "V20260914-ST01");
    }
    SUBCASE("a closed visit that no longer lists the paid educator is paid-not-compensable")
    {
        close(src, "2026-09");
        test::replace(src, "visits.csv", "45,T01;T02,completed", "45,T02;T03,completed");
        test::replace(src, "visits.csv", "45,T01;T02,completed", "45,T02;T03,completed");
        const auto p = test::only(test::validate(src, "2026-12-01"), "paid-not-compensable");
        CHECK(p.message == "2026-09 paid T01 50.00 for visit V20260914-ST01, which no longer lists T01 among its "
                           "educators");
    }
    SUBCASE("over-cap names the visit payroll lists as over the cap, after a close")
    {
        test::replace(src, "pthv.yaml", "max_paid_visits_per_staff: 60", "max_paid_visits_per_staff: 1");
        close(src, "2026-09");
        test::append(src, "visits.csv",
                     "V20261005-ST03,ST03,S01,2026-10-05,16:30,45,T01;T03,completed,2026-10-01,hopes_and_dreams,"
                     "home,2026-10-06,,");
        const auto p = test::only(test::validate(src, "2026-12-01"), "over-cap");
        CHECK(p.record == "T01");
        CHECK(contains(p.message, "V20261005-ST03"));
        const auto items = items_for(src, "2026-10");
        REQUIRE(items.size() == 2);
        CHECK(items.staff(items[0]) == "T01");
        CHECK(items[0].status == pay::ItemStatus::OverCap);
        CHECK(items.staff(items[1]) == "T03");
        CHECK(items[1].status == pay::ItemStatus::Paid);
    }
}
