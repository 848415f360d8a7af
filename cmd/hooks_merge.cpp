// git's merge driver for the data repo's logs (`pthv hooks merge`).
//
// .gitattributes marks the logs (visits.csv, trainings.csv, events.csv,
// sessions.csv, surveys.csv, removed_visits.csv) `merge=union`, so a
// repo merges without pthv installed; but a line merge keeps a visit that
// was scheduled on one branch and completed on the other as two rows with
// one visit_id. `pthv hooks install` (and `init --git`) therefore defines
// the `union` driver of that repository as this command: git looks up a
// driver the repository defines before its built-in one. Logs merge by key
// (record::merge_by_key); any other file marked `union` is still merged
// line by line by `git merge-file --union`, exactly as git would.

#include "hooks.hpp"

#include <cstdio>
#include <cstdlib>
#include <fmt/format.h>
#include <sys/wait.h>

#include "commands.hpp"

#include <pthv/record/merge.hpp>
#include <pthv/util/files.hpp>

namespace pthv::cmd {

namespace fs = std::filesystem;

namespace {

constexpr const char* k_driver_name = "pthv: the logs by key, other files by line (union)";

int run_git(const std::vector<std::string>& args)
{
    std::string command = "git";
    for (const auto& a : args)
        command += " " + shell_quoted(a);
    std::fflush(stdout);
    const int status = std::system(command.c_str());
    return status < 0 ? 2 : WIFEXITED(status) ? WEXITSTATUS(status) : 2;
}

} // namespace

std::string merge_driver_command(const std::string& fallback_binary)
{
    return "pthv=${PTHV:-pthv}; command -v \"$pthv\" >/dev/null 2>&1 || pthv=" + shell_quoted(fallback_binary) +
           "; \"$pthv\" hooks merge %O %A %B %P";
}

bool merge_driver_installed(const fs::path& root)
{
    return git_output(root, {"config", "--local", "--get", "merge.union.name"}).value_or("") == k_driver_name;
}

void install_merge_driver(const fs::path& root, const std::string& binary)
{
    const auto existing = git_output(root, {"config", "--local", "--get", "merge.union.driver"});
    if (existing && !merge_driver_installed(root))
        throw UsageError("this repository already defines its own `union` merge driver (git config merge.union); "
                         "pthv leaves it alone");
    if (!git_output(root, {"config", "--local", "merge.union.name", k_driver_name}) ||
        !git_output(root, {"config", "--local", "merge.union.driver", merge_driver_command(binary)}))
        throw UsageError("git config failed in " + root.string() + ": cannot set the merge driver");
}

bool uninstall_merge_driver(const fs::path& root)
{
    if (!merge_driver_installed(root))
        return false;
    return git_output(root, {"config", "--local", "--remove-section", "merge.union"}).has_value();
}

std::string logs_merged_by_key_text()
{
    const auto logs = record::logs_merged_by_key();
    std::string out;
    for (std::size_t i = 0; i < logs.size(); ++i)
        out += (i == 0 ? "" : i + 1 == logs.size() ? " and " : ", ") + logs[i];
    return out;
}

int run_merge_driver(const std::string& base, const std::string& ours, const std::string& theirs,
                     const std::string& path)
{
    const auto key = record::merge_key_columns(path.empty() ? ours : path);
    if (key.empty()) // not a log of pthv's: what git's union driver does
        return run_git({"merge-file", "--union", ours, base, theirs}) == 0 ? k_exit_ok : k_exit_findings;
    std::string why;
    const auto merged =
        record::merge_by_key(util::read_file(base), util::read_file(ours), util::read_file(theirs), key, &why);
    if (!merged) {
        std::fprintf(stderr, "pthv: %s: cannot merge by %s (%s); left to you as a line conflict\n", path.c_str(),
                     key.front().c_str(), why.c_str());
        run_git({"merge-file", "-L", "ours", "-L", "common ancestor", "-L", "theirs", ours, base, theirs});
        return k_exit_findings;
    }
    util::atomic_write(ours, merged->text);
    if (merged->conflicts == 0)
        return k_exit_ok;
    std::fprintf(stderr,
                 "pthv: %s: %zu %s changed differently on the two branches; each is marked between <<<<<<< and "
                 ">>>>>>>: keep one version of each, then run `pthv validate`\n",
                 path.c_str(), merged->conflicts, merged->conflicts == 1 ? "row was" : "rows were");
    return k_exit_findings;
}

} // namespace pthv::cmd
