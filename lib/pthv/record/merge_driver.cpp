#include <pthv/record/merge_driver.hpp>

#include <cstdio>
#include <cstdlib>
#include <fmt/format.h>
#include <sys/wait.h>

#include <pthv/record/merge.hpp>
#include <pthv/util/files.hpp>
#include <pthv/util/git.hpp>

namespace pthv::record {

namespace fs = std::filesystem;

namespace {

constexpr const char* k_driver_name = "pthv: the logs by key, other files by line (union)";

int run_git(const std::vector<std::string>& args)
{
    std::string command = "git";
    for (const auto& a : args)
        command += " " + util::shell_quoted(a);
    std::fflush(stdout);
    const int status = std::system(command.c_str());
    return status < 0 ? 2 : WIFEXITED(status) ? WEXITSTATUS(status) : 2;
}


// The hooks pthv installs: git runs the first for `git commit`, the second
// for a merge commit (`git merge`, `git pull`), which skips pre-commit.
const std::vector<std::string> k_hook_names = {"pre-commit", "pre-merge-commit"};

// Marks a hook as pthv's own: such a hook may be replaced without --force.
std::string hook_marker(const std::string& name) { return "# pthv " + name + " hook"; }

// The hook file `name`, wherever git keeps hooks for this work tree.
fs::path hook_path(const fs::path& root, const std::string& name)
{
    if (!util::git_available())
        throw util::FileError("git is not installed; pthv hooks needs git");
    if (!util::inside_git_work_tree(root))
        throw util::FileError(root.string() +
                              " is not in a git work tree; run `git init` there first (or `pthv init --git`)");
    const auto path = util::git_output(root, {"rev-parse", "--git-path", "hooks/" + name});
    if (!path || path->empty())
        throw util::FileError("git cannot say where the hooks of " + root.string() + " live");
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

std::vector<HookFile> find_hooks(const fs::path& root, const std::string& prefix, const std::string& binary)
{
    std::vector<HookFile> hooks;
    for (const auto& name : k_hook_names) {
        HookFile h{name, hook_path(root, name), hook_text(name, prefix, binary)};
        if (util::file_exists(h.path)) {
            const std::string old = util::read_file(h.path);
            h.state = old == h.text                                      ? HookFile::State::Same
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
        throw util::FileError("cannot create " + h.path.parent_path().string() + ": " + ec.message());
    util::atomic_write(h.path, h.text);
    fs::permissions(h.path, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                fs::perms::others_read | fs::perms::others_exec, ec);
    if (ec)
        throw util::FileError("cannot make " + h.path.string() + " executable: " + ec.message());
}

} // namespace

std::string merge_driver_command(const std::string& fallback_binary)
{
    return "pthv=${PTHV:-pthv}; command -v \"$pthv\" >/dev/null 2>&1 || pthv=" + util::shell_quoted(fallback_binary) +
           "; \"$pthv\" hooks merge %O %A %B %P";
}

bool merge_driver_installed(const fs::path& root)
{
    return util::git_output(root, {"config", "--local", "--get", "merge.union.name"}).value_or("") == k_driver_name;
}

std::string install_merge_driver(const fs::path& root, const std::string& binary)
{
    const auto existing = util::git_output(root, {"config", "--local", "--get", "merge.union.driver"});
    if (existing && !merge_driver_installed(root))
        return "this repository already defines its own `union` merge driver (git config merge.union); "
               "pthv leaves it alone";
    if (!util::git_output(root, {"config", "--local", "merge.union.name", k_driver_name}) ||
        !util::git_output(root, {"config", "--local", "merge.union.driver", merge_driver_command(binary)}))
        return "git config failed in " + root.string() + ": cannot set the merge driver";
    return {};
}

bool uninstall_merge_driver(const fs::path& root)
{
    if (!merge_driver_installed(root))
        return false;
    return util::git_output(root, {"config", "--local", "--remove-section", "merge.union"}).has_value();
}

std::string logs_merged_by_key_text()
{
    const auto logs = logs_merged_by_key();
    std::string out;
    for (std::size_t i = 0; i < logs.size(); ++i)
        out += (i == 0 ? "" : i + 1 == logs.size() ? " and " : ", ") + logs[i];
    return out;
}

bool run_merge_driver(const std::string& base, const std::string& ours, const std::string& theirs,
                      const std::string& path, const std::function<void(const std::string&)>& say)
{
    const auto key = merge_key_columns(path.empty() ? ours : path);
    if (key.empty()) // not a log of pthv's: what git's union driver does
        return run_git({"merge-file", "--union", ours, base, theirs}) == 0;
    std::string why;
    const auto merged = merge_by_key(util::read_file(base), util::read_file(ours), util::read_file(theirs), key, &why);
    if (!merged) {
        say(fmt::format("pthv: {}: cannot merge by {} ({}); left to you as a line conflict\n", path, key.front(), why));
        run_git({"merge-file", "-L", "ours", "-L", "common ancestor", "-L", "theirs", ours, base, theirs});
        return false;
    }
    util::atomic_write(ours, merged->text);
    if (merged->conflicts == 0)
        return true;
    say(fmt::format("pthv: {}: {} {} changed differently on the two branches; each is marked between <<<<<<< and "
                    ">>>>>>>: keep one version of each, then run `pthv validate`\n",
                    path, merged->conflicts, merged->conflicts == 1 ? "row was" : "rows were"));
    return false;
}

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

std::vector<HookChange> install_hooks(const fs::path& root, const std::string& binary, bool force)
{
    const std::string prefix = util::git_output(root, {"rev-parse", "--show-prefix"}).value_or("");
    const auto hooks = find_hooks(root, prefix, binary);
    // A foreign hook refuses the whole install, so a merge is never checked
    // while a commit is not.
    for (const auto& h : hooks)
        if (h.state == HookFile::State::Foreign && !force)
            throw util::FileError(h.path.string() +
                                  " already exists and is not pthv's; pass --force to replace it, or call `pthv "
                                  "validate -q` from it yourself. Nothing was installed.");
    if (const auto why = install_merge_driver(root, binary); !why.empty())
        throw util::FileError(why);
    std::vector<HookChange> done;
    for (const auto& h : hooks) {
        using Did = HookChange::Did;
        if (h.state != HookFile::State::Same)
            write_hook(h);
        done.push_back({h.name, h.path,
                        h.state == HookFile::State::Same      ? Did::AlreadyInstalled
                        : h.state == HookFile::State::Missing ? Did::Installed
                                                              : Did::Replaced});
    }
    return done;
}

std::vector<HookChange> uninstall_hooks(const fs::path& root, bool force, bool& merge_driver_removed)
{
    const auto hooks = find_hooks(root, "", util::this_binary());
    for (const auto& h : hooks)
        if (h.state == HookFile::State::Foreign && !force)
            throw util::FileError(h.path.string() +
                                  " is not pthv's hook; pass --force to remove it anyway. Nothing was removed.");
    std::vector<HookChange> done;
    for (const auto& h : hooks) {
        if (h.state == HookFile::State::Missing) {
            done.push_back({h.name, h.path, HookChange::Did::NoneToRemove});
            continue;
        }
        std::error_code ec;
        fs::remove(h.path, ec);
        if (ec)
            throw util::FileError("cannot remove " + h.path.string() + ": " + ec.message());
        done.push_back({h.name, h.path, HookChange::Did::Removed});
    }
    merge_driver_removed = uninstall_merge_driver(root);
    return done;
}

std::string install_text(const std::vector<HookChange>& changes)
{
    using Did = HookChange::Did;
    std::string done;
    bool all_there = true;
    for (const auto& h : changes) {
        all_there = all_there && h.did == Did::AlreadyInstalled;
        done += h.did == Did::AlreadyInstalled
                    ? fmt::format("The {} hook is already installed: {}\n", h.name, h.path.string())
                    : fmt::format("{} the {} hook: {}\n", h.did == Did::Installed ? "Installed" : "Replaced", h.name,
                                  h.path.string());
    }
    if (all_there)
        return done + "The logs merge by key: " + logs_merged_by_key_text() + ".\n";
    return done +
           "Every commit, a merge commit too, now runs `pthv validate -q`; a commit with\n"
           "errors is stopped (skip the check once with `git commit --no-verify`, or\n"
           "`git merge --no-verify`).\n"
           "The logs now merge by key: " +
           logs_merged_by_key_text() +
           ".\n"
           "A row changed on one branch takes the change; a row changed differently on\n"
           "both is a marked conflict.\n";
}

std::string uninstall_text(const std::vector<HookChange>& changes, bool merge_driver_removed)
{
    std::string message;
    for (const auto& h : changes)
        message += h.did == HookChange::Did::NoneToRemove ? "No " + h.name + " hook to remove.\n"
                                                          : "Removed the " + h.name + " hook: " + h.path.string() + "\n";
    if (merge_driver_removed)
        message += "Removed the merge driver: the logs merge line by line (union) again.\n";
    return message;
}

} // namespace pthv::record
