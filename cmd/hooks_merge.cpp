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
#include <pthv/util/git.hpp>

namespace pthv::cmd {

namespace fs = std::filesystem;

namespace {

int run_git(const std::vector<std::string>& args)
{
    std::string command = "git";
    for (const auto& a : args)
        command += " " + util::shell_quoted(a);
    std::fflush(stdout);
    const int status = std::system(command.c_str());
    return status < 0 ? 2 : WIFEXITED(status) ? WEXITSTATUS(status) : 2;
}

} // namespace

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
