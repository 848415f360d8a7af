#pragma once
// pthv as git's merge driver for a data repo's logs (record::merge_by_key):
// .gitattributes marks the logs `merge=union`, and the repository's own git
// config defines the `union` driver as `pthv hooks merge`, which git looks
// up before its built-in one (docs/guide.md). Set by `pthv hooks install`
// and `pthv init --git`.

#include <filesystem>
#include <string>

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

} // namespace pthv::record
