#pragma once
// `pthv rollup REPO...` (docs/reports.md, state roll-up): one report over
// many district repos, each loaded with its own pthv.yaml and reported as
// `pthv report` would (the same compute_figures), then a row per district
// and the state totals. A repo that could not be loaded is a row with its
// error. Beside the headline, each row has its fidelity, validate's
// findings, money and surveys (RollupParts). Each district's training
// sessions (sessions.csv) are counted too: held and planned as of the
// as-of date, and the trainings held ones hold.
//
// In public, each district's figures are those of its own public report,
// and each state total adds only the districts that show that figure (a
// share: that show both its counts), saying how many it leaves out. So a
// total is worked out from published figures alone, and no total minus
// the districts' own reports gives back a hidden count.

#include <map>
#include <string>
#include <vector>

#include <pthv/report/figures.hpp>
#include <pthv/report/tables.hpp>

namespace pthv::report {

// Training sessions of sessions.csv: sessions are not people, so their
// counts are never suppressed; the trainings they hold are.
struct SessionTotals {
    Count held, planned; // sessions dated on or before, or after, the as-of date
    Count trained;       // trainings naming a held session; in public withheld
                         // when the district's report hides one of them
};

// validate's findings of the whole repo (rules::tally, tally_by_rule), as
// `pthv validate` and `pthv review` count them. A public report gives
// errors and warnings only: a rule's count is a count of visits that fall
// short, which public fidelity shows as a bound, so `detail_given` is false
// there and reviewed and by_rule are not given.
struct FindingCounts {
    Count errors, warnings; // as finding_count() shows them; the state's sums the shown ones
    std::size_t reviewed = 0;
    std::map<std::string, std::size_t> by_rule; // reviewed findings included
    bool detail_given = true;
};

// The parts of a district's report the state reads beside its headline
// (docs/reports.md, the roll-up): each is the district's own figure (in
// public, as its public report shows it) and, in Rollup, the state's.
// A new part is a member here, a line in district_parts and sum_parts
// (rollup_parts.cpp), its table and its JSON.
struct RollupParts {
    FidelityRow fidelity;         // the district's row of report --table fidelity
    FindingCounts findings;
    std::vector<FundingRow> money; // the report's money rows, one per funding source
    SurveyFigures surveys;         // questions, and rows: the district's only (none: no surveys.csv)
    // The subgroups table's rows of the whole district (reports.subgroups;
    // none without). The state's: a row per subgroup and value that some
    // district gives, adding the districts that show each figure; a
    // district that does not name the subgroup is left out of its rows.
    std::vector<SubgroupRow> subgroups;
};

struct DistrictFigures {
    std::string district; // pthv.yaml's district, else the folder's name
    std::string repo;     // as given on the command line
    std::string error;    // set: could not be loaded, or in public does not publish the period (no figures)
    model::Period period{};
    Summary total;        // the district's headline figures
    Census census;        // its census row (virtual_share: its virtual visits over its visits)
    SessionTotals sessions;
    RollupParts parts;
    // What its own report's banner says: findings about the period's
    // records, and whether rows or cells could not be read.
    std::size_t period_errors = 0, period_warnings = 0, cells_unread = 0;
    bool rows_left_out = false;
    int min_cell = 10;
};

struct Rollup {
    std::string period_text; // --period as given
    model::Date as_of;
    bool is_public = false;
    std::vector<DistrictFigures> districts; // in the order given
    // Sums over the districts that loaded and show the figure; a total that
    // no district shows is withheld (no value). Census: school_year empty.
    Summary total;
    Census census;
    SessionTotals sessions;
    // Fidelity: summed visits and shortfalls over the districts showing each
    // practice's share exactly; findings: every district's; money: a row per
    // source name, over the districts showing its spending (a total none
    // shows is withheld); surveys: per question name, over the districts
    // showing its share.
    RollupParts parts;
    std::size_t failed = 0;
    // By figure key, as JSON and CSV name it ("completed_visits",
    // "coverage_pct", "staff_visiting", ...): how many of the districts that
    // loaded its total leaves out, the figure being hidden in their own
    // public report. Every key of the totals is here (0 outside public);
    // the parts' under dotted keys: "fidelity.CP1_meeting_pct",
    // "findings.reviewed", "money.<source>", "surveys.responses",
    // "surveys.<question>.answered", "surveys.<question>.favourable_pct",
    // "subgroups.<subgroup>.<value>.students_enrolled" (and students_visited,
    // families_reached, coverage_pct).
    std::map<std::string, std::size_t> left_out;

    std::size_t loaded() const { return districts.size() - failed; }
    std::size_t left_out_of(const std::string& key) const;
};

// The district's row from its report figures (in public, its public ones)
// and every finding rules::check_repo gave (the loader's included).
DistrictFigures district_figures(const Figures& f, const model::Problems& findings, const std::string& repo);

// The parts of one district's row (rollup_parts.cpp), and their state sums.
RollupParts district_parts(const Figures& f, const model::Problems& findings);
void sum_parts(Rollup& r);
// The parts' tables, a row per district (and per source, rule or question)
// then the state's: fidelity, findings, findings_by_rule, money, surveys.
std::vector<Table> parts_tables(const Rollup& r);
// The names of every roll-up table, for rollup --table: districts first.
const std::vector<std::string>& rollup_table_names();

// Sums the districts into the state totals: each total only over the
// districts that show the figure, with the count of those it leaves out.
Rollup make_rollup(std::vector<DistrictFigures> districts, const std::string& period_text, model::Date as_of,
                   bool is_public);

// The roll-up as a document of tables: districts (figures and census),
// and the repos that could not be loaded; then the state's totals and, in
// public, how many districts each leaves out.
Document rollup_document(const Rollup& r);

std::string render_rollup_json(const Rollup& r);
// text, md, html (a state dashboard: the tables, a chart of coverage by
// district, no script) or csv (the tidy table named `table`, of
// rollup_table_names; empty: districts).
std::string render_rollup(const Rollup& r, const std::string& format, const std::string& table = "");

} // namespace pthv::report
