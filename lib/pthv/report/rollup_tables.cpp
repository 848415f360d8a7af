// The roll-up's parts as tables (rollup_parts.cpp computes them): a row per
// district, then the state's rows for people, and in public a "left out"
// row saying how many districts each state figure leaves out. Tidy CSV has
// the districts' rows only, each naming in left_out_of_total the figures
// the state's totals leave out of it.

#include <pthv/report/rollup_detail.hpp>

#include <fmt/format.h>

namespace pthv::report {

namespace {

using rollup_detail::add_district_row;
using rollup_detail::k_cp_keys;

const char* const k_public_totals = "; state: each total adds only the districts whose own public "
                                    "report shows that figure exactly (a bound such "
                                    "as >=99.1% or a count shown as <N or * is left out of it); "
                                    "left out: how many districts it leaves out";

Table part_table(std::string name, std::string title,
                 const std::vector<std::pair<const char*, const char*>>& columns,
                 std::size_t text_columns)
{
    Table t;
    t.name = std::move(name);
    t.title = std::move(title);
    for (const auto& [people, key] : columns) {
        t.header.emplace_back(people);
        t.keys.emplace_back(key);
        t.numeric.push_back(t.header.size() > text_columns);
    }
    t.keys.emplace_back("left_out_of_total");
    return t;
}

// The districts that loaded, each with its own min_cell for "<N".
template <class Row> void each_district(const Rollup& r, Table& t, Row row)
{
    for (const auto& d : r.districts)
        if (d.error.empty()) {
            t.min_cell = d.min_cell;
            row(d);
        }
}

Cell total_cell(const Count& c)
{
    return c.hidden() ? Cell::missing() : Cell::of(c);
}

Cell left_cell(const Rollup& r, const std::string& key)
{
    return Cell::num(static_cast<std::int64_t>(r.left_out_of(key)));
}

std::string source_name(const std::string& source)
{
    return source.empty() ? "(no source)" : source;
}

Table fidelity_table(const Rollup& r)
{
    Table t =
        part_table("fidelity",
                   "Fidelity to the core practices by district (share of completed visits with no "
                   "finding)",
                   {{"district", "district"},
                    {"visits", "visits"},
                    {"CP1", k_cp_keys[0]},
                    {"CP2", k_cp_keys[1]},
                    {"CP3", k_cp_keys[2]},
                    {"CP4", k_cp_keys[3]},
                    {"CP5", k_cp_keys[4]}},
                   1);
    const auto cells = [](std::string name, const FidelityRow& f, Cell visits) {
        std::vector<Cell> row = {Cell::of(std::move(name)), std::move(visits)};
        for (const auto& s : f.meeting)
            row.push_back(Cell::of(s));
        return row;
    };
    each_district(r, t, [&](const DistrictFigures& d) {
        add_district_row(t, cells(d.district, d.parts.fidelity, Cell::of(d.parts.fidelity.visits)),
                         1);
    });
    t.add(cells("state", r.parts.fidelity, total_cell(r.parts.fidelity.visits)), RowFor::People);
    if (r.is_public) {
        std::vector<Cell> left = {Cell::of("left out"), left_cell(r, "fidelity.visits")};
        for (const char* key : k_cp_keys)
            left.push_back(left_cell(r, std::string("fidelity.") + key));
        t.add(left, RowFor::People);
    }
    // A public output names no command: it is read by people with no terminal.
    t.note = std::string(r.is_public ? "each district's fidelity as its public report gives it"
                                     : "each district's row of its report --table fidelity") +
             "; state: visits adds every district's, and each practice's share is worked out "
             "again from the summed visits and visits falling short of the districts it adds, not "
             "averaged";
    if (r.is_public)
        t.note += k_public_totals;
    return t;
}

std::vector<Table> findings_tables(const Rollup& r)
{
    std::vector<std::pair<const char*, const char*>> columns = {
        {"district", "district"}, {"errors", "errors"}, {"warnings", "warnings"}};
    if (!r.is_public)
        columns.push_back({"reviewed", "reviewed"});
    Table t = part_table("findings",
                         r.is_public ? "Findings of the data check by district"
                                     : "Findings of pthv validate by district",
                         columns, 1);
    const auto cells = [&](std::string name, const FindingCounts& f) {
        std::vector<Cell> row = {Cell::of(std::move(name)),
                                 Cell::of(f.errors), Cell::of(f.warnings)};
        if (!r.is_public)
            row.push_back(Cell::num(static_cast<std::int64_t>(f.reviewed)));
        return row;
    };
    each_district(r, t, [&](const DistrictFigures& d) {
        add_district_row(t, cells(d.district, d.parts.findings), 1);
    });
    t.add(cells("state", r.parts.findings), RowFor::People);
    if (r.is_public)
        t.add({Cell::of("left out"), left_cell(r, "findings.errors"), left_cell(r, "findings.warnings")},
              RowFor::People);
    t.note = r.is_public ? "every finding of the data check of the district's records as of the "
                           "as-of date, as its public report counts them (from 1 to min_cell - 1 "
                           "as <N: most findings are visits falling short of a practice)" +
                               std::string(k_public_totals)
                         : "every finding of the whole repo as of the as-of date, as pthv validate "
                           "counts them: a reviewed finding (reviews.csv) counts only as reviewed";
    Table b = part_table("findings_by_rule", "Findings by rule and district",
                         {{"district", "district"}, {"rule", "rule"}, {"findings", "findings"}}, 2);
    if (r.is_public) {
        t.note += "; reviewed findings and findings by rule are not given in public: a rule's "
                  "count is a count of "
                  "visits falling short of a practice, which a public report shows only as a bound";
        b.note = "not given in public (see the findings table)";
        return {t, b};
    }
    each_district(r, b, [&](const DistrictFigures& d) {
        for (const auto& [rule, n] : d.parts.findings.by_rule)
            add_district_row(
                b, {Cell::of(d.district), Cell::of(rule), Cell::num(static_cast<std::int64_t>(n))},
                2);
    });
    for (const auto& [rule, n] : r.parts.findings.by_rule)
        b.add({Cell::of("state"), Cell::of(rule), Cell::num(static_cast<std::int64_t>(n))},
              RowFor::People);
    b.note = "reviewed findings included; pthv explain RULE says what a rule checks";
    return {t, b};
}

Table money_table(const Rollup& r)
{
    Table t = part_table("money", "Spending against each funding source by district",
                         {{"district", "district"},
                          {"source", "source"},
                          {"budget", "budget"},
                          {"paid (closed)", "paid_closed"},
                          {"owed (open)", "owed_open"},
                          {"left", "left"}},
                         2);
    const auto cells = [](std::string name, const FundingRow& m, bool budget_withheld) {
        return std::vector<Cell>{Cell::of(std::move(name)),
                                 m.source.empty() ? Cell::of("(no source)", "")
                                                  : Cell::of(m.source),
                                 Cell::of(m.budget, budget_withheld),
                                 Cell::of(m.closed, m.withheld),
                                 Cell::of(m.pending, m.withheld),
                                 Cell::of(m.left, m.withheld)};
    };
    each_district(r, t, [&](const DistrictFigures& d) {
        for (const auto& m : d.parts.money)
            add_district_row(t, cells(d.district, m, false), 2);
    });
    for (const auto& m : r.parts.money) {
        t.add(cells("state", m, m.withheld), RowFor::People);
        if (r.is_public) {
            const Cell n = left_cell(r, "money." + m.source);
            t.add({Cell::of("left out"), Cell::of(source_name(m.source)), n, n, n, n},
                  RowFor::People);
        }
    }
    t.note = "each district's money table: paid and owed dated in the period, left the budget less "
             "all spending up to "
             "the period's end; state: a row per source name, adding the districts that fund from "
             "a source so named";
    if (r.is_public)
        t.note += "; state: each row adds only the districts whose public report shows that "
                  "source's spending (* "
                  "there: withheld so that no spending gives back a small count); left out: how "
                  "many it leaves out";
    return t;
}

Table surveys_table(const Rollup& r)
{
    Table t = part_table("surveys", "Family surveys by district (favourable: answered 4 or 5 of 5)",
                         {{"district", "district"},
                          {"question", "question"},
                          {"responses", "responses"},
                          {"answered", "answered"},
                          {"favourable", "favourable_pct"}},
                         2);
    const auto rows = [&](const std::string& name, const SurveyFigures& s, bool state) {
        if (s.rows.empty())
            return;
        const SurveyRow& row = s.rows.front();
        for (std::size_t q = 0; q < s.questions.size() && q < row.questions.size(); ++q) {
            std::vector<Cell> cells = {Cell::of(name), Cell::of(s.questions[q]),
                                       state ? total_cell(row.responses) : Cell::of(row.responses),
                                       state ? total_cell(row.questions[q].answered)
                                             : Cell::of(row.questions[q].answered),
                                       Cell::of(row.questions[q].favourable_share)};
            if (state)
                t.add(cells, RowFor::People);
            else
                add_district_row(t, cells, 2);
            if (state && r.is_public)
                t.add({Cell::of("left out"), Cell::of(s.questions[q]),
                       left_cell(r, "surveys.responses"),
                       left_cell(r, "surveys." + s.questions[q] + ".answered"),
                       left_cell(r, "surveys." + s.questions[q] + ".favourable_pct")},
                      RowFor::People);
        }
    };
    each_district(r, t,
                  [&](const DistrictFigures& d) { rows(d.district, d.parts.surveys, false); });
    rows("state", r.parts.surveys, true);
    t.note = r.parts.surveys.present
                 ? "each district's surveys.csv responses dated in the period, as its report gives "
                   "them; state: a "
                   "question's share worked out again from the districts' answers, not averaged"
                 : "no district has survey responses for the period";
    if (r.is_public && r.parts.surveys.present)
        t.note += k_public_totals;
    return t;
}

// A row per district and subgroup value, then the state's.
Table subgroups_table(const Rollup& r)
{
    Table t = part_table("subgroups", "Reach by subgroup, by district",
                         {{"district", "district"},
                          {"subgroup", "subgroup"},
                          {"value", "value"},
                          {"enrolled", "students_enrolled"},
                          {"visited", "students_visited"},
                          {"coverage", "coverage_pct"},
                          {"families", "families_reached"},
                          {"representation", "representation"}},
                         3);
    const auto rows = [&](const std::string& name, const std::vector<SubgroupRow>& list, bool state) {
        for (const SubgroupRow& x : list) {
            std::vector<Cell> cells = {Cell::of(name),
                                       Cell::of(x.subgroup),
                                       Cell::of(x.value),
                                       state ? total_cell(x.enrolled) : Cell::of(x.enrolled),
                                       state ? total_cell(x.visited) : Cell::of(x.visited),
                                       Cell::of(x.coverage),
                                       state ? total_cell(x.families) : Cell::of(x.families),
                                       x.representation_hundredths
                                           ? Cell::decimal(hundredths_str(*x.representation_hundredths))
                                           : Cell::missing()};
            if (!state) {
                add_district_row(t, cells, 3);
                continue;
            }
            t.add(cells, RowFor::People);
            if (r.is_public) {
                const std::string key = "subgroups." + x.subgroup + "." + x.value + ".";
                t.add({Cell::of("left out"), Cell::of(x.subgroup), Cell::of(x.value),
                       left_cell(r, key + "students_enrolled"), left_cell(r, key + "students_visited"),
                       left_cell(r, key + "coverage_pct"), left_cell(r, key + "families_reached"), Cell::missing()},
                      RowFor::People);
            }
        }
    };
    each_district(r, t, [&](const DistrictFigures& d) { rows(d.district, d.parts.subgroups, false); });
    rows("state", r.parts.subgroups, true);
    t.note = r.parts.subgroups.empty()
                 ? "no district names subgroups (reports.subgroups)"
                 : "each district's subgroups as its report gives them; state: a row per subgroup and value, adding "
                   "only the districts that name the subgroup; representation: the group's share of students visited "
                   "over its share of those enrolled, where no such district is left out";
    if (r.is_public && !r.parts.subgroups.empty())
        t.note += k_public_totals;
    return t;
}

} // namespace

std::vector<Table> parts_tables(const Rollup& r)
{
    std::vector<Table> out;
    out.push_back(fidelity_table(r));
    for (auto& t : findings_tables(r))
        out.push_back(std::move(t));
    out.push_back(money_table(r));
    out.push_back(surveys_table(r));
    out.push_back(subgroups_table(r));
    return out;
}

const std::vector<std::string>& rollup_table_names()
{
    static const std::vector<std::string> k_names = {"districts",        "fidelity", "findings",
                                                     "findings_by_rule", "money",    "surveys", "subgroups"};
    return k_names;
}

} // namespace pthv::report
