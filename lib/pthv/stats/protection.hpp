#pragma once
// Protection of published counts (statistical disclosure control), knowing
// nothing of home visits: a set of counts of people, every count defined by
// which people it counts, some published and some only sensitive (the
// complements a reader could compute: enrolled minus visited, ...).
//
// Each person is given to count() with the cells it is counted in; people
// with the same cells form one *atom*, and cells with the same atoms are
// one figure wherever they appear: shown everywhere or hidden everywhere
// (consistent suppression).
//
// What a reader can compute is the relations among figures: a total and
// its parts (relation(), parts()), as the tables print them, with their
// margins. Each declared relation is checked against the atoms and kept
// only when it holds, so a wrong declaration never claims a false one; the
// people of a total that its parts leave out form a sensitive figure of
// their own (enrolled less visited, the year less mid-year).
//
// suppress() shows each published count under min_cell as "<N" (primary),
// then withholds more published counts (secondary) until audit() finds no
// breach: for every sensitive count 0 < n < min_cell, the range an attacker
// holding every shown figure can prove by linear programming (lp.hpp) over
// the relations must still contain 1 and min_cell - 1. The attacker knows
// that a count shown as "<N" is 0..N-1, that every count is >= 0 and what
// every shown count is, as in tau-ARGUS's audit of linked tables:
// relations that share a hidden figure are solved together, every shown
// figure a constant. A complement is never a count under N: a hidden zero
// protects nothing, since a reader often knows it is zero. Which complement
// is hidden for a breach is the cheapest shown figure of its proof, a
// local one where one suffices (docs/reports.md).

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

    // Stages by posting: stage = layer * postings + posting, the postings
    // of a layer (a report's outcome tables after its other tables) in the
    // order they are made. A stage holds the figures of its layer and
    // earlier ones up to its posting: a later posting of an earlier layer
    // is not there yet. Without it (0), a stage holds every earlier one.
    void set_postings(int postings) { m_postings = postings; }

    // A public output prints `c`. Cells published at a later stage are
    // protected after the earlier ones, which stay as they were (reports
    // posted later in the year, a report's outcome tables): a stage hides
    // only its own figures, and decides them from the relations among its
    // figures and earlier ones alone, so what it decides is the same
    // whether a later stage exists yet or not. A cell never published is
    // sensitive only.
    // `cost`: what withholding the cell would cost readers (a headline
    // figure more than a monthly one); complements are chosen cheapest first.
    // `measure`: what it counts, as the caller numbers measures; cells of
    // two measures are one figure only when a relation makes them so.
    void publish(CellId c, int stage = 0, int cost = 1, std::uint32_t measure = 0);
    // `c` is not printed but could be worked out (a complement): it is
    // protected like a published count of its stage.
    void sensitive(CellId c, int stage = 0);
    bool published(CellId c) const;
    // `whole` is the sum of `parts` (a table's total and its rows, a
    // district and its sites, a year and its months): a reader holding the
    // figures can add and subtract them. Kept when every person of each
    // part is in `whole`; when a person is in two parts (a family with
    // children at two schools), as "whole <= the sum". The people of
    // `whole` in none of the parts, if any, are a sensitive figure (the year less
    // mid-year), named "<whole> minus <first part>", unless `rest_sensitive`
    // is false (a reader may know them: a language's visits without an
    // interpreter). Call before finish().
    void relation(CellId whole, std::vector<CellId> parts, bool rest_sensitive = true);
    // The same, with the whole found: the figure whose people are exactly
    // those of the parts, when one is published or sensitive (the rows of a
    // table whose total is printed elsewhere). Call before finish().
    void parts(std::vector<CellId> parts);
    // `a` and `b` count the same number of different people (students
    // first visited in a month, and those first visits): a reader equates
    // them. Kept when their counts are equal. Call before finish().
    void same(CellId a, CellId b);

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
    // Every figure shown again and no decision fixed, as the set was when
    // counted (a copy of a decided set, to observe() an output with).
    void forget_shown();

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
    // The relations kept (after finish()), and those refused because the
    // atoms say they do not hold.
    std::size_t relations() const { return m_relations.size(); }
    std::size_t relations_refused() const { return m_refused; }
    // Relations the true counts break: none, by construction (a test's check).
    std::size_t relations_broken() const;

    std::int64_t value(CellId c) const;
    // What a reader can prove of `c` from the figures posted by the first
    // stage that prints it, adding and subtracting along the relations
    // (bounds propagation) from what each figure shows: a withheld year is
    // at least its shown months, and at most the district less the least of
    // its other sites. The audit's programme proves as much or more, so
    // printing it tells a reader nothing new. After suppress().
    struct Range {
        std::int64_t lo = 0;
        std::int64_t hi = -1; // -1: no upper bound
    };
    Range shown_range(CellId c) const;
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
        int shown_stage = -1; // the first stage a public output prints it; -1: none does
        bool published = false;
        bool complement = false; // one of its cells is sensitive only
        long cost = 0;           // its published cells' costs, summed
        bool fixed = false;      // decided earlier (fix()): not changed by suppress()
        bool of_no_one = false;  // a rest of nobody a reader cannot tell is empty (form_relations)
        CellShown shown = CellShown::Shown;
        std::string key; // the first published (else first) cell's key, for messages and order
    };
    struct Relation { // whole = sum of parts, by figure
        std::size_t whole;
        std::vector<std::size_t> parts;
        bool at_most = false; // whole <= sum of parts: a person may be in two of them
        int stage = -1;       // the first stage it is there: that of the cells that declare it
    };
    struct Check {
        std::size_t figure;
        double lo, hi;
        std::vector<std::size_t> pins; // figures
    };
    class Programme;
    class Programmes;

    void primary();
    void form_figures(std::vector<std::vector<std::uint32_t>>& atoms_of);
    void form_relations(std::vector<std::vector<std::uint32_t>>& atoms_of);
    std::size_t figure_with(std::vector<std::uint32_t> atoms, const std::string& key, int stage);
    bool known(const Figure& f, int stage) const;
    // f(figure) for each figure of `r` a reader of `stage` cannot see.
    template <class F>
    void for_each_unknown(const Relation& r, int stage, F&& f) const
    {
        if (!known(m_figures[r.whole], stage))
            f(r.whole);
        for (const std::size_t part : r.parts)
            if (!known(m_figures[part], stage))
                f(part);
    }
    std::pair<double, double> bounds(const Figure& f, int stage) const;
    bool is_check(const Figure& f, int stage) const;
    std::vector<std::size_t> checks_at(int stage) const; // the figures is_check holds, in a relation
    std::optional<Check> check(Programmes& ps, std::size_t figure, bool whole) const;
    std::vector<Check> failing(int stage) const;
    void settle(Programmes& ps, const std::vector<std::size_t>& checks, int stage) const;
    void sweep(Programmes& ps, const std::vector<std::size_t>& checks, int stage) const;
    std::optional<Check> local_breach(std::size_t figure, int stage) const;
    std::optional<std::size_t> complement(const Check& breach, int stage) const;
    std::optional<std::size_t> widened(const Check& breach, int stage) const;
    std::vector<std::size_t> touched(const std::vector<std::size_t>& checks, int stage) const;
    // f(g) for every figure g a relation of `stage` equates with `figure`,
    // directly or through others.
    template <class F>
    void for_each_equal(std::size_t figure, int stage, F&& f) const;
    int last_stage() const;
    // Whether a figure (or relation) of stage `of` is there at `stage`.
    bool present(int of, int stage) const;
    // The first stage at which both are there.
    int later(int a, int b) const;
    int layer(int stage) const;
    // Ranges of the figures not shown, each at its first printing (shown_range()).
    void prove_ranges();

    int m_min_cell;
    int m_postings = 0;
    Reading m_reading;
    std::vector<char> m_observed; // per figure: observe() has set it
    std::vector<std::string> m_keys;
    absl::flat_hash_map<std::string, CellId> m_by_key;
    std::vector<int> m_stage;                 // per cell: -1 neither published nor sensitive
    std::vector<char> m_published;            // per cell
    std::vector<int> m_shown_stage;           // per cell: the first stage that publishes it, -1 none
    std::vector<std::uint32_t> m_measure;     // per cell: publish()'s measure
    std::vector<int> m_cost;                  // per cell
    struct Declared {
        CellId whole;
        std::vector<CellId> parts;
        bool rest_sensitive;
    };
    std::vector<Declared> m_declared; // relation()
    std::vector<std::vector<CellId>> m_declared_parts;              // parts()
    std::vector<std::pair<CellId, CellId>> m_declared_same;          // same()
    std::vector<std::vector<CellId>> m_people; // distinct cell sets
    std::vector<std::int64_t> m_people_count;
    absl::flat_hash_map<std::vector<CellId>, std::uint32_t> m_atom_of;
    std::vector<Figure> m_figures;
    absl::flat_hash_map<std::vector<std::uint32_t>, std::size_t> m_figure_by_atoms;
    std::vector<std::size_t> m_figure_of; // per cell
    std::vector<Relation> m_relations;
    std::vector<std::vector<std::uint32_t>> m_relations_of; // per figure
    std::size_t m_refused = 0;
    std::vector<Range> m_ranges; // per figure, by prove_ranges()
    bool m_finished = false;
};

} // namespace pthv::stats
