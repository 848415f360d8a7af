// pthv check-targeting: load -> stats::analyse_targeting and
// stats::analyse_spread -> report::render_targeting_*.

#include "check_targeting.hpp"

#include <cstdio>
#include <fmt/format.h>
#include <memory>

#include "commands.hpp"
#include "report_scope.hpp"

#include <pthv/io/repo_files.hpp>
#include <pthv/model/facts.hpp>
#include <pthv/report/targeting.hpp>
#include <pthv/util/parallel.hpp>
#include <pthv/util/strings.hpp>

namespace pthv::cmd {

namespace {

// Data that cannot be read cannot be judged (docs/guide.md: exit 2, nothing
// written; io::sort_flags_load says what cannot be); the flags file's other
// problems are printed and the check goes on without them.
void check_loaded(const io::LoadResult& loaded, const std::string& flags_file)
{
    const io::FlagsLoad sorted = io::sort_flags_load(loaded.problems, flags_file);
    for (const auto& p : sorted.flags)
        std::fputs(format_problem_line(p, false).c_str(), stderr);
    refuse_unreadable(sorted.unreadable, loaded.repo.config_ok, "check targeting");
    if (sorted.other_errors > 0)
        std::fprintf(stderr, "pthv: note: the data has %s; `pthv validate` lists them\n",
                     util::plural(static_cast<long long>(sorted.other_errors), "other error", "other errors").c_str());
}

int run_check_targeting(const CheckTargetingOptions& o, Session& session)
{
    const std::string format = session.format(formats_of("check-targeting"));
    const auto by = stats::parse_group_by(o.by);
    if (!by)
        throw UsageError("--by " + o.by + ": group by homeroom, site, grade or educator");
    const auto& loaded = session.load(
        o.flags_file.empty() ? std::nullopt : std::optional<std::filesystem::path>(o.flags_file));
    check_loaded(loaded, o.flags_file);
    const model::Repo& repo = loaded.repo;

    report::TargetingReport rep;
    rep.as_of = repo.as_of;
    check_site_option(o.site, repo);
    if (!o.site.empty())
        rep.site = o.site;
    rep.period = period_option(o.period, repo);

    // The spread reads only the repo: it is worked out on a second thread
    // while this one builds the facts the coverage needs.
    auto spread = util::start_beside([&] {
        return stats::analyse_spread(repo, {rep.site, rep.period.from, rep.period.to});
    });
    const model::Facts& facts = session.facts();
    rep.result = stats::analyse_targeting(facts, {*by, rep.site, rep.period.from, rep.period.to});
    rep.spread = spread.get(); // rethrows what the thread threw
    rep.flags_source = io::flags_source(repo, o.flags_file);

    // With no flags at all the renderers say so plainly; nothing to judge is
    // not a finding (exit 0).
    std::string& out = session.out();
    if (format == "json")
        out = report::render_targeting_json(rep);
    else if (format == "csv")
        out = report::render_targeting_csv(rep);
    else
        out = util::printable_text(report::render_targeting_text(rep, session.global().quiet)); // no raw ESC
    session.finish();
    return rep.result.any_targeting() ? k_exit_findings : k_exit_ok;
}

} // namespace

Runner setup_check_targeting(CLI::App& sub)
{
    auto o = std::make_shared<CheckTargetingOptions>();
    sub.add_option("--by", o->by, "Group by homeroom (default), site, grade or educator")
        ->type_name("G")
        ->check(CLI::IsMember({"homeroom", "site", "grade", "educator"}));
    sub.add_option("--site", o->site, "Only this site's students and educators")->type_name("S");
    sub.add_option("--flags", o->flags_file,
                   "Concern flags kept out of git (student_id, flag_* columns)")
        ->type_name("FILE");
    sub.add_option(
           "--period", o->period,
           "mid-year, end-of-year (default), YYYY-MM or YYYY-MM-DD..YYYY-MM-DD; never past --as-of")
        ->type_name("P");
    sub.footer(
        "Per group: students (N), visited, coverage; per concern flag the share among the visited "
        "vs "
        "the roster,\nthe exact hypergeometric p and the Benjamini-Hochberg adjusted p; a verdict "
        "(visits all,\ncross-section, possible targeting, too few to judge). Then the findings in "
        "plain "
        "words and, per\nsite, how evenly visits spread over grades and homerooms (coverage range "
        "and a "
        "chi-square test).\nSettings: targeting.full_coverage, min_visited and alpha in "
        "pthv.yaml.\n\n"
        "Examples:\n"
        "  pthv check-targeting --as-of 2026-05-15\n"
        "  pthv check-targeting --by grade --site S02 --period mid-year\n"
        "  pthv check-targeting --flags ~/private/flags.csv --format csv -o targeting.csv\n\n"
        "Formats: text (default), json, csv (one row per group and flag). Exit 1 where possible "
        "targeting is found.");
    return [o](Session& s) { return run_check_targeting(*o, s); };
}

} // namespace pthv::cmd
