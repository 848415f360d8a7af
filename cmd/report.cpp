// pthv report: load -> rules::check_repo -> report::compute_figures ->
// one renderer. Runs even when validate finds errors (the report says so).

#include "report.hpp"

#include <cstdio>
#include <fmt/format.h>
#include <memory>

#include "commands.hpp"
#include "report_scope.hpp"

#include <pthv/report/audit.hpp>
#include <pthv/report/publication.hpp>
#include <pthv/report/request.hpp>
#include <pthv/report/tables.hpp>
#include <pthv/rules/registry.hpp>
#include <pthv/util/strings.hpp>

namespace pthv::cmd {

namespace {

// --audit: the publication set of every period reports.publish lists,
// whatever --period says; exit 1 when a small count could be worked out.
int run_audit(const ReportOptions& o, Session& session)
{
    const std::string format = session.format({"text", "json"});
    if (!o.period.empty() || !o.site.empty() || !o.table.empty() || o.is_public)
        throw UsageError("--audit checks every public report of every period in reports.publish together: "
                         "leave out --period, --site, --table and --public");
    auto& loaded = session.load();
    if (!loaded.repo.config_ok)
        throw UsageError("pthv.yaml could not be read, so the school year is unknown; `pthv validate` says why");
    if (!o.subgroups.empty())
        merge_subgroups_option(o.subgroups, loaded.repo, session.color());
    const model::Facts& facts = session.facts();
    const auto findings = rules::check_repo(facts, session.work_started(), std::move(loaded.problems));
    const OutcomeFiles files = read_outcome_files(o, loaded.repo, session.color());
    const auto result =
        report::audit_publication(facts, session.work(), findings, given(files.attendance), given(files.scores));
    session.out() = format == "json" ? report::render_audit_json(result) : report::render_audit_text(result);
    session.finish();
    return result.ok() ? k_exit_ok : k_exit_findings;
}

int run_report(const ReportOptions& o, Session& session)
{
    if (o.audit)
        return run_audit(o, session);
    const std::string format = session.format(formats_of("report"));
    const report::Request request{o.period, o.table, format, o.is_public, !o.attendance.empty(), !o.scores.empty()};
    if (const auto why = report::request_refusal(request); !why.empty())
        throw UsageError(why);
    auto& loaded = session.load();
    const model::Repo& repo = loaded.repo;
    if (!repo.config_ok)
        throw UsageError("pthv.yaml could not be read, so the school year is unknown; `pthv validate` says why");
    model::Period period = period_option(o.period.empty() ? "end-of-year" : o.period, repo);
    if (o.is_public) {
        std::string error;
        auto counted = report::public_period(period, repo, error);
        if (!counted)
            throw UsageError("--period " + period.label + " --public: " + error);
        period = std::move(*counted);
    }
    check_site_option(o.site, repo);
    if (o.table == "subgroups" && repo.subgroups.empty())
        throw UsageError("--table subgroups: pthv.yaml names no subgroups (reports.subgroups, docs/data.md)");
    if (!o.subgroups.empty())
        merge_subgroups_option(o.subgroups, loaded.repo, session.color());
    if (const auto why = report::missing_file_table(o.table, repo); !why.empty())
        throw UsageError(why);
    const model::Facts& facts = session.facts();
    const auto findings = rules::check_repo(facts, session.work_started(), std::move(loaded.problems));
    const OutcomeFiles files = read_outcome_files(o, repo, session.color());
    const auto figures = report::compute_figures(
        facts, session.work(), findings, {period, o.site, o.is_public, given(files.attendance), given(files.scores)});

    session.out() = report::render_report(figures, format, o.table);
    session.finish();
    return k_exit_ok;
}

} // namespace

Runner setup_report(CLI::App& sub)
{
    auto o = std::make_shared<ReportOptions>();
    sub.add_option("--period", o->period, "mid-year, end-of-year, YYYY-MM or YYYY-MM-DD..YYYY-MM-DD (required)")
        ->type_name("P");
    sub.add_option("--site", o->site, "Only this site")->type_name("S");
    sub.add_flag("--public", o->is_public,
                 "For the public: no names or ids of people, no per-educator table, small counts suppressed");
    sub.add_option("--table", o->table,
                   "With --format csv (required there): the one table to write: " +
                       util::join(report::table_names(), ", ") +
                       " (census: the school year's row for the national count, also text or json; no --period)")
        ->type_name("NAME");
    sub.add_option("--attendance", o->attendance,
                   "Compare chronic absence of visited and not visited students, from a CSV with student_id, "
                   "days_enrolled, days_absent (keep it out of git; docs/reports.md)")
        ->type_name("FILE");
    sub.add_option("--scores", o->scores,
                   "Compare test score proficiency of visited and not visited students per subject, from a CSV "
                   "with student_id, subject, proficient (yes or no; keep it out of git; docs/reports.md)")
        ->type_name("FILE");
    sub.add_option("--subgroups", o->subgroups,
                   "Subgroup values kept out of git: a CSV with student_id and columns reports.subgroups names; "
                   "its values win over students.csv's (docs/data.md)")
        ->type_name("FILE");
    sub.add_flag("--audit", o->audit,
                 "Check every public report of every period in reports.publish together, as a reader holding "
                 "all of them would: exit 1 if a small count could be worked out (docs/reports.md)");
    sub.footer("Examples:\n"
               "  pthv report --period mid-year --as-of 2026-05-15\n"
               "  pthv report --period end-of-year --public --format html -o board-report.html\n"
               "  pthv report --period 2026-03 --site S02 --format csv --table fidelity\n"
               "  pthv report --table census --format json\n"
               "  pthv report --audit\n"
               "  pthv report --period end-of-year --attendance ~/private/attendance-2026.csv --format html -o att.html\n"
               "  pthv report --period end-of-year --scores ~/private/scores-2026.csv --format csv --table scores\n"
               "  pthv report --period end-of-year --subgroups ~/private/subgroups.csv --format csv --table subgroups\n\n"
               "Formats: text (default), md, html (one self-contained file), csv (one tidy table,\n"
               "--table), json. docs/reports.md explains every figure and table.\n"
               "The period never reaches past --as-of; the same data and --as-of give the same bytes.");
    return [o](Session& s) { return run_report(*o, s); };
}

} // namespace pthv::cmd
