#pragma once
// pthv and git: the few git calls pthv makes (`pthv init --git`, `pthv
// hooks install`), the pre-commit and pre-merge-commit hooks it installs and the merge driver it
// defines for the logs (hooks_merge.cpp). git itself is run
// as a program, so its own rules (worktrees, core.hooksPath) apply.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace pthv::cmd {

// Runs `git -C DIR ARGS...` and returns its standard output with the last
// newline removed, or nothing when git is missing or exits non-zero (its
// error output is discarded).
std::optional<std::string> git_output(const std::filesystem::path& dir, const std::vector<std::string>& args);

// True when git can be run at all.
bool git_available();

// True when DIR lies inside a git work tree.
bool inside_git_work_tree(const std::filesystem::path& dir);

// The text of git hook `name` (pre-commit, pre-merge-commit): from the top
// of the work tree it goes to `prefix` (the data repo's folder in the work
// tree, "" for the top) and runs `pthv validate -q`; `fallback_binary` is
// used when no pthv is on PATH.
std::string hook_text(const std::string& name, const std::string& prefix, const std::string& fallback_binary);

// One argument for /bin/sh, single-quoted.
std::string shell_quoted(const std::string& s);

// The `union` merge driver's command line for git config: pthv on PATH (or
// $PTHV), else `fallback_binary`.
std::string merge_driver_command(const std::string& fallback_binary);
// Defines the repository's `union` merge driver as `pthv hooks merge`
// (throws UsageError if the repository defines another one).
void install_merge_driver(const std::filesystem::path& root, const std::string& binary);
bool merge_driver_installed(const std::filesystem::path& root);
// Removes it if it is pthv's; false when there was none of pthv's.
bool uninstall_merge_driver(const std::filesystem::path& root);
// `pthv hooks merge BASE OURS THEIRS PATH`, as git calls a merge driver:
// writes the merge into OURS; exit 0 clean, 1 with conflicts marked.
int run_merge_driver(const std::string& base, const std::string& ours, const std::string& theirs,
                     const std::string& path);

// "visits.csv, trainings.csv, ...": the logs the merge driver merges by
// key (record::logs_merged_by_key), for messages.
std::string logs_merged_by_key_text();

// The running binary's path ("pthv" if the system cannot say).
std::string this_binary();

} // namespace pthv::cmd
