// Shares of a public report's counts (which the publication set has marked,
// publication.hpp): a share built on a hidden count is hidden, but where
// the hidden count is a shortfall under min_cell, or a withheld count
// printed as at least a bound, a true bound is shown instead.

#include <pthv/report/figures_detail.hpp>

#include <algorithm>

namespace pthv::report {

Share share_of(const Count& num, const Count& den)
{
    Share s{num.value, den.value, ShareShown::Exact, 0};
    if (num.hidden() || den.hidden()) {
        s.shown = ShareShown::Hidden;
        // Of a withheld count printed as at least a bound (">=165"), the
        // share is printed as the bound that gives, no more than a reader
        // works out from the two figures printed: coverage >= 165 of 310.
        const bool num_bound = num.shown == Shown::Withheld && num.at_least > 0;
        const bool den_bound = den.shown == Shown::Withheld && den.at_least > 0;
        if (num_bound && !den.hidden() && den.value > 0) {
            s.shown = ShareShown::AtLeast;
            s.bound_per_mille = num.at_least * 1000 / den.value;
        } else if (!num.hidden() && den_bound && num.value <= den.at_least) {
            s.shown = ShareShown::AtMost;
            s.bound_per_mille = (num.value * 1000 + den.at_least - 1) / den.at_least;
        }
    } else if (den.value <= 0) {
        s.shown = ShareShown::None;
    }
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
        for (std::size_t k = 0; k < k_practices; ++k)
            r.meeting[k] = share_meeting(r.visits, r.short_of[k], f.min_cell);
}

Share share_meeting(const Count& all, const Count& falling_short, int min_cell)
{
    Share s = share_of(Count{all.value - falling_short.value, Shown::Exact}, all);
    if (s.shown != ShareShown::Exact || !falling_short.hidden())
        return s;
    const std::int64_t den = all.value, gap = min_cell - 1;
    if (falling_short.shown == Shown::Below) {
        // Fewer than min_cell fall short: at least (den - gap) / den meet it,
        // which says no more than "<N" does.
        s.shown = ShareShown::AtLeast;
        s.bound_per_mille = std::max<std::int64_t>(0, (den - gap) * 1000 / den);
    } else {
        s.shown = ShareShown::Hidden;
    }
    return s;
}

} // namespace pthv::report
