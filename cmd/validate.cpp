// pthv validate: load everything, run every rule, print the problems.

#include <memory>

#include "commands.hpp"

#include <pthv/record/help.hpp>
#include <pthv/rules/registry.hpp>
#include <pthv/rules/render.hpp>

namespace pthv::cmd {

namespace {

struct ValidateOptions {
    bool strict = false;
    bool hints = false;
    std::vector<std::string> rules;
    std::string flags_file;
};

int run_validate(const ValidateOptions& o, Session& session)
{
    const std::string format = session.format(formats_of("validate"));
    const rules::RuleChoice chosen = rules::choose_rules(o.rules);
    refuse_if(chosen.refused);
    auto& loaded = session.load(o.flags_file.empty() ? std::nullopt
                                                    : std::optional<std::filesystem::path>(o.flags_file));
    const auto problems =
        rules::check_repo(session.facts(), session.work_started(), std::move(loaded.problems), {chosen.only});
    const auto t = rules::tally(problems);
    const bool failed = t.errors > 0 || (o.strict && t.warnings > 0);
    session.out() = rules::render_problems(
        problems, t, {format, failed, loaded.repo.visits.size(), session.color(), session.global().quiet, o.hints});
    session.finish();
    return failed ? k_exit_findings : k_exit_ok;
}

} // namespace

Runner setup_validate(CLI::App& sub)
{
    auto o = std::make_shared<ValidateOptions>();
    sub.add_flag("--strict", o->strict, "Warnings fail too (exit 1)");
    sub.add_option("--rule", o->rules, "Only this rule id (repeatable)")->type_name("ID");
    sub.add_option("--flags", o->flags_file, "Concern flags kept out of git (student_id, flag_* columns)")
        ->type_name("FILE");
    sub.add_flag("--hints", o->hints, "Under each problem, a line on how to fix it");
    sub.footer(record::help_footer("validate"));
    return [o](Session& s) { return run_validate(*o, s); };
}

} // namespace pthv::cmd
