#pragma once
// The few git calls pthv makes (`init --git`, `hooks install`), git run as
// a program so its own rules (worktrees, core.hooksPath) apply. Knows
// nothing of PTHV.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace pthv::util {

// Runs `git -C DIR ARGS...` and returns its standard output with the last
// newline removed, or nothing when git is missing or exits non-zero (its
// error output is discarded).
std::optional<std::string> git_output(const std::filesystem::path& dir, const std::vector<std::string>& args);

// True when git can be run at all.
bool git_available();

// True when DIR lies inside a git work tree.
bool inside_git_work_tree(const std::filesystem::path& dir);

// One argument for /bin/sh, single-quoted.
std::string shell_quoted(const std::string& s);

// The running binary's path ("pthv" if the system cannot say).
std::string this_binary();

} // namespace pthv::util
