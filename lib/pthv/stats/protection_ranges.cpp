// What a reader can prove of a figure not shown, by adding and subtracting
// the figures shown beside it (Protection::shown_range). Interval
// propagation over the relations, as a constraint solver's bounds
// tightening does: each relation narrows the ranges of its figures from the
// ranges of the others, until nothing narrows. Every step is a sum a reader
// can do, so the result is never narrower than the audit's programme
// proves; it is printed as true bounds (">=165", a share's ">=96.1%").

#include <pthv/stats/protection.hpp>

#include <algorithm>
#include <deque>
#include <limits>

namespace pthv::stats {

namespace {

constexpr std::int64_t k_open = std::numeric_limits<std::int64_t>::max() / 4; // no upper bound
// Relations narrowed per relation of the stage, at most: propagation can
// creep a unit at a time around a cycle; any point it stops at is true.
constexpr std::size_t k_rounds = 32;

std::int64_t minus(std::int64_t a, std::int64_t b) { return a >= k_open ? k_open : a - b; }

} // namespace

void Protection::prove_ranges()
{
    m_ranges.assign(m_figures.size(), Range{});
    std::vector<int> stages; // the first printings of figures not shown
    for (const Figure& f : m_figures)
        if (f.published && f.shown != CellShown::Shown && f.shown_stage >= 0)
            stages.push_back(f.shown_stage);
    std::sort(stages.begin(), stages.end());
    stages.erase(std::unique(stages.begin(), stages.end()), stages.end());

    std::vector<std::int64_t> lo(m_figures.size()), hi(m_figures.size());
    std::vector<char> queued(m_relations.size());
    for (const int stage : stages) {
        // What each figure shows a reader of this stage: a shown count is
        // itself, "<N" is 0..N-1, anything else (withheld, not printed yet,
        // a complement never printed) only >= 0.
        for (std::size_t i = 0; i < m_figures.size(); ++i) {
            const Figure& f = m_figures[i];
            const bool printed = f.published && present(f.shown_stage, stage);
            lo[i] = printed && f.shown == CellShown::Shown ? f.value : 0;
            hi[i] = !printed                         ? k_open
                    : f.shown == CellShown::Shown    ? f.value
                    : f.shown == CellShown::Below    ? m_min_cell - 1
                                                     : k_open;
        }
        std::deque<std::uint32_t> work;
        for (std::uint32_t r = 0; r < m_relations.size(); ++r) {
            queued[r] = present(m_relations[r].stage, stage);
            if (queued[r])
                work.push_back(r);
        }
        std::size_t budget = k_rounds * work.size();
        const auto narrow = [&](std::size_t i, std::int64_t new_lo, std::int64_t new_hi) {
            if (new_lo <= lo[i] && new_hi >= hi[i])
                return;
            lo[i] = std::max(lo[i], new_lo);
            hi[i] = std::min(hi[i], new_hi);
            for (const std::uint32_t r : m_relations_of[i])
                if (!queued[r] && present(m_relations[r].stage, stage)) {
                    queued[r] = 1;
                    work.push_back(r);
                }
        };
        while (!work.empty() && budget-- > 0) {
            const Relation& r = m_relations[work.front()];
            queued[work.front()] = 0;
            work.pop_front();
            std::int64_t sum_lo = 0, most_lo = 0, finite_hi = 0;
            std::size_t open = 0; // parts without an upper bound
            for (const std::size_t p : r.parts) {
                sum_lo += lo[p];
                most_lo = std::max(most_lo, lo[p]);
                if (hi[p] >= k_open)
                    ++open;
                else
                    finite_hi += hi[p];
            }
            // whole = the sum of the parts; or, where a person may be in two
            // parts, whole <= the sum and each part within the whole.
            narrow(r.whole, r.at_most ? most_lo : sum_lo, open > 0 ? k_open : finite_hi);
            for (const std::size_t p : r.parts) {
                const bool p_open = hi[p] >= k_open;
                const std::int64_t others_hi = open > (p_open ? 1U : 0U) ? k_open : finite_hi - (p_open ? 0 : hi[p]);
                narrow(p, others_hi >= k_open ? 0 : lo[r.whole] - others_hi,
                       r.at_most ? hi[r.whole] : minus(hi[r.whole], sum_lo - lo[p]));
            }
        }
        for (std::size_t i = 0; i < m_figures.size(); ++i) {
            const Figure& f = m_figures[i];
            if (f.published && f.shown != CellShown::Shown && f.shown_stage == stage)
                m_ranges[i] = Range{lo[i], hi[i] >= k_open ? -1 : hi[i]};
        }
    }
}

Protection::Range Protection::shown_range(CellId c) const
{
    const std::size_t i = m_figure_of.at(c);
    const Figure& f = m_figures[i];
    if (f.shown == CellShown::Shown)
        return Range{f.value, f.value};
    return i < m_ranges.size() ? m_ranges[i] : Range{};
}

} // namespace pthv::stats
