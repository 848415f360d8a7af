// The audit is the attacker's linear programme of tau-ARGUS and sdcTable
// (linked tables: every total and its parts known), over the figures a
// reader cannot see; every shown figure is a constant. Relations that share
// a hidden figure are solved together, and only they: a district of many
// schools is many small programmes, not one large one. Secondary
// suppression is the audit repeated: each breach hides the cheapest shown
// figure its proof uses, until no breach is left. The proof is first a
// local one (a relation alone, its other figures narrowed by their own
// relations alone), which depends only on what is shown; only a breach it
// misses is proved by the programme (the relations with a non-zero dual
// value in the solver's optimum).

#include <pthv/stats/protection.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <numeric>

#include <absl/container/flat_hash_set.h>
#include <absl/strings/string_view.h>

#include <pthv/stats/lp.hpp>

namespace pthv::stats {

namespace {

constexpr double k_lp_slack = 1e-6;
// The weight of the other open counts in a check's programme beside the
// count's own (1): small enough that a point trading one of the count
// for fewer than a thousand of the others is not chosen over one that
// does not.
constexpr double k_nudge = 1e-3;

// A relation's other figures are looked at through their own relations
// (local_breach()) when it has at most this many a reader cannot see: a
// district's thousand schools are taken as their own displays say.
constexpr std::size_t k_local_unknowns = 16;

// The least and most a figure can be, as far as a local proof shows.
struct ProofSpan {
    double lo, hi;
};

// The key as abseil's string hash takes it (its string_view is its own type here).
absl::string_view as_absl(std::string_view key) { return {key.data(), key.size()}; }

} // namespace

Protection::CellId Protection::cell(std::string_view key)
{
    if (const auto it = m_by_key.find(as_absl(key)); it != m_by_key.end()) // no key made for a cell there already
        return it->second;
    const auto c = static_cast<CellId>(m_keys.size());
    m_by_key.emplace(std::string(key), c);
    m_keys.emplace_back(key);
    m_stage.push_back(-1);
    m_published.push_back(0);
    m_shown_stage.push_back(-1);
    m_measure.push_back(0);
    m_cost.push_back(0);
    return c;
}

std::optional<Protection::CellId> Protection::find(std::string_view key) const
{
    const auto it = m_by_key.find(as_absl(key));
    if (it == m_by_key.end())
        return std::nullopt;
    return it->second;
}

void Protection::publish(CellId c, int stage, int cost, std::uint32_t measure)
{
    sensitive(c, stage);
    if (!m_published[c]) {
        m_cost[c] = cost;
        m_measure[c] = measure;
    }
    m_published[c] = 1;
    m_shown_stage[c] = m_shown_stage[c] < 0 ? stage : std::min(m_shown_stage[c], stage);
}

void Protection::sensitive(CellId c, int stage)
{
    m_stage[c] = m_stage[c] < 0 ? stage : std::min(m_stage[c], stage);
}

bool Protection::published(CellId c) const { return m_published[c] != 0; }

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

void Protection::relation(CellId whole, std::vector<CellId> parts, bool rest_sensitive)
{
    m_declared.push_back({whole, std::move(parts), rest_sensitive});
}

void Protection::parts(std::vector<CellId> parts) { m_declared_parts.push_back(std::move(parts)); }

void Protection::same(CellId a, CellId b) { m_declared_same.emplace_back(a, b); }

void Protection::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    std::vector<std::vector<std::uint32_t>> atoms_of(m_keys.size());
    for (std::uint32_t a = 0; a < m_people.size(); ++a)
        for (const CellId c : m_people[a])
            atoms_of[c].push_back(a);
    form_figures(atoms_of);
    form_relations(atoms_of);
}

void Protection::form_figures(std::vector<std::vector<std::uint32_t>>& atoms_of)
{
    // The figure of each set of people, and the first stage that publishes it.
    std::vector<std::size_t> canonical(m_keys.size());
    std::vector<int> first_shown;
    for (CellId c = 0; c < m_keys.size(); ++c) {
        const auto [it, added] = m_figure_by_atoms.try_emplace(atoms_of[c], m_figures.size());
        if (added) {
            Figure f;
            f.atoms = atoms_of[c];
            for (const auto a : f.atoms)
                f.value += m_people_count[a];
            m_figures.push_back(std::move(f));
            first_shown.push_back(-1);
        }
        canonical[c] = it->second;
        int& first = first_shown[it->second];
        if (m_shown_stage[c] >= 0)
            first = first < 0 ? m_shown_stage[c] : std::min(first, m_shown_stage[c]);
    }
    // A cell a later stage publishes with the same people, or one of
    // another measure, is a figure of its own: that stage may withhold it,
    // and a reader knows it for the same figure only where a relation says
    // so (a period and one inside it, a month of a months table and the
    // month's report, a language's visits and its interpreted ones), not
    // because two counts of different things happen to count the same
    // people (the educators of the year and the staff trained by January).
    absl::flat_hash_map<std::tuple<std::size_t, int, std::uint32_t>, std::size_t> copies;
    std::vector<std::optional<std::uint32_t>> claimed(first_shown.size()); // the measure of each canonical figure
    m_figure_of.assign(m_keys.size(), 0);
    for (CellId c = 0; c < m_keys.size(); ++c) {
        std::size_t i = canonical[c];
        if (m_published[c] && m_shown_stage[c] == first_shown[i] && !claimed[i])
            claimed[i] = m_measure[c];
        if (m_published[c] && (m_shown_stage[c] != first_shown[i] || *claimed[i] != m_measure[c])) {
            const auto [it, added] = copies.try_emplace({i, m_shown_stage[c], m_measure[c]}, m_figures.size());
            if (added) {
                Figure f;
                f.atoms = m_figures[i].atoms;
                f.value = m_figures[i].value;
                m_figures.push_back(std::move(f));
            }
            i = it->second;
        }
        Figure& f = m_figures[i];
        m_figure_of[c] = i;
        if (m_stage[c] >= 0)
            f.stage = f.stage < 0 ? m_stage[c] : std::min(f.stage, m_stage[c]);
        if (m_shown_stage[c] >= 0)
            f.shown_stage = f.shown_stage < 0 ? m_shown_stage[c] : std::min(f.shown_stage, m_shown_stage[c]);
        // The name a figure goes by: its first published cell's.
        if (f.key.empty() || (m_published[c] && !f.published))
            f.key = m_keys[c];
        f.published = f.published || m_published[c];
        f.complement = f.complement || (m_stage[c] >= 0 && !m_published[c]);
    }
    // What withholding costs: its cells of the posting that first prints it
    // (a stage decides it knowing nothing of later ones).
    for (CellId c = 0; c < m_keys.size(); ++c) {
        Figure& f = m_figures[m_figure_of[c]];
        if (m_published[c] && m_shown_stage[c] == f.shown_stage)
            f.cost += m_cost[c];
    }
}

// The figure of exactly `atoms`, made (sensitive from `stage`, when >= 0)
// when no cell has them.
std::size_t Protection::figure_with(std::vector<std::uint32_t> atoms, const std::string& key, int stage)
{
    const auto [it, added] = m_figure_by_atoms.try_emplace(atoms, m_figures.size());
    if (added) {
        Figure f;
        for (const auto a : atoms)
            f.value += m_people_count[a];
        f.atoms = std::move(atoms);
        f.key = key;
        m_figures.push_back(std::move(f));
    }
    Figure& f = m_figures[it->second];
    if (stage >= 0) {
        f.stage = f.stage < 0 ? stage : std::min(f.stage, stage);
        f.complement = f.complement || !f.published;
    }
    return it->second;
}

void Protection::form_relations(std::vector<std::vector<std::uint32_t>>& atoms_of)
{
    // Per atom: 2g when in the whole of the g-th relation tried, 2g + 1 once a part has it.
    std::vector<std::uint64_t> mark(m_people.size(), 0);
    std::uint64_t generation = 0;
    absl::flat_hash_map<std::vector<std::size_t>, std::size_t> seen; // relation by its figures
    // `declared`: the stage of the cells that declared it, where it is
    // first there (a figure may have cells of an earlier one).
    // `across`: the whole is of a later stage than its parts (the year and
    // mid-year): when nobody is in the whole but not the parts, a reader of
    // the later stage does not know that (nobody trained after January),
    // unless a figure says so; the rest is a count of its own, of no one.
    const auto keep = [&](std::size_t whole, std::vector<std::size_t> parts, const std::string& rest_key,
                          bool rest_sensitive, int declared, bool across) {
        // A figure printed as two parts is one part: counted once. A part
        // that is the whole itself says nothing.
        std::sort(parts.begin(), parts.end());
        parts.erase(std::unique(parts.begin(), parts.end()), parts.end());
        if (std::find(parts.begin(), parts.end(), whole) != parts.end())
            return;
        ++generation;
        for (const auto a : m_figures[whole].atoms)
            mark[a] = 2 * generation;
        int stage = m_figures[whole].stage < 0 ? -1 : declared;
        bool overlap = false; // a person in two parts: the whole is at most their sum
        for (const std::size_t p : parts) {
            for (const auto a : m_figures[p].atoms) {
                if (mark[a] != 2 * generation && mark[a] != 2 * generation + 1) { // outside the whole
                    ++m_refused;
                    return;
                }
                overlap = overlap || mark[a] == 2 * generation + 1;
                mark[a] = 2 * generation + 1;
            }
            stage = m_figures[p].stage < 0 ? -1 : stage;
        }
        std::vector<std::uint32_t> rest;
        for (const auto a : m_figures[whole].atoms)
            if (mark[a] == 2 * generation)
                rest.push_back(a);
        if (!rest.empty()) {
            parts.push_back(figure_with(std::move(rest), rest_key, rest_sensitive ? stage : -1));
        } else if (across && rest_sensitive) {
            Figure none;
            none.key = rest_key;
            none.of_no_one = true;
            parts.push_back(m_figures.size());
            m_figures.push_back(std::move(none));
        }
        parts.erase(std::remove_if(parts.begin(), parts.end(),
                                   [&](std::size_t p) { return m_figures[p].atoms.empty() && !m_figures[p].of_no_one; }),
                    parts.end());
        if (parts.empty())
            return;
        std::sort(parts.begin(), parts.end());
        std::vector<std::size_t> id = parts;
        id.push_back(whole);
        const auto [it, added] = seen.try_emplace(std::move(id), m_relations.size());
        if (added)
            m_relations.push_back({whole, std::move(parts), overlap, declared});
        else
            m_relations[it->second].stage = std::min(m_relations[it->second].stage, declared);
    };
    const auto stage_of = [&](CellId whole, const std::vector<CellId>& parts) {
        int stage = m_stage[whole];
        for (const CellId c : parts)
            stage = later(stage, m_stage[c]);
        return stage;
    };
    const auto figures_of = [&](const std::vector<CellId>& cells) {
        std::vector<std::size_t> out;
        for (const CellId c : cells)
            out.push_back(m_figure_of.at(c));
        return out;
    };
    for (const auto& d : m_declared) {
        const bool across = !d.parts.empty() && std::all_of(d.parts.begin(), d.parts.end(), [&](CellId c) {
            return m_stage[c] != m_stage[d.whole] && present(m_stage[c], m_stage[d.whole]);
        });
        keep(m_figure_of.at(d.whole), figures_of(d.parts),
             m_keys[d.whole] + (d.parts.empty() ? "" : " minus " + m_keys[d.parts.front()]), d.rest_sensitive,
             stage_of(d.whole, d.parts), across);
    }
    for (const auto& parts : m_declared_parts) {
        std::vector<std::uint32_t> all;
        for (const CellId c : parts)
            all.insert(all.end(), atoms_of[c].begin(), atoms_of[c].end());
        std::sort(all.begin(), all.end());
        if (std::adjacent_find(all.begin(), all.end()) != all.end()) {
            ++m_refused;
            continue;
        }
        const auto it = m_figure_by_atoms.find(all);
        if (it != m_figure_by_atoms.end() && m_figures[it->second].stage >= 0) {
            int stage = m_figures[it->second].stage;
            for (const CellId c : parts)
                stage = later(stage, m_stage[c]);
            keep(it->second, figures_of(parts), {}, false, stage, false);
        }
    }
    for (const auto& [a, b] : m_declared_same) {
        const std::size_t fa = m_figure_of.at(a), fb = m_figure_of.at(b);
        if (fa == fb)
            continue;
        if (m_figures[fa].value != m_figures[fb].value) {
            ++m_refused;
            continue;
        }
        const int stage = later(m_stage[a], m_stage[b]);
        const auto [it, added] = seen.try_emplace(std::vector<std::size_t>{fb, fa}, m_relations.size());
        if (added)
            m_relations.push_back({fa, {fb}, false, stage});
        else
            m_relations[it->second].stage = std::min(m_relations[it->second].stage, stage);
    }
    m_declared.clear();
    m_declared_parts.clear();
    m_declared_same.clear();
    m_relations_of.assign(m_figures.size(), {});
    for (std::uint32_t r = 0; r < m_relations.size(); ++r) {
        const Relation& rel = m_relations[r];
        m_relations_of[rel.whole].push_back(r);
        for (const std::size_t p : rel.parts)
            m_relations_of[p].push_back(r);
    }
}

// Every published count under min_cell, zero included: a reader of "<N"
// never learns that nobody is there, nor that each of several small counts
// is at least one (three months of "<N" would make their sum at least 3).
void Protection::primary()
{
    for (auto& f : m_figures)
        if (!f.fixed && f.published && f.value < m_min_cell)
            f.shown = CellShown::Below;
}

bool Protection::known(const Figure& f, int stage) const
{
    return f.published && present(f.shown_stage, stage) && f.shown == CellShown::Shown;
}

bool Protection::is_check(const Figure& f, int stage) const
{
    return present(f.stage, stage) && f.value > 0 && f.value < m_min_cell &&
           (!f.published || f.shown == CellShown::Below);
}

std::vector<std::size_t> Protection::checks_at(int stage) const
{
    std::vector<std::size_t> checks;
    for (std::size_t i = 0; i < m_figures.size(); ++i)
        if (is_check(m_figures[i], stage) && !m_relations_of[i].empty())
            checks.push_back(i);
    return checks;
}

std::pair<double, double> Protection::bounds(const Figure& f, int stage) const
{
    const auto v = static_cast<double>(f.value);
    const auto inf = std::numeric_limits<double>::infinity();
    if (!f.published || !present(f.shown_stage, stage))
        return {0, inf};
    switch (f.shown) {
    case CellShown::Shown: return {v, v};
    case CellShown::Below: return {std::min(v, m_reading.below_includes_zero ? 0.0 : 1.0), m_min_cell - 1};
    case CellShown::Withheld: return {std::min(v, m_reading.withheld_at_least_min ? m_min_cell : 0.0), inf};
    }
    return {v, v};
}

bool Protection::present(int of, int stage) const
{
    if (of < 0)
        return false;
    if (m_postings <= 0)
        return of <= stage;
    return of / m_postings <= stage / m_postings && of % m_postings <= stage % m_postings;
}

int Protection::layer(int stage) const { return m_postings > 0 && stage >= 0 ? stage / m_postings : 0; }

int Protection::later(int a, int b) const
{
    if (a < 0 || b < 0)
        return std::max(a, b);
    if (m_postings <= 0)
        return std::max(a, b);
    return std::max(a / m_postings, b / m_postings) * m_postings + std::max(a % m_postings, b % m_postings);
}

int Protection::last_stage() const
{
    int last = 0;
    for (const auto& f : m_figures)
        last = later(last, f.stage);
    if (m_postings > 0) // the last posting of the last layer: every figure is there
        last = (last / m_postings + 1) * m_postings - 1;
    return last;
}

// The attacker's programme of one stage: a column for every figure a
// reader cannot see that is in a relation, a row for every relation with
// such a figure. Relations that share no hidden figure are independent
// blocks of it; one programme keeps the solver's basis from one check to
// the next, and a figure withheld becomes one more column.
class Protection::Programme {
public:
    Programme(const Protection& p, int stage, const std::vector<std::uint32_t>& relations, std::vector<double>& low,
              std::vector<double>& high)
        : m_p(p), m_stage(stage), m_low(low), m_high(high)
    {
        std::vector<LpBounds> bounds;
        std::vector<std::uint32_t> rows;
        for (const std::uint32_t r : relations) {
            bool any = false;
            for_each_unknown(p.m_relations[r], [&](std::size_t f) {
                any = true;
                if (m_column_of.try_emplace(f, static_cast<int>(m_columns.size())).second) {
                    m_columns.push_back(f);
                    const auto [lo, hi] = p.bounds(p.m_figures[f], stage);
                    bounds.push_back({lo, hi});
                }
            });
            if (any)
                rows.push_back(r);
        }
        std::vector<LpRow> lp_rows;
        for (const auto r : rows) {
            double constant = 0;
            m_row_of.emplace(r, static_cast<int>(lp_rows.size()));
            m_rows.push_back(r);
            lp_rows.push_back(row_of(r, constant));
            m_constants.push_back(constant);
        }
        m_lp = std::make_unique<LinearBounds>(static_cast<int>(m_columns.size()), lp_rows, bounds);
        // Points to start from: every figure as low as it goes together,
        // which settles the lower side of most checks ...
        // And every bounded figure as high: most need no more for the other.
        std::vector<int> all(m_columns.size()), bounded;
        std::iota(all.begin(), all.end(), 0);
        for (std::size_t c = 0; c < bounds.size(); ++c)
            if (std::isfinite(bounds[c].hi))
                bounded.push_back(static_cast<int>(c));
        if (!all.empty())
            keep(m_lp->optimum(all, false).point);
        if (!bounded.empty())
            keep(m_lp->optimum(bounded, true).point);
    }

    // The least and the most `figure` is at in any point found to satisfy
    // every relation of this stage. Withholding only adds points (a point
    // found before, with the withheld figure at its true value, still
    // satisfies every relation), so what they show stays shown.
    double low(std::size_t figure) const { return m_low[figure]; }
    double high(std::size_t figure) const { return m_high[figure]; }

    // The optimum of one figure, its point kept.
    LpOptimum optimum(std::size_t figure, bool maximise)
    {
        LpOptimum o = m_lp->optimum({m_column_of.at(figure)}, maximise);
        keep(o.point);
        if (!std::isnan(o.value)) // an unbounded side has no point
            (maximise ? m_high : m_low)[figure] =
                maximise ? std::max(m_high[figure], o.value) : std::min(m_low[figure], o.value);
        return o;
    }

    // One point as low (or as high) as `figures`, columns of this
    // programme, go together: kept like any optimum's point.
    void push(const std::vector<std::size_t>& figures, bool maximise)
    {
        std::vector<int> columns;
        for (const std::size_t f : figures)
            columns.push_back(m_column_of.at(f));
        keep(m_lp->optimum(columns, maximise).point);
    }

    // One point with `figure` as low (or as high) as it goes and, of the
    // points that reach that, one with `others` (columns of this programme)
    // low (or high) too, as far as a slight weight on them tells: kept
    // like any optimum's point. It proves what it shows of every figure,
    // but not that `figure` can go no lower (or higher).
    void push_around(std::size_t figure, const std::vector<std::size_t>& others, bool maximise)
    {
        std::vector<int> columns{m_column_of.at(figure)};
        std::vector<double> weights{1.0};
        for (const std::size_t f : others)
            if (f != figure) {
                columns.push_back(m_column_of.at(f));
                weights.push_back(k_nudge);
            }
        keep(m_lp->optimum(columns, weights, maximise).point);
    }

    // `figure`, a column, at most `hi` until uncapped: a point found meanwhile
    // is a point of the programme, whose bounds are wider.
    void cap(std::size_t figure, double hi)
    {
        const auto lo = m_p.bounds(m_p.m_figures[figure], m_stage).first;
        m_lp->set_bounds(m_column_of.at(figure), {lo, hi});
    }
    void uncap(std::size_t figure) { widen(figure); }

    // The relation of a row.
    const Relation& relation(int row) const { return m_p.m_relations[m_rows[static_cast<std::size_t>(row)]]; }

    // `figures` join this programme: each a column (a figure shown until
    // now is taken out of the constants of its relations' rows), and each
    // of their relations a row. The figures of another block bring their
    // relations, and every figure of those relations.
    void extend(const std::vector<std::size_t>& figures)
    {
        for (const std::size_t f : figures) {
            if (m_column_of.count(f))
                continue;
            std::vector<int> rows;
            std::vector<double> coefficients;
            for (const auto r : m_p.m_relations_of[f]) {
                const auto it = m_row_of.find(r);
                if (it == m_row_of.end())
                    continue;
                const double sign = m_p.m_relations[r].whole == f ? -1.0 : 1.0;
                double& constant = m_constants[static_cast<std::size_t>(it->second)];
                constant += sign * static_cast<double>(m_p.m_figures[f].value);
                m_lp->set_row(it->second, constant,
                              m_p.m_relations[r].at_most ? std::numeric_limits<double>::infinity() : constant);
                rows.push_back(it->second);
                coefficients.push_back(sign);
            }
            const auto [lo, hi] = m_p.bounds(m_p.m_figures[f], m_stage);
            m_column_of.emplace(f, m_lp->add_column(rows, coefficients, {lo, hi}));
            m_columns.push_back(f);
        }
        std::vector<LpRow> fresh;
        for (const std::size_t f : figures)
            for (const auto r : m_p.m_relations_of[f]) {
                if (!m_row_of.try_emplace(r, static_cast<int>(m_rows.size())).second)
                    continue;
                double constant = 0;
                fresh.push_back(row_of(r, constant));
                m_rows.push_back(r);
                m_constants.push_back(constant);
            }
        m_lp->add_rows(fresh);
    }
    std::size_t columns() const { return m_columns.size(); }

    // `figure`, a column, is now shown as "*": its bounds are what that says.
    void widen(std::size_t figure)
    {
        const auto [lo, hi] = m_p.bounds(m_p.m_figures[figure], m_stage);
        m_lp->set_bounds(m_column_of.at(figure), {lo, hi});
    }

private:
    void keep(const std::vector<double>& point)
    {
        for (std::size_t c = 0; c < point.size() && c < m_columns.size(); ++c) {
            const std::size_t f = m_columns[c];
            m_low[f] = std::min(m_low[f], point[c]);
            m_high[f] = std::max(m_high[f], point[c]);
        }
    }

    template <class F>
    void for_each_unknown(const Relation& r, F&& f) const
    {
        m_p.for_each_unknown(r, m_stage, std::forward<F>(f));
    }

    // whole = sum of parts, as: unknown parts - unknown whole = known whole
    // - known parts (>= when the whole is at most the sum).
    LpRow row_of(std::uint32_t r, double& constant) const
    {
        const Relation& rel = m_p.m_relations[r];
        LpRow row;
        constant = 0;
        const auto term = [&](std::size_t f, double sign) {
            const Figure& fig = m_p.m_figures[f];
            if (m_p.known(fig, m_stage)) {
                constant -= sign * static_cast<double>(fig.value);
                return;
            }
            row.columns.push_back(m_column_of.at(f));
            row.coefficients.push_back(sign);
        };
        term(rel.whole, -1.0);
        for (const std::size_t p : rel.parts)
            term(p, 1.0);
        row.lo = constant;
        row.hi = rel.at_most ? std::numeric_limits<double>::infinity() : constant;
        return row;
    }

    const Protection& m_p;
    int m_stage;
    std::vector<std::size_t> m_columns;              // figures
    absl::flat_hash_map<std::size_t, int> m_column_of; // figure -> column
    std::vector<std::uint32_t> m_rows;               // relations
    absl::flat_hash_map<std::uint32_t, int> m_row_of;  // relation -> row
    std::vector<double> m_constants;                 // per row
    std::unique_ptr<LinearBounds> m_lp;
    std::vector<double>&m_low, &m_high; // per figure, shared by the programmes of a stage
};

// The programmes of one stage, one per block of relations joined by the
// figures a reader cannot see (tau-ARGUS's linked tables: a shown figure
// is a constant and joins nothing), each made when a check first needs it.
// Withholding a figure joins the blocks of its relations; the joined block
// is made again when next needed. The least and most each figure was seen
// at stay valid across a join: a point of each block, with the withheld
// figure at its true value, is a point of the joined one.
class Protection::Programmes {
public:
    Programmes(const Protection& p, int stage)
        : m_p(p), m_stage(stage), m_low(p.m_figures.size(), std::numeric_limits<double>::infinity()),
          m_high(p.m_figures.size(), -std::numeric_limits<double>::infinity()), m_root(p.m_figures.size()),
          m_members(p.m_figures.size())
    {
        std::iota(m_root.begin(), m_root.end(), 0);
        for (std::size_t f = 0; f < m_members.size(); ++f)
            m_members[f] = {f};
        for (const auto& r : p.m_relations)
            if (p.present(r.stage, stage)) // a later stage's relation is not there yet
                join_unknowns(r);
    }

    Programme& of(std::size_t figure)
    {
        const std::size_t b = find(figure);
        auto& built = m_built[b];
        if (!built) {
            std::vector<std::uint32_t> relations;
            for (const std::size_t f : m_members[b])
                if (!m_p.known(m_p.m_figures[f], m_stage))
                    relations.insert(relations.end(), m_p.m_relations_of[f].begin(), m_p.m_relations_of[f].end());
            std::sort(relations.begin(), relations.end());
            relations.erase(std::unique(relations.begin(), relations.end()), relations.end());
            built = std::make_unique<Programme>(m_p, m_stage, relations, m_low, m_high);
        }
        return *built;
    }

    // `figure`, shown until now, is withheld: it joins the blocks of its
    // relations into one, whose programme is the largest of theirs made
    // larger, its solver's basis kept.
    void withheld(std::size_t figure)
    {
        const auto value = static_cast<double>(m_p.m_figures[figure].value);
        m_low[figure] = std::min(m_low[figure], value);
        m_high[figure] = std::max(m_high[figure], value);
        std::vector<std::size_t> blocks{find(figure)};
        for (const auto r : m_p.m_relations_of[figure])
            for_each_unknown(m_p.m_relations[r], [&](std::size_t f) { blocks.push_back(find(f)); });
        std::sort(blocks.begin(), blocks.end());
        blocks.erase(std::unique(blocks.begin(), blocks.end()), blocks.end());
        std::unique_ptr<Programme> kept;
        std::size_t kept_block = 0;
        for (const std::size_t b : blocks) {
            const auto it = m_built.find(b);
            if (it != m_built.end() && it->second && (!kept || it->second->columns() > kept->columns())) {
                kept = std::move(it->second);
                kept_block = b;
            }
        }
        std::vector<std::size_t> joining{figure};
        for (const std::size_t b : blocks) {
            m_built.erase(b);
            if (kept && b != kept_block)
                for (const std::size_t f : m_members[b])
                    if (!m_p.known(m_p.m_figures[f], m_stage))
                        joining.push_back(f);
            join(b, figure);
        }
        if (kept) {
            kept->extend(joining);
            m_built[find(figure)] = std::move(kept);
        }
    }

    // `figure`, shown as "<N" until now, is shown as "*".
    void widened(std::size_t figure)
    {
        const auto it = m_built.find(find(figure));
        if (it != m_built.end() && it->second)
            it->second->widen(figure);
    }

private:
    std::size_t find(std::size_t f)
    {
        while (m_root[f] != f)
            f = m_root[f] = m_root[m_root[f]];
        return f;
    }
    // Joins the blocks of `a` and `b` (their programmes are the caller's).
    void join(std::size_t a, std::size_t b)
    {
        a = find(a);
        b = find(b);
        if (a == b)
            return;
        if (m_members[a].size() < m_members[b].size())
            std::swap(a, b);
        m_root[b] = a;
        m_members[a].insert(m_members[a].end(), m_members[b].begin(), m_members[b].end());
        m_members[b] = {};
    }
    template <class F>
    void for_each_unknown(const Relation& r, F&& f) const
    {
        m_p.for_each_unknown(r, m_stage, std::forward<F>(f));
    }
    void join_unknowns(const Relation& r)
    {
        std::optional<std::size_t> first;
        for_each_unknown(r, [&](std::size_t f) {
            if (first)
                join(*first, f);
            else
                first = f;
        });
    }

    const Protection& m_p;
    int m_stage;
    std::vector<double> m_low, m_high;
    std::vector<std::size_t> m_root;                 // per figure, union-find
    std::vector<std::vector<std::size_t>> m_members; // per root
    absl::flat_hash_map<std::size_t, std::unique_ptr<Programme>> m_built; // per root
};

std::optional<Protection::Check> Protection::check(Programmes& all, std::size_t figure, bool whole) const
{
    if (m_relations_of[figure].empty()) // nothing to add or subtract: its own display is all there is
        return std::nullopt;
    Programme& ps = all.of(figure);
    const auto low_ok = [&] { return ps.low(figure) <= 1 + k_lp_slack; };
    const auto high_ok = [&] { return ps.high(figure) >= m_min_cell - 1 - k_lp_slack; };
    if (low_ok() && high_ok())
        return std::nullopt;
    // A side no point shows yet is sought; suppression only needs to know
    // that a count is open, and how, so the other side waits.
    Check c{figure, 0, 0, {}};
    const auto pin = [&](const LpOptimum& o) {
        for (const int row : o.rows) {
            const Relation& rel = ps.relation(row);
            c.pins.insert(c.pins.end(), rel.parts.begin(), rel.parts.end());
            c.pins.push_back(rel.whole);
        }
    };
    if (!low_ok()) {
        const LpOptimum o = ps.optimum(figure, false);
        if (!low_ok())
            pin(o);
    }
    if ((whole || low_ok()) && !high_ok()) {
        const LpOptimum o = ps.optimum(figure, true);
        if (!high_ok())
            pin(o);
    }
    if (low_ok() && high_ok())
        return std::nullopt;
    if (whole) { // the range a reader can prove, for the audit's message
        c.lo = ps.optimum(figure, false).value;
        c.hi = ps.optimum(figure, true).value;
    }
    return c;
}

std::vector<Protection::Check> Protection::failing(int stage) const
{
    Programmes ps(*this, stage);
    const std::vector<std::size_t> checks = checks_at(stage);
    settle(ps, checks, stage);
    sweep(ps, checks, stage);
    std::vector<Check> out;
    for (const std::size_t i : checks)
        if (auto c = check(ps, i, true))
            out.push_back(std::move(*c));
    return out;
}

// Before the checks of the audit or of secondary suppression, one count
// at a time: in each programme, the counts whose low (or high) side no
// point shows yet are pushed down (or up) together, round after round
// while that settles enough of them. A point of the programme is a point
// of it however it was found, and withholding a figure only adds points,
// so a count settled here stays protected whatever is withheld later; in
// a block of thousands of figures it spares a solve of the whole block
// for most of them. (Only counts with a bound are pushed up together: one
// without would leave no point.) Which counts are breaches does not
// change; the proof of a breach, and so the complement suppression hides
// for it, may (a programme has many optimal bases, and the solver starts
// from the last).
void Protection::settle(Programmes& ps, const std::vector<std::size_t>& checks, int stage) const
{
    const auto low_open = [&](Programme& p, std::size_t f) { return p.low(f) > 1 + k_lp_slack; };
    const auto high_open = [&](Programme& p, std::size_t f) { return p.high(f) < m_min_cell - 1 - k_lp_slack; };
    for (const bool maximise : {false, true}) {
        for (int round = 0; round < 16; ++round) {
            // The open counts of each programme, by the programme.
            std::vector<std::pair<Programme*, std::vector<std::size_t>>> open;
            for (const std::size_t f : checks) {
                Programme& p = ps.of(f);
                if (!(maximise ? high_open(p, f) : low_open(p, f)))
                    continue;
                if (maximise && !std::isfinite(bounds(m_figures[f], stage).second))
                    continue; // pushed up with the others, it would leave no point

                auto it = std::find_if(open.begin(), open.end(), [&](const auto& e) { return e.first == &p; });
                if (it == open.end())
                    it = open.insert(open.end(), {&p, {}});
                it->second.push_back(f);
            }
            std::size_t settled = 0, tried = 0;
            for (auto& [p, figures] : open) {
                if (figures.size() < 8) // a few: solved one by one
                    continue;
                p->push(figures, maximise);
                tried += figures.size();
                for (const std::size_t f : figures)
                    settled += (maximise ? high_open(*p, f) : low_open(*p, f)) ? 0u : 1u;
            }
            if (tried == 0 || settled * 8 < tried)
                break;
        }
    }
}

// The audit's checks are many, in blocks of thousands of figures: each
// still open after settle() is pushed down (then up) alone, the other
// open counts of its programme weighted a little beside it, so that each
// solve settles what it can of the others too. Only points are taken from
// these solves: a count they leave open is solved alone by check(), so
// which counts are breaches, and the range a reader can prove of each, do
// not depend on them.
void Protection::sweep(Programmes& ps, const std::vector<std::size_t>& checks, int stage) const
{
    const auto open = [&](Programme& p, std::size_t f, bool maximise) {
        return maximise ? p.high(f) < m_min_cell - 1 - k_lp_slack : p.low(f) > 1 + k_lp_slack;
    };
    for (const bool maximise : {false, true}) {
        // The counts that could be open on this side, by programme, in the order of `checks`.
        std::vector<std::pair<Programme*, std::vector<std::size_t>>> by_programme;
        absl::flat_hash_map<Programme*, std::size_t> index;
        for (const std::size_t f : checks) {
            Programme& p = ps.of(f);
            const auto [it, added] = index.try_emplace(&p, by_programme.size());
            if (added)
                by_programme.push_back({&p, {}});
            by_programme[it->second].second.push_back(f);
        }
        for (auto& [p, figures] : by_programme) {
            // A count with no upper bound of its own is pushed up only as
            // far as min_cell - 1, which is all a point need show of it:
            // without the cap the sum would have no maximum, and no point.
            std::vector<std::size_t> capped;
            if (maximise)
                for (const std::size_t f : figures)
                    if (open(*p, f, true) && !std::isfinite(bounds(m_figures[f], stage).second)) {
                        p->cap(f, m_min_cell - 1);
                        capped.push_back(f);
                    }
            std::vector<std::size_t> others;
            for (const std::size_t f : figures) {
                if (!open(*p, f, maximise))
                    continue;
                others.clear();
                for (const std::size_t g : figures)
                    if (g != f && open(*p, g, maximise))
                        others.push_back(g);
                if (others.empty())
                    break; // the last open count: check() solves it alone
                p->push_around(f, others, maximise);
            }
            for (const std::size_t f : capped)
                p->uncap(f);
        }
    }
}

// What a reader proves of `figure` from each of its relations alone, every
// other figure of the relation within what its display says, narrowed by
// each of that figure's other relations alone (when the relation has few
// figures a reader cannot see): a table's total less its shown rows, also
// when a hidden row is given back by another table. A breach found so is a
// breach of the linear programme too (each step is a consequence of its
// rows), and its proof, the relations whose bound alone is too narrow and
// those that narrowed their other figures, depends only on what is shown:
// not on any solver, nor on the order in which anything was solved.
std::optional<Protection::Check> Protection::local_breach(std::size_t figure, int stage) const
{
    const double inf = std::numeric_limits<double>::infinity();
    const auto base = [&](std::size_t g) {
        const auto b = bounds(m_figures[g], stage);
        return ProofSpan{b.first, b.second};
    };
    // The sign of `g` in `r`'s row: sum of parts - whole, 0 (>= 0 when the
    // whole is at most the sum).
    const auto sign = [](const Relation& r, std::size_t g) { return r.whole == g ? -1.0 : 1.0; };
    // What `r` alone proves of `target`, a figure of it, with span_of(g) for
    // each other figure g.
    const auto through = [&](const Relation& r, std::size_t target, const auto& span_of) {
        if (std::find(r.parts.begin(), r.parts.end(), r.whole) != r.parts.end())
            return ProofSpan{-inf, inf}; // a figure equal to itself (its parts all empty): says nothing
        double lo = 0, hi = 0; // the sum of the other terms
        const auto term = [&](std::size_t g) {
            if (g == target)
                return;
            const ProofSpan s = span_of(g);
            if (sign(r, g) > 0) {
                lo += s.lo;
                hi += s.hi;
            } else {
                lo -= s.hi;
                hi -= s.lo;
            }
        };
        term(r.whole);
        for (const std::size_t p : r.parts)
            term(p);
        const double row_hi = r.at_most ? inf : 0;
        return sign(r, target) > 0 ? ProofSpan{-hi, row_hi - lo} : ProofSpan{lo - row_hi, hi};
    };
    struct Narrowed {
        std::size_t figure;
        ProofSpan span;
        std::optional<std::uint32_t> by_lo, by_hi; // the relation that narrowed each side
    };
    std::vector<Narrowed> narrowed;
    const auto span_of = [&](std::size_t g) {
        for (const Narrowed& n : narrowed)
            if (n.figure == g)
                return n.span;
        return base(g);
    };
    const double need_lo = 1 + k_lp_slack, need_hi = m_min_cell - 1 - k_lp_slack;
    const ProofSpan own = base(figure);
    Check out{figure, own.lo, own.hi, {}};
    std::vector<std::uint32_t> proof; // relations
    for (const std::uint32_t r : m_relations_of[figure]) {
        const Relation& rel = m_relations[r];
        narrowed.clear();
        std::size_t unknown = 0;
        for_each_unknown(rel, stage, [&](std::size_t g) { unknown += g != figure ? 1 : 0; });
        if (unknown <= k_local_unknowns)
            for_each_unknown(rel, stage, [&](std::size_t g) {
                if (g == figure)
                    return;
                Narrowed n{g, base(g), std::nullopt, std::nullopt};
                for (const std::uint32_t other : m_relations_of[g]) {
                    if (other == r)
                        continue;
                    const ProofSpan s = through(m_relations[other], g, base);
                    if (s.lo > n.span.lo) {
                        n.span.lo = s.lo;
                        n.by_lo = other;
                    }
                    if (s.hi < n.span.hi) {
                        n.span.hi = s.hi;
                        n.by_hi = other;
                    }
                }
                narrowed.push_back(n);
            });
        const ProofSpan s = through(rel, figure, span_of);
        const auto prove = [&](bool low) {
            proof.push_back(r);
            for (const Narrowed& n : narrowed) {
                // The side of n the bound used: its most for the least of
                // `figure` when the two have the same sign in the row.
                const bool high = (sign(rel, figure) * sign(rel, n.figure) > 0) == low;
                if (const auto by = high ? n.by_hi : n.by_lo)
                    proof.push_back(*by);
            }
        };
        if (s.lo > need_lo)
            prove(true);
        if (s.hi < need_hi)
            prove(false);
        out.lo = std::max(out.lo, s.lo);
        out.hi = std::min(out.hi, s.hi);
    }
    if (out.lo <= need_lo && out.hi >= need_hi)
        return std::nullopt;
    std::sort(proof.begin(), proof.end());
    proof.erase(std::unique(proof.begin(), proof.end()), proof.end());
    for (const std::uint32_t r : proof) {
        out.pins.push_back(m_relations[r].whole);
        out.pins.insert(out.pins.end(), m_relations[r].parts.begin(), m_relations[r].parts.end());
    }
    return out;
}

// The figure to hide for a breach: of the shown figures its proof uses and
// that may be withheld, the one that costs readers least, then the
// smallest; when none of them may be, any such figure of its relations.
std::optional<std::size_t> Protection::complement(const Check& breach, int stage) const
{
    // A figure a relation equates with one shown that this stage may not
    // withhold (a month of the year's months table and the month's own
    // report, posted before) hides nothing.
    const auto pinned = [&](std::size_t i) {
        bool out = false;
        for_each_equal(i, stage, [&](std::size_t g) {
            const Figure& f = m_figures[g];
            out = out || (known(f, stage) && (f.fixed || f.shown_stage != stage));
        });
        return out;
    };
    const auto eligible = [&](std::size_t i) {
        const Figure& f = m_figures[i];
        return f.published && !f.fixed && f.shown_stage == stage && f.shown == CellShown::Shown &&
               f.value >= m_min_cell;
    };
    const auto better = [&](std::size_t x, std::size_t y) {
        const Figure &fx = m_figures[x], &fy = m_figures[y];
        if (fx.cost != fy.cost)
            return fx.cost < fy.cost;
        return fx.value != fy.value ? fx.value < fy.value : fx.key < fy.key;
    };
    // The best of `candidates` that is not pinned (rarely any is: each is
    // looked at only when it would be picked).
    const auto best = [&](std::vector<std::size_t> candidates) -> std::optional<std::size_t> {
        candidates.erase(std::remove_if(candidates.begin(), candidates.end(), [&](std::size_t i) { return !eligible(i); }),
                         candidates.end());
        while (!candidates.empty()) {
            const auto it = std::min_element(candidates.begin(), candidates.end(), better);
            if (!pinned(*it))
                return *it;
            candidates.erase(it);
        }
        return std::nullopt;
    };
    std::optional<std::size_t> pick = best(breach.pins);
    if (!pick) {
        std::vector<std::size_t> around;
        for (const auto r : m_relations_of[breach.figure]) {
            around.push_back(m_relations[r].whole);
            around.insert(around.end(), m_relations[r].parts.begin(), m_relations[r].parts.end());
        }
        pick = best(std::move(around));
    }
    return pick;
}

// When no shown figure of a breach's proof may be withheld (they are an
// earlier stage's, fixed), the "<N" it uses says too much: the figure is
// shown as "*" instead, which bounds nothing.
std::optional<std::size_t> Protection::widened(const Check& breach, int stage) const
{
    std::optional<std::size_t> pick;
    for (const auto i : breach.pins) {
        const Figure& f = m_figures[i];
        if (f.published && !f.fixed && f.shown_stage == stage && f.shown == CellShown::Below &&
            (!pick || f.key < m_figures[*pick].key))
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

void Protection::forget_shown()
{
    finish();
    for (auto& f : m_figures) {
        f.shown = CellShown::Shown;
        f.fixed = false;
    }
    m_observed.clear();
    m_ranges.clear();
}

void Protection::fix(CellId c, CellShown shown)
{
    Figure& f = m_figures.at(m_figure_of.at(c));
    f.shown = shown;
    f.fixed = true;
}

// The checks a stage may change: those joined, by figures a reader of the
// stage cannot see, to a relation of the stage or to a figure it may hide.
// Any other check is in a block of the stage before, unchanged since it
// was decided.
std::vector<std::size_t> Protection::touched(const std::vector<std::size_t>& checks, int stage) const
{
    std::vector<std::size_t> root(m_figures.size());
    std::iota(root.begin(), root.end(), 0);
    const auto find = [&](std::size_t f) {
        while (root[f] != f)
            f = root[f] = root[root[f]];
        return f;
    };
    std::vector<char> seed(m_figures.size(), 0);
    for (const Relation& r : m_relations) {
        if (!present(r.stage, stage))
            continue;
        // New at this stage: not there at the one before, nor a relation of
        // an earlier layer (whose last stage had every posting of it).
        bool new_here = !present(r.stage, stage - 1) && layer(r.stage) == layer(stage);
        std::optional<std::size_t> first;
        const auto visit = [&](std::size_t f) {
            new_here = new_here || m_figures[f].shown_stage == stage;
            if (!known(m_figures[f], stage)) {
                if (first)
                    root[find(f)] = find(*first);
                else
                    first = f;
            }
        };
        visit(r.whole);
        for (const std::size_t p : r.parts)
            visit(p);
        if (new_here && first)
            seed[*first] = 1;
    }
    std::vector<char> reached(m_figures.size(), 0);
    for (std::size_t f = 0; f < m_figures.size(); ++f)
        if (seed[f])
            reached[find(f)] = 1;
    std::vector<std::size_t> out;
    for (const std::size_t c : checks)
        if (reached[find(c)])
            out.push_back(c);
    return out;
}

template <class F>
void Protection::for_each_equal(std::size_t figure, int stage, F&& f) const
{
    std::vector<std::size_t> todo{figure}, seen{figure};
    while (!todo.empty()) {
        const std::size_t i = todo.back();
        todo.pop_back();
        for (const auto r : m_relations_of[i]) {
            const Relation& rel = m_relations[r];
            if (rel.parts.size() != 1 || rel.at_most || !present(rel.stage, stage))
                continue;
            const std::size_t g = rel.whole == i ? rel.parts.front() : rel.whole;
            if (std::find(seen.begin(), seen.end(), g) != seen.end())
                continue;
            seen.push_back(g);
            todo.push_back(g);
            f(g);
        }
    }
}

void Protection::suppress(int first_stage)
{
    suppress_primary_only();
    const std::vector<std::vector<std::uint32_t>> all_relations_of = m_relations_of;
    for (int stage = first_stage; stage <= last_stage(); ++stage) {
        // The relations of this stage and earlier ones: a later stage's
        // figures are not published yet, and what is decided here must not
        // depend on them.
        for (std::size_t f = 0; f < m_figures.size(); ++f) {
            m_relations_of[f].clear();
            for (const std::uint32_t r : all_relations_of[f])
                if (present(m_relations[r].stage, stage))
                    m_relations_of[f].push_back(r);
        }
        const std::vector<std::size_t> checks =
            stage == first_stage ? checks_at(stage) : touched(checks_at(stage), stage);
        Programmes* solved = nullptr; // once the programmes are made: told of each figure hidden
        // Hides what a breach's proof uses: the cheapest shown figure that
        // may be withheld, else the "<N" it uses, shown as "*" instead.
        const auto hide = [&](const Check& breach) {
            if (const auto h = complement(breach, stage)) {
                // With every figure equal to it by a relation: one shown
                // would give it back.
                std::vector<std::size_t> hidden{*h};
                for_each_equal(*h, stage, [&](std::size_t g) {
                    const Figure& f = m_figures[g];
                    if (f.published && !f.fixed && f.shown_stage == stage && f.shown == CellShown::Shown)
                        hidden.push_back(g);
                });
                for (const std::size_t g : hidden) {
                    m_figures[g].shown = CellShown::Withheld;
                    if (solved)
                        solved->withheld(g);
                }
            } else if (const auto w = widened(breach, stage)) {
                m_figures[*w].shown = CellShown::Withheld;
                if (solved)
                    solved->widened(*w);
            } else {
                return false;
            }
            return true;
        };
        // First what a local proof shows (local_breach()), one count at a
        // time in a fixed order: what is hidden for it depends only on what
        // is shown. Hiding a figure only widens what a reader can prove, so
        // a count once protected stays protected.
        for (const std::size_t i : checks)
            while (is_check(m_figures[i], stage)) {
                const auto breach = local_breach(i, stage);
                if (!breach || !hide(*breach))
                    break;
            }
        // Then the whole programme of each block, for what only several
        // relations together prove: the counts are pushed down and up
        // together (settle(), sweep()), and a count no point shows open is
        // solved alone. Which counts are breaches does not depend on how
        // the points were found; a breach found here is hidden for by the
        // relations of the solver's proof.
        Programmes ps(*this, stage);
        solved = &ps;
        settle(ps, checks, stage);
        sweep(ps, checks, stage);
        for (const std::size_t i : checks) {
            if (!is_check(m_figures[i], stage)) // shown as "*" since: nothing to protect
                continue;
            while (const auto breach = check(ps, i, false))
                if (!hide(*breach))
                    break;
        }
    }
    m_relations_of = all_relations_of;
    prove_ranges();
}

std::vector<Breach> Protection::audit() const
{
    std::vector<Breach> out;
    for (const Check& c : failing(last_stage())) {
        Breach b{m_figures[c.figure].key, m_figures[c.figure].value, c.lo, c.hi, {}};
        for (const std::size_t p : c.pins)
            if (m_figures[p].shown == CellShown::Shown && m_figures[p].published)
                b.pinned_by.push_back(m_figures[p].key);
        std::sort(b.pinned_by.begin(), b.pinned_by.end());
        b.pinned_by.erase(std::unique(b.pinned_by.begin(), b.pinned_by.end()), b.pinned_by.end());
        out.push_back(std::move(b));
    }
    return out;
}

std::size_t Protection::relations_broken() const
{
    std::size_t out = 0;
    for (const auto& r : m_relations) {
        std::int64_t sum = 0;
        for (const auto p : r.parts)
            sum += m_figures[p].value;
        const std::int64_t whole = m_figures[r.whole].value;
        out += (r.at_most ? whole > sum : whole != sum) ? 1 : 0;
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



