// pthv report: load -> rules::check_repo -> report::compute_figures ->
// one renderer. Runs even when validate finds errors (the report says so).

#include "report.hpp"

#include <memory>

#include "commands.hpp"
#include "report_scope.hpp"

#include <pthv/report/figures.hpp>
#include <pthv/report/render.hpp>
#include <pthv/report/tables.hpp>
#include <pthv/rules/registry.hpp>
#include <pthv/util/strings.hpp>

namespace pthv::cmd {

namespace {

int run_report(const ReportOptions& o, Session& session)
{
    const std::string format = session.format({"text", "md", "html", "csv", "json"});
    if (format == "csv" && o.table.empty())
        throw UsageError("--format csv gives one table: name it with --table (" +
                         util::join(report::table_names(), ", ") + "); docs/reports.md describes each");
    if (!o.table.empty()) {
        if (format != "csv")
            throw UsageError("--table works with --format csv");
        const auto& names = report::table_names();
        if (std::find(names.begin(), names.end(), o.table) == names.end()) {
            const std::string near = util::closest_match(o.table, names);
            throw UsageError("--table " + o.table + ": no such table" +
                             (near.empty() ? "; the tables are " + util::join(names, ", ")
                                           : "; did you mean " + near + "?"));
        }
        if (o.is_public && o.table == "educators")
            throw UsageError("--table educators: a public report has no per-educator table");
    }
    auto& loaded = session.load();
    const model::Repo& repo = loaded.repo;
    if (!repo.config_ok)
        throw UsageError("pthv.yaml could not be read, so the school year is unknown; `pthv validate` says why");
    const model::Period period = period_option(o.period, repo);
    check_site_option(o.site, repo);
    // The tables of an optional file exist only with it.
    for (const auto& [file, tables] : {std::pair<const char*, std::vector<std::string>>{"events.csv", {"events", "event_list"}},
                                       {"sessions.csv", {"session_plan"}}})
        if (std::find(tables.begin(), tables.end(), o.table) != tables.end() && !repo.has_file(file))
            throw UsageError("--table " + o.table + ": this repo has no " + file + ", so the report has no such table");

    const model::Facts& facts = session.facts();
    const auto& work = session.work();
    const auto findings = rules::check_repo(facts, work, std::move(loaded.problems));
    const auto figures = report::compute_figures(facts, work, findings, {period, o.site, o.is_public});

    std::string& out = session.out();
    if (format == "json")
        out = report::render_json(figures);
    else if (format == "csv")
        out = report::render_csv(figures, o.table);
    else if (format == "md")
        out = report::render_md(figures);
    else if (format == "html")
        out = report::render_html(figures);
    else
        out = report::render_text(figures);
    session.finish();
    return k_exit_ok;
}

} // namespace

Runner setup_report(CLI::App& sub)
{
    auto o = std::make_shared<ReportOptions>();
    sub.add_option("--period", o->period, "mid-year, end-of-year, YYYY-MM or YYYY-MM-DD..YYYY-MM-DD")
        ->type_name("P")
        ->required();
    sub.add_option("--site", o->site, "Only this site")->type_name("S");
    sub.add_flag("--public", o->is_public,
                 "For the public: no names or ids of people, no per-educator table, small counts suppressed");
    sub.add_option("--table", o->table,
                   "With --format csv (required there): the one table to write: " +
                       util::join(report::table_names(), ", "))
        ->type_name("NAME");
    sub.footer("Examples:\n"
               "  pthv report --period mid-year --as-of 2026-05-15\n"
               "  pthv report --period end-of-year --public --format html -o board-report.html\n"
               "  pthv report --period 2026-03 --site S02 --format csv --table fidelity\n\n"
               "Formats: text (default), md, html (one self-contained file), csv (one tidy table,\n"
               "--table), json. docs/reports.md explains every figure and table.\n"
               "The period never reaches past --as-of; the same data and --as-of give the same bytes.");
    return [o](Session& s) { return run_report(*o, s); };
}

} // namespace pthv::cmd
