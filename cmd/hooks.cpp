// pthv hooks install|uninstall: a git pre-commit hook that runs
// `pthv validate -q` and stops a commit with errors, so what reaches the
// shared history has been checked (docs/guide.md exit codes: validate exits 1 on
// errors, 2 on unreadable data; both stop the commit).

#include "hooks.hpp"

#include <cstdio>
#include <fmt/format.h>
#include <memory>

#include "commands.hpp"

#include <pthv/util/files.hpp>

namespace pthv::cmd {

namespace fs = std::filesystem;

namespace {

// Marks a hook as pthv's own: such a hook may be replaced without --force.
constexpr const char* k_marker = "# pthv pre-commit hook";

struct HooksOptions {
    bool force = false;
    CLI::App* install = nullptr;
    CLI::App* uninstall = nullptr;
    CLI::App* merge = nullptr;
    std::vector<std::string> merge_files; // BASE OURS THEIRS [PATH]
};

// The hook file, wherever git keeps hooks for this work tree.
fs::path hook_path(const fs::path& root)
{
    if (!git_available())
        throw UsageError("git is not installed; pthv hooks needs git");
    if (!inside_git_work_tree(root))
        throw UsageError(root.string() + " is not in a git work tree; run `git init` there first (or `pthv init --git`)");
    const auto path = git_output(root, {"rev-parse", "--git-path", "hooks/pre-commit"});
    if (!path || path->empty())
        throw UsageError("git cannot say where the hooks of " + root.string() + " live");
    const fs::path p(*path);
    return p.is_absolute() ? p : root / p;
}

int run_install(const HooksOptions& o, Session& session)
{
    const fs::path root = session.root();
    const fs::path hook = hook_path(root);
    const std::string prefix = git_output(root, {"rev-parse", "--show-prefix"}).value_or("");
    const std::string text = pre_commit_hook_text(prefix, this_binary());
    install_merge_driver(root, this_binary());
    bool replaced = false;
    if (util::file_exists(hook)) {
        const std::string old = util::read_file(hook);
        if (old == text) {
            if (!session.global().quiet)
                session.out() = fmt::format("The pre-commit hook is already installed: {}\n"
                                            "The logs (visits, trainings, events, sessions) merge by key.\n",
                                            hook.string());
            session.finish();
            return k_exit_ok;
        }
        if (old.find(k_marker) == std::string::npos && !o.force)
            throw UsageError(hook.string() + " already exists and is not pthv's; pass --force to replace it, or "
                                             "call `pthv validate -q` from it yourself");
        replaced = true;
    }
    std::error_code ec;
    fs::create_directories(hook.parent_path(), ec);
    if (ec)
        throw UsageError("cannot create " + hook.parent_path().string() + ": " + ec.message());
    util::atomic_write(hook, text);
    fs::permissions(hook, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                              fs::perms::others_read | fs::perms::others_exec, ec);
    if (ec)
        throw UsageError("cannot make " + hook.string() + " executable: " + ec.message());
    if (!session.global().quiet)
        session.out() = fmt::format("{} the pre-commit hook: {}\n"
                                    "Every commit now runs `pthv validate -q`; a commit with errors is stopped\n"
                                    "(skip the check once with `git commit --no-verify`).\n"
                                    "The logs (visits, trainings, events, sessions) now merge by key: a row changed\n"
                                    "on one branch takes the change, a row changed differently on both is a\n"
                                    "marked conflict.\n",
                                    replaced ? "Replaced" : "Installed", hook.string());
    session.finish();
    return k_exit_ok;
}

int run_uninstall(const HooksOptions& o, Session& session)
{
    const fs::path hook = hook_path(session.root());
    std::string message;
    if (!util::file_exists(hook)) {
        message = "No pre-commit hook to remove.\n";
    } else {
        if (util::read_file(hook).find(k_marker) == std::string::npos && !o.force)
            throw UsageError(hook.string() + " is not pthv's hook; pass --force to remove it anyway");
        std::error_code ec;
        fs::remove(hook, ec);
        if (ec)
            throw UsageError("cannot remove " + hook.string() + ": " + ec.message());
        message = "Removed the pre-commit hook: " + hook.string() + "\n";
    }
    if (uninstall_merge_driver(session.root()))
        message += "Removed the merge driver: the logs merge line by line (union) again.\n";
    if (!session.global().quiet)
        session.out() = message;
    session.finish();
    return k_exit_ok;
}

} // namespace

std::string shell_quoted(const std::string& s)
{
    std::string out = "'";
    for (const char c : s) {
        if (c == '\'')
            out += "'\\''";
        else
            out += c;
    }
    return out + "'";
}

std::string this_binary()
{
    std::error_code ec;
    const fs::path self = fs::read_symlink("/proc/self/exe", ec);
    return ec ? std::string("pthv") : self.string();
}

std::optional<std::string> git_output(const fs::path& dir, const std::vector<std::string>& args)
{
    std::string command = "git -C " + shell_quoted(dir.string());
    for (const auto& a : args)
        command += " " + shell_quoted(a);
    command += " 2>/dev/null";
    std::fflush(stdout);
    FILE* pipe = ::popen(command.c_str(), "r");
    if (!pipe)
        return std::nullopt;
    std::string out;
    char buffer[4096];
    std::size_t n = 0;
    while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0)
        out.append(buffer, n);
    if (::pclose(pipe) != 0)
        return std::nullopt;
    if (!out.empty() && out.back() == '\n')
        out.pop_back();
    return out;
}

bool git_available()
{
    return git_output(".", {"--version"}).has_value();
}

bool inside_git_work_tree(const fs::path& dir)
{
    return git_output(dir, {"rev-parse", "--is-inside-work-tree"}).value_or("") == "true";
}

std::string pre_commit_hook_text(const std::string& prefix, const std::string& fallback_binary)
{
    return fmt::format("#!/bin/sh\n"
                       "{} (installed by `pthv hooks install`).\n"
                       "# Stops a commit that `pthv validate` finds errors in (or cannot read),\n"
                       "# checking the data files as they are in the work tree.\n"
                       "# Skip it once with `git commit --no-verify`.\n"
                       "pthv=${{PTHV:-pthv}}\n"
                       "command -v \"$pthv\" >/dev/null 2>&1 || pthv={}\n"
                       "cd ./{} || exit 1\n"
                       "\"$pthv\" validate -q || {{\n"
                       "    echo \"pre-commit: pthv validate found errors; fix them before committing\" >&2\n"
                       "    exit 1\n"
                       "}}\n",
                       k_marker, shell_quoted(fallback_binary), shell_quoted(prefix));
}

Runner setup_hooks(CLI::App& sub)
{
    auto o = std::make_shared<HooksOptions>();
    sub.require_subcommand(1);
    sub.fallthrough();
    o->install = sub.add_subcommand("install", "Add a pre-commit hook that runs `pthv validate -q`");
    o->uninstall = sub.add_subcommand("uninstall", "Remove pthv's pre-commit hook");
    for (CLI::App* s : {o->install, o->uninstall}) {
        s->fallthrough();
        s->add_flag("--force", o->force, "Replace (or remove) a pre-commit hook that is not pthv's");
    }
    o->merge = sub.add_subcommand("merge", "git's merge driver for the logs: visits, trainings, events, sessions (git runs it)");
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
