// A public report and the publication set, cell by cell (publication.hpp):
// every count of its Figures is looked up by its key and checked against
// the cell's number; apply() then marks the count as the set decided, and
// observe() marks the cell as the report printed it. A count whose cell is
// missing or holds another number is withheld by apply() and counted, so
// `report --audit` fails on it.

#include <pthv/report/publication.hpp>

#include <algorithm>

#include <pthv/report/figures_detail.hpp>

namespace pthv::report {

namespace {

// One direction of the walk: from the set to the report (apply), or from
// the report to the set (observe).
class Marker {
public:
    Marker(const Publication& set, const stats::Protection& cells, stats::Protection* observed,
           const model::Period& period, std::size_t& unmodelled)
        : m_set(set), m_cells(cells), m_observed(observed), m_period(period), m_unmodelled(unmodelled)
    {
    }

    void operator()(Count& c, char kind, bool in_period, const std::string& scope, const std::string& measure,
                    const std::string& part = {})
    {
        const auto id = m_cells.find(cell_key(kind, in_period ? &m_period : nullptr, scope, measure, part));
        const bool held = id && m_cells.published(*id) && m_cells.value(*id) == c.value;
        if (!held && (id || c.value != 0)) {
            ++m_unmodelled;
            if (!m_observed)
                c.shown = Shown::Withheld;
            return;
        }
        if (m_observed) {
            if (id)
                m_observed->observe(*id, c.shown == Shown::Exact  ? stats::CellShown::Shown
                                         : c.shown == Shown::Below ? stats::CellShown::Below
                                                                   : stats::CellShown::Withheld);
            return;
        }
        // A zero no person defines has no cell: shown as the set shows its zeros.
        const auto shown = id ? m_cells.shown(*id) : stats::CellShown::Below;
        c.shown = shown == stats::CellShown::Shown ? Shown::Exact
                  : shown == stats::CellShown::Below ? Shown::Below
                                                     : Shown::Withheld;
        // A hidden count is printed with what a reader can prove of it
        // anyway (a withheld total at least its shown parts), no more.
        if (c.hidden() && id) {
            const auto r = m_set.range(*id);
            c.at_least = c.shown == Shown::Withheld ? r.lo : 0;
            c.at_most = r.hi;
        }
    }

private:
    const Publication& m_set;
    const stats::Protection& m_cells;
    stats::Protection* m_observed;
    const model::Period& m_period;
    std::size_t& m_unmodelled;
};

void mark_summary(Marker& mark, Summary& s, const std::string& x, bool breakdowns)
{
    s.split_given = x == "*";
    s.educators_given = breakdowns;
    mark(s.completed_visits, 'V', true, x, "completed");
    mark(s.students_visited, 'S', true, x, "visited");
    mark(s.students_enrolled, 'S', false, x, "enrolled");
    mark(s.families_reached, 'F', true, x, "reached");
    mark(s.second_visit_students, 'S', true, x, "second");
    if (s.split_given) {
        mark(s.second_visit_scheduled, 'S', true, x, "sched");
        mark(s.second_visit_due, 'S', true, x, "due");
    } else { // not given: withheld wherever something would print them
        s.second_visit_scheduled.shown = Shown::Withheld;
        s.second_visit_due.shown = Shown::Withheld;
    }
    s.declined_families.shown = Shown::Withheld; // not given in public
    mark(s.declined, 'V', true, x, "declined");
    mark(s.scheduled_ahead, 'V', false, x, "ahead");
    mark(s.trained_staff, 'T', false, x, "trained");
    if (s.educators_given)
        mark(s.participating_educators, 'T', true, x, "educators");
    else
        s.participating_educators.shown = Shown::Withheld;
}

void mark_tallies(Marker& mark, std::vector<Tally>& tallies, const std::string& x, const char* measure)
{
    for (auto& t : tallies)
        mark(t.count, 'V', true, x, measure, t.key);
}

std::string scope_of(const std::string& site_id) { return site_id.empty() ? std::string("*") : site_id; }

void mark_training(Marker& mark, TrainingFigures& t, const std::string& x, bool breakdowns)
{
    t.statuses_given = x == "*";
    if (t.statuses_given) {
        mark(t.staff, 'T', false, x, "staff");
        mark(t.current, 'T', false, x, "status", "current");
        mark(t.due_soon, 'T', false, x, "status", "due_soon");
        mark(t.expired, 'T', false, x, "status", "expired");
        mark(t.untrained, 'T', false, x, "status", "untrained");
    } else {
        for (Count* c : {&t.staff, &t.current, &t.due_soon, &t.expired, &t.untrained})
            c->shown = Shown::Withheld; // not given: withheld wherever something would print them
    }
    if (breakdowns)
        mark(t.trained_new, 'T', true, x, "new");
    else // newly trained staff: given for the half year and the year only
        t.trained_new.shown = Shown::Withheld;
    for (auto& s : t.sessions)
        mark(s.attendees, 'T', true, x, "session", s.date.str() + "/" + s.kind + "/" + s.session);
}

void mark_surveys(Marker& mark, SurveyFigures& s)
{
    for (auto& r : s.rows) {
        const std::string x = scope_of(r.site_id);
        mark(r.responses, 'R', true, x, "responses");
        for (std::size_t q = 0; q < r.questions.size() && q < s.questions.size(); ++q) {
            mark(r.questions[q].answered, 'R', true, x, "answered", s.questions[q]);
            mark(r.questions[q].unfavourable, 'R', true, x, "unfav", s.questions[q]);
        }
    }
}

void mark_all(Marker& mark, Figures& f)
{
    const std::string top = scope_of(f.site_filter);
    mark_summary(mark, f.total, top, f.breakdowns);
    for (auto& s : f.sites)
        mark_summary(mark, s, s.site_id, f.breakdowns);
    for (auto& r : f.fidelity) {
        const std::string x = scope_of(r.site_id);
        mark(r.visits, 'V', true, x, "completed");
        for (std::size_t k = 0; k < k_practices; ++k)
            mark(r.short_of[k], 'V', true, x, "short", std::to_string(k + 1));
    }
    mark_training(mark, f.training, top, f.breakdowns);
    mark_tallies(mark, f.months, top, "month");
    mark_tallies(mark, f.modes, top, "mode");
    mark_tallies(mark, f.languages, top, "lang");
    mark_tallies(mark, f.interpreted_languages, top, "ilang");
    for (auto& d : f.entry_delays)
        mark(d.visits, 'V', true, scope_of(d.site_id), "entry");
    for (auto& m : f.visit_order) {
        mark(m.first, 'S', true, top, "first", m.month);
        mark(m.second, 'S', true, top, "secondm", m.month);
    }
    for (auto& s : f.sessions.sessions)
        mark(s.attended, 'A', false, "*", "session", s.session_id);
    mark_surveys(mark, f.surveys);
}

void mark_attendance(Marker& mark, AttendanceFigures& a)
{
    for (auto& r : a.rows) {
        const std::string x = scope_of(r.site_id);
        mark(r.visited.students, 'S', true, x, "att", "visited");
        mark(r.visited.chronic, 'S', true, x, "att", "visited_chronic");
        mark(r.not_visited.students, 'S', true, x, "att", "not_visited");
        mark(r.not_visited.chronic, 'S', true, x, "att", "not_visited_chronic");
    }
}

void mark_scores(Marker& mark, ScoreFigures& sc)
{
    for (auto& r : sc.rows) {
        const std::string x = scope_of(r.site_id);
        mark(r.visited.students, 'S', true, x, "score", "visited|" + r.subject);
        mark(r.visited.proficient, 'S', true, x, "score", "visited_prof|" + r.subject);
        mark(r.not_visited.students, 'S', true, x, "score", "not_visited|" + r.subject);
        mark(r.not_visited.proficient, 'S', true, x, "score", "not_visited_prof|" + r.subject);
    }
}

void mark_subgroups(Marker& mark, SubgroupFigures& sg)
{
    for (auto& r : sg.rows) {
        const std::string x = scope_of(r.site_id);
        mark(r.enrolled, 'S', false, x, "sge:" + r.subgroup, r.value);
        mark(r.visited, 'S', true, x, "sgv:" + r.subgroup, r.value);
        mark(r.families, 'F', true, x, "sgf:" + r.subgroup, r.value);
    }
    for (auto& a : sg.attendance) {
        const std::string x = scope_of(a.row.site_id), m = "sga:" + a.subgroup + ":";
        mark(a.row.visited.students, 'S', true, x, m + "visited", a.value);
        mark(a.row.visited.chronic, 'S', true, x, m + "visited_chronic", a.value);
        mark(a.row.not_visited.students, 'S', true, x, m + "not_visited", a.value);
        mark(a.row.not_visited.chronic, 'S', true, x, m + "not_visited_chronic", a.value);
    }
    for (auto& s : sg.scores) {
        const std::string x = scope_of(s.row.site_id), m = "sgs:" + s.subgroup + ":", subject = ":" + s.row.subject;
        mark(s.row.visited.students, 'S', true, x, m + "visited" + subject, s.value);
        mark(s.row.visited.proficient, 'S', true, x, m + "visited_prof" + subject, s.value);
        mark(s.row.not_visited.students, 'S', true, x, m + "not_visited" + subject, s.value);
        mark(s.row.not_visited.proficient, 'S', true, x, m + "not_visited_prof" + subject, s.value);
    }
}

const model::Period& period_of(const std::vector<model::Period>& periods, const Figures& f)
{
    static const model::Period none{};
    const auto it = std::find_if(periods.begin(), periods.end(), [&](const model::Period& p) {
        return p.from == f.period.from && p.to == f.period.to;
    });
    return it == periods.end() ? none : *it;
}

} // namespace

void Publication::observe(Figures& f)
{
    // A share printed exactly gives its count away, whatever the count's
    // own cell shows: read it as shown.
    const auto reveal = [](Count& c, const Share& s) {
        if (s.shown == ShareShown::Exact)
            c.shown = Shown::Exact;
    };
    for (auto& r : f.surveys.rows)
        for (auto& q : r.questions)
            reveal(q.unfavourable, q.favourable_share);
    for (auto& r : f.fidelity)
        for (std::size_t k = 0; k < k_practices; ++k)
            reveal(r.short_of[k], r.meeting[k]);
    for (auto& r : f.attendance.rows)
        for (AttendanceGroup* g : {&r.visited, &r.not_visited})
            reveal(g->chronic, g->rate);
    for (auto& r : f.scores.rows)
        for (ScoreGroup* g : {&r.visited, &r.not_visited})
            reveal(g->proficient, g->rate);
    for (auto& a : f.subgroups.attendance)
        for (AttendanceGroup* g : {&a.row.visited, &a.row.not_visited})
            reveal(g->chronic, g->rate);
    for (auto& s : f.subgroups.scores)
        for (ScoreGroup* g : {&s.row.visited, &s.row.not_visited})
            reveal(g->proficient, g->rate);
    Marker mark(*this, m_cells, &m_cells, period_of(m_periods, f), m_unmodelled);
    mark_all(mark, f);
    mark_attendance(mark, f.attendance);
    mark_scores(mark, f.scores);
    mark_subgroups(mark, f.subgroups);
}

void Publication::apply(Figures& f) const
{
    f.educators.clear(); // docs/reports.md: visits per educator, not in public
    Marker mark(*this, m_cells, nullptr, period_of(m_periods, f), f.unmodelled);
    mark_all(mark, f);
    // No day counts over a small count of visits. A count withheld as a
    // complement is min_cell or more, and its median and 90th percentile
    // say nothing of its size: they are shown.
    for (auto& d : f.entry_delays)
        if (d.visits.shown == Shown::Below || (d.visits.hidden() && d.visits.value < f.min_cell))
            d.median_days = d.p90_days = std::nullopt;
    // The top sites name only sites whose visits are shown.
    f.top_sites.erase(std::remove_if(f.top_sites.begin(), f.top_sites.end(),
                                     [&](const std::string& id) {
                                         const auto it = std::find_if(f.sites.begin(), f.sites.end(),
                                                                      [&](const Summary& s) { return s.site_id == id; });
                                         return it == f.sites.end() || it->completed_visits.hidden();
                                     }),
                      f.top_sites.end());
}

void Publication::apply_attendance(Figures& f) const
{
    Marker mark(*this, m_cells, nullptr, period_of(m_periods, f), f.unmodelled);
    mark_attendance(mark, f.attendance);
}

void Publication::apply_scores(Figures& f) const
{
    Marker mark(*this, m_cells, nullptr, period_of(m_periods, f), f.unmodelled);
    mark_scores(mark, f.scores);
}

void Publication::apply_subgroups(Figures& f) const
{
    Marker mark(*this, m_cells, nullptr, period_of(m_periods, f), f.unmodelled);
    mark_subgroups(mark, f.subgroups);
}

} // namespace pthv::report
