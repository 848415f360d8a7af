#include <doctest/doctest.h>

#include <pthv/stats/lp.hpp>
#include <pthv/stats/protection.hpp>

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

using pthv::stats::CellShown;
using pthv::stats::LinearBounds;
using pthv::stats::Protection;

namespace {

// A district of two sites: `small` people at S1 and `large` at S2, each
// counted in the district and their site.
Protection two_sites(int small, int large)
{
    Protection p(10);
    const auto d = p.cell("district"), s1 = p.cell("S1"), s2 = p.cell("S2");
    for (const auto c : {d, s1, s2})
        p.publish(c);
    for (int i = 0; i < small; ++i)
        p.count({d, s1});
    for (int i = 0; i < large; ++i)
        p.count({d, s2});
    p.relation(d, {s1, s2});
    p.finish();
    return p;
}

// Sites x months of people, with the district's months, each site's year
// and the district's year as margins (the district's row and the year's
// column dearest): `people(s, m)` counted in each cell. The cells, by site
// (the district last) and month (the year last).
template <class People>
std::vector<std::vector<Protection::CellId>> site_month_grid(Protection& p, std::size_t sites, std::size_t months,
                                                             People people)
{
    std::vector<std::vector<Protection::CellId>> cell(sites + 1, std::vector<Protection::CellId>(months + 1));
    for (std::size_t s = 0; s <= sites; ++s)
        for (std::size_t m = 0; m <= months; ++m) {
            cell[s][m] = p.cell("s" + std::to_string(s) + "m" + std::to_string(m));
            p.publish(cell[s][m], 0, (s == sites ? 10 : 1) * (m == months ? 8 : 1));
        }
    for (std::size_t s = 0; s < sites; ++s)
        for (std::size_t m = 0; m < months; ++m) {
            const unsigned n = people(s, m);
            for (unsigned i = 0; i < n; ++i)
                p.count({cell[s][m], cell[s][months], cell[sites][m], cell[sites][months]});
        }
    for (std::size_t s = 0; s <= sites; ++s)
        p.relation(cell[s][months], std::vector<Protection::CellId>(cell[s].begin(), cell[s].begin() + static_cast<std::ptrdiff_t>(months)));
    for (std::size_t m = 0; m <= months; ++m) {
        std::vector<Protection::CellId> parts;
        for (std::size_t s = 0; s < sites; ++s)
            parts.push_back(cell[s][m]);
        p.relation(cell[sites][m], parts);
    }
    return cell;
}

} // namespace

TEST_CASE("stats::LinearBounds")
{
    SUBCASE("a part of a known total with a bounded other part")
    {
        // x + y = 10 and x <= 3: y is 7..10.
        LinearBounds lp(2, {{{0, 1}, 10, 10, {}}, {{0}, 0, 3, {}}});
        const auto lo = lp.optimum({1}, false), hi = lp.optimum({1}, true);
        CHECK(lo.value == doctest::Approx(7));
        CHECK(hi.value == doctest::Approx(10));
        CHECK(!lo.rows.empty());
        REQUIRE(lo.point.size() == 2);
        CHECK(lo.point[0] == doctest::Approx(3));
    }
    SUBCASE("a sum nothing bounds above is unbounded")
    {
        LinearBounds lp(2, {{{0}, 1, 1, {}}});
        CHECK(lp.optimum({0, 1}, false).value == doctest::Approx(1));
        const auto hi = lp.optimum({0, 1}, true);
        CHECK(std::isinf(hi.value));
        CHECK(hi.point.empty());
    }
}

TEST_CASE("stats::Protection: figures of different people that a reader equates")
{
    // A month's 24 visits (V), of which 3 are students' first visits and 21
    // second ones; the order table counts the same 3 and 21 as students (S).
    // Only same() tells the set that the students' counts are the visits'.
    const auto make = [](bool equate) {
        Protection p(10);
        const auto month = p.cell("V month"), first_v = p.cell("V first"), second_v = p.cell("V second");
        const auto first_s = p.cell("S first"), second_s = p.cell("S second");
        p.publish(month);
        p.sensitive(first_v);
        p.sensitive(second_v);
        p.publish(first_s);
        p.publish(second_s);
        for (int i = 0; i < 3; ++i) {
            p.count({month, first_v});
            p.count({first_s});
        }
        for (int i = 0; i < 21; ++i) {
            p.count({month, second_v});
            p.count({second_s});
        }
        p.relation(month, {first_v, second_v});
        if (equate) {
            p.same(first_s, first_v);
            p.same(second_s, second_v);
        }
        p.suppress_primary_only();
        return p;
    };
    CHECK(make(false).audit().empty()); // without the link the set cannot see the subtraction
    const auto breaches = make(true).audit();
    REQUIRE(breaches.size() >= 1);
    CHECK(breaches.front().hi == doctest::Approx(3)); // 24 - 21
    Protection p = make(true);
    p.forget_shown();
    p.suppress();
    CHECK(p.audit().empty());
    CHECK(p.shown(*p.find("S second")) == CellShown::Withheld);
}

TEST_CASE("stats::Protection")
{
    SUBCASE("a small site beside a shown total is worked out by subtraction")
    {
        Protection p = two_sites(3, 12);
        p.set_reading({false, false}); // zeros shown as 0: "<N" says 1..N-1
        p.observe(*p.find("district"), CellShown::Shown);
        p.observe(*p.find("S1"), CellShown::Below);
        p.observe(*p.find("S2"), CellShown::Shown);
        const auto breaches = p.audit();
        REQUIRE(breaches.size() == 1);
        CHECK(breaches[0].key == "S1");
        CHECK(breaches[0].lo == doctest::Approx(3));
        CHECK(breaches[0].hi == doctest::Approx(3));
        CHECK(breaches[0].pinned_by == std::vector<std::string>{"S2", "district"});
    }
    SUBCASE("primary suppression alone leaves the small site open")
    {
        Protection p = two_sites(3, 12);
        p.suppress_primary_only();
        CHECK(p.shown(*p.find("S1")) == CellShown::Below);
        CHECK(p.audit().size() == 1);
    }
    SUBCASE("suppress() withholds complements until the audit passes")
    {
        Protection p = two_sites(3, 12);
        p.suppress();
        CHECK(p.audit().empty());
        CHECK(p.shown(*p.find("S1")) == CellShown::Below);
        // "*" is any count to a reader: with S2 withheld, S1 is 0..9 again.
        CHECK(p.shown(*p.find("S2")) == CellShown::Withheld);
        CHECK(p.shown(*p.find("district")) == CellShown::Shown);
        const auto t = p.tally();
        CHECK(t.published == 3);
        CHECK(t.below == 1);
        CHECK(t.withheld == 1);
    }
    SUBCASE("a reader who knows '*' is at least N learns more: the total must go too")
    {
        Protection p = two_sites(3, 12);
        p.set_reading({true, true});
        p.suppress();
        CHECK(p.audit().empty());
        CHECK(p.shown(*p.find("district")) == CellShown::Withheld);
    }
    SUBCASE("a figure printed in two tables is one figure: shown once is shown")
    {
        Protection p(10);
        const auto d = p.cell("district"), visits = p.cell("S1 visits"), logged = p.cell("S1 logged"),
                   other = p.cell("S2 visits");
        for (const auto c : {d, visits, logged, other})
            p.publish(c);
        for (int i = 0; i < 20; ++i)
            p.count({d, visits, logged}); // every visit of S1 has a log date
        for (int i = 0; i < 4; ++i)
            p.count({d, other});
        p.relation(d, {visits, other});
        p.finish();
        p.set_reading({false, false});
        p.observe(d, CellShown::Shown);
        p.observe(visits, CellShown::Withheld); // the sites table withholds it ...
        p.observe(logged, CellShown::Shown);    // ... the entry-days table prints it
        p.observe(other, CellShown::Below);
        CHECK(p.shown(visits) == CellShown::Shown);
        REQUIRE(p.audit().size() == 1);
        CHECK(p.audit()[0].key == "S2 visits");
    }
    SUBCASE("a complement nobody prints is protected too")
    {
        // 33 enrolled, 30 visited: 3 enrolled students not visited.
        const auto enrolled_visited = [] {
            Protection p(10);
            const auto enrolled = p.cell("enrolled"), visited = p.cell("visited"), unvisited = p.cell("unvisited");
            p.publish(enrolled);
            p.publish(visited);
            p.sensitive(unvisited);
            for (int i = 0; i < 30; ++i)
                p.count({enrolled, visited});
            for (int i = 0; i < 3; ++i)
                p.count({enrolled, unvisited});
            p.relation(enrolled, {visited}); // the rest: the unvisited
            return p;
        };
        Protection p = enrolled_visited();
        p.suppress_primary_only();
        REQUIRE(p.audit().size() == 1);
        CHECK(p.audit()[0].key == "unvisited");
        Protection q = enrolled_visited();
        q.suppress();
        CHECK(q.audit().empty());
        CHECK(q.shown(*q.find("unvisited")) == CellShown::Shown); // never printed; its parts are withheld
    }
    SUBCASE("a year less its first half is a count too")
    {
        // 40 visits by mid-year, 43 by the year's end: 3 after mid-year.
        Protection p(10);
        const auto mid = p.cell("mid"), year = p.cell("year");
        p.publish(mid);
        p.publish(year);
        p.relation(year, {mid}); // the rest, "year minus mid", is sensitive
        for (int i = 0; i < 40; ++i)
            p.count({mid, year});
        for (int i = 0; i < 3; ++i)
            p.count({year});
        p.suppress_primary_only();
        REQUIRE(p.audit().size() == 1);
        CHECK(p.audit()[0].key == "year minus mid");
        CHECK(p.audit()[0].value == 3);
        Protection q(10);
        const auto m2 = q.cell("mid"), y2 = q.cell("year");
        q.publish(m2);
        q.publish(y2);
        q.relation(y2, {m2});
        for (int i = 0; i < 40; ++i)
            q.count({m2, y2});
        for (int i = 0; i < 3; ++i)
            q.count({y2});
        q.suppress();
        CHECK(q.audit().empty());
        CHECK((q.shown(m2) == CellShown::Withheld || q.shown(y2) == CellShown::Withheld));
    }
    SUBCASE("a breach one table proves is hidden for by that table's cheapest shown figure")
    {
        // 100 visits: 3 at S1, 12 at S2, 40 at S3, 45 at S4. The total less
        // the shown sites gives the 3 back; of the figures that proof uses,
        // S2 costs readers least (all cost the same; it is the smallest).
        Protection p(10);
        const auto d = p.cell("district");
        const std::vector<Protection::CellId> sites{p.cell("S1"), p.cell("S2"), p.cell("S3"), p.cell("S4")};
        p.publish(d);
        for (const auto s : sites)
            p.publish(s);
        const int people[] = {3, 12, 40, 45};
        for (std::size_t s = 0; s < sites.size(); ++s)
            for (int i = 0; i < people[s]; ++i)
                p.count({d, sites[s]});
        p.relation(d, sites);
        p.suppress();
        CHECK(p.audit().empty());
        CHECK(p.shown(sites[0]) == CellShown::Below);
        CHECK(p.shown(sites[1]) == CellShown::Withheld);
        CHECK(p.shown(sites[2]) == CellShown::Shown);
        CHECK(p.shown(sites[3]) == CellShown::Shown);
        CHECK(p.shown(d) == CellShown::Shown);
    }
    SUBCASE("zeros are shown as <N by suppress(): a reader cannot tell none from a few")
    {
        Protection p = two_sites(0, 12);
        p.suppress();
        CHECK(p.shown(*p.find("S1")) == CellShown::Below);
        CHECK(p.audit().empty());
    }
    SUBCASE("a student visited at two schools: the district is at most the sum of its schools")
    {
        Protection p(10);
        const auto d = p.cell("district"), s1 = p.cell("S1"), s2 = p.cell("S2");
        for (const auto c : {d, s1, s2})
            p.publish(c);
        p.count({d, s1, s2});
        for (int i = 0; i < 20; ++i)
            p.count({d, s1});
        for (int i = 0; i < 3; ++i)
            p.count({d, s2});
        p.relation(d, {s1, s2}); // 24 <= 21 + 4
        p.relation(s1, {d});     // the district is no part of a school: refused, never assumed
        p.suppress_primary_only();
        CHECK(p.relations() == 1);
        CHECK(p.relations_refused() == 1);
        // S2 (4) is at least 24 - 21 = 3.
        REQUIRE(p.audit().size() == 1);
        CHECK(p.audit()[0].key == "S2");
        CHECK(p.audit()[0].lo == doctest::Approx(3));
        CHECK(p.audit()[0].hi == doctest::Approx(9));
        Protection q(10);
        const auto d2 = q.cell("district"), t1 = q.cell("S1"), t2 = q.cell("S2");
        for (const auto c : {d2, t1, t2})
            q.publish(c);
        q.count({d2, t1, t2});
        for (int i = 0; i < 20; ++i)
            q.count({d2, t1});
        for (int i = 0; i < 3; ++i)
            q.count({d2, t2});
        q.relation(d2, {t1, t2});
        q.suppress();
        CHECK(q.audit().empty());
    }
    SUBCASE("parts() finds the total of a table's rows when one is printed, and only then")
    {
        Protection p(10);
        const auto all = p.cell("visits"), home = p.cell("home"), virt = p.cell("virtual"), lang = p.cell("es");
        for (const auto c : {all, home, virt, lang})
            p.publish(c);
        for (int i = 0; i < 30; ++i)
            p.count({all, home, lang});
        for (int i = 0; i < 4; ++i)
            p.count({all, virt});
        p.parts({home, virt}); // their total, 34, is "visits"
        p.parts({lang});       // a single row is its own total: nothing to add up
        p.suppress();
        CHECK(p.relations() == 1);
        CHECK(p.shown(virt) == CellShown::Below);
        // 34 - 30 would give the 4 back: one of them goes; "es" is "home",
        // one figure, shown or hidden in both tables.
        CHECK((p.shown(all) == CellShown::Withheld || p.shown(home) == CellShown::Withheld));
        CHECK(p.shown(lang) == p.shown(home));
        CHECK(p.audit().empty());
    }
    SUBCASE("what a relation leaves out is a count too: the district less its sites")
    {
        // 3 visits belong to no site: the district less S1 gives them.
        Protection p(10);
        const auto d = p.cell("district"), s1 = p.cell("S1");
        p.publish(d);
        p.publish(s1);
        for (int i = 0; i < 40; ++i)
            p.count({d, s1});
        for (int i = 0; i < 3; ++i)
            p.count({d});
        p.relation(d, {s1});
        p.suppress_primary_only();
        REQUIRE(p.audit().size() == 1);
        CHECK(p.audit()[0].key == "district minus S1");
        CHECK(p.audit()[0].lo == doctest::Approx(3));
    }
    SUBCASE("linked tables: what one withheld figure joins is solved together, and the audit agrees")
    {
        // Sites x months, with the district's months, each site's year and
        // the district's year as margins: a grid of people at random, many
        // cells small. suppress() must leave nothing the audit (made afresh)
        // can narrow, however the withheld figures joined the tables.
        for (unsigned seed = 1; seed <= 6; ++seed) {
            Protection p(10);
            constexpr std::size_t sites = 6, months = 5;
            unsigned x = seed * 2654435761u;
            const auto cell = site_month_grid(p, sites, months, [&](std::size_t, std::size_t) {
                x = x * 1103515245u + 12345u;
                return (x >> 16) % 4 == 0 ? (x >> 8) % 9 : 10 + (x >> 8) % 30;
            });
            p.suppress();
            CAPTURE(seed);
            CHECK(p.audit().empty());
            CHECK(p.tally().withheld > 0);
            CHECK(p.shown(cell[sites][months]) == CellShown::Shown); // the district's year, the dearest, stays
            // What a report prints of a withheld figure (shown_range) is
            // true, and says something of some of them.
            std::size_t bounded = 0;
            for (Protection::CellId c = 0; c < p.cells(); ++c) {
                if (!p.published(c) || p.shown(c) == CellShown::Shown)
                    continue;
                const auto r = p.shown_range(c);
                CAPTURE(p.key(c));
                CHECK(r.lo <= p.value(c));
                CHECK((r.hi < 0 || r.hi >= p.value(c)));
                if (p.shown(c) == CellShown::Below)
                    CHECK((r.hi >= 0 && r.hi <= 9));
                if (r.lo > 0 || (r.hi >= 0 && p.shown(c) == CellShown::Withheld))
                    ++bounded;
            }
            CHECK(bounded > 0);
        }
    }
    SUBCASE("many sites: the small counts of one large block are settled together, and the audit agrees")
    {
        // Sites x two months with the district's months and each site's
        // year: half the cells small, so the district's months join
        // hundreds of hidden cells into one programme, whose checks are
        // settled in batches before the breaches are sought one by one.
        Protection p(10);
        constexpr std::size_t sites = 300, months = 2;
        unsigned x = 7;
        const auto cell = site_month_grid(p, sites, months, [&](std::size_t, std::size_t) {
            x = x * 1103515245u + 12345u;
            return (x >> 16) % 2 == 0 ? 1 + (x >> 8) % 8 : 10 + (x >> 8) % 30;
        });
        p.suppress();
        CHECK(p.tally().below > 200);
        CHECK(p.audit().empty());
        CHECK(p.shown(cell[sites][months]) == CellShown::Shown);
    }
    SUBCASE("the audit of one large block gives each breach its exact range, however many counts it settles together")
    {
        // Sites x two months, primary suppression only: half the cells
        // small, so the district's months join them into one block. Of a
        // site with one small month, the year less the other month is that
        // month (v..v); of a site with both small and a year T of 11 or
        // more, each month is at least T - 9 (T - 9..9); any other small
        // count is open.
        Protection p(10);
        constexpr std::size_t sites = 300, months = 2;
        std::vector<std::vector<unsigned>> n(sites, std::vector<unsigned>(months));
        unsigned x = 11;
        const auto cell = site_month_grid(p, sites, months, [&](std::size_t s, std::size_t m) {
            x = x * 1103515245u + 12345u;
            return n[s][m] = (x >> 16) % 2 == 0 ? 1 + (x >> 8) % 8 : 10 + (x >> 8) % 30;
        });
        p.suppress_primary_only();
        std::vector<std::string> expected;
        std::vector<std::pair<double, double>> ranges;
        for (std::size_t s = 0; s < sites; ++s) {
            const unsigned year = n[s][0] + n[s][1];
            for (std::size_t m = 0; m < months; ++m) {
                if (n[s][m] >= 10)
                    continue;
                if (n[s][1 - m] >= 10) {
                    expected.push_back(p.key(cell[s][m]));
                    ranges.emplace_back(n[s][m], n[s][m]);
                } else if (year >= 11) {
                    expected.push_back(p.key(cell[s][m]));
                    ranges.emplace_back(year - 9, 9);
                }
            }
        }
        const auto breaches = p.audit();
        REQUIRE(breaches.size() == expected.size());
        CHECK(expected.size() > 100);
        for (std::size_t i = 0; i < breaches.size(); ++i) {
            CAPTURE(expected[i]);
            CHECK(breaches[i].key == expected[i]);
            CHECK(breaches[i].lo == doctest::Approx(ranges[i].first));
            CHECK(breaches[i].hi == doctest::Approx(ranges[i].second));
        }
    }
    SUBCASE("postings: a later one hides only its own figures, and an earlier one is decided as if it were alone")
    {
        // Stage 0, mid-year: sites S1 (165) and S2 (150), and the district.
        // Stage 1, the year: S1 168 (3 more), S2 170, the district. The year
        // less mid-year at S1 is 3: the year's S1 must go, and with it
        // another of the year's figures, since the district gives it back;
        // mid-year, posted first, stays as it was.
        const auto make = [](bool with_year) {
            Protection p(10);
            p.set_postings(3); // postings 0 and 1, and 2 for what describes the day
            const auto md = p.cell("mid|*"), m1 = p.cell("mid|S1"), m2 = p.cell("mid|S2");
            const auto yd = p.cell("year|*"), y1 = p.cell("year|S1"), y2 = p.cell("year|S2");
            for (const auto c : {md, m1, m2})
                p.publish(c, 0, 4);
            if (with_year)
                for (const auto c : {yd, y1, y2})
                    p.publish(c, 1, 8);
            const auto person = [&](bool mid, int site) {
                std::vector<Protection::CellId> in;
                if (mid)
                    in = {md, site == 1 ? m1 : m2};
                if (with_year) {
                    in.push_back(yd);
                    in.push_back(site == 1 ? y1 : y2);
                }
                if (!in.empty())
                    p.count(in);
            };
            for (int i = 0; i < 165; ++i)
                person(true, 1);
            for (int i = 0; i < 3; ++i)
                person(false, 1);
            for (int i = 0; i < 150; ++i)
                person(true, 2);
            for (int i = 0; i < 20; ++i)
                person(false, 2);
            p.relation(md, {m1, m2});
            if (with_year) {
                p.relation(yd, {y1, y2});
                p.relation(y1, {m1});
                p.relation(y2, {m2});
                p.relation(yd, {md});
            }
            p.suppress();
            return p;
        };
        const Protection alone = make(false), both = make(true);
        for (const std::string key : {"mid|*", "mid|S1", "mid|S2"}) {
            CAPTURE(key);
            CHECK(both.shown(*both.find(key)) == alone.shown(*alone.find(key)));
            CHECK(both.shown(*both.find(key)) == CellShown::Shown);
        }
        CHECK(both.shown(*both.find("year|S1")) == CellShown::Withheld);
        // What a reader adds up anyway: the year's S1 is at least mid-year's,
        // and at most the year's district less mid-year's S2.
        const auto s1 = both.shown_range(*both.find("year|S1")), s2 = both.shown_range(*both.find("year|S2"));
        CHECK(s1.lo == 165);
        CHECK(s1.hi == 338 - 150);
        CHECK(s2.lo == 150);
        CHECK(s2.hi == 338 - 165);
        CHECK(both.shown(*both.find("year|S2")) == CellShown::Withheld);
        CHECK(both.shown(*both.find("year|*")) == CellShown::Shown);
        CHECK(both.audit().empty());
    }
    SUBCASE("postings: a later cell counting the people of an earlier figure is a figure of its own")
    {
        // Stage 0 shows staff trained at S1 (12) and its educators (10);
        // stage 1 shows the year's educators at S1, the same 12 people as
        // the trained ones. Were the two one figure, the year's educators
        // would be shown by stage 0 already, and the year less mid-year (2)
        // could not be protected; as a figure of stage 1 it is withheld.
        Protection p(10);
        p.set_postings(3);
        const auto trained = p.cell("mid|trained"), mid = p.cell("mid|educators"), year = p.cell("year|educators");
        p.publish(trained, 0, 1, 1);
        p.publish(mid, 0, 1, 2);
        p.publish(year, 1, 1, 2);
        for (int i = 0; i < 10; ++i)
            p.count({trained, mid, year});
        for (int i = 0; i < 2; ++i)
            p.count({trained, year});
        p.relation(year, {mid});
        p.suppress();
        CHECK(p.shown(trained) == CellShown::Shown);
        CHECK(p.shown(mid) == CellShown::Shown);
        CHECK(p.shown(year) == CellShown::Withheld);
        CHECK(p.audit().empty());
    }
    SUBCASE("a later stage that cannot withhold what pins it shows its small count as '*', which bounds nothing")
    {
        // Stage 0 (fixed): 11 students visited. Stage 1: of them 2 chronically
        // absent (under N) and 9 not (a complement). "<10" for the 2 would
        // prove the 9 is at least 2; "*" proves nothing.
        Protection p(10);
        const auto visited = p.cell("visited"), chronic = p.cell("chronic"), rest = p.cell("not chronic");
        p.publish(visited, 0);
        p.publish(chronic, 1);
        p.sensitive(rest, 1);
        for (int i = 0; i < 2; ++i)
            p.count({visited, chronic});
        for (int i = 0; i < 9; ++i)
            p.count({visited, rest});
        p.relation(visited, {chronic, rest});
        p.finish();
        p.fix(visited, CellShown::Shown);
        CHECK(p.relations() == 1);
        p.suppress(1);
        CHECK(p.shown(visited) == CellShown::Shown);
        CHECK(p.shown(chronic) == CellShown::Withheld);
        CHECK(p.audit().empty());
    }
}
