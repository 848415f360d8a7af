// pthv hooks install|uninstall: git hooks that run `pthv validate -q` and
// stop a commit with errors, so what reaches the shared history has been
// checked (docs/guide.md exit codes: validate exits 1 on errors, 2 on
// unreadable data; both stop the commit). git runs pre-commit for a commit
// and pre-merge-commit for a merge that commits on its own, so both are
// installed: two branches that each closed a pay month merge cleanly line
// by line, and only a check of the merged files finds paid-twice.

#include <cstdio>
#include <memory>

#include "commands.hpp"

#include <pthv/record/merge_driver.hpp>
#include <pthv/util/git.hpp>

namespace pthv::cmd {

namespace {

struct HooksOptions {
    bool force = false;
    CLI::App* install = nullptr;
    CLI::App* uninstall = nullptr;
    CLI::App* merge = nullptr;
    std::vector<std::string> merge_files; // BASE OURS THEIRS [PATH]
};

int run_install(const HooksOptions& o, Session& session)
{
    const auto changes = record::install_hooks(session.root(), util::this_binary(), o.force);
    if (!session.global().quiet)
        session.out() = record::install_text(changes);
    session.finish();
    return k_exit_ok;
}

int run_uninstall(const HooksOptions& o, Session& session)
{
    bool driver_removed = false;
    const auto changes = record::uninstall_hooks(session.root(), o.force, driver_removed);
    if (!session.global().quiet)
        session.out() = record::uninstall_text(changes, driver_removed);
    session.finish();
    return k_exit_ok;
}

} // namespace

Runner setup_hooks(CLI::App& sub)
{
    auto o = std::make_shared<HooksOptions>();
    sub.require_subcommand(1);
    sub.fallthrough();
    o->install = sub.add_subcommand("install", "Add pre-commit and pre-merge-commit hooks that run `pthv validate -q`");
    o->uninstall = sub.add_subcommand("uninstall", "Remove pthv's pre-commit and pre-merge-commit hooks");
    for (CLI::App* s : {o->install, o->uninstall}) {
        s->fallthrough();
        s->add_flag("--force", o->force, "Replace (or remove) a hook of those names that is not pthv's");
    }
    o->merge = sub.add_subcommand("merge", "git's merge driver for the logs: visits, trainings, events, sessions, surveys, removed visits (git runs it)");
    o->merge->add_option("files", o->merge_files, "BASE OURS THEIRS [PATH], as git passes them (%O %A %B %P)")
        ->required()
        ->expected(3, 4);
    o->merge->footer("Merges the two sides of a log by key (visit_id; staff_id, date and kind): a row added on\n"
                     "either side is kept, a row changed on one side takes the change, a row changed\n"
                     "differently on both sides is written between <<<<<<< and >>>>>>> for you to choose.\n"
                     "Other files are merged line by line, as git's union driver does. Exit 0 clean,\n"
                     "1 with conflicts. `pthv hooks install` sets it up; see docs/guide.md.");
    sub.footer("Examples:\n"
               "  pthv hooks install            # in the data repo, inside a git work tree\n"
               "  pthv -C ~/pthv-data hooks install --force\n"
               "  pthv hooks uninstall\n\n"
               "install also makes git merge visits.csv, trainings.csv, events.csv and sessions.csv by key\n(`pthv hooks merge`).\n"
               "The pre-commit hook checks each commit, the pre-merge-commit hook each merge commit.\n"
               "A hook that is not pthv's is never replaced without --force. For the pre-commit\n"
               "framework, the project ships .pre-commit-hooks.yaml (hook id pthv-validate).");
    return [o](Session& s) {
        if (o->merge->parsed()) {
            const auto& f = o->merge_files;
            const auto say = [](const std::string& text) { std::fputs(text.c_str(), stderr); };
            return record::run_merge_driver(f[0], f[1], f[2], f.size() > 3 ? f[3] : std::string(), say)
                       ? k_exit_ok
                       : k_exit_findings;
        }
        return o->install->parsed() ? run_install(*o, s) : run_uninstall(*o, s);
    };
}

} // namespace pthv::cmd
