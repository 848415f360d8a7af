// Public money (report/figures_public_money.cpp): no site's spending is
// printed where its visit count is not, and no line of money adds up to a
// count under min_cell.

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include <pthv/report/figures.hpp>

using namespace pthv;
using report::Count;
using report::Shown;

namespace {

model::Money dollars(std::int64_t d)
{
    return model::Money::from_cents(d * 100);
}

report::Summary site(const std::string& id, std::int64_t visits, Shown shown = Shown::Exact)
{
    report::Summary s;
    s.site_id = id;
    s.completed_visits = Count{visits, shown};
    return s;
}

struct Money {
    std::vector<report::SiteSpendRow> sites;
    std::vector<report::FundingRow> sources;
};

// Each site paid 100.00 a visit (pairs at 50.00), all by `source`.
Money spend(const std::vector<report::Summary>& summaries, const std::string& source = "district")
{
    Money m;
    model::Money total;
    for (const auto& s : summaries) {
        m.sites.push_back({s.site_id, source, dollars(100 * s.completed_visits.value), 0, false});
        total += dollars(100 * s.completed_visits.value);
    }
    report::FundingRow row;
    row.source = source;
    row.budget = dollars(100000);
    row.closed = total;
    row.left = dollars(100000) - total;
    // 12 scheduled visits by pairs at 50.00 each.
    row.committed = dollars(1200);
    row.committed_visits = 12;
    row.left_after_scheduled = row.left - row.committed;
    m.sources.push_back(row);
    return m;
}

std::vector<std::string> ids(const std::vector<report::SiteSpendRow>& rows)
{
    std::vector<std::string> out;
    for (const auto& r : rows)
        out.push_back(r.site_id.empty() ? "other" : r.site_id);
    return out;
}

} // namespace

TEST_CASE("report::fold_public_money")
{
    SUBCASE("a small site is never shown alone: the smallest shown site is folded with it")
    {
        const std::vector<report::Summary> sites = {site("S01", 30), site("S02", 12), site("S03", 3, Shown::Below)};
        Money m = spend(sites);
        report::fold_public_money(m.sites, m.sources, sites, 10);
        CHECK(ids(m.sites) == std::vector<std::string>{"S01", "other"});
        CHECK(m.sites[1].folded == 2);
        CHECK(m.sites[1].spent == dollars(1500)); // S02 + S03: 15 visits, not 3
        CHECK_FALSE(m.sites[1].withheld);
        CHECK_FALSE(m.sources[0].withheld);
    }
    SUBCASE("a site whose count is withheld is folded like a small one")
    {
        const std::vector<report::Summary> sites = {site("S01", 30), site("S02", 12, Shown::Withheld),
                                                    site("S03", 3, Shown::Below)};
        Money m = spend(sites);
        report::fold_public_money(m.sites, m.sources, sites, 10);
        CHECK(ids(m.sites) == std::vector<std::string>{"S01", "other"});
        CHECK(m.sites[1].spent == dollars(1500));
    }
    SUBCASE("folded sites that together have fewer than min_cell visits take in shown ones")
    {
        const std::vector<report::Summary> sites = {site("S01", 30), site("S02", 20), site("S03", 3, Shown::Below),
                                                    site("S04", 2, Shown::Below)};
        Money m = spend(sites);
        report::fold_public_money(m.sites, m.sources, sites, 10);
        CHECK(ids(m.sites) == std::vector<std::string>{"S01", "other"});
        CHECK(m.sites[1].folded == 3);
        CHECK(m.sites[1].spent == dollars(2500));
    }
    SUBCASE("a source that pays only for a small site shows none of its spending")
    {
        const std::vector<report::Summary> sites = {site("S03", 3, Shown::Below)};
        Money m = spend(sites, "title-1");
        report::fold_public_money(m.sites, m.sources, sites, 10);
        REQUIRE(m.sites.size() == 1);
        CHECK(m.sites[0].withheld);
        CHECK(m.sites[0].spent == model::Money{});
        CHECK(m.sources[0].withheld);
        CHECK(m.sources[0].budget == dollars(100000)); // the budget is pthv.yaml's, not a count
        CHECK(m.sources[0].closed == model::Money{});
        CHECK(m.sources[0].left == model::Money{});
    }
    SUBCASE("each source folds its own sites, so no two lines subtract to a small one")
    {
        std::vector<report::Summary> sites = {site("S01", 30), site("S02", 3, Shown::Below), site("S03", 40),
                                              site("S04", 25)};
        Money a = spend({sites[0], sites[1]}, "title-1");
        Money b = spend({sites[2], sites[3]}, "district");
        Money m{a.sites, a.sources};
        m.sites.insert(m.sites.end(), b.sites.begin(), b.sites.end());
        m.sources.insert(m.sources.end(), b.sources.begin(), b.sources.end());
        report::fold_public_money(m.sites, m.sources, sites, 10);
        CHECK(ids(m.sites) == std::vector<std::string>{"S03", "S04", "other"});
        CHECK(m.sites[2].source == "title-1");
        CHECK(m.sites[2].spent == dollars(3300));
        CHECK_FALSE(m.sources[0].withheld);
    }
    SUBCASE("a source's cost of scheduled visits shows only for min_cell visits or more")
    {
        const std::vector<report::Summary> sites = {site("S01", 30), site("S02", 12)};
        Money m = spend(sites);
        report::fold_public_money(m.sites, m.sources, sites, 10);
        CHECK_FALSE(m.sources[0].committed_withheld);
        CHECK(m.sources[0].committed == dollars(1200));
        CHECK(m.sources[0].left_after_scheduled == m.sources[0].left - dollars(1200));

        m = spend(sites);
        m.sources[0].committed = dollars(300); // 300.00 would say: three visits by pairs
        m.sources[0].committed_visits = 3;
        report::fold_public_money(m.sites, m.sources, sites, 10);
        CHECK(m.sources[0].committed_withheld);
        CHECK(m.sources[0].committed == model::Money{});
        CHECK(m.sources[0].left_after_scheduled == model::Money{}); // left less it would give it back
        CHECK_FALSE(m.sources[0].withheld);
    }
    SUBCASE("a source whose days are over shows its committed 0.00: nothing can be scheduled in them")
    {
        const std::vector<report::Summary> sites = {site("S01", 30), site("S02", 12)};
        Money m = spend(sites);
        m.sources[0].committed = {};
        m.sources[0].committed_visits = 0;
        m.sources[0].left_after_scheduled = m.sources[0].left;
        m.sources[0].days = model::DateRange{*model::Date::parse("2025-07-01"), *model::Date::parse("2026-03-31")};
        report::fold_public_money(m.sites, m.sources, sites, 10, *model::Date::parse("2026-05-15"));
        CHECK_FALSE(m.sources[0].committed_withheld);
        m.sources[0].committed_withheld = false;
        report::fold_public_money(m.sites, m.sources, sites, 10, *model::Date::parse("2026-03-15")); // still paying
        CHECK(m.sources[0].committed_withheld);
    }
    SUBCASE("a withheld source's committed goes with its left")
    {
        const std::vector<report::Summary> sites = {site("S03", 3, Shown::Below)};
        Money m = spend(sites, "title-1");
        report::fold_public_money(m.sites, m.sources, sites, 10);
        CHECK(m.sources[0].withheld);
        CHECK(m.sources[0].committed_withheld);
        CHECK(m.sources[0].left_after_scheduled == model::Money{});
    }
    SUBCASE("big sites are shown as they are")
    {
        const std::vector<report::Summary> sites = {site("S01", 30), site("S02", 12)};
        Money m = spend(sites);
        report::fold_public_money(m.sites, m.sources, sites, 10);
        CHECK(ids(m.sites) == std::vector<std::string>{"S01", "S02"});
    }
}
