// Public reports (docs/guide.md: `--public` suppresses counts below
// reports.min_cell). A count under min_cell is shown as "<N"; where a total
// is shown beside its parts, a single hidden part could be worked back by
// subtraction, so a second part is withheld too (complementary
// suppression); and a share built on a hidden count is hidden.

#include <pthv/report/figures_detail.hpp>

#include <algorithm>

namespace pthv::report {

void suppress_group(std::vector<Count*> parts, Count* total, int min_cell)
{
    const auto small = [&](const Count* c) { return c->value < min_cell; };
    for (Count* c : parts)
        if (c->shown == Shown::Exact && small(c))
            c->shown = Shown::Below;
    if (total && total->shown == Shown::Exact && small(total))
        total->shown = Shown::Below;
    if (!total)
        return;
    const auto hidden = static_cast<std::size_t>(
        std::count_if(parts.begin(), parts.end(), [](const Count* c) { return c->hidden(); }));
    // With the total shown, one hidden part is the total minus the others;
    // with the total hidden, parts all shown add up to it.
    const bool needs_more = total->hidden() ? (hidden == 0 && !parts.empty()) : hidden == 1;
    if (!needs_more)
        return;
    Count* smallest = nullptr;
    for (Count* c : parts)
        if (!c->hidden() && (!smallest || c->value < smallest->value))
            smallest = c;
    if (smallest)
        smallest->shown = Shown::Withheld;
    else if (!total->hidden())
        total->shown = Shown::Withheld;
}

namespace {

Count Summary::*const k_summary_counts[] = {
    &Summary::completed_visits,  &Summary::students_visited,      &Summary::students_enrolled,
    &Summary::families_reached,  &Summary::second_visit_students, &Summary::declined,
    &Summary::declined_families, &Summary::scheduled_ahead,       &Summary::trained_staff,
    &Summary::participating_educators, &Summary::second_visit_scheduled, &Summary::second_visit_due};

// Every per-site count with its district total.
void suppress_summaries(Figures& f)
{
    for (Count Summary::*m : k_summary_counts) {
        std::vector<Count*> parts;
        for (auto& s : f.sites)
            parts.push_back(&(s.*m));
        suppress_group(parts, &(f.total.*m), f.min_cell);
    }
    // Students visited are those with a second visit, those with one
    // scheduled and those due one: one of the three hidden alone would be
    // the difference of the others.
    for (Summary* s : [&] {
             std::vector<Summary*> all{&f.total};
             for (auto& x : f.sites)
                 all.push_back(&x);
             return all;
         }())
        suppress_group({&s->second_visit_students, &s->second_visit_scheduled, &s->second_visit_due},
                       &s->students_visited, f.min_cell);
}

// First and second visits per month: each column adds up to a count that
// may be shown elsewhere, so it is suppressed as parts of a shown total.
void suppress_visit_order(Figures& f)
{
    for (Count VisitOrderMonth::*which : {&VisitOrderMonth::first, &VisitOrderMonth::second}) {
        std::vector<Count*> parts;
        Count total;
        for (auto& m : f.visit_order) {
            parts.push_back(&(m.*which));
            total.value += (m.*which).value;
        }
        suppress_group(parts, &total, f.min_cell);
    }
}

void suppress_tallies(std::vector<Tally>& tallies, Count* total, int min_cell)
{
    std::vector<Count*> parts;
    for (auto& t : tallies)
        parts.push_back(&t.count);
    suppress_group(parts, total, min_cell);
}

// Fidelity: the visits falling short of a practice are a count like any
// other; so are those meeting it, since both add up to the visits shown.
void suppress_fidelity(Figures& f)
{
    if (f.fidelity.empty())
        return;
    f.fidelity.front().visits = f.total.completed_visits;
    for (std::size_t i = 1; i < f.fidelity.size(); ++i)
        f.fidelity[i].visits = f.sites[i - 1].completed_visits;
    for (std::size_t k = 0; k < k_practices; ++k) {
        for (auto& r : f.fidelity) {
            Count& c = r.short_of[k];
            if (r.visits.hidden())
                c.shown = Shown::Withheld;
            else if (c.value >= f.min_cell && r.visits.value - c.value < f.min_cell)
                c.shown = Shown::Withheld;
        }
        std::vector<Count*> parts;
        for (std::size_t i = 1; i < f.fidelity.size(); ++i)
            parts.push_back(&f.fidelity[i].short_of[k]);
        suppress_group(parts, &f.fidelity.front().short_of[k], f.min_cell);
    }
}

} // namespace

void hide_as(Count& c, const Count& district)
{
    if (district.hidden() && !c.hidden())
        c.shown = district.shown;
}

void carry_district_suppression(const Figures& district, Figures& f)
{
    carry_survey_suppression(district, f);
    const auto it = std::find_if(district.sites.begin(), district.sites.end(),
                                 [&](const Summary& s) { return s.site_id == f.site_filter; });
    if (it == district.sites.end())
        return;
    for (Count Summary::*m : k_summary_counts) {
        hide_as(f.total.*m, (*it).*m);
        for (auto& s : f.sites)
            hide_as(s.*m, (*it).*m);
    }
    const auto row = static_cast<std::size_t>(it - district.sites.begin()) + 1; // fidelity: the district first
    if (row >= district.fidelity.size())
        return;
    for (auto& r : f.fidelity) {
        hide_as(r.visits, district.fidelity[row].visits);
        for (std::size_t k = 0; k < k_practices; ++k)
            hide_as(r.short_of[k], district.fidelity[row].short_of[k]);
    }
}

void apply_public(Figures& f)
{
    f.educators.clear(); // docs/reports.md: visits per educator, not in public
    suppress_summaries(f);
    suppress_tallies(f.months, &f.total.completed_visits, f.min_cell);
    suppress_tallies(f.modes, &f.total.completed_visits, f.min_cell);
    suppress_tallies(f.languages, &f.total.completed_visits, f.min_cell);
    suppress_tallies(f.interpreted_languages, nullptr, f.min_cell);
    for (auto& d : f.entry_delays) { // no day counts built on fewer than min_cell visits
        suppress_group({&d.visits}, nullptr, f.min_cell);
        if (d.visits.hidden())
            d.median_days = d.p90_days = std::nullopt;
    }
    suppress_fidelity(f);
    suppress_visit_order(f);
    for (auto& s : f.sessions.sessions)
        suppress_group({&s.attended}, nullptr, f.min_cell);
    TrainingFigures& t = f.training;
    suppress_group({&t.current, &t.due_soon, &t.expired, &t.untrained}, &t.staff, f.min_cell);
    suppress_group({&t.trained_new}, nullptr, f.min_cell);
    for (auto& s : t.sessions)
        suppress_group({&s.attendees}, nullptr, f.min_cell);
    suppress_surveys(f);
}

Share share_of(const Count& num, const Count& den)
{
    Share s{num.value, den.value, ShareShown::Exact, 0};
    if (num.hidden() || den.hidden())
        s.shown = ShareShown::Hidden;
    else if (den.value <= 0)
        s.shown = ShareShown::None;
    return s;
}

void finish_shares(Figures& f)
{
    for (Summary* s : [&] {
             std::vector<Summary*> all{&f.total};
             for (auto& x : f.sites)
                 all.push_back(&x);
             return all;
         }()) {
        s->coverage = share_of(s->students_visited, s->students_enrolled);
        s->second_visit_rate = share_of(s->second_visit_students, s->students_visited);
        if (s->visit_goal)
            s->goal_progress = share_of(s->students_visited, Count{*s->visit_goal, Shown::Exact});
        else
            s->goal_progress.shown = ShareShown::None;
    }
    survey_shares(f);
    for (auto& r : f.fidelity)
        for (std::size_t k = 0; k < k_practices; ++k) {
            const Count& c = r.short_of[k];
            Share& s = r.meeting[k];
            s = share_of(Count{r.visits.value - c.value, Shown::Exact}, r.visits);
            if (s.shown != ShareShown::Exact || !c.hidden())
                continue;
            const std::int64_t den = r.visits.value, gap = f.min_cell - 1;
            if (c.shown == Shown::Below) {
                // Fewer than min_cell fall short: at least (den - gap) / den meet it.
                s.shown = ShareShown::AtLeast;
                s.bound_per_mille = std::max<std::int64_t>(0, (den - gap) * 1000 / den);
            } else if (den - c.value < f.min_cell) {
                s.shown = ShareShown::AtMost;
                s.bound_per_mille = std::min<std::int64_t>(1000, (gap * 1000 + den - 1) / den);
            } else {
                s.shown = ShareShown::Hidden;
            }
        }
}

} // namespace pthv::report
