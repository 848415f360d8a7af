// The sections of the report (docs/guide.md, report), in order. Formatting only:
// every number comes from Figures.

#include <pthv/report/tables.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <optional>

#include <fmt/format.h>

#include <pthv/util/strings.hpp>

namespace pthv::report {

const std::vector<std::string>& table_names()
{
    static const std::vector<std::string> k_names = {
        "headline", "sites",  "second_visits", "educators", "fidelity",  "training", "training_sessions",
        "session_plan", "money", "site_money", "months", "visit_order", "modes", "languages",
        "interpreted_languages", "entry_days", "top_sites", "declines", "events", "event_list", "attendance",
        "scores", "subgroups", "subgroup_attendance", "subgroup_scores", "surveys", "census"};
    return k_names;
}

namespace {

// A column: its heading for people and its name for programs (tidy CSV,
// the same name as in the JSON where the JSON has it).
struct Col {
    const char* people;
    const char* key;
};

Table make(const Figures& f, std::string name, std::string title, std::vector<Col> cols, std::size_t text_columns)
{
    Table t;
    t.name = std::move(name);
    t.title = std::move(title);
    t.min_cell = f.min_cell;
    for (std::size_t i = 0; i < cols.size(); ++i) {
        t.header.emplace_back(cols[i].people);
        t.keys.emplace_back(cols[i].key);
        t.numeric.push_back(i >= text_columns);
    }
    return t;
}

std::string as_of_phrase(const Figures& f)
{
    return "after " + f.as_of.str() + " (the as-of date)";
}

// A day figure: none without visits, hidden with them (public, too few).
Cell days_cell(const EntryDelay& d, const std::optional<int>& days)
{
    if (days)
        return Cell::num(*days);
    return d.visits.hidden() ? Cell::suppressed() : Cell::missing();
}

Table headline(const Figures& f)
{
    const Summary& s = f.total;
    Table t = make(f, "headline", "Headline figures", {{"figure", "figure"}, {"value", "value"}}, 1);
    t.add({Cell::of("completed visits", "completed_visits"), Cell::of(s.completed_visits)});
    t.add({Cell::of("students visited", "students_visited"), Cell::of(s.students_visited)});
    t.add({Cell::of("students enrolled", "students_enrolled"), Cell::of(s.students_enrolled)});
    t.add({Cell::of("coverage of enrolment", "coverage_pct"), Cell::of(s.coverage)});
    t.add({Cell::of("families reached", "families_reached"), Cell::of(s.families_reached)});
    t.add({Cell::of("students with a second visit", "second_visit_students"), Cell::of(s.second_visit_students)});
    t.add({Cell::of("second-visit rate", "second_visit_rate_pct"), Cell::of(s.second_visit_rate)});
    if (s.split_given) {
        t.add({Cell::of("students with a second visit scheduled", "second_visit_scheduled"),
               Cell::of(s.second_visit_scheduled)});
        t.add({Cell::of("students due a second visit", "second_visit_due"), Cell::of(s.second_visit_due)});
    }
    t.add({Cell::of("declined visits", "declined"), Cell::of(s.declined)});
    if (!f.is_public)
        t.add({Cell::of("families who declined", "declined_families"), Cell::of(s.declined_families)},
              RowFor::Programs);
    t.add({Cell::of("visits scheduled " + as_of_phrase(f), "scheduled_ahead"), Cell::of(s.scheduled_ahead)});
    t.add({Cell::of("trained staff", "trained_staff"), Cell::of(s.trained_staff)}, RowFor::Programs);
    if (s.educators_given)
        t.add({Cell::of("participating educators", "participating_educators"), Cell::of(s.participating_educators)},
              RowFor::Programs);
    // The district's days to log entry and fidelity: rows of other tables for people.
    for (const auto& d : f.entry_delays)
        if (d.site_id.empty()) {
            t.add({Cell::of("median_days_to_entry", "median_days_to_entry"), days_cell(d, d.median_days)},
                  RowFor::Programs);
            t.add({Cell::of("p90_days_to_entry", "p90_days_to_entry"), days_cell(d, d.p90_days)}, RowFor::Programs);
        }
    if (f.has_travel) {
        t.add({Cell::of("visits giving travel_minutes", "travel_visits"), Cell::of(f.travel_visits)});
        t.add({Cell::of("median travel minutes", "median_travel_minutes"),
               f.median_travel_minutes ? Cell::num(*f.median_travel_minutes) : Cell::missing()});
    }
    if (!f.fidelity.empty())
        for (std::size_t k = 0; k < k_practices; ++k) {
            const std::string key = "CP" + std::to_string(k + 1) + "_meeting_pct";
            t.add({Cell::of(key, key), Cell::of(f.fidelity.front().meeting[k])}, RowFor::Programs);
        }
    return t;
}

Table sites(const Figures& f)
{
    std::vector<Col> cols = {{"site", "site_id"},
                             {"name", "name"},
                             {"visits", "completed_visits"},
                             {"students", "students_visited"},
                             {"enrolled", "students_enrolled"},
                             {"coverage", "coverage_pct"},
                             {"families", "families_reached"},
                             {"2nd visit", "second_visit_students"},
                             {"2nd-visit rate", "second_visit_rate_pct"},
                             {"goal", "visit_goal"},
                             {"toward goal", "goal_progress_pct"},
                             {"trained staff", "trained_staff"}};
    const bool educators = f.total.educators_given;
    if (educators)
        cols.push_back({"educators", "participating_educators"});
    Table t = make(f, "sites", "By site", cols, 2);
    auto row = [&](const Summary& s, const std::string& id, RowFor rf) {
        std::vector<Cell> cells = {Cell::of(id), Cell::of(s.name), Cell::of(s.completed_visits),
                                   Cell::of(s.students_visited), Cell::of(s.students_enrolled), Cell::of(s.coverage),
                                   Cell::of(s.families_reached), Cell::of(s.second_visit_students),
                                   Cell::of(s.second_visit_rate),
                                   s.visit_goal ? Cell::num(*s.visit_goal) : Cell::missing(),
                                   Cell::of(s.goal_progress), Cell::of(s.trained_staff)};
        if (educators)
            cells.push_back(Cell::of(s.participating_educators));
        t.add(cells, rf);
    };
    for (const auto& s : f.sites)
        row(s, s.site_id, RowFor::All);
    if (f.site_filter.empty()) {
        Summary all = f.total;
        all.name = "all sites";
        row(all, "all", RowFor::People);
    }
    t.note = "goal: the school's own goal of students to visit, never a quota";
    return t;
}

Table second_visits(const Figures& f)
{
    Table t = make(f, "second_visits", "Second visits by site",
                   {{"site", "site_id"},
                    {"name", "name"},
                    {"visited", "students_visited"},
                    {"2nd visit", "second_visit_students"},
                    {"2nd scheduled", "second_visit_scheduled"},
                    {"2nd due", "second_visit_due"}},
                   2);
    auto row = [&](const Summary& s, const std::string& id, const std::string& name, RowFor rf) {
        t.add({Cell::of(id), Cell::of(name), Cell::of(s.students_visited), Cell::of(s.second_visit_students),
               Cell::of(s.second_visit_scheduled), Cell::of(s.second_visit_due)},
              rf);
    };
    for (const auto& s : f.sites)
        row(s, s.site_id, s.name, RowFor::All);
    if (f.site_filter.empty())
        row(f.total, "all", "all sites", RowFor::People);
    t.note = "2nd due: students with one completed visit and no visit scheduled after it";
    if (!f.is_public)
        t.note += " (pthv roster students --second-due lists them)";
    return t;
}

Table visit_order(const Figures& f)
{
    Table t = make(f, "visit_order", "First and second visits per month",
                   {{"month", "month"}, {"first visits", "first"}, {"second visits", "second"}}, 1);
    for (const auto& x : f.visit_order)
        t.add({Cell::of(month_label(x.month, f.period), x.month), Cell::of(x.first), Cell::of(x.second)});
    t.note = "a student's first visit is the earliest completed one of the school year; the second, the next";
    if (f.is_public && !f.site_filter.empty())
        t.note = "given for the district only in public: at one school a month's first or second visits are "
                 "mostly a handful, which the month's visits less the other would give back";
    if (!f.visit_order.empty() && month_is_partial(f.visit_order.back().month, f.period))
        t.note += "; " + partial_month_note(f.period);
    return t;
}

// events.csv: a count per kind, then the events themselves (never their
// notes; staff only in internal reports).
Table event_counts(const Figures& f)
{
    std::vector<Col> cols = {{"site", "site_id"}, {"name", "name"}};
    std::vector<std::string> labels; // the Col entries point into these
    for (const model::EventKind k : model::k_event_kinds)
        labels.push_back(human_label(model::enum_name(k)));
    for (std::size_t i = 0; i < labels.size(); ++i)
        cols.push_back({labels[i].c_str(), model::enum_name(model::k_event_kinds[i]).data()}); // a static table's names
    Table t = make(f, "events", "Events by kind", cols, 2);
    for (const auto& c : f.events.counts) {
        const bool all = c.site_id.empty();
        const bool district_wide = c.site_id == "-"; // empty site_id for programs
        std::vector<Cell> row = {all ? Cell::of("all", "") : district_wide ? Cell::of("-", "") : Cell::of(c.site_id),
                                 Cell::of(c.name)};
        for (const auto& n : c.per_kind)
            row.push_back(Cell::of(n));
        t.add(row, all ? RowFor::People : RowFor::All);
    }
    t.note = "events dated in the period; -: district-wide events; all: every event";
    return t;
}

Table event_list(const Figures& f)
{
    std::vector<Col> cols = {{"date", "date"}, {"site", "site_id"}, {"kind", "kind"}, {"title", "title"},
                             {"attendees", "attendees"}};
    if (!f.is_public)
        cols.push_back({"staff", "staff_ids"});
    Table t = make(f, "event_list", "Events", cols, 4);
    for (const auto& e : f.events.events) {
        std::vector<Cell> row = {Cell::of(e.date.str()),
                                 e.site_id.empty() ? Cell::of("district", "") : Cell::of(e.site_id),
                                 Cell::of(human_label(e.kind), e.kind), Cell::of(e.title),
                                 e.attendees ? Cell::of(*e.attendees) : Cell::missing()};
        if (!f.is_public)
            row.push_back(Cell::of(e.staff_ids));
        t.add(row);
    }
    if (!f.is_public)
        t.numeric.back() = false;
    return t;
}

std::vector<Table> events(const Figures& f)
{
    if (!f.events.present)
        return {};
    return {event_counts(f), event_list(f)};
}

// sessions.csv: each session of the school year, held or planned.
Table session_plan(const Figures& f)
{
    const SessionFigures& sf = f.sessions;
    std::vector<Col> cols = {{"session", "session_id"}, {"date", "date"}, {"kind", "kind"}, {"site", "site_id"},
                             {"status", "status"}};
    if (!f.is_public)
        cols.push_back({"trainer", "trainer"});
    cols.push_back({"attended", "attended"});
    cols.push_back({"capacity", "capacity"});
    Table t = make(f, "session_plan", "Training sessions of the year, held and planned", cols, cols.size() - 2);
    for (const auto& s : sf.sessions) {
        std::vector<Cell> row = {Cell::of(s.session_id), Cell::of(s.date.str()), Cell::of(s.kind),
                                 s.site_id.empty() ? Cell::of("district", "") : Cell::of(s.site_id),
                                 Cell::of(s.held ? "held" : "planned")};
        if (!f.is_public)
            row.push_back(Cell::of(s.trainer));
        row.push_back(Cell::of(s.attended));
        row.push_back(s.capacity ? Cell::num(*s.capacity) : Cell::missing());
        t.add(row);
    }
    t.note = fmt::format("{} held (on or before {}), {} planned; attended: trainings that name the session",
                         sf.held.value, f.as_of.str(), sf.planned.value);
    return t;
}

Table educators(const Figures& f)
{
    Table t = make(f, "educators", "By educator",
                   {{"staff", "staff_id"}, {"name", "name"}, {"site", "site_id"}, {"visits", "visits"},
                    {"students", "students"}},
                   3);
    for (const auto& e : f.educators)
        t.add({Cell::of(e.staff_id), Cell::of(e.name), Cell::of(e.site_id), Cell::num(e.visits),
               Cell::num(e.students)});
    return t;
}

Table fidelity(const Figures& f)
{
    Table t = make(f, "fidelity", "Fidelity to the core practices (share of completed visits with no finding)",
                   {{"site", "site_id"},
                    {"name", "name"},
                    {"visits", "visits"},
                    {"CP1", "CP1_meeting_pct"},
                    {"CP2", "CP2_meeting_pct"},
                    {"CP3", "CP3_meeting_pct"},
                    {"CP4", "CP4_meeting_pct"},
                    {"CP5", "CP5_meeting_pct"}},
                   2);
    for (const auto& r : f.fidelity) {
        const bool district = &r == &f.fidelity.front();
        if (district && !f.site_filter.empty())
            continue; // one site: its own row is the whole report
        std::vector<Cell> row = {Cell::of(district ? "all" : r.site_id), Cell::of(district ? "all sites" : r.name),
                                 Cell::of(r.visits)};
        for (const auto& s : r.meeting)
            row.push_back(Cell::of(s));
        t.add(row, district ? RowFor::People : RowFor::All);
    }
    std::string note;
    for (std::size_t k = 0; k < k_practices; ++k)
        note += fmt::format("{}CP{}: {}", k ? "; " : "", k + 1, k_practice_names[k] + 2);
    t.note = note;
    return t;
}

std::vector<Table> training(const Figures& f)
{
    const TrainingFigures& tr = f.training;
    Table t = make(f, "training", "Training of opted-in staff, as of " + f.as_of.str(),
                   {{"status", "status"}, {"staff", "staff"}}, 1);
    t.add({Cell::of("current"), Cell::of(tr.current)});
    t.add({Cell::of("due soon", "due_soon"), Cell::of(tr.due_soon)});
    t.add({Cell::of("expired"), Cell::of(tr.expired)});
    t.add({Cell::of("untrained"), Cell::of(tr.untrained)});
    t.add({Cell::of("all"), Cell::of(tr.staff)}, RowFor::People);
    Table s = make(f, "training_sessions", "Training sessions held in the period",
                   {{"date", "date"}, {"kind", "kind"}, {"session", "session"}, {"attendees", "attendees"}}, 3);
    for (const auto& x : tr.sessions)
        s.add({Cell::of(x.date.str()), Cell::of(x.kind), Cell::of(x.session), Cell::of(x.attendees)});
    std::vector<Table> out;
    if (tr.statuses_given)
        out.push_back(std::move(t));
    if (f.breakdowns && !(f.is_public && f.sessions.present))
        out.push_back(std::move(s));
    return out;
}

std::vector<Table> money(const Figures& f)
{
    Table t = make(f, "money", "Spending against each funding source",
                   {{"source", "source"},
                    {"budget", "budget"},
                    {"paid (closed)", "paid_closed"},
                    {"owed (open)", "owed_open"},
                    {"left", "left"},
                    {"from", "period_from"},
                    {"to", "period_to"},
                    {"scheduled", "committed_scheduled"},
                    {"left after", "left_after_scheduled"}},
                   1);
    for (const auto& r : f.money)
        t.add({r.source.empty() ? Cell::of("(no source)", "") : Cell::of(r.source),
               Cell::of(r.budget), Cell::of(r.closed, r.withheld), Cell::of(r.pending, r.withheld),
               Cell::of(r.left, r.withheld), Cell::of(r.days ? r.days->first.str() : ""),
               Cell::of(r.days ? r.days->last.str() : ""), Cell::of(r.committed, r.committed_withheld),
               Cell::of(r.left_after_scheduled, r.committed_withheld)});
    t.note = "paid and owed: dated in the period; left: the budget less all spending up to the period's end; "
             "from, to: the days the source pays for; scheduled: what the visits scheduled after the as-of date "
             "would cost it; left after: left less that";
    if (f.is_public && std::any_of(f.money.begin(), f.money.end(),
                                   [](const FundingRow& r) { return r.committed_withheld && !r.withheld; }))
        t.note += fmt::format("; * withheld where fewer than {} visits are scheduled, so that no figure gives back a "
                              "small count",
                              f.min_cell);
    Table s = make(f, "site_money", "Spending by site", {{"site", "site_id"}, {"source", "source"}, {"spent", "spent"}},
                   2);
    for (const auto& r : f.site_money) {
        const bool other = r.site_id.empty();
        s.add({other ? Cell::of(fmt::format("other ({} sites)", r.folded), "other") : Cell::of(r.site_id),
               Cell::of(r.source), Cell::of(r.spent, r.withheld)});
    }
    const bool any_other = std::any_of(f.site_money.begin(), f.site_money.end(),
                                       [](const SiteSpendRow& r) { return r.site_id.empty(); });
    const bool any_withheld =
        std::any_of(f.site_money.begin(), f.site_money.end(), [](const SiteSpendRow& r) { return r.withheld; });
    if (f.is_public && any_other)
        s.note = fmt::format("other: the sites with fewer than {} visits shown, or withheld, together, so that no "
                             "spending gives back a small count{}",
                             f.min_cell, any_withheld ? "; * withheld for the same reason" : "");
    else if (f.is_public && any_withheld)
        s.note = "* withheld, so that no spending gives back a small count";
    return {t, s};
}

Table tallies(const Figures& f, std::string name, std::string title, Col key, const std::vector<Tally>& v,
              std::string (*label)(const std::string&) = nullptr)
{
    Table t = make(f, std::move(name), std::move(title), {key, {"visits", "visits"}}, 1);
    for (const auto& x : v)
        t.add({label ? Cell::of(label(x.key), x.key) : Cell::of(x.key), Cell::of(x.count)});
    return t;
}

// Completed visits per month, each month named in full ("Jul 2025"), a
// month the period ends inside marked as partial.
Table months(const Figures& f)
{
    Table t = make(f, "months", "Completed visits per month", {{"month", "month"}, {"visits", "visits"}}, 1);
    for (const auto& x : f.months)
        t.add({Cell::of(month_label(x.key, f.period), x.key), Cell::of(x.count)});
    if (!f.months.empty() && month_is_partial(f.months.back().key, f.period))
        t.note = partial_month_note(f.period);
    return t;
}

Table entry_days(const Figures& f)
{
    Table t = make(f, "entry_days", "Days from visit to log entry",
                   {{"site", "site_id"},
                    {"name", "name"},
                    {"visits", "visits"},
                    {"median", "median_days"},
                    {"90th pct", "p90_days"}},
                   2);
    for (const auto& d : f.entry_delays) {
        const bool district = d.site_id.empty();
        t.add({Cell::of(district ? "all" : d.site_id), Cell::of(d.name), Cell::of(d.visits),
               days_cell(d, d.median_days), days_cell(d, d.p90_days)},
              district ? RowFor::People : RowFor::All);
    }
    t.note = "completed visits with logged_on: days from the visit to the day it was logged";
    return t;
}

Table top_sites(const Figures& f)
{
    Table t = make(f, "top_sites", "Top visiting schools",
                   {{"rank", "rank"}, {"site", "site_id"}, {"name", "name"}, {"visits", "completed_visits"}}, 3);
    t.numeric[0] = true;
    for (std::size_t i = 0; i < f.top_sites.size(); ++i)
        for (const auto& s : f.sites)
            if (s.site_id == f.top_sites[i])
                t.add({Cell::num(static_cast<std::int64_t>(i + 1)), Cell::of(s.site_id), Cell::of(s.name),
                       Cell::of(s.completed_visits)});
    return t;
}

Table declines(const Figures& f)
{
    // Public: families who declined are not given (nearly all are small,
    // and the visits declined say as much).
    std::vector<Col> cols = {{"site", "site_id"}, {"name", "name"}, {"declined visits", "declined"}};
    if (!f.is_public)
        cols.push_back({"families", "declined_families"});
    cols.push_back({"scheduled ahead", "scheduled_ahead"});
    Table t = make(f, "declines", "Declines (the family said no) and visits scheduled " + as_of_phrase(f), cols, 2);
    const auto row = [&](const Summary& s, const std::string& id, const std::string& name, RowFor rf) {
        std::vector<Cell> cells = {Cell::of(id), Cell::of(name), Cell::of(s.declined)};
        if (!f.is_public)
            cells.push_back(Cell::of(s.declined_families));
        cells.push_back(Cell::of(s.scheduled_ahead));
        t.add(cells, rf);
    };
    for (const auto& s : f.sites)
        row(s, s.site_id, s.name, RowFor::All);
    if (f.site_filter.empty())
        row(f.total, "all", "all sites", RowFor::People);
    t.note = "participation is voluntary (core practice 1): a decline is the family's choice; scheduled ahead: "
             "dated " + as_of_phrase(f);
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

// A difference or an interval end in points, or, with none: "*" where a
// public report hid what it is built on (tidy CSV: suppressed), else "-".
Cell pp_cell(const std::optional<std::string>& text, bool hidden)
{
    if (text)
        return Cell::decimal(*text);
    return hidden ? Cell::suppressed() : Cell::missing();
}

// An outcome row's difference and its 95% interval, in percentage points,
// hidden with either rate (attendance, scores).
template <class Row>
void add_difference(std::vector<Cell>& row, const Row& r)
{
    const bool hidden = r.visited.rate.shown == ShareShown::Hidden || r.not_visited.rate.shown == ShareShown::Hidden;
    using Text = std::optional<std::string>;
    row.push_back(pp_cell(r.difference_tenths ? Text(pp(*r.difference_tenths)) : std::nullopt, hidden));
    row.push_back(pp_cell(r.ci95 ? Text(pp(r.ci95->low)) : std::nullopt, hidden));
    row.push_back(pp_cell(r.ci95 ? Text(pp(r.ci95->high)) : std::nullopt, hidden));
}

// The columns every outcome table has after its leading ones: each group's
// students, how many are chronically absent (or proficient), the rate,
// then the difference and its interval.
std::vector<Col> outcome_columns(std::vector<Col> lead, bool scores)
{
    const char* yes = scores ? "proficient" : "chronic";
    lead.insert(lead.end(), {{"visited", "visited_students"},
                             {yes, scores ? "visited_proficient" : "visited_chronic"},
                             {"rate", "visited_rate_pct"},
                             {"not visited", "not_visited_students"},
                             {yes, scores ? "not_visited_proficient" : "not_visited_chronic"},
                             {"rate", "not_visited_rate_pct"},
                             {"difference (pp)", "difference_pp"},
                             {"95% from (pp)", "ci95_low_pp"},
                             {"95% to (pp)", "ci95_high_pp"}});
    return lead;
}

const Count& outcome_count(const AttendanceGroup& g) { return g.chronic; }
const Count& outcome_count(const ScoreGroup& g) { return g.proficient; }

// An outcome row's cells of outcome_columns.
template <class Row>
void add_outcome(std::vector<Cell>& row, const Row& r)
{
    for (const auto* g : {&r.visited, &r.not_visited}) {
        row.push_back(Cell::of(g->students));
        row.push_back(Cell::of(outcome_count(*g)));
        row.push_back(Cell::of(g->rate));
    }
    add_difference(row, r);
}

Table attendance(const Figures& f)
{
    Table t = make(f, "attendance", "Chronic absence: visited and not visited students",
                   outcome_columns({{"site", "site_id"}, {"name", "name"}}, false), 2);
    for (const auto& r : f.attendance.rows) {
        if (!f.site_filter.empty() && &r == &f.attendance.rows.front())
            continue; // one site: its own row is the whole report
        std::vector<Cell> row = {Cell::of(r.site_id.empty() ? "all" : r.site_id),
                                 Cell::of(r.site_id.empty() ? "all sites" : r.name)};
        add_outcome(row, r);
        t.add(row);
    }
    t.note = attendance_caution(f);
    return t;
}

// Per subject, the district's row (not with --site) and each site's; the
// columns of the attendance table with the subject first.
Table scores(const Figures& f)
{
    Table t = make(f, "scores", "Test scores: proficiency of visited and not visited students",
                   outcome_columns({{"subject", "subject"}, {"site", "site_id"}, {"name", "name"}}, true), 3);
    for (const auto& r : f.scores.rows) {
        if (!f.site_filter.empty() && r.whole)
            continue; // one site: its own row is the whole report
        std::vector<Cell> row = {Cell::of(r.subject), Cell::of(r.whole ? "all" : r.site_id),
                                 Cell::of(r.whole ? "all sites" : r.name)};
        add_outcome(row, r);
        t.add(row);
    }
    t.note = scores_caution(f);
    return t;
}

// A representation ratio ("1.03"): none without students, where a public
// report hid a count it rests on the bound a reader proves (">=0.94"),
// else "*".
Cell representation_cell(const SubgroupRow& r)
{
    if (r.representation_hundredths)
        return Cell::decimal(hundredths_str(*r.representation_hundredths));
    const bool hidden = r.enrolled.hidden() || r.visited.hidden();
    if (!hidden)
        return Cell::missing();
    if (r.representation_bound == ShareShown::Hidden)
        return Cell::suppressed();
    return Cell::bound(representation_bound_str(r));
}

// Reach by subgroup; with the outcome files, the comparisons within each
// value (the whole report's only).
std::vector<Table> subgroup_tables(const Figures& f)
{
    const SubgroupFigures& sg = f.subgroups;
    Table t = make(f, "subgroups", "Reach by subgroup",
                   {{"subgroup", "subgroup"},
                    {"value", "value"},
                    {"site", "site_id"},
                    {"name", "name"},
                    {"enrolled", "students_enrolled"},
                    {"visited", "students_visited"},
                    {"coverage", "coverage_pct"},
                    {"families", "families_reached"},
                    {"representation", "representation"}},
                   4);
    for (const auto& r : sg.rows)
        t.add({Cell::of(r.subgroup), Cell::of(r.value),
               Cell::of(r.whole && f.site_filter.empty() ? "all" : r.site_id),
               Cell::of(r.whole && f.site_filter.empty() ? "all sites" : r.name), Cell::of(r.enrolled),
               Cell::of(r.visited), Cell::of(r.coverage), Cell::of(r.families), representation_cell(r)});
    if (f.is_public && !f.site_filter.empty())
        t.note = "subgroups are given in the district's report: at one school most groups are too small to show";
    else if (f.is_public && !f.breakdowns)
        t.note = "subgroups are given in the reports of the half year and the year";
    else
        t.note = "representation: the group's share of the students visited over its share of those enrolled "
                 "(1.00: reached in proportion; below 1: fewer of the group visited than its size); unknown: "
                 "no value in students.csv" + std::string(f.is_public ? "; given for the district only" : "");
    std::vector<Table> out{std::move(t)};
    if (!sg.attendance.empty() || (f.attendance.given && !(f.is_public && !f.breakdowns))) {
        Table a = make(f, "subgroup_attendance", "Chronic absence within each subgroup",
                       outcome_columns({{"subgroup", "subgroup"}, {"value", "value"}}, false), 2);
        for (const auto& x : sg.attendance) {
            std::vector<Cell> row = {Cell::of(x.subgroup), Cell::of(x.value)};
            add_outcome(row, x.row);
            a.add(row);
        }
        a.note = attendance_caution(f);
        out.push_back(std::move(a));
    }
    if (!sg.scores.empty() || (f.scores.given && !(f.is_public && !f.breakdowns))) {
        Table a = make(f, "subgroup_scores", "Test scores within each subgroup",
                       outcome_columns({{"subgroup", "subgroup"}, {"value", "value"}, {"subject", "subject"}}, true),
                       3);
        for (const auto& x : sg.scores) {
            std::vector<Cell> row = {Cell::of(x.subgroup), Cell::of(x.value),
                                     Cell::of(x.row.subject)};
            add_outcome(row, x.row);
            a.add(row);
        }
        a.note = scores_caution(f);
        out.push_back(std::move(a));
    }
    return out;
}

// One row per site: responses, the response rate, and per question the
// share of favourable answers (its column named after the question).
Table surveys(const Figures& f)
{
    std::vector<std::string> keys, labels; // the Col entries point into these
    for (const auto& q : f.surveys.questions) {
        keys.push_back("favourable_pct_" + q);
        labels.push_back(human_label(q));
    }
    std::vector<Col> cols = {{"site", "site_id"}, {"name", "name"}, {"responses", "responses"},
                             {"response rate", "response_rate_pct"}};
    for (std::size_t q = 0; q < keys.size(); ++q)
        cols.push_back({labels[q].c_str(), keys[q].c_str()});
    Table t = make(f, "surveys", "Family surveys", cols, 2);
    for (const auto& r : f.surveys.rows) {
        if (!f.site_filter.empty() && &r == &f.surveys.rows.front())
            continue; // one site: its own row is the whole report
        std::vector<Cell> row = {Cell::of(r.site_id.empty() ? "all" : r.site_id),
                                 Cell::of(r.site_id.empty() ? "all sites" : r.name), Cell::of(r.responses),
                                 Cell::of(r.response_rate)};
        for (const auto& q : r.questions)
            row.push_back(Cell::of(q.favourable_share));
        t.add(row);
    }
    const Count* all = f.surveys.rows.empty() ? nullptr : &f.surveys.rows.front().responses;
    if (all && all->value == 0 && !all->hidden()) // public: "<10" must not be told apart from 0
        t.note = "no survey response in surveys.csv is dated in this period";
    else
        t.note = f.surveys.questions.empty()
                 ? "responses dated in the period; response rate: responses per family reached by a completed visit"
                 : "responses dated in the period; response rate: responses per family reached by a completed visit; "
                   "each question: the share of its answers that agree (4 or 5 of 5)";
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

std::string scores_caution(const Figures&)
{
    return "Proficient: the student met the standard in the subject's test, as the scores file says (yes or no). "
           "This is a comparison, not proof that the visits caused the difference: families who welcome a visit "
           "may differ in other ways from those who do not.";
}

Table census_table(const Figures& f)
{
    const Census& c = f.census;
    Table t = make(f, "census", "Census, school year " + c.school_year,
                   {{"school year", "school_year"},
                    {"sites visiting", "sites_visiting"},
                    {"completed visits", "completed_visits"},
                    {"students visited", "students_visited"},
                    {"families reached", "families_reached"},
                    {"staff visiting", "staff_visiting"},
                    {"staff trained (new)", "staff_trained_new"},
                    {"virtual", "virtual_pct"}},
                   1);
    t.add({Cell::of(c.school_year), Cell::of(c.sites_visiting), Cell::of(c.completed_visits),
           Cell::of(c.students_visited), Cell::of(c.families_reached), Cell::of(c.staff_visiting),
           Cell::of(c.staff_trained_new), Cell::of(c.virtual_share)});
    return t;
}

std::vector<Table> report_tables(const Figures& f)
{
    std::vector<Table> out = {headline(f), sites(f)};
    if (!f.is_public) // public: the district's split is in the headline, a school's is not given
        out.push_back(second_visits(f));
    if (!f.is_public)
        out.push_back(educators(f));
    out.push_back(fidelity(f));
    for (auto& t : training(f))
        out.push_back(std::move(t));
    if (f.sessions.present)
        out.push_back(session_plan(f));
    for (auto& t : money(f))
        out.push_back(std::move(t));
    out.push_back(months(f));
    if (f.breakdowns) {
        out.push_back(visit_order(f));
        out.push_back(tallies(f, "modes", "Completed visits by mode", {"mode", "mode"}, f.modes));
        out.push_back(tallies(f, "languages", "Completed visits by language", {"language", "language"}, f.languages,
                              language_name));
    }
    if (f.has_interpreters)
        out.push_back(tallies(f, "interpreted_languages",
                              f.is_public ? "Interpreted visits, all languages together" : "Interpreted visits by language",
                              {"language", "language"}, f.interpreted_languages, language_name));
    if (f.has_logged_on)
        out.push_back(entry_days(f));
    out.push_back(top_sites(f));
    out.push_back(declines(f));
    for (auto& t : events(f))
        out.push_back(std::move(t));
    if (f.attendance.given)
        out.push_back(attendance(f));
    if (f.scores.given)
        out.push_back(scores(f));
    if (f.subgroups.given)
        for (auto& t : subgroup_tables(f))
            out.push_back(std::move(t));
    if (f.surveys.present)
        out.push_back(surveys(f));
    return out;
}

} // namespace pthv::report
