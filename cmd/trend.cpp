// pthv trend REPO...: one district's school years side by side (docs/reports.md,
// trends across school years). Each repo is loaded with its own pthv.yaml,
// under its own shared lock, as of the same day of its school year as the
// as-of date (its end with --full), and reported as `pthv report --period
// end-of-year` would. A repo that cannot be read, repos of two districts or
// two of one school year are refused (exit 2): a trend with a year missing
// or doubled would mislead.

#include <memory>

#include "commands.hpp"

#include <pthv/report/named_repos.hpp>

namespace pthv::cmd {

namespace {

struct TrendOptions {
    std::vector<std::string> repos;
    bool full = false;
    bool is_public = false;
};

// One school year's row; UsageError naming the repo when it cannot be had.
report::TrendYear school_year(const std::string& dir, const TrendOptions& o, model::Date as_of)
{
    try {
        return report::trend_school_year(load_named_repo(dir, as_of), dir, as_of, o.full, o.is_public);
    } catch (const std::runtime_error& e) {
        throw UsageError(dir + ": " + e.what());
    }
}

int run_trend(const TrendOptions& o, Session& session)
{
    const std::string format = session.format(formats_of("trend"));
    const model::Date as_of = session.as_of();
    std::vector<report::TrendYear> years;
    for (const auto& dir : o.repos)
        years.push_back(school_year(dir, o, as_of));
    if (const auto why = report::trend_refusal(years))
        throw UsageError(*why);
    const auto trend = report::make_trend(std::move(years), as_of, o.full, o.is_public);
    session.out() = format == "json" ? report::render_trend_json(trend) : report::render_trend(trend, format);
    session.finish();
    return k_exit_ok;
}

} // namespace

Runner setup_trend(CLI::App& sub)
{
    auto o = std::make_shared<TrendOptions>();
    sub.add_option("repos", o->repos, "The district's data repos, one per school year, in any order")
        ->type_name("REPO")
        ->required();
    sub.add_flag("--full", o->full,
                 "Count each school year whole, not only to the as-of date's month and day");
    sub.add_flag("--public", o->is_public,
                 "For the public: each year as its own public report shows it; a change only where both years "
                 "show the figure");
    sub.footer("Examples:\n"
               "  pthv trend ../pthv-2024-25 . --format html -o trend.html\n"
               "  pthv trend riverbend-* --full --public --format csv -o trend.csv\n\n"
               "A row per school year, oldest first: visits, reach, census, fidelity to the core\n"
               "practices, training and spending, each with its change from the year before.\n"
               "Each year is counted to the same day of its school year as --as-of (a May run\n"
               "compares May with May) unless --full; sites in only some years are named. Repos\n"
               "of two districts, or two of one school year, are refused (exit 2). Formats: text,\n"
               "md, html, csv, json (docs/reports.md).");
    return [o](Session& s) { return run_trend(*o, s); };
}

} // namespace pthv::cmd
