// The sections of the report (docs/guide.md, report), in order. Formatting only:
// every number comes from Figures.

#include <pthv/report/tables.hpp>

#include <cmath>
#include <cstdlib>

#include <fmt/format.h>

#include <pthv/util/strings.hpp>

namespace pthv::report {

const std::vector<std::string>& table_names()
{
    static const std::vector<std::string> k_names = {
        "headline", "sites",  "educators", "fidelity",  "training", "training_sessions",
        "money",    "site_money", "months", "modes", "languages", "top_sites", "declines", "attendance", "census"};
    return k_names;
}

namespace {

Table make(std::string name, std::string title, std::vector<std::string> header, std::size_t text_columns)
{
    Table t{std::move(name), std::move(title), std::move(header), {}, {}, {}};
    for (std::size_t i = 0; i < t.header.size(); ++i)
        t.numeric.push_back(i >= text_columns);
    return t;
}

Table headline(const Figures& f)
{
    const int m = f.min_cell;
    const Summary& s = f.total;
    Table t = make("headline", "Headline figures", {"figure", "value"}, 1);
    t.rows = {{"completed visits", count_str(s.completed_visits, m)},
              {"students visited", count_str(s.students_visited, m)},
              {"students enrolled", count_str(s.students_enrolled, m)},
              {"coverage of enrolment", share_str(s.coverage)},
              {"families reached", count_str(s.families_reached, m)},
              {"students with a second visit", count_str(s.second_visit_students, m)},
              {"second-visit rate", share_str(s.second_visit_rate)},
              {"declined visits", count_str(s.declined, m)},
              {"visits scheduled ahead", count_str(s.scheduled_ahead, m)}};
    return t;
}

Table sites(const Figures& f)
{
    const int m = f.min_cell;
    Table t = make("sites", "By site",
                   {"site", "name", "visits", "students", "enrolled", "coverage", "families", "2nd visit",
                    "2nd-visit rate", "goal", "toward goal", "trained staff", "educators"},
                   2);
    auto row = [&](const Summary& s, const std::string& id) {
        t.rows.push_back({id, s.name, count_str(s.completed_visits, m), count_str(s.students_visited, m),
                          count_str(s.students_enrolled, m), share_str(s.coverage), count_str(s.families_reached, m),
                          count_str(s.second_visit_students, m), share_str(s.second_visit_rate),
                          s.visit_goal ? std::to_string(*s.visit_goal) : "-", share_str(s.goal_progress),
                          count_str(s.trained_staff, m), count_str(s.participating_educators, m)});
    };
    for (const auto& s : f.sites)
        row(s, s.site_id);
    if (f.site_filter.empty()) {
        Summary all = f.total;
        all.name = "all sites";
        row(all, "all");
    }
    t.note = "goal: the school's own goal of students to visit, never a quota";
    return t;
}

Table educators(const Figures& f)
{
    Table t = make("educators", "By educator", {"staff", "name", "site", "visits", "students"}, 3);
    for (const auto& e : f.educators)
        t.rows.push_back({e.staff_id, e.name, e.site_id, std::to_string(e.visits), std::to_string(e.students)});
    return t;
}

Table fidelity(const Figures& f)
{
    Table t = make("fidelity", "Fidelity to the core practices (share of completed visits with no finding)",
                   {"site", "name", "visits", "CP1", "CP2", "CP3", "CP4", "CP5"}, 2);
    for (const auto& r : f.fidelity) {
        if (!f.site_filter.empty() && &r == &f.fidelity.front())
            continue; // one site: its own row is the whole report
        std::vector<std::string> row = {r.site_id.empty() ? "all" : r.site_id, r.site_id.empty() ? "all sites" : r.name,
                                        count_str(r.visits, f.min_cell)};
        for (const auto& s : r.meeting)
            row.push_back(share_str(s));
        t.rows.push_back(std::move(row));
    }
    std::string note;
    for (std::size_t k = 0; k < k_practices; ++k)
        note += fmt::format("{}CP{}: {}", k ? "; " : "", k + 1, k_practice_names[k] + 2);
    t.note = note;
    return t;
}

std::vector<Table> training(const Figures& f)
{
    const int m = f.min_cell;
    const TrainingFigures& tr = f.training;
    Table t = make("training", "Training of opted-in staff, as of " + f.as_of.str(), {"status", "staff"}, 1);
    t.rows = {{"current", count_str(tr.current, m)},
              {"due soon", count_str(tr.due_soon, m)},
              {"expired", count_str(tr.expired, m)},
              {"untrained", count_str(tr.untrained, m)},
              {"all", count_str(tr.staff, m)}};
    Table s = make("training_sessions", "Training sessions held in the period",
                   {"date", "kind", "session", "attendees"}, 3);
    for (const auto& x : tr.sessions)
        s.rows.push_back({x.date.str(), x.kind, x.session, count_str(x.attendees, m)});
    return {t, s};
}

std::vector<Table> money(const Figures& f)
{
    Table t = make("money", "Spending against each funding source",
                   {"source", "budget", "paid (closed)", "owed (open)", "left"}, 1);
    const auto money_str = [](const model::Money& m, bool withheld) { return withheld ? "*" : m.grouped(); };
    for (const auto& r : f.money)
        t.rows.push_back({r.source.empty() ? "(no source)" : r.source, r.budget.grouped(),
                          money_str(r.closed, r.withheld), money_str(r.pending, r.withheld),
                          money_str(r.left, r.withheld)});
    t.note = "paid and owed: dated in the period; left: the budget less all spending up to the period's end";
    Table s = make("site_money", "Spending by site", {"site", "source", "spent"}, 2);
    for (const auto& r : f.site_money)
        s.rows.push_back({r.site_id.empty() ? fmt::format("other ({} sites)", r.folded) : r.site_id, r.source,
                          money_str(r.spent, r.withheld)});
    if (f.is_public)
        s.note = fmt::format("other: the sites with fewer than {} visits shown, or withheld, together, so that no "
                             "spending gives back a small count; * withheld for the same reason",
                             f.min_cell);
    return {t, s};
}

Table tallies(std::string name, std::string title, std::string key, const std::vector<Tally>& v, int m)
{
    Table t = make(std::move(name), std::move(title), {std::move(key), "visits"}, 1);
    for (const auto& x : v)
        t.rows.push_back({x.key, count_str(x.count, m)});
    return t;
}

Table top_sites(const Figures& f)
{
    Table t = make("top_sites", "Top visiting schools", {"rank", "site", "name", "visits"}, 3);
    t.numeric[0] = true;
    for (std::size_t i = 0; i < f.top_sites.size(); ++i)
        for (const auto& s : f.sites)
            if (s.site_id == f.top_sites[i])
                t.rows.push_back({std::to_string(i + 1), s.site_id, s.name, count_str(s.completed_visits, f.min_cell)});
    return t;
}

Table declines(const Figures& f)
{
    const int m = f.min_cell;
    Table t = make("declines", "Declines (the family said no) and visits scheduled ahead",
                   {"site", "name", "declined visits", "families", "scheduled ahead"}, 2);
    for (const auto& s : f.sites)
        t.rows.push_back({s.site_id, s.name, count_str(s.declined, m), count_str(s.declined_families, m),
                          count_str(s.scheduled_ahead, m)});
    if (f.site_filter.empty())
        t.rows.push_back({"all", "all sites", count_str(f.total.declined, m), count_str(f.total.declined_families, m),
                          count_str(f.total.scheduled_ahead, m)});
    t.note = "participation is voluntary (core practice 1): a decline is the family's choice";
    return t;
}

std::string pp(std::int64_t tenths)
{
    return fmt::format("{}{}.{}", tenths < 0 ? "-" : "", std::llabs(tenths) / 10, std::llabs(tenths) % 10);
}

// A proportion (-1..1) as percentage points with one decimal.
std::string pp(double proportion)
{
    return pp(static_cast<std::int64_t>(std::llround(proportion * 1000)));
}

Table attendance(const Figures& f)
{
    const int m = f.min_cell;
    Table t = make("attendance", "Chronic absence: visited and not visited students",
                   {"site", "name", "visited", "chronic", "rate", "not visited", "chronic", "rate",
                    "difference (pp)", "95% interval (pp)"},
                   2);
    for (const auto& r : f.attendance.rows) {
        if (!f.site_filter.empty() && &r == &f.attendance.rows.front())
            continue; // one site: its own row is the whole report
        std::vector<std::string> row = {r.site_id.empty() ? "all" : r.site_id, r.site_id.empty() ? "all sites" : r.name};
        for (const AttendanceGroup* g : {&r.visited, &r.not_visited}) {
            row.push_back(count_str(g->students, m));
            row.push_back(count_str(g->chronic, m));
            row.push_back(share_str(g->rate));
        }
        row.push_back(r.difference_tenths ? pp(*r.difference_tenths) : "-");
        row.push_back(r.ci95 ? pp(r.ci95->low) + " to " + pp(r.ci95->high) : "-");
        t.rows.push_back(std::move(row));
    }
    t.note = attendance_caution(f);
    return t;
}

} // namespace

std::string attendance_caution(const Figures& f)
{
    std::string note = fmt::format(
        "Chronically absent: absent on 10% or more of at least {} days enrolled. This is a comparison, not proof "
        "that the visits caused the difference: families who welcome a visit may differ in other ways from those "
        "who do not.",
        k_min_days_enrolled);
    if (f.attendance.too_few_days > 0)
        note += fmt::format(" {} enrolled fewer than {} days and are left out.",
                            util::plural(f.attendance.too_few_days, "student", "students"), k_min_days_enrolled);
    return note;
}

Table census_table(const Figures& f)
{
    const int m = f.min_cell;
    const Census& c = f.census;
    Table t = make("census", "Census, school year " + c.school_year,
                   {"school_year", "sites_visiting", "completed_visits", "students_visited", "families_reached",
                    "staff_visiting", "staff_trained_new", "virtual_pct"},
                   1);
    std::string virtual_pct = share_str(c.virtual_share);
    if (!virtual_pct.empty() && virtual_pct.back() == '%')
        virtual_pct.pop_back();
    t.rows = {{c.school_year, count_str(c.sites_visiting, m), count_str(c.completed_visits, m),
               count_str(c.students_visited, m), count_str(c.families_reached, m), count_str(c.staff_visiting, m),
               count_str(c.staff_trained_new, m), virtual_pct}};
    return t;
}

std::vector<Table> report_tables(const Figures& f)
{
    std::vector<Table> out = {headline(f), sites(f)};
    if (!f.is_public)
        out.push_back(educators(f));
    out.push_back(fidelity(f));
    for (auto& t : training(f))
        out.push_back(std::move(t));
    for (auto& t : money(f))
        out.push_back(std::move(t));
    out.push_back(tallies("months", "Completed visits per month", "month", f.months, f.min_cell));
    out.push_back(tallies("modes", "Completed visits by mode", "mode", f.modes, f.min_cell));
    out.push_back(tallies("languages", "Completed visits by language", "language", f.languages, f.min_cell));
    out.push_back(top_sites(f));
    out.push_back(declines(f));
    if (f.attendance.given)
        out.push_back(attendance(f));
    return out;
}

} // namespace pthv::report
