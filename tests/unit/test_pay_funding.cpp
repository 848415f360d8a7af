#include <doctest/doctest.h>

#include <algorithm>

#include "fixture.hpp"

#include <pthv/model/facts.hpp>
#include <pthv/pay/funding.hpp>

using namespace pthv;

namespace {

const pay::SourceBudget& source(const pay::Spending& s, std::string_view name)
{
    for (const auto& b : s.sources)
        if (b.source == name)
            return b;
    FAIL("no source " << name);
    return s.sources.front();
}

const pay::SiteSpend& site(const pay::Spending& s, std::string_view id)
{
    for (const auto& b : s.sites)
        if (b.site_id == id)
            return b;
    FAIL("no site " << id);
    return s.sites.front();
}

// Two sources: title-1 pays S01, the district every other site. T03 is at S02.
io::Sources funded_repo()
{
    auto src = test::tiny_repo();
    test::replace(src, "pthv.yaml", "  - {source: district, amount: 10000.00}\n",
                  "  - {source: title-1, amount: 500.00, sites: [S01]}\n"
                  "  - {source: district, amount: 10000.00}\n");
    test::replace(src, "staff.csv", "T03,Cara Diaz,S01", "T03,Cara Diaz,S02");
    src["payroll/2026-08.csv"] = "period,staff_id,item,item_id,date,minutes,hours,rate,amount,site_id,source\n"
                                 "2026-08,T01,training,2026-08-10/intro,2026-08-10,,3.00,40.00,120.00,S01,title-1\n";
    return src;
}

} // namespace

TEST_CASE("pay::funding_source")
{
    model::Config c;
    c.school_year = {test::date("2025-07-01"), test::date("2026-06-30"), test::date("2026-01-31")};
    c.funding = {{"title-1", model::Money::from_cents(100), std::vector<std::string>{"S01", "S02"}, {}, {}},
                 {"grant", model::Money::from_cents(100), std::vector<std::string>{"S02", "S03"}, {}, {}},
                 {"district", model::Money::from_cents(100), std::nullopt, {}, {}}};
    const auto on = test::date("2025-11-03");

    SUBCASE("a site goes to the first source that lists it")
    {
        CHECK(pay::funding_source(c, "S02", on) == "title-1");
        CHECK(pay::funding_source(c, "S03", on) == "grant");
    }
    SUBCASE("a site no source lists goes to the source with no sites list")
    {
        CHECK(pay::funding_source(c, "S09", on) == "district");
    }
    SUBCASE("without such a source nobody pays")
    {
        c.funding.pop_back();
        CHECK(pay::funding_source(c, "S09", on).empty());
    }
    SUBCASE("pthv.yaml's order decides: a source with no sites list first pays for every site")
    {
        std::rotate(c.funding.begin(), c.funding.end() - 1, c.funding.end());
        CHECK(pay::funding_source(c, "S01", on) == "district");
    }
    SUBCASE("a period hands the site on to the next source that fits, on the days it does not hold")
    {
        c.funding[0].period = model::DateRange{test::date("2025-10-01"), test::date("2026-09-30")}; // federal year
        c.funding[1].period = model::DateRange{test::date("2025-07-01"), test::date("2026-03-31")}; // ends in March
        CHECK(pay::funding_source(c, "S02", test::date("2025-09-30")) == "grant");
        CHECK(pay::funding_source(c, "S02", test::date("2025-10-01")) == "title-1");
        CHECK(pay::funding_source(c, "S03", test::date("2026-03-31")) == "grant");
        CHECK(pay::funding_source(c, "S03", test::date("2026-04-01")) == "district");
        CHECK(pay::funding_source(c, "S01", test::date("2025-09-30")) == "district");
    }
    SUBCASE("without a period a source pays the school year only; a day no source holds is unfunded")
    {
        CHECK(pay::funding_source(c, "S01", test::date("2026-06-30")) == "title-1");
        CHECK(pay::funding_source(c, "S01", test::date("2026-07-01")).empty());
        CHECK(pay::funding_source(c, "S01", test::date("2025-06-30")).empty());
    }
}

TEST_CASE("pay::payroll_spending")
{
    const auto loaded = io::load_sources(funded_repo(), test::as_of("2026-10-01"));
    INFO(test::dump(loaded.problems));
    const model::Facts facts(loaded.repo);
    const auto work = pay::visit_work(facts);
    const auto paid = pay::pay_items(facts, work, *pay::month_period("2026-09"));
    const auto& items = paid.list;

    SUBCASE("closed, this period and left per source, by hand")
    {
        // Sept: T01 and T02 visit at S01 (50 + 50), T02's training (late, 120) at S01: title-1 220.00;
        // T03's training (late, 3 h x 28.00 = 84.00) at its home site S02: district.
        const auto s = pay::payroll_spending(loaded.repo, items, test::date("2026-09-30"));
        const auto& t1 = source(s, "title-1");
        CHECK(t1.budget.str() == "500.00");
        CHECK(t1.closed.str() == "120.00");
        CHECK(t1.period.str() == "220.00");
        CHECK(t1.left.str() == "160.00");
        CHECK_FALSE(t1.over());
        const auto& d = source(s, "district");
        CHECK(d.period.str() == "84.00");
        CHECK(d.left.str() == "9916.00");
        REQUIRE(s.sources.size() == 2);
        CHECK(s.sources[0].source == "title-1"); // pthv.yaml order
    }
    SUBCASE("per site, with the source that pays it")
    {
        const auto s = pay::payroll_spending(loaded.repo, items, test::date("2026-09-30"));
        CHECK(site(s, "S01").source == "title-1");
        CHECK(site(s, "S01").closed.str() == "120.00");
        CHECK(site(s, "S01").period.str() == "220.00");
        CHECK(site(s, "S02").source == "district"); // prospective, listed for its spending
        CHECK(site(s, "S02").period.str() == "84.00");
    }
    SUBCASE("a source whose spending passes its budget is over")
    {
        auto src = funded_repo();
        test::replace(src, "pthv.yaml", "amount: 500.00", "amount: 300.00");
        const auto again = io::load_sources(src, test::as_of("2026-10-01"));
        const model::Facts f(again.repo);
        const auto paid_again = pay::pay_items(f, pay::visit_work(f), *pay::month_period("2026-09"));
        const auto s = pay::payroll_spending(again.repo, paid_again.list, test::date("2026-09-30"));
        CHECK(source(s, "title-1").left.str() == "-40.00");
        CHECK(source(s, "title-1").over());
    }
    SUBCASE("held and over-the-cap items spend nothing")
    {
        auto held = items;
        for (auto& i : held)
            i.status = pay::ItemStatus::Held;
        const auto s = pay::payroll_spending(loaded.repo, held, test::date("2026-09-30"));
        CHECK(source(s, "title-1").period.cents() == 0);
    }
}

TEST_CASE("pay::spending_between")
{
    const auto loaded = io::load_sources(funded_repo(), test::as_of("2026-10-01"));
    const model::Facts facts(loaded.repo);

    SUBCASE("a range counts what is dated in it; left counts everything up to its end")
    {
        const auto s = pay::spending_between(facts, pay::visit_work(facts), test::date("2026-09-01"), test::date("2026-09-30"));
        const auto& t1 = source(s, "title-1");
        CHECK(t1.closed.cents() == 0);        // the closed training is dated in August
        CHECK(t1.period.str() == "100.00");   // the two September visit items
        CHECK(t1.left.str() == "160.00");     // 500 - 120 closed - 120 training - 100 visits
        CHECK(source(s, "district").period.cents() == 0);
        CHECK(source(s, "district").left.str() == "9916.00");
    }
    SUBCASE("the whole year: left = budget - closed - period")
    {
        const auto s = pay::spending_between(facts, pay::visit_work(facts), test::date("2026-07-01"), test::date("2027-06-30"));
        const auto& t1 = source(s, "title-1");
        CHECK(t1.closed.str() == "120.00");
        CHECK(t1.period.str() == "220.00");
        CHECK(t1.left.str() == "160.00");
    }
}

TEST_CASE("pay::budget_warnings")
{
    const auto money = [](const char* text) { return *model::Money::parse(text); };
    const auto budget = [](std::string name, model::Money amount, model::Money closed, model::Money period,
                           model::Money left) {
        pay::SourceBudget b;
        b.source = std::move(name);
        b.budget = amount;
        b.closed = closed;
        b.period = period;
        b.left = left;
        return b;
    };
    pay::Spending s;
    SUBCASE("a source within its budget says nothing")
    {
        s.sources.push_back(budget("title-1", money("500.00"), money("100.00"), money("50.00"), money("350.00")));
        CHECK(pay::budget_warnings(s).empty());
    }
    SUBCASE("a source that would go below zero says by how much")
    {
        s.sources.push_back(budget("title-1", money("500.00"), money("400.00"), money("150.00"), money("-50.00")));
        const auto w = pay::budget_warnings(s);
        REQUIRE(w.size() == 1);
        CHECK(w[0] == "funding source title-1 would go 50.00 below zero (budget 500.00, closed 400.00, this period "
                      "150.00)");
    }
    SUBCASE("spending no source pays for is named, once there is any")
    {
        s.sources.push_back(budget("", {}, {}, {}, {}));
        CHECK(pay::budget_warnings(s).empty());
        s.sources.back().period = money("84.00");
        const auto w = pay::budget_warnings(s);
        REQUIRE(w.size() == 1);
        CHECK(test::contains(w[0], "no funding source pays for 84.00 of this spending"));
    }
}
