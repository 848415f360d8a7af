#pragma once
// The git hooks `pthv hooks install` puts in a data repo's work tree: a
// pre-commit and a pre-merge-commit hook running `pthv validate -q`, so a
// commit or a merge commit with errors is stopped (git runs pre-commit for
// a commit, pre-merge-commit for a merge that commits on its own), with the
// merge driver of the logs (below). A hook that is not pthv's is
// never replaced or removed without `force`.
//
// Every function throws util::FileError saying why it cannot go on (git
// missing, not a work tree, a hook that is not pthv's, a file that cannot
// be written); every hook is judged before one is written.
//
// pthv as git's merge driver for a data repo's logs (record::merge_by_key):
// .gitattributes marks the logs `merge=union`, and the repository's own git
// config defines the `union` driver as `pthv hooks merge`, which git looks
// up before its built-in one (docs/guide.md). Set by `pthv hooks install`
// and `pthv init --git`.

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace pthv::record {

// The driver's command line for git config: pthv on PATH (or $PTHV), else
// `fallback_binary`.
std::string merge_driver_command(const std::string& fallback_binary);

// True when the repository at `root` defines pthv's driver.
bool merge_driver_installed(const std::filesystem::path& root);

// Defines the repository's `union` merge driver as pthv's. Returns "" when
// done, else why not: the repository defines its own `union` driver (left
// alone), or git config failed.
std::string install_merge_driver(const std::filesystem::path& root, const std::string& binary);

// Removes it if it is pthv's; false when there was none of pthv's.
bool uninstall_merge_driver(const std::filesystem::path& root);

// "visits.csv, trainings.csv, ... and removed_visits.csv": the logs the
// driver merges by key (logs_merged_by_key), for messages.
std::string logs_merged_by_key_text();

// `pthv hooks merge BASE OURS THEIRS PATH`, as git calls a merge driver:
// writes the merge into OURS. A log of pthv's (merge_key_columns of PATH,
// else of OURS) merges by key (merge_by_key); any other file, or a log that
// cannot be merged by key, is merged line by line by `git merge-file`
// (union, as git's own driver does; a log is left as a line conflict).
// False when the merge has conflicts; `say` is given what to tell the user
// about them, before git is run for a line conflict.
bool run_merge_driver(const std::string& base, const std::string& ours, const std::string& theirs,
                      const std::string& path, const std::function<void(const std::string&)>& say);

// The text of git hook `name` (pre-commit, pre-merge-commit): from the top
// of the work tree it goes to `prefix` (the data repo's folder in the work
// tree, "" for the top) and runs `pthv validate -q`; `fallback_binary` is
// used when no pthv is on PATH.
std::string hook_text(const std::string& name, const std::string& prefix, const std::string& fallback_binary);

// What install or uninstall did with one hook.
struct HookChange {
    enum class Did { AlreadyInstalled, Installed, Replaced, Removed, NoneToRemove };
    std::string name;
    std::filesystem::path path;
    Did did = Did::Installed;
};

// Installs both hooks for the data repo at `root` (`binary` when no pthv
// is on PATH) and the logs' merge driver.
std::vector<HookChange> install_hooks(const std::filesystem::path& root, const std::string& binary, bool force);

// Removes both hooks; `merge_driver_removed` is set when pthv's merge
// driver was removed too.
std::vector<HookChange> uninstall_hooks(const std::filesystem::path& root, bool force, bool& merge_driver_removed);

// What `pthv hooks install` says of `changes`: a line per hook, then how
// commits and merges are now checked (or, when both were already there,
// only how the logs merge).
std::string install_text(const std::vector<HookChange>& changes);

// What `pthv hooks uninstall` says: a line per hook, and the merge driver's
// removal when `merge_driver_removed`.
std::string uninstall_text(const std::vector<HookChange>& changes, bool merge_driver_removed);

} // namespace pthv::record
