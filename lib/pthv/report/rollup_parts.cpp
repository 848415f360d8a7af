// The parts of the state's roll-up beside the headline (docs/reports.md,
// the roll-up): fidelity, findings, money and surveys, each per district as
// its own report gives it and summed for the state. In public a total adds
// only the districts whose own public report shows that figure exactly, so
// no total less the districts' reports gives back a hidden count.

#include <pthv/report/rollup_detail.hpp>

#include <algorithm>
#include <iterator>
#include <tuple>

#include <pthv/rules/registry.hpp>

namespace pthv::report {

namespace rollup_detail {

bool cell_hidden(const Cell& c)
{
    switch (c.kind) {
    case Cell::Kind::CountOf:
        return c.count.hidden();
    case Cell::Kind::ShareOf:
        return c.share.shown != ShareShown::Exact && c.share.shown != ShareShown::None;
    case Cell::Kind::MoneyOf:
        return c.withheld;
    case Cell::Kind::Suppressed:
        return true;
    default:
        return false;
    }
}

void add_district_row(Table& t, const std::vector<Cell>& row, std::size_t first_figure)
{
    std::string left_out;
    for (std::size_t i = first_figure; i < row.size(); ++i)
        if (cell_hidden(row[i]))
            left_out += (left_out.empty() ? "" : ";") + t.keys[i];
    t.add(row);
    t.tidy.back().push_back(TidyValue{left_out});
}

} // namespace rollup_detail

namespace {

using rollup_detail::share_shown;
using rollup_detail::sum_shown;

using rollup_detail::k_cp_keys;

void sum_fidelity(Rollup& r)
{
    FidelityRow& t = r.parts.fidelity;
    t.name = "state";
    t.visits = sum_shown(
        r.districts,
        [](const DistrictFigures& d) -> const Count& { return d.parts.fidelity.visits; },
        r.left_out["fidelity.visits"]);
    // Recomputed from the summed visits and shortfalls of the districts
    // that show the practice's share exactly: never an average of shares.
    for (std::size_t k = 0; k < k_practices; ++k) {
        t.meeting[k] = share_shown(
            r.districts,
            [k](const DistrictFigures& d) -> const Share& { return d.parts.fidelity.meeting[k]; },
            r.left_out[std::string("fidelity.") + k_cp_keys[k]]);
        t.short_of[k] = Count{t.meeting[k].den - t.meeting[k].num, Shown::Exact};
    }
}

void sum_findings(Rollup& r)
{
    FindingCounts& t = r.parts.findings;
    t.detail_given = false;
    std::size_t& left_out = r.left_out["findings.reviewed"];
    r.left_out["findings.errors"] = 0;
    r.left_out["findings.warnings"] = 0;
    for (const auto& d : r.districts) {
        if (!d.error.empty())
            continue;
        const FindingCounts& f = d.parts.findings;
        // A total of the shown figures only, and how many it leaves out:
        // the state less the districts' own reports gives back no hidden count.
        for (auto [total, part, key] : {std::tuple{&t.errors, &f.errors, "findings.errors"},
                                        std::tuple{&t.warnings, &f.warnings, "findings.warnings"}}) {
            if (part->hidden())
                ++r.left_out[key];
            else
                total->value += part->value;
        }
        if (!f.detail_given) {
            ++left_out;
            continue;
        }
        t.detail_given = true;
        t.reviewed += f.reviewed;
        for (const auto& [rule, n] : f.by_rule)
            t.by_rule[rule] += n;
    }
    r.left_out["findings.by_rule"] = left_out;
}

// A row per source name, in the order the districts first name them; each
// adds the districts whose own report shows that source's spending.
void sum_money(Rollup& r)
{
    auto& rows = r.parts.money;
    std::vector<std::size_t> shown;
    for (const auto& d : r.districts) {
        if (!d.error.empty())
            continue;
        for (const FundingRow& m : d.parts.money) {
            auto it = std::find_if(rows.begin(), rows.end(),
                                   [&](const FundingRow& x) { return x.source == m.source; });
            if (it == rows.end()) {
                FundingRow row;
                row.source = m.source;
                rows.push_back(std::move(row));
                shown.push_back(0);
                it = std::prev(rows.end());
            }
            const auto i = static_cast<std::size_t>(it - rows.begin());
            std::size_t& left_out = r.left_out["money." + m.source]; // every source has its count
            if (m.withheld) {
                ++left_out;
                continue;
            }
            ++shown[i];
            it->budget += m.budget;
            it->closed += m.closed;
            it->pending += m.pending;
            it->left += m.left;
        }
    }
    for (std::size_t i = 0; i < rows.size(); ++i)
        rows[i].withheld = shown[i] == 0;
}

const Count k_no_count{};
const Share k_no_share{0, 0, ShareShown::None, 0};

// The district's answers to a question by name (none: it does not ask it).
const SurveyQuestion* question_of(const DistrictFigures& d, const std::string& name)
{
    const SurveyFigures& s = d.parts.surveys;
    if (s.rows.empty())
        return nullptr;
    const auto it = std::find(s.questions.begin(), s.questions.end(), name);
    const auto q = static_cast<std::size_t>(it - s.questions.begin());
    return q < s.rows.front().questions.size() ? &s.rows.front().questions[q] : nullptr;
}

void sum_surveys(Rollup& r)
{
    SurveyFigures& t = r.parts.surveys;
    for (const auto& d : r.districts) {
        if (!d.error.empty() || d.parts.surveys.rows.empty())
            continue;
        t.present = true;
        for (const auto& q : d.parts.surveys.questions)
            if (std::find(t.questions.begin(), t.questions.end(), q) == t.questions.end())
                t.questions.push_back(q);
    }
    if (!t.present)
        return;
    const auto row_of = [](const DistrictFigures& d) -> const SurveyRow* {
        return d.parts.surveys.rows.empty() ? nullptr : &d.parts.surveys.rows.front();
    };
    SurveyRow total;
    total.name = "state";
    total.responses = sum_shown(
        r.districts,
        [&](const DistrictFigures& d) -> const Count& {
            return row_of(d) ? row_of(d)->responses : k_no_count;
        },
        r.left_out["surveys.responses"]);
    total.response_rate = share_shown(
        r.districts,
        [&](const DistrictFigures& d) -> const Share& {
            return row_of(d) ? row_of(d)->response_rate : k_no_share;
        },
        r.left_out["surveys.response_rate_pct"]);
    for (const auto& name : t.questions) {
        SurveyQuestion q;
        q.answered = sum_shown(
            r.districts,
            [&](const DistrictFigures& d) -> const Count& {
                const SurveyQuestion* x = question_of(d, name);
                return x ? x->answered : k_no_count;
            },
            r.left_out["surveys." + name + ".answered"]);
        q.favourable_share = share_shown(
            r.districts,
            [&](const DistrictFigures& d) -> const Share& {
                const SurveyQuestion* x = question_of(d, name);
                return x ? x->favourable_share : k_no_share;
            },
            r.left_out["surveys." + name + ".favourable_pct"]);
        q.favourable = Count{q.favourable_share.num, Shown::Exact};
        total.questions.push_back(q);
    }
    t.rows.push_back(std::move(total));
}

// A row per subgroup and value, in the order the districts first give
// them; each adds the districts that name the subgroup (one that names it
// but has no student of the value adds 0), and of those, for each figure,
// only the ones whose own report shows it (the others are left out).
void sum_subgroups(Rollup& r)
{
    auto& rows = r.parts.subgroups;
    for (const auto& d : r.districts)
        if (d.error.empty())
            for (const SubgroupRow& x : d.parts.subgroups)
                if (std::none_of(rows.begin(), rows.end(), [&](const SubgroupRow& y) {
                        return y.subgroup == x.subgroup && y.value == x.value;
                    })) {
                    SubgroupRow row;
                    row.subgroup = x.subgroup;
                    row.value = x.value;
                    row.name = "state";
                    row.whole = true;
                    rows.push_back(std::move(row));
                }
    for (SubgroupRow& row : rows) {
        const std::string key = "subgroups." + row.subgroup + "." + row.value + ".";
        std::size_t& enrolled_out = r.left_out[key + "students_enrolled"];
        std::size_t& visited_out = r.left_out[key + "students_visited"];
        std::size_t& families_out = r.left_out[key + "families_reached"];
        std::size_t& coverage_out = r.left_out[key + "coverage_pct"];
        std::int64_t num = 0, den = 0;
        for (const auto& d : r.districts) {
            if (!d.error.empty() || std::none_of(d.parts.subgroups.begin(), d.parts.subgroups.end(),
                                                 [&](const SubgroupRow& x) { return x.subgroup == row.subgroup; }))
                continue; // it does not name the subgroup
            ++row.districts;
            const auto x = std::find_if(d.parts.subgroups.begin(), d.parts.subgroups.end(), [&](const SubgroupRow& y) {
                return y.subgroup == row.subgroup && y.value == row.value;
            });
            if (x == d.parts.subgroups.end())
                continue; // no student of the value: 0
            const auto add = [](Count& total, const Count& c, std::size_t& out) {
                if (c.hidden())
                    ++out;
                else
                    total.value += c.value;
            };
            add(row.enrolled, x->enrolled, enrolled_out);
            add(row.visited, x->visited, visited_out);
            add(row.families, x->families, families_out);
            if (x->coverage.shown == ShareShown::Exact || x->coverage.shown == ShareShown::None) {
                num += x->coverage.num;
                den += x->coverage.den;
            } else {
                ++coverage_out;
            }
        }
        for (auto [count, out] : {std::pair<Count*, std::size_t>{&row.enrolled, enrolled_out},
                                  {&row.visited, visited_out},
                                  {&row.families, families_out}})
            if (out == row.districts && out > 0)
                count->shown = Shown::Withheld; // no district shows it
        row.coverage = share_of(Count{num, Shown::Exact}, Count{den, Shown::Exact});
    }
    // Representation from the state's rows, where no district that names
    // the subgroup is left out of any of its values.
    for (SubgroupRow& row : rows) {
        std::int64_t visited = 0, enrolled = 0;
        bool whole = true;
        for (const SubgroupRow& x : rows)
            if (x.subgroup == row.subgroup) {
                visited += x.visited.value;
                enrolled += x.enrolled.value;
                for (const char* name : {"students_enrolled", "students_visited"})
                    whole = whole && r.left_out_of("subgroups." + x.subgroup + "." + x.value + "." + name) == 0;
            }
        if (whole && row.enrolled.value > 0 && visited > 0)
            row.representation_hundredths =
                (2 * row.visited.value * enrolled * 100 + visited * row.enrolled.value) / (2 * visited * row.enrolled.value);
    }
}

} // namespace

RollupParts district_parts(const Figures& f, const model::Problems& findings)
{
    RollupParts p;
    if (!f.fidelity.empty())
        p.fidelity = f.fidelity.front();
    // As `pthv validate` counts them: the same findings, the same tally.
    const rules::Tally t = rules::tally(findings);
    p.findings.errors = finding_count(t.errors, f.is_public, f.min_cell);
    p.findings.warnings = finding_count(t.warnings, f.is_public, f.min_cell);
    p.findings.detail_given = !f.is_public;
    if (p.findings.detail_given) {
        p.findings.reviewed = t.reviewed;
        p.findings.by_rule = rules::tally_by_rule(findings);
    }
    p.money = f.money;
    if (f.surveys.present && !f.surveys.rows.empty()) {
        p.surveys.present = true;
        p.surveys.questions = f.surveys.questions;
        p.surveys.rows.push_back(f.surveys.rows.front());
    }
    for (const SubgroupRow& x : f.subgroups.rows)
        if (x.whole)
            p.subgroups.push_back(x);
    return p;
}

void sum_parts(Rollup& r)
{
    sum_fidelity(r);
    sum_findings(r);
    sum_money(r);
    sum_surveys(r);
    sum_subgroups(r);
}

} // namespace pthv::report
