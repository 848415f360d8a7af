#pragma once
// Protection of published counts (statistical disclosure control), knowing
// nothing of home visits: a set of counts of people, every count defined by
// which people it counts, some published and some only sensitive (the
// complements a reader could compute: enrolled minus visited, ...).
//
// Each person is given to count() with the cells it is counted in; people
// with the same cells form one *atom*. Every linear relation among the
// cells (a total and its parts, a district and its sites, a year and its
// months, a figure repeated in two tables) follows from the atoms, so none
// has to be declared, and none can be forgotten. Cells with the same atoms
// are one figure wherever they appear: shown everywhere or hidden
// everywhere (consistent suppression).
//
// suppress() shows each published count under min_cell, zero included, as
// "<N" (primary), then withholds more published counts (secondary) until
// audit() finds no breach: for every sensitive count 0 < n < min_cell, the
// range an attacker holding every shown figure can prove by linear
// programming (lp.hpp) must still contain 1 and min_cell - 1. The attacker
// knows that a count shown as "<N" is 0..N-1 and that every atom is >= 0. A complement is never a count under N: a hidden zero
// protects nothing, since a reader often knows it is zero.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include <absl/container/flat_hash_map.h>

namespace pthv::stats {

enum class CellShown : std::uint8_t {
    Shown,
    Below,    // primary: shown as "<N"
    Withheld, // secondary: shown as "*"
};

struct Breach {
    std::string key;
    std::int64_t value = 0;
    double lo = 0, hi = 0;               // what the attacker can prove
    std::vector<std::string> pinned_by;  // shown figures the proof uses
};

class Protection {
public:
    using CellId = std::uint32_t;

    explicit Protection(int min_cell) : m_min_cell(min_cell) {}

    // The cell named `key`, added on first use.
    CellId cell(std::string_view key);
    std::optional<CellId> find(std::string_view key) const;
    const std::string& key(CellId c) const { return m_keys[c]; }
    std::size_t cells() const { return m_keys.size(); }

    // A public output prints `c`. Cells published at a later stage are
    // protected after the earlier ones, which stay as they were (a report's
    // outcome tables, suppressed on their own); a cell never published is
    // sensitive only.
    // `cost`: what withholding the cell would cost readers (a headline
    // figure more than a monthly one); complements are chosen cheapest first.
    void publish(CellId c, int stage = 0, int cost = 1);
    // `c` is not printed but could be worked out (a complement): it is
    // protected like a published count of its stage.
    void sensitive(CellId c, int stage = 0);
    bool published(CellId c) const;
    // The people of `whole` who are not in `part` form a sensitive count of
    // `stage` ("end-of-year minus mid-year"), when every person of `part`
    // is in `whole`. Call before finish().
    void sensitive_difference(CellId whole, CellId part, int stage = 0);

    // One person, counted in `cells` (in any order, repeats ignored).
    void count(std::vector<CellId> cells);

    // Decides what is hidden: primary, then secondary until audit() passes
    // (or nothing more can be hidden). Call once, after every count().
    // From `first_stage` on only: the earlier stages' figures stay as fix()
    // set them.
    void suppress(int first_stage = 0);
    // After finish(), before suppress(first_stage): the figure of `c` is
    // shown as an earlier decision had it.
    void fix(CellId c, CellShown shown);
    // Only primary suppression, for tests of the audit.
    void suppress_primary_only();

    // Ends counting: figures are formed from the atoms (suppress() and
    // observe() call it too); value() and shown() need it.
    void finish();

    // Instead of suppress(): the figure of `c` as an output printed it.
    // A figure printed twice counts as shown if any printing shows it.
    // Call after every count(); the figure must be published.
    void observe(CellId c, CellShown as_printed);
    // After observe(): a published figure no output printed is not
    // published after all (sensitive if a complement names it, else left out).
    void drop_unobserved();

    // What "<N" and "*" tell a reader. pthv shows zeros as "<N" too, so
    // "<N" says 0..N-1; an output that shows zeros as 0 says 1..N-1. A
    // withheld "*" says nothing but >= 0, as in tau-ARGUS's audit (pthv
    // withholds only counts of N or more, but does not rely on a reader
    // not knowing it: the attacker of docs/reports.md reads "*" as any count).
    struct Reading {
        bool below_includes_zero = true;
        bool withheld_at_least_min = false;
    };
    void set_reading(Reading r) { m_reading = r; }

    // Every sensitive count the shown figures do not protect enough.
    std::vector<Breach> audit() const;

    std::int64_t value(CellId c) const;
    CellShown shown(CellId c) const;
    int min_cell() const { return m_min_cell; }

    struct Tally {
        std::size_t published = 0, below = 0, withheld = 0; // distinct figures
    };
    Tally tally() const;

private:
    struct Figure { // the cells with one set of atoms
        std::vector<std::uint32_t> atoms;
        std::int64_t value = 0;
        int stage = -1; // -1: neither published nor sensitive
        bool published = false;
        bool complement = false; // one of its cells is sensitive only
        long cost = 0;           // its published cells' costs, summed
        bool fixed = false;      // decided earlier (fix()): not changed by suppress()
        CellShown shown = CellShown::Shown;
        std::string key; // the first published (else first) cell's key, for messages and order
    };
    struct Check {
        std::size_t figure;
        double lo, hi;
        std::vector<std::size_t> pins; // figures
    };

    struct Programmes;
    void primary();
    std::pair<double, double> bounds(const Figure& f) const;
    Programmes programmes(int stage) const;
    std::optional<Check> check(Programmes& ps, std::size_t programme, std::size_t figure, bool whole) const;
    std::vector<Check> failing(int stage) const;
    std::optional<std::size_t> complement(const Check& breach, int stage) const;

    int m_min_cell;
    Reading m_reading;
    std::vector<char> m_observed; // per figure: observe() has set it
    std::vector<std::string> m_keys;
    absl::flat_hash_map<std::string, CellId> m_by_key;
    std::vector<int> m_stage;                 // per cell: -1 neither published nor sensitive
    std::vector<char> m_published;            // per cell
    std::vector<int> m_cost;                  // per cell
    std::vector<std::tuple<CellId, CellId, int>> m_differences; // (whole, part, stage)
    std::vector<std::vector<CellId>> m_people; // distinct cell sets
    std::vector<std::int64_t> m_people_count;
    absl::flat_hash_map<std::vector<CellId>, std::uint32_t> m_atom_of;
    std::vector<Figure> m_figures;
    std::vector<std::size_t> m_figure_of; // per cell
    bool m_finished = false;
};

} // namespace pthv::stats
