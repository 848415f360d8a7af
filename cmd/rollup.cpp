// pthv rollup REPO...: one report over many district repos (a state
// agency's LEAs). Each repo is loaded with its own pthv.yaml, under its own
// shared lock, and reported as `pthv report` would; a repo that cannot be
// loaded (or, with --public, does not publish the period) is listed with
// its error, the others are still reported, and the exit is 1.

#include <algorithm>
#include <memory>

#include "commands.hpp"

#include <pthv/model/facts.hpp>
#include <pthv/report/publication.hpp>
#include <pthv/report/rollup.hpp>
#include <pthv/rules/registry.hpp>
#include <pthv/util/strings.hpp>

namespace pthv::cmd {

namespace {

namespace fs = std::filesystem;

struct RollupOptions {
    std::vector<std::string> repos;
    std::string period = "end-of-year";
    std::string table; // csv: one of report::rollup_table_names()
    bool is_public = false;
};

// A district that loaded but cannot be in the roll-up, named as its
// pthv.yaml names it.
struct DistrictError : std::runtime_error {
    DistrictError(std::string name, const std::string& why) : std::runtime_error(why), district(std::move(name)) {}
    std::string district;
};

// One district's figures; throws std::runtime_error saying why it cannot.
report::DistrictFigures district(const std::string& dir, const RollupOptions& o, model::Date as_of)
{
    auto loaded = load_named_repo(dir, as_of);
    std::string why;
    auto period = model::parse_period(o.period, loaded.repo.config, as_of, why);
    if (!period)
        throw std::runtime_error("--period " + o.period + ": " + why);
    // A public roll-up posts each district's public report of the period:
    // only one the district itself publishes, counted as its report counts it.
    if (o.is_public) {
        if (!report::publishes_period(loaded.repo.config, *period))
            throw DistrictError(loaded.repo.config.district,
                                "its pthv.yaml's reports.publish does not list " + period->label +
                                    ", so the district posts no public report for it");
        period = report::public_period(*period, loaded.repo, why);
        if (!period)
            throw DistrictError(loaded.repo.config.district, "--period " + o.period + ": " + why);
    }
    const model::Facts facts(loaded.repo);
    const auto work = pay::visit_work(facts);
    const auto findings = rules::check_repo(facts, work, std::move(loaded.problems));
    const auto figures = report::compute_figures(facts, work, findings, {*period, {}, o.is_public, nullptr});
    auto d = report::district_figures(figures, findings, dir);
    if (d.district.empty())
        d.district = fs::path(dir).filename().string();
    return d;
}

int run_rollup(const RollupOptions& o, Session& session)
{
    const std::string format = session.format(formats_of("rollup"));
    if (!o.table.empty()) {
        const auto& names = report::rollup_table_names();
        if (format != "csv")
            throw UsageError("--table works with --format csv; the other formats give every table");
        if (std::find(names.begin(), names.end(), o.table) == names.end()) {
            const std::string near = util::closest_match(o.table, names);
            throw UsageError("--table " + o.table + ": no such table" +
                             (near.empty() ? "; the tables are " + util::join(names, ", ") : "; did you mean " + near + "?"));
        }
    }
    const model::Date as_of = session.as_of();
    std::vector<report::DistrictFigures> districts;
    for (const auto& dir : o.repos) {
        try {
            districts.push_back(district(dir, o, as_of));
        } catch (const std::exception& e) {
            report::DistrictFigures failed;
            failed.repo = dir;
            const auto* named = dynamic_cast<const DistrictError*>(&e);
            failed.district = named && !named->district.empty() ? named->district : fs::path(dir).filename().string();
            failed.error = e.what();
            districts.push_back(std::move(failed));
        }
    }
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
