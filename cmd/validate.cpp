// pthv validate: load everything, run every rule, print the problems.

#include <memory>

#include "commands.hpp"

#include <pthv/record/help.hpp>
#include <pthv/rules/registry.hpp>
#include <pthv/rules/render.hpp>
#include <pthv/util/strings.hpp>

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
    std::set<std::string> only;
    for (const auto& id : o.rules) {
        if (!rules::find_rule(id)) {
            const std::string near = util::closest_match(id, rules::rule_ids());
            throw UsageError("--rule " + id + ": no rule has this id" +
                             (near.empty() ? "; `pthv validate --help` lists them" : "; did you mean " + near + "?"));
        }
        only.insert(id);
    }
    auto& loaded = session.load(o.flags_file.empty() ? std::nullopt
                                                    : std::optional<std::filesystem::path>(o.flags_file));
    const auto problems = rules::check_repo(session.facts(), session.work_started(), std::move(loaded.problems), {only});
    const auto t = rules::tally(problems);
    const bool failed = t.errors > 0 || (o.strict && t.warnings > 0);
    std::string& out = session.out();

    if (format == "json")
        out = rules::problems_json(problems, t, !failed);
    else if (format == "github")
        out = rules::problems_github(problems);
    else
        out = rules::problems_text(problems, t, loaded.repo.visits.size(), session.color(), session.global().quiet,
                                   o.hints);
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
