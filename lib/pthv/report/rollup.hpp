#pragma once
// `pthv rollup REPO...` (docs/reports.md, state roll-up): one report over
// many district repos, each loaded with its own pthv.yaml and reported as
// `pthv report` would (the same compute_figures), then a row per district
// and the state totals. A repo that could not be loaded is a row with its
// error. Each district's training sessions (sessions.csv) are counted too:
// held and planned as of the as-of date, and the trainings held ones hold.

#include <string>
#include <vector>

#include <pthv/report/figures.hpp>
#include <pthv/report/tables.hpp>

namespace pthv::report {

// Training sessions of sessions.csv: sessions are not people, so their
// counts are never suppressed; the trainings they hold are.
struct SessionTotals {
    Count held, planned; // sessions dated on or before, or after, the as-of date
    Count trained;       // trainings naming a held session
};

struct DistrictFigures {
    std::string district; // pthv.yaml's district, else the folder's name
    std::string repo;     // as given on the command line
    std::string error;    // set: could not be loaded (no figures)
    model::Period period{};
    Summary total;        // the district's headline figures
    Census census;
    std::int64_t virtual_visits = 0; // completed visits with mode virtual (for the state's share)
    SessionTotals sessions;
    int min_cell = 10;
};

struct Rollup {
    std::string period_text; // --period as given
    model::Date as_of;
    bool is_public = false;
    int min_cell = 10; // public totals: the largest min_cell of the districts
    std::vector<DistrictFigures> districts; // in the order given
    Summary total;  // sums over the districts that loaded
    Census census;  // likewise; school_year empty
    SessionTotals sessions;
    std::size_t failed = 0;
};

// The district's row from its report figures.
DistrictFigures district_figures(const Figures& f, const std::string& repo);

// Sums the districts into the state totals; in public, a second district's
// count is withheld wherever the total would give a hidden one back.
Rollup make_rollup(std::vector<DistrictFigures> districts, const std::string& period_text, model::Date as_of,
                   bool is_public);

// The roll-up as a document of tables: districts (figures and census),
// and the repos that could not be loaded.
Document rollup_document(const Rollup& r);

std::string render_rollup_json(const Rollup& r);
// text, md, html (with a chart of coverage by district) or csv.
std::string render_rollup(const Rollup& r, const std::string& format);

} // namespace pthv::report
