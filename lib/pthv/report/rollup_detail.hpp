#pragma once
// What rollup.cpp and rollup_parts.cpp share: the state's total of a count
// or a share over the districts that show it, and a district's row of a
// roll-up table naming, for programs, the figures its totals leave out.

#include <cstddef>
#include <string>
#include <vector>

#include <pthv/report/figures_detail.hpp>
#include <pthv/report/rollup.hpp>
#include <pthv/report/tables.hpp>

namespace pthv::report::rollup_detail {

// Fidelity's keys in JSON and CSV, a practice each.
inline constexpr const char* k_cp_keys[k_practices] = {
    "CP1_meeting_pct", "CP2_meeting_pct", "CP3_meeting_pct", "CP4_meeting_pct", "CP5_meeting_pct"};

// The state's total of one count: the sum over the districts that loaded
// and show it (in public, as their own public report does), and how many
// it leaves out. A total no district shows has no value (withheld).
template <class Get>
Count sum_shown(const std::vector<DistrictFigures>& districts, Get get, std::size_t& left_out)
{
    Count total;
    std::size_t shown = 0;
    left_out = 0;
    for (const auto& d : districts) {
        if (!d.error.empty())
            continue;
        const Count& c = get(d);
        if (c.hidden()) {
            ++left_out;
            continue;
        }
        total.value += c.value;
        ++shown;
    }
    if (shown == 0 && left_out > 0)
        total.shown = Shown::Withheld;
    return total;
}

// The state's share: numerator over denominator, both summed over the
// districts that show the share exactly (that is, both its counts; a public
// bound such as ">=99.1%" is not exact), so a share never mixes in a hidden
// count; and how many districts it leaves out.
template <class Get>
Share share_shown(const std::vector<DistrictFigures>& districts, Get get, std::size_t& left_out)
{
    std::int64_t num = 0, den = 0;
    left_out = 0;
    for (const auto& d : districts) {
        if (!d.error.empty())
            continue;
        const Share& s = get(d);
        if (s.shown != ShareShown::Exact && s.shown != ShareShown::None) {
            ++left_out;
            continue;
        }
        num += s.num;
        den += s.den;
    }
    return share_of(Count{num, Shown::Exact}, Count{den, Shown::Exact});
}

// Whether a cell shows less than its figure (<N, *, a bound, withheld money).
bool cell_hidden(const Cell& c);

// Adds a district's row to `t`, whose last key is left_out_of_total: for
// programs, the keys of the row's cells from `first_figure` on that are
// hidden, so left out of the state's totals (tidy CSV has no totals row).
void add_district_row(Table& t, const std::vector<Cell>& row, std::size_t first_figure);

} // namespace pthv::report::rollup_detail
