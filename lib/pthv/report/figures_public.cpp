// Shares of a public report's counts (which the publication set has marked,
// publication.hpp): a share built on a hidden count is hidden, but where
// the hidden count is a shortfall under min_cell, or a withheld count
// printed as at least a bound, a true bound is shown instead.

#include <pthv/report/figures_detail.hpp>

#include <algorithm>

namespace pthv::report {

namespace {

// What a reader proves of a count: [lo, hi], hi -1 for no bound. A shown
// count is itself; a hidden one is what the report prints or the set
// proves of it (Count::at_least, at_most).
std::int64_t least(const Count& c) { return c.hidden() ? c.at_least : c.value; }
std::int64_t most(const Count& c) { return c.hidden() ? c.at_most : c.value; }

} // namespace

Share share_of(const Count& num, const Count& den)
{
    Share s{num.value, den.value, ShareShown::Exact, 0};
    if (!num.hidden() && !den.hidden()) {
        if (den.value <= 0)
            s.shown = ShareShown::None;
        return s;
    }
    // A rate on a count under min_cell says what "<N" does not: hidden.
    // Built on a withheld count, the share is printed as the bound the
    // two proven ranges give, no more than a reader works out from them:
    // coverage at least 165 of 310; with the count shown and its base
    // withheld, at most the count over the least the base can be.
    s.shown = ShareShown::Hidden;
    if (num.shown == Shown::Below || den.shown == Shown::Below)
        return s;
    const std::int64_t num_lo = least(num), den_hi = most(den), num_hi = most(num), den_lo = least(den);
    if (num.hidden() && num_lo > 0 && den_hi > 0) {
        s.shown = ShareShown::AtLeast;
        s.bound_per_mille = num_lo * 1000 / den_hi;
    } else if (num_hi >= 0 && den_lo > 0 && num_hi <= den_lo) {
        s.shown = ShareShown::AtMost;
        s.bound_per_mille = (num_hi * 1000 + den_lo - 1) / den_lo;
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
    if (!all.hidden() && !falling_short.hidden())
        return s;
    // (all - short) / all is least with the fewest visits and the most
    // falling short: at least (A - S) / A for all >= A and short <= S.
    // Fewer than min_cell falling short says no more than "<N" does.
    s.shown = ShareShown::Hidden;
    const std::int64_t gap = min_cell - 1;
    const std::int64_t all_lo = all.shown == Shown::Below ? 0 : least(all);
    std::int64_t short_hi = most(falling_short);
    if (falling_short.shown == Shown::Below && (short_hi < 0 || short_hi > gap))
        short_hi = gap;
    if (all_lo > 0 && short_hi >= 0) {
        s.shown = ShareShown::AtLeast;
        s.bound_per_mille = std::max<std::int64_t>(0, (all_lo - short_hi) * 1000 / all_lo);
    }
    return s;
}

} // namespace pthv::report
