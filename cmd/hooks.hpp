#pragma once
// pthv hooks' parts: the pre-commit and pre-merge-commit hooks it installs
// (hooks.cpp) and the merge driver git runs for the logs (hooks_merge.cpp).
// The git calls are util/git's; the driver's git config is
// record/merge_driver's.

#include <string>

namespace pthv::cmd {

// The text of git hook `name` (pre-commit, pre-merge-commit): from the top
// of the work tree it goes to `prefix` (the data repo's folder in the work
// tree, "" for the top) and runs `pthv validate -q`; `fallback_binary` is
// used when no pthv is on PATH.
std::string hook_text(const std::string& name, const std::string& prefix, const std::string& fallback_binary);

// `pthv hooks merge BASE OURS THEIRS PATH`, as git calls a merge driver:
// writes the merge into OURS; exit 0 clean, 1 with conflicts marked.
int run_merge_driver(const std::string& base, const std::string& ours, const std::string& theirs,
                     const std::string& path);

} // namespace pthv::cmd
