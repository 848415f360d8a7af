// pthv rollup REPO...: one report over many district repos (a state
// agency's LEAs). Each repo is loaded with its own pthv.yaml, under its own
// shared lock, and reported as `pthv report` would; a repo that cannot be
// loaded (or, with --public, does not publish the period) is listed with
// its error, the others are still reported, and the exit is 1.

#include <memory>

#include "commands.hpp"

#include <pthv/report/named_repos.hpp>
#include <pthv/report/request.hpp>

namespace pthv::cmd {

namespace {

struct RollupOptions {
    std::vector<std::string> repos;
    std::string period = "end-of-year";
    std::string table; // csv: one of report::rollup_table_names()
    bool is_public = false;
};

// One district's row: its error when it cannot be loaded.
report::DistrictFigures district(const std::string& dir, const RollupOptions& o, model::Date as_of)
{
    try {
        return report::rollup_district(load_named_repo(dir, as_of), dir, o.period, o.is_public);
    } catch (const std::exception& e) {
        return report::rollup_failure(dir, "", e.what());
    }
}

int run_rollup(const RollupOptions& o, Session& session)
{
    const std::string format = session.format(formats_of("rollup"));
    if (const auto why = report::rollup_table_refusal(o.table, format); !why.empty())
        throw UsageError(why);
    const model::Date as_of = session.as_of();
    std::vector<report::DistrictFigures> districts;
    for (const auto& dir : o.repos)
        districts.push_back(district(dir, o, as_of));
    const auto rollup = report::make_rollup(std::move(districts), o.period, as_of, o.is_public);
    session.out() = format == "json" ? report::render_rollup_json(rollup) : report::render_rollup(rollup, format, o.table);
    session.finish();
    return rollup.failed > 0 ? k_exit_findings : k_exit_ok;
}

} // namespace

Runner setup_rollup(CLI::App& sub)
{
    auto o = std::make_shared<RollupOptions>();
    sub.add_option("repos", o->repos, "The district data repos")->type_name("REPO")->required();
    sub.add_option("--period", o->period,
                   "mid-year, end-of-year (default), YYYY-MM or YYYY-MM-DD..YYYY-MM-DD, read in each repo's year")
        ->type_name("P");
    sub.add_option("--table", o->table,
                   "With --format csv: districts (default), fidelity, findings, findings_by_rule, money or surveys")
        ->type_name("NAME");
    sub.add_flag("--public", o->is_public,
                 "For the public: each district as its own public report shows it; each total adds only the "
                 "districts that show the figure and says how many it leaves out");
    sub.footer("Examples:\n"
               "  pthv rollup districts/* --format csv -o state-2026.csv\n"
               "  pthv rollup lea-01 lea-02 lea-03 --period mid-year --public --format html -o state.html\n"
               "  pthv rollup districts/* --format csv --table money -o state-money.csv\n\n"
               "A row per district and the state totals: headline figures and census row,\n"
               "fidelity to the core practices, validate's findings (by rule), money per\n"
               "funding source and family surveys.\n"
               "A repo that cannot be loaded is listed with its error; the others are still\n"
               "reported and the exit is 1. With --public, so is a district whose pthv.yaml's\n"
               "reports.publish does not list the period. Formats: text, md, html, csv, json\n"
               "(docs/reports.md).");
    return [o](Session& s) { return run_rollup(*o, s); };
}

} // namespace pthv::cmd
