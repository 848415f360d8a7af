// pthv: run a Parent Teacher Home Visits program from plain files in git.
// Builds the command line from the command table, runs the chosen command,
// and turns every failure into one message and an exit code (docs/guide.md).

#include <cstdio>
#include <cstdlib>
#include <fmt/format.h>
#include <map>

#include "commands.hpp"
#include "doc_paths.hpp"

#include <pthv/util/strings.hpp>

namespace pthv::cmd {

const std::vector<Command>& commands()
{
    static const std::vector<Command> k_commands = {
        {"init", "Create a data repo: pthv.yaml, the CSV files with their headers, .gitattributes", setup_init},
        {"validate", "Check every file and every rule of the five core practices", setup_validate},
        {"explain", "What a rule id means, when it fires and how to fix it (docs/rules.md)", setup_explain},
        {"schema", "Print the table schemas (the columns of each file) and the settings of pthv.yaml", setup_schema},
        {"check-targeting", "Core practice 4 in depth: coverage and over-representation of concern flags by group",
         setup_check_targeting},
        {"log-visit", "Add one visit, --update one, or --import many from a form export", setup_log_visit},
        {"roster", "Staff and students: who is trained, who is due, who still awaits a visit", setup_roster},
        {"payroll", "What to pay whom for visits and trainings, against the budget; --close a month", setup_payroll},
        {"hooks", "Install git hooks that run pthv validate before each commit and merge", setup_hooks},
        {"review", "Mark a finding reviewed: it stands in the log but no longer blocks payroll or commits",
         setup_review},
        {"event", "Record the year's events (celebrations, site visits, meetings) and list them", setup_event},
        {"remind", "Each person's digest of what is due: visits, reflections, second visits, training; --send mails it",
         setup_remind},
        {"survey", "Import a family survey's responses (survey import FILE --map MAP.yaml)", setup_survey},
        {"report", "Mid-year, end-of-year or any-period report for the district, a site or the public", setup_report},
        {"rollup", "One report over many district repos: a row per district and the state totals", setup_rollup},
        {"trend", "One district's school years side by side, each figure with its change from the year before",
         setup_trend},
        {"export", "A de-identified copy of the roster and visit log for evaluators (--deidentify)", setup_export},
    };
    return k_commands;
}

namespace {

// " roster add" for the deepest command the parser reached, "" for none:
// an error in a command's options points to that command's help.
std::string parsed_command_path(const CLI::App& app)
{
    for (const CLI::App* sub : app.get_subcommands([](const CLI::App* s) { return s->parsed() > 0; }))
        return " " + sub->get_name() + parsed_command_path(*sub);
    return "";
}

// CLI11's message, said the way pthv says things.
std::string usage_message(const CLI::ParseError& e, int argc, char** argv)
{
    std::string message = e.what();
    // "--period: At Most 1 required but received 2"
    static const std::string k_repeated = ": At Most 1 required but received ";
    if (const auto at = message.find(k_repeated); at != std::string::npos && message.rfind("--", 0) == 0)
        return fmt::format("{} was given {} times; give it once", message.substr(0, at),
                           message.substr(at + k_repeated.size()));
    // An unknown command: suggest the closest one.
    if (dynamic_cast<const CLI::ExtrasError*>(&e) || dynamic_cast<const CLI::RequiredError*>(&e)) {
        std::vector<std::string> names;
        for (const auto& c : commands())
            names.emplace_back(c.name);
        for (int i = 1; i < argc; ++i) {
            const std::string arg = argv[i];
            if (arg.empty() || arg[0] == '-')
                continue;
            const std::string near = util::closest_match(arg, names);
            if (!near.empty() && near != arg)
                return fmt::format("unknown command \"{}\"; did you mean {}?", arg, near);
        }
    }
    return message;
}

int run(int argc, char** argv)
{
    CLI::App app{"pthv: run a Parent Teacher Home Visits program from plain files in git.", "pthv"};
    app.formatter(doc_citing_formatter());
    app.set_version_flag("--version", std::string("pthv ") + PTHV_VERSION);
    app.require_subcommand(1);
    app.fallthrough();
    app.footer("Examples:\n"
               "  pthv init riverbend --district \"Riverbend Unified School District\"\n"
               "  pthv validate --as-of 2026-11-20\n"
               "  pthv -C ~/pthv-data validate --format json -q\n\n"
               "Exit codes: 0 fine, 1 problems found, 2 usage error or unreadable data.\n"
               "Reference (`pthv explain RULE` explains one finding):\n"
               "  docs/guide.md     a school year with pthv, for the coordinator\n"
               "  docs/rules.md     every rule: what it means and how to fix it\n"
               "  docs/data.md      every file, column and setting of the data repo\n"
               "  docs/import.md    visits from a form export (log-visit --import)\n"
               "  docs/surveys.md   family surveys (survey import)\n"
               "  docs/remind.md    each person's digest of what is due (remind)");
    GlobalOptions g;
    add_global_options(app, g);

    std::map<const CLI::App*, Runner> runners;
    for (const auto& c : commands()) {
        CLI::App* sub = app.add_subcommand(c.name, c.description);
        runners[sub] = c.setup(*sub);
    }
    // `pthv completion bash`: the shell completion, made from the app built
    // above (completion.cpp). Hidden (no group): it is for the build and for
    // ~/.bashrc, not a command of the program.
    CLI::App* completion = app.add_subcommand("completion", "Print the bash completion script");
    completion->group("");
    runners[completion] = setup_completion(*completion);

    // `pthv` alone is a person asking what it can do.
    if (argc == 1) {
        std::fputs(app.help().c_str(), stdout);
        return k_exit_ok;
    }

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        if (e.get_exit_code() == 0 || dynamic_cast<const CLI::CallForHelp*>(&e) ||
            dynamic_cast<const CLI::CallForAllHelp*>(&e) || dynamic_cast<const CLI::CallForVersion*>(&e))
            return app.exit(e) == 0 ? k_exit_ok : k_exit_usage;
        const std::string command = parsed_command_path(app);
        std::fprintf(stderr, "pthv: error: %s\nRun `pthv%s --help` for usage.\n",
                     usage_message(e, argc, argv).c_str(), command.c_str());
        return k_exit_usage;
    }

    for (const auto& [sub, runner] : runners)
        if (sub->parsed()) {
            Session session(g);
            const int code = runner(session);
            session.keep_until_exit();
            return code;
        }
    return k_exit_usage;
}

} // namespace

} // namespace pthv::cmd

int main(int argc, char** argv)
{
    try {
        return pthv::cmd::run(argc, argv);
    } catch (const std::exception& e) { // UsageError, util::FileError and what cannot go on alike
        std::fprintf(stderr, "pthv: error: %s\n", e.what());
    }
    return pthv::cmd::k_exit_usage;
}
