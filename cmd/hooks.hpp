#pragma once
// pthv and git: the few git calls pthv makes (`pthv init --git`, `pthv
// hooks install`) and the pre-commit hook it installs. git itself is run
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

// The pre-commit hook's text: from the top of the work tree it goes to
// `prefix` (the data repo's folder in the work tree, "" for the top) and
// runs `pthv validate -q`; `fallback_binary` is used when no pthv is on PATH.
std::string pre_commit_hook_text(const std::string& prefix, const std::string& fallback_binary);

} // namespace pthv::cmd
