// pthv hooks install|uninstall: git hooks that run `pthv validate -q` and
// stop a commit with errors, so what reaches the shared history has been
// checked (docs/guide.md exit codes: validate exits 1 on errors, 2 on
// unreadable data; both stop the commit). git runs pre-commit for a commit
// and pre-merge-commit for a merge that commits on its own, so both are
// installed: two branches that each closed a pay month merge cleanly line
// by line, and only a check of the merged files finds paid-twice.

#include "hooks.hpp"

#include <cstdio>
#include <fmt/format.h>
#include <memory>

#include "commands.hpp"

#include <pthv/record/merge_driver.hpp>
#include <pthv/util/files.hpp>
#include <pthv/util/git.hpp>

namespace pthv::cmd {

namespace fs = std::filesystem;

namespace {

// The hooks pthv installs: git runs the first for `git commit`, the second
// for a merge commit (`git merge`, `git pull`), which skips pre-commit.
const std::vector<std::string> k_hook_names = {"pre-commit", "pre-merge-commit"};

// Marks a hook as pthv's own: such a hook may be replaced without --force.
std::string hook_marker(const std::string& name)
{
    return "# pthv " + name + " hook";
}

struct HooksOptions {
    bool force = false;
    CLI::App* install = nullptr;
    CLI::App* uninstall = nullptr;
    CLI::App* merge = nullptr;
    std::vector<std::string> merge_files; // BASE OURS THEIRS [PATH]
};

// The hook file `name`, wherever git keeps hooks for this work tree.
fs::path hook_path(const fs::path& root, const std::string& name)
{
    if (!util::git_available())
        throw UsageError("git is not installed; pthv hooks needs git");
    if (!util::inside_git_work_tree(root))
        throw UsageError(root.string() + " is not in a git work tree; run `git init` there first (or `pthv init --git`)");
    const auto path = util::git_output(root, {"rev-parse", "--git-path", "hooks/" + name});
    if (!path || path->empty())
        throw UsageError("git cannot say where the hooks of " + root.string() + " live");
    const fs::path p(*path);
    return p.is_absolute() ? p : root / p;
}

// One hook as install finds it.
struct HookFile {
    std::string name;
    fs::path path;
    std::string text; // what pthv would write
    enum class State { Missing, Same, Ours, Foreign } state = State::Missing;
};

std::vector<HookFile> find_hooks(const fs::path& root, const std::string& prefix)
{
    std::vector<HookFile> hooks;
    for (const auto& name : k_hook_names) {
        HookFile h{name, hook_path(root, name), hook_text(name, prefix, util::this_binary())};
        if (util::file_exists(h.path)) {
            const std::string old = util::read_file(h.path);
            h.state = old == h.text                                          ? HookFile::State::Same
                      : old.find(hook_marker(name)) != std::string::npos ? HookFile::State::Ours
                                                                            : HookFile::State::Foreign;
        }
        hooks.push_back(std::move(h));
    }
    return hooks;
}

void write_hook(const HookFile& h)
{
    std::error_code ec;
    fs::create_directories(h.path.parent_path(), ec);
    if (ec)
        throw UsageError("cannot create " + h.path.parent_path().string() + ": " + ec.message());
    util::atomic_write(h.path, h.text);
    fs::permissions(h.path, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                fs::perms::others_read | fs::perms::others_exec, ec);
    if (ec)
        throw UsageError("cannot make " + h.path.string() + " executable: " + ec.message());
}

int run_install(const HooksOptions& o, Session& session)
{
    const fs::path root = session.root();
    const std::string prefix = util::git_output(root, {"rev-parse", "--show-prefix"}).value_or("");
    const auto hooks = find_hooks(root, prefix);
    // Every hook is judged before one is written: a foreign hook refuses
    // the whole install, so a merge is never checked while a commit is not.
    for (const auto& h : hooks)
        if (h.state == HookFile::State::Foreign && !o.force)
            throw UsageError(h.path.string() + " already exists and is not pthv's; pass --force to replace it, or "
                                               "call `pthv validate -q` from it yourself. Nothing was installed.");
    if (const auto why = record::install_merge_driver(root, util::this_binary()); !why.empty())
        throw UsageError(why);
    std::string done;
    bool all_there = true;
    for (const auto& h : hooks) {
        if (h.state == HookFile::State::Same) {
            done += fmt::format("The {} hook is already installed: {}\n", h.name, h.path.string());
            continue;
        }
        all_there = false;
        write_hook(h);
        done += fmt::format("{} the {} hook: {}\n", h.state == HookFile::State::Missing ? "Installed" : "Replaced",
                            h.name, h.path.string());
    }
    if (!session.global().quiet)
        session.out() =
            done + (all_there ? "The logs merge by key: " + record::logs_merged_by_key_text() + ".\n"
                              : "Every commit, a merge commit too, now runs `pthv validate -q`; a commit with\n"
                                "errors is stopped (skip the check once with `git commit --no-verify`, or\n"
                                "`git merge --no-verify`).\n"
                                "The logs now merge by key: " + record::logs_merged_by_key_text() + ".\n"
                                "A row changed on one branch takes the change; a row changed differently on\n"
                                "both is a marked conflict.\n");
    session.finish();
    return k_exit_ok;
}

int run_uninstall(const HooksOptions& o, Session& session)
{
    const auto hooks = find_hooks(session.root(), "");
    for (const auto& h : hooks)
        if (h.state == HookFile::State::Foreign && !o.force)
            throw UsageError(h.path.string() + " is not pthv's hook; pass --force to remove it anyway. Nothing was "
                                               "removed.");
    std::string message;
    for (const auto& h : hooks) {
        if (h.state == HookFile::State::Missing) {
            message += "No " + h.name + " hook to remove.\n";
            continue;
        }
        std::error_code ec;
        fs::remove(h.path, ec);
        if (ec)
            throw UsageError("cannot remove " + h.path.string() + ": " + ec.message());
        message += "Removed the " + h.name + " hook: " + h.path.string() + "\n";
    }
    if (record::uninstall_merge_driver(session.root()))
        message += "Removed the merge driver: the logs merge line by line (union) again.\n";
    if (!session.global().quiet)
        session.out() = message;
    session.finish();
    return k_exit_ok;
}

} // namespace

std::string hook_text(const std::string& name, const std::string& prefix, const std::string& fallback_binary)
{
    return fmt::format("#!/bin/sh\n"
                       "{} (installed by `pthv hooks install`).\n"
                       "# Stops a {} that `pthv validate` finds errors in (or cannot read),\n"
                       "# checking the data files as they are in the work tree.\n"
                       "# Skip it once with `git {} --no-verify`.\n"
                       "pthv=${{PTHV:-pthv}}\n"
                       "command -v \"$pthv\" >/dev/null 2>&1 || pthv={}\n"
                       "cd ./{} || exit 1\n"
                       "\"$pthv\" validate -q || {{\n"
                       "    echo \"{}: pthv validate found errors; fix them before committing\" >&2\n"
                       "    exit 1\n"
                       "}}\n",
                       hook_marker(name), name == "pre-merge-commit" ? "merge commit" : "commit",
                       name == "pre-merge-commit" ? "merge" : "commit", util::shell_quoted(fallback_binary),
                       util::shell_quoted(prefix), name);
}

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
            return run_merge_driver(f[0], f[1], f[2], f.size() > 3 ? f[3] : std::string());
        }
        return o->install->parsed() ? run_install(*o, s) : run_uninstall(*o, s);
    };
}

} // namespace pthv::cmd
