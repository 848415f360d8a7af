// pthv check-targeting: load -> report::targeting_report (stats::analyse_targeting
// and stats::analyse_spread) -> report::render_targeting.

#include "check_targeting.hpp"

#include <cstdio>
#include <memory>

#include "commands.hpp"
#include "report_scope.hpp"

#include <pthv/io/repo_files.hpp>
#include <pthv/report/targeting.hpp>
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
        std::fputs(model::format_problem_line(p, false).c_str(), stderr);
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
    check_site_option(o.site, repo);
    const report::TargetingAsk ask{*by, o.site, period_option(o.period, repo), o.flags_file};
    // With no flags at all the renderers say so plainly; nothing to judge is
    // not a finding (exit 0).
    const auto rep = report::targeting_report(repo, [&]() -> const model::Facts& { return session.facts(); }, ask);
    session.out() = report::render_targeting(rep, format, session.global().quiet);
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
