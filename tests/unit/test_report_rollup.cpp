// The state roll-up's totals (report/rollup.hpp): in public, each total adds
// only the districts that show the figure and counts those it leaves out,
// so no total minus the districts' own reports gives back a hidden count;
// and a public roll-up takes only a period each district publishes.

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include <pthv/report/publication.hpp>
#include <pthv/report/rollup.hpp>

using namespace pthv;
using report::Count;
using report::DistrictFigures;
using report::Share;
using report::ShareShown;
using report::Shown;

namespace {

Count shown(std::int64_t n) { return Count{n, Shown::Exact}; }
Count below(std::int64_t n) { return Count{n, Shown::Below}; }
Count withheld(std::int64_t n) { return Count{n, Shown::Withheld}; }

Share share(const Count& num, const Count& den)
{
    Share s{num.value, den.value, ShareShown::Exact, 0};
    if (num.hidden() || den.hidden())
        s.shown = ShareShown::Hidden;
    else if (den.value == 0)
        s.shown = ShareShown::None;
    return s;
}

// A district whose public report shows these visits, students, enrolment,
// educators and virtual visits (hidden ones as given).
DistrictFigures district(const std::string& name, Count visits, Count students, Count enrolled, Count educators,
                         Count virtual_visits)
{
    DistrictFigures d;
    d.district = d.repo = name;
    d.total.completed_visits = visits;
    d.total.students_visited = students;
    d.total.students_enrolled = enrolled;
    d.total.participating_educators = educators;
    d.total.coverage = share(students, enrolled);
    d.census.staff_visiting = educators;
    d.census.virtual_share = share(virtual_visits, visits);
    return d;
}

report::Rollup rollup(std::vector<DistrictFigures> ds, bool is_public = true)
{
    return report::make_rollup(std::move(ds), "end-of-year", model::Date::from_ymd(2026, 5, 15).value(), is_public);
}

model::Period period(const char* label)
{
    model::Period p;
    p.label = label;
    return p;
}

} // namespace

TEST_CASE("rollup: a public total adds only the districts that show the figure")
{
    // The brief's case: B shows 83 educators, C's 5 are hidden. The old
    // total, 88, gave C's back as 88 - 83.
    const auto r = rollup({district("B", shown(1139), shown(735), shown(1556), shown(83), shown(120)),
                           district("C", below(3), below(3), shown(40), below(5), below(1)),
                           district("D", shown(50), withheld(30), shown(60), shown(12), shown(0))});
    CHECK(r.total.participating_educators.value == 95);
    CHECK(r.total.participating_educators.shown == Shown::Exact);
    CHECK(r.left_out_of("participating_educators") == 1);
    CHECK(r.left_out_of("staff_visiting") == 1);
    CHECK(r.census.staff_visiting.value == 95);
    CHECK(r.total.completed_visits.value == 1189);
    CHECK(r.left_out_of("completed_visits") == 1);
    // Withheld in D's own report (a complement): left out like a small count.
    CHECK(r.total.students_visited.value == 735);
    CHECK(r.left_out_of("students_visited") == 2);
    CHECK(r.total.students_enrolled.value == 1656);
    CHECK(r.left_out_of("students_enrolled") == 0);
    // A share: over the districts that show both its counts (B only).
    CHECK(r.total.coverage.shown == ShareShown::Exact);
    CHECK(r.total.coverage.num == 735);
    CHECK(r.total.coverage.den == 1556);
    CHECK(r.left_out_of("coverage_pct") == 2);
    CHECK(r.census.virtual_share.num == 120);
    CHECK(r.census.virtual_share.den == 1189);
    CHECK(r.left_out_of("virtual_pct") == 1);
    // Each district keeps its own report's figures.
    CHECK(r.districts[1].total.participating_educators.shown == Shown::Below);
    CHECK(r.districts[0].total.participating_educators.shown == Shown::Exact);
    CHECK(r.districts[2].total.students_visited.shown == Shown::Withheld);
}

TEST_CASE("rollup: a total no district shows has no value; a failed repo is not counted as left out")
{
    DistrictFigures failed;
    failed.district = failed.repo = "E";
    failed.error = "no such folder";
    const auto r = rollup({district("C", below(3), below(3), shown(40), below(5), below(1)), failed});
    CHECK(r.failed == 1);
    CHECK(r.loaded() == 1);
    CHECK(r.total.completed_visits.shown == Shown::Withheld);
    CHECK(r.left_out_of("completed_visits") == 1);
    CHECK(r.total.coverage.shown == ShareShown::None);
    CHECK(r.left_out_of("coverage_pct") == 1);
    CHECK(r.total.students_enrolled.value == 40);
    CHECK(r.left_out_of("students_enrolled") == 0);
    const std::string json = report::render_rollup_json(r);
    CHECK(json.find("\"total_left_out\"") != std::string::npos);
    CHECK(json.find("\"completed_visits\": null") != std::string::npos);
}

TEST_CASE("rollup: without --public every district is in every total")
{
    const auto r = rollup({district("B", shown(1139), shown(735), shown(1556), shown(83), shown(120)),
                           district("C", shown(3), shown(3), shown(40), shown(5), shown(1))},
                          false);
    CHECK(r.total.participating_educators.value == 88);
    CHECK(r.total.coverage.num == 738);
    CHECK(r.total.coverage.den == 1596);
    for (const auto& [key, n] : r.left_out)
        CHECK_MESSAGE(n == 0, key);
    CHECK(r.left_out.count("session_trainings") == 1);
}

TEST_CASE("rollup: the trainings at a district's held sessions, in public, only when each is shown")
{
    report::Figures f;
    f.is_public = true;
    f.min_cell = 10;
    f.sessions.present = true;
    f.sessions.sessions.push_back({"A", {}, "intro", "", "", true, shown(30), {}});
    f.sessions.sessions.push_back({"B", {}, "intro", "", "", false, below(4), {}}); // planned: not counted
    CHECK(report::district_figures(f, {}, "x").sessions.trained.value == 30);
    CHECK(report::district_figures(f, {}, "x").sessions.trained.shown == Shown::Exact);
    f.sessions.sessions.push_back({"C", {}, "intro", "", "", true, below(4), {}});
    // 34 beside a shown 30 would give the 4 back.
    CHECK(report::district_figures(f, {}, "x").sessions.trained.shown == Shown::Withheld);
    f.is_public = false;
    CHECK(report::district_figures(f, {}, "x").sessions.trained.shown == Shown::Exact);
}

TEST_CASE("rollup: the state's fidelity from summed visits and shortfalls, in public over exact shares only")
{
    auto with_fidelity = [](const std::string& name, std::int64_t visits, std::int64_t cp5_short, ShareShown cp5) {
        DistrictFigures d = district(name, shown(visits), shown(visits), shown(visits), shown(1), shown(0));
        d.parts.fidelity.visits = shown(visits);
        for (auto& m : d.parts.fidelity.meeting)
            m = Share{visits, visits, ShareShown::Exact, 0};
        d.parts.fidelity.meeting[4] = Share{visits - cp5_short, visits, cp5, cp5 == ShareShown::AtLeast ? 991 : 0};
        return d;
    };
    // Not averaged: (990 + 80) / (1000 + 100), where the mean of 99% and
    // 80% would be 89.5%.
    const auto all = rollup({with_fidelity("A", 1000, 10, ShareShown::Exact), with_fidelity("B", 100, 20, ShareShown::Exact)},
                            false);
    CHECK(all.parts.fidelity.meeting[4].num == 1070);
    CHECK(all.parts.fidelity.meeting[4].den == 1100);
    CHECK(all.parts.fidelity.short_of[4].value == 30);
    // In public a bound (">=99.1%") is no exact figure: left out.
    const auto pub = rollup({with_fidelity("A", 1000, 5, ShareShown::AtLeast), with_fidelity("B", 100, 20, ShareShown::Exact)});
    CHECK(pub.parts.fidelity.meeting[4].num == 80);
    CHECK(pub.parts.fidelity.meeting[4].den == 100);
    CHECK(pub.left_out_of("fidelity.CP5_meeting_pct") == 1);
    CHECK(pub.left_out_of("fidelity.CP1_meeting_pct") == 0);
    CHECK(pub.parts.fidelity.visits.value == 1100);
}

TEST_CASE("rollup: a source's state money adds the districts that show its spending, budget included")
{
    auto with_money = [](const std::string& name, std::int64_t budget, std::int64_t owed, bool held_back) {
        DistrictFigures d = district(name, shown(10), shown(10), shown(10), shown(1), shown(0));
        report::FundingRow row;
        row.source = "title-1";
        row.budget = model::Money::from_cents(budget);
        row.pending = model::Money::from_cents(owed);
        row.left = model::Money::from_cents(budget - owed);
        row.withheld = held_back;
        d.parts.money.push_back(row);
        return d;
    };
    const auto r = rollup({with_money("A", 100000, 40000, false), with_money("B", 50000, 700, true),
                           with_money("C", 20000, 1000, false)});
    REQUIRE(r.parts.money.size() == 1);
    CHECK(r.parts.money[0].budget.cents() == 120000);
    CHECK(r.parts.money[0].pending.cents() == 41000);
    CHECK(r.parts.money[0].left.cents() == 79000);
    CHECK_FALSE(r.parts.money[0].withheld);
    CHECK(r.left_out_of("money.title-1") == 1);
    const auto none = rollup({with_money("B", 50000, 700, true)});
    CHECK(none.parts.money[0].withheld);
}

TEST_CASE("rollup: findings as validate counts them; in public without reviewed and by rule")
{
    model::Problems findings(3);
    findings[0].rule = "CP5-pair";
    findings[0].severity = model::Severity::Error;
    findings[1].rule = "CP5-pair";
    findings[1].severity = model::Severity::Error;
    findings[1].reviewed = model::ReviewMark{};
    findings[2].rule = "late-entry";
    findings[2].severity = model::Severity::Warning;
    report::Figures f;
    const auto parts = report::district_parts(f, findings);
    CHECK(parts.findings.errors.value == 1);
    CHECK_FALSE(parts.findings.errors.hidden());
    CHECK(parts.findings.warnings.value == 1);
    CHECK(parts.findings.reviewed == 1);
    CHECK(parts.findings.by_rule.at("CP5-pair") == 2);
    CHECK(parts.findings.by_rule.at("late-entry") == 1);
    f.is_public = true;
    // In public a count under min_cell is "<N": one error says one visit fell short.
    f.min_cell = 10;
    const auto pub = report::district_parts(f, findings);
    CHECK(pub.findings.errors.value == 1);
    CHECK(pub.findings.errors.shown == report::Shown::Below);
    CHECK_FALSE(pub.findings.detail_given);
    CHECK(pub.findings.by_rule.empty());
}

TEST_CASE("rollup: the periods a district publishes, by reports.publish")
{
    model::Config c; // default: [mid-year, end-of-year, monthly]
    for (const char* p : {"mid-year", "end-of-year", "2026-03", "2025-07"})
        CHECK_MESSAGE(report::publishes_period(c, period(p)), p);
    CHECK_FALSE(report::publishes_period(c, period("2026-02-01..2026-05-15")));
    c.publish = {"end-of-year", "2026-02-01..2026-05-15"};
    CHECK(report::publishes_period(c, period("end-of-year")));
    CHECK(report::publishes_period(c, period("2026-02-01..2026-05-15")));
    CHECK_FALSE(report::publishes_period(c, period("mid-year")));
    CHECK_FALSE(report::publishes_period(c, period("2026-03")));
    CHECK_FALSE(report::publishes_period(c, period("2026-02-01..2026-05-14")));
    c.publish = {};
    CHECK_FALSE(report::publishes_period(c, period("end-of-year")));
}
