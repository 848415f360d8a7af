// The audit is the attacker's linear programme of tau-ARGUS and sdcTable
// (linked tables, every relation known), solved over atoms rather than
// over declared table relations so that no relation can be missed.
// Secondary suppression is the audit repeated: each breach hides the
// smallest shown figure its proof uses (the rows with a non-zero dual
// value), until no breach is left.

#include <pthv/stats/protection.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <numeric>
#include <tuple>

#include <pthv/stats/lp.hpp>

namespace pthv::stats {

namespace {

constexpr double k_lp_slack = 1e-6;

// Atoms joined by any figure that takes part in the audit.
class UnionFind {
public:
    explicit UnionFind(std::size_t n) : m_parent(n) { std::iota(m_parent.begin(), m_parent.end(), 0); }
    std::size_t root(std::size_t a)
    {
        while (m_parent[a] != a)
            a = m_parent[a] = m_parent[m_parent[a]];
        return a;
    }
    void join(std::size_t a, std::size_t b) { m_parent[root(a)] = root(b); }

private:
    std::vector<std::size_t> m_parent;
};

} // namespace

Protection::CellId Protection::cell(std::string_view key)
{
    const auto [it, added] = m_by_key.try_emplace(std::string(key), static_cast<CellId>(m_keys.size()));
    if (added) {
        m_keys.emplace_back(key);
        m_stage.push_back(-1);
        m_published.push_back(0);
        m_cost.push_back(0);
    }
    return it->second;
}

std::optional<Protection::CellId> Protection::find(std::string_view key) const
{
    const auto it = m_by_key.find(std::string(key));
    if (it == m_by_key.end())
        return std::nullopt;
    return it->second;
}

void Protection::publish(CellId c, int stage, int cost)
{
    sensitive(c, stage);
    if (!m_published[c])
        m_cost[c] = cost;
    m_published[c] = 1;
}

void Protection::sensitive(CellId c, int stage)
{
    m_stage[c] = m_stage[c] < 0 ? stage : std::min(m_stage[c], stage);
}

bool Protection::published(CellId c) const { return m_published[c] != 0; }

void Protection::sensitive_difference(CellId whole, CellId part, int stage)
{
    m_differences.emplace_back(whole, part, stage);
}

void Protection::count(std::vector<CellId> cells)
{
    std::sort(cells.begin(), cells.end());
    cells.erase(std::unique(cells.begin(), cells.end()), cells.end());
    const auto [it, added] = m_atom_of.try_emplace(cells, static_cast<std::uint32_t>(m_people.size()));
    if (added) {
        m_people.push_back(std::move(cells));
        m_people_count.push_back(0);
    }
    ++m_people_count[it->second];
}

void Protection::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    std::vector<std::vector<std::uint32_t>> atoms_of(m_keys.size());
    for (std::uint32_t a = 0; a < m_people.size(); ++a)
        for (const CellId c : m_people[a])
            atoms_of[c].push_back(a);
    // A difference is a cell of its own, with the atoms of the whole that
    // are not the part's.
    for (const auto& [whole, part, stage] : m_differences) {
        const auto& w = atoms_of[whole];
        const auto& p = atoms_of[part];
        if (!std::includes(w.begin(), w.end(), p.begin(), p.end()))
            continue;
        std::vector<std::uint32_t> rest;
        std::set_difference(w.begin(), w.end(), p.begin(), p.end(), std::back_inserter(rest));
        const CellId c = cell(m_keys[whole] + " minus " + m_keys[part]);
        sensitive(c, stage);
        atoms_of.resize(m_keys.size());
        atoms_of[c] = std::move(rest);
    }
    absl::flat_hash_map<std::vector<std::uint32_t>, std::size_t> figure_of;
    m_figure_of.assign(m_keys.size(), 0);
    for (CellId c = 0; c < m_keys.size(); ++c) {
        const auto [it, added] = figure_of.try_emplace(atoms_of[c], m_figures.size());
        if (added) {
            Figure f;
            f.atoms = atoms_of[c];
            for (const auto a : f.atoms)
                f.value += m_people_count[a];
            m_figures.push_back(std::move(f));
        }
        Figure& f = m_figures[it->second];
        m_figure_of[c] = it->second;
        if (m_stage[c] >= 0)
            f.stage = f.stage < 0 ? m_stage[c] : std::min(f.stage, m_stage[c]);
        // The name a figure goes by: its first published cell's.
        if (f.key.empty() || (m_published[c] && !f.published))
            f.key = m_keys[c];
        f.published = f.published || m_published[c];
        f.cost += m_published[c] ? m_cost[c] : 0;
        f.complement = f.complement || (m_stage[c] >= 0 && !m_published[c]);
    }
}

// Every published count under min_cell, zero included: a reader of "<N"
// never learns that nobody is there (a zero can disclose as much as a one:
// "none of the 3 families agreed").
void Protection::primary()
{
    for (auto& f : m_figures)
        if (!f.fixed && f.published && f.value < m_min_cell)
            f.shown = CellShown::Below;
}

// The attacker's programmes of one stage: one per group of atoms that
// holds a checked figure, with a row per published figure of the group.
struct Protection::Programmes {
    struct One {
        std::vector<std::size_t> rows;         // figures, by row
        std::vector<std::size_t> checks;       // figures
        absl::flat_hash_map<std::uint32_t, int> column; // atom -> column
        std::unique_ptr<LinearBounds> lp;
    };
    std::vector<One> all;
    absl::flat_hash_map<std::size_t, std::pair<std::size_t, int>> row_of; // figure -> (programme, row)
};

std::pair<double, double> Protection::bounds(const Figure& f) const
{
    const auto v = static_cast<double>(f.value);
    switch (f.shown) {
    case CellShown::Shown: return {v, v};
    case CellShown::Below: return {m_reading.below_includes_zero ? 0 : 1, m_min_cell - 1};
    case CellShown::Withheld:
        return {m_reading.withheld_at_least_min ? m_min_cell : 0, std::numeric_limits<double>::infinity()};
    }
    return {v, v};
}

Protection::Programmes Protection::programmes(int stage) const
{
    const auto active = [&](const Figure& f) { return f.stage >= 0 && f.stage <= stage; };
    UnionFind groups(m_people.size());
    for (const auto& f : m_figures)
        if (active(f))
            for (std::size_t i = 1; i < f.atoms.size(); ++i)
                groups.join(f.atoms[0], f.atoms[i]);
    absl::flat_hash_map<std::size_t, std::size_t> index; // group root -> programme
    Programmes out;
    const auto programme_of = [&](const Figure& f) -> Programmes::One& {
        const auto [it, added] = index.try_emplace(groups.root(f.atoms[0]), out.all.size());
        if (added)
            out.all.emplace_back();
        return out.all[it->second];
    };
    for (std::size_t i = 0; i < m_figures.size(); ++i) {
        const Figure& f = m_figures[i];
        if (!active(f) || f.atoms.empty())
            continue;
        if (f.value > 0 && f.value < m_min_cell && (!f.published || f.shown == CellShown::Below))
            programme_of(f).checks.push_back(i);
    }
    for (std::size_t i = 0; i < m_figures.size(); ++i) {
        const Figure& f = m_figures[i];
        if (!active(f) || f.atoms.empty() || !f.published || !index.contains(groups.root(f.atoms[0])))
            continue;
        programme_of(f).rows.push_back(i);
    }
    for (std::size_t p = 0; p < out.all.size(); ++p) {
        auto& one = out.all[p];
        std::vector<LpRow> rows;
        for (std::size_t r = 0; r < one.rows.size(); ++r) {
            const Figure& f = m_figures[one.rows[r]];
            LpRow row;
            for (const auto a : f.atoms)
                row.columns.push_back(one.column.try_emplace(a, static_cast<int>(one.column.size())).first->second);
            std::tie(row.lo, row.hi) = bounds(f);
            rows.push_back(std::move(row));
            out.row_of[one.rows[r]] = {p, static_cast<int>(r)};
        }
        for (const std::size_t i : one.checks)
            for (const auto a : m_figures[i].atoms)
                one.column.try_emplace(a, static_cast<int>(one.column.size()));
        one.lp = std::make_unique<LinearBounds>(static_cast<int>(one.column.size()), rows);
    }
    return out;
}

std::optional<Protection::Check> Protection::check(Programmes& ps, std::size_t programme, std::size_t figure,
                                                   bool whole) const
{
    Programmes::One& p = ps.all[programme];
    std::vector<int> cols;
    for (const auto a : m_figures[figure].atoms)
        cols.push_back(p.column.at(a));
    // Suppression only needs to know that a count is open, and how: the
    // maximum is not sought once the minimum gives it away.
    const LpRange r = whole ? p.lp->range(cols) : p.lp->range(cols, 1 + k_lp_slack);
    const bool low_ok = r.lo <= 1 + k_lp_slack, high_ok = r.hi >= m_min_cell - 1 - k_lp_slack;
    if (low_ok && high_ok)
        return std::nullopt;
    Check c{figure, r.lo, r.hi, {}};
    for (const auto* used : {low_ok ? nullptr : &r.rows_lo, high_ok ? nullptr : &r.rows_hi})
        if (used)
            for (const int row : *used)
                c.pins.push_back(p.rows[static_cast<std::size_t>(row)]);
    return c;
}

std::vector<Protection::Check> Protection::failing(int stage) const
{
    Programmes ps = programmes(stage);
    std::vector<Check> out;
    for (std::size_t p = 0; p < ps.all.size(); ++p)
        for (const std::size_t i : ps.all[p].checks)
            if (auto c = check(ps, p, i, true))
                out.push_back(std::move(*c));
    std::sort(out.begin(), out.end(), [](const Check& a, const Check& b) { return a.figure < b.figure; });
    return out;
}

// The figure to hide for a breach: of those its proof uses and that may be
// withheld, the one that costs readers least, then the smallest; when none
// of them may be, any such figure that shares a person with the breach.
std::optional<std::size_t> Protection::complement(const Check& breach, int stage) const
{
    const auto eligible = [&](std::size_t i) {
        const Figure& f = m_figures[i];
        return f.published && !f.fixed && f.stage <= stage && f.shown == CellShown::Shown && f.value >= m_min_cell;
    };
    const auto better = [&](std::size_t x, std::size_t y) {
        const Figure &fx = m_figures[x], &fy = m_figures[y];
        if (fx.cost != fy.cost)
            return fx.cost < fy.cost;
        return fx.value != fy.value ? fx.value < fy.value : fx.key < fy.key;
    };
    std::optional<std::size_t> pick;
    for (const auto i : breach.pins)
        if (eligible(i) && (!pick || better(i, *pick)))
            pick = i;
    if (pick)
        return pick;
    const auto& atoms = m_figures[breach.figure].atoms;
    for (std::size_t i = 0; i < m_figures.size(); ++i) {
        if (!eligible(i) || (pick && !better(i, *pick)))
            continue;
        const auto& other = m_figures[i].atoms;
        std::vector<std::uint32_t> both;
        std::set_intersection(atoms.begin(), atoms.end(), other.begin(), other.end(), std::back_inserter(both));
        if (!both.empty())
            pick = i;
    }
    return pick;
}

void Protection::observe(CellId c, CellShown as_printed)
{
    finish();
    const std::size_t i = m_figure_of.at(c);
    Figure& f = m_figures[i];
    if (m_observed.size() < m_figures.size())
        m_observed.resize(m_figures.size(), 0);
    if (!m_observed[i] || as_printed == CellShown::Shown)
        f.shown = as_printed;
    else if (f.shown == CellShown::Withheld && as_printed == CellShown::Below)
        f.shown = CellShown::Below; // "<N" says more than "*"
    m_observed[i] = 1;
}

void Protection::drop_unobserved()
{
    finish();
    m_observed.resize(m_figures.size(), 0);
    for (std::size_t i = 0; i < m_figures.size(); ++i) {
        Figure& f = m_figures[i];
        if (!f.published || m_observed[i])
            continue;
        f.published = false;
        if (!f.complement)
            f.stage = -1;
    }
}

void Protection::suppress_primary_only()
{
    finish();
    primary();
}

void Protection::fix(CellId c, CellShown shown)
{
    Figure& f = m_figures.at(m_figure_of.at(c));
    f.shown = shown;
    f.fixed = true;
}

void Protection::suppress(int first_stage)
{
    suppress_primary_only();
    int last = 0;
    for (const auto& f : m_figures)
        last = std::max(last, f.stage);
    for (int stage = first_stage; stage <= last; ++stage) {
        Programmes ps = programmes(stage);
        // One count at a time: while what its proof uses can be hidden, hide
        // the smallest such figure and look again. Hiding a figure only
        // widens what the attacker can prove, so a count once protected
        // stays protected and each is settled in one visit.
        for (std::size_t p = 0; p < ps.all.size(); ++p)
            for (const std::size_t i : ps.all[p].checks)
                while (const auto breach = check(ps, p, i, false)) {
                    const auto hide = complement(*breach, stage);
                    if (!hide)
                        break;
                    m_figures[*hide].shown = CellShown::Withheld;
                    const auto [pr, row] = ps.row_of.at(*hide);
                    const auto [lo, hi] = bounds(m_figures[*hide]);
                    ps.all[pr].lp->set_row(row, lo, hi);
                }
    }
}

std::vector<Breach> Protection::audit() const
{
    int last = 0;
    for (const auto& f : m_figures)
        last = std::max(last, f.stage);
    std::vector<Breach> out;
    for (const Check& c : failing(last)) {
        Breach b{m_figures[c.figure].key, m_figures[c.figure].value, c.lo, c.hi, {}};
        for (const std::size_t p : c.pins)
            if (m_figures[p].shown == CellShown::Shown)
                b.pinned_by.push_back(m_figures[p].key);
        std::sort(b.pinned_by.begin(), b.pinned_by.end());
        b.pinned_by.erase(std::unique(b.pinned_by.begin(), b.pinned_by.end()), b.pinned_by.end());
        out.push_back(std::move(b));
    }
    return out;
}

std::int64_t Protection::value(CellId c) const { return m_figures.at(m_figure_of.at(c)).value; }

CellShown Protection::shown(CellId c) const { return m_figures.at(m_figure_of.at(c)).shown; }

Protection::Tally Protection::tally() const
{
    Tally t;
    for (const auto& f : m_figures) {
        if (!f.published)
            continue;
        ++t.published;
        t.below += f.shown == CellShown::Below ? 1 : 0;
        t.withheld += f.shown == CellShown::Withheld ? 1 : 0;
    }
    return t;
}

} // namespace pthv::stats
