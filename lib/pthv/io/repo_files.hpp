#pragma once
// The data repo's own files (docs/data.md): which names and paths are the
// repo's, so nothing pthv writes for a user (-o FILE) lands on one, and
// which of them could not be read, so no command computes from part of a file.

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <pthv/io/loader.hpp>
#include <pthv/model/problem.hpp>

namespace pthv::io {

// True for pthv.yaml and the CSV files of the repo's root (data_files(),
// optional_files()), by name alone.
bool is_repo_file(std::string_view name);

// What of the repo at `root` the real path `target` is, as a path relative
// to `root` ("visits.csv", "payroll/2026-10.csv"), or "" when it is none of
// the repo's own files: pthv.yaml, the CSV files, pthv's lock and journal,
// anything in payroll/. `target` has its links resolved already; a hard
// link to one of the files is found by its inode. Never throws: a path the
// system cannot look at is "".
std::string repo_file_at(const std::filesystem::path& target, const std::filesystem::path& root);

// True when `dir` holds pthv.yaml or any of the repo's data files: a data
// repo, perhaps one that lost its pthv.yaml (validate then says so), and
// not a mistyped folder.
bool holds_repo_files(const std::filesystem::path& dir);

// The data repo a command works on: `data_dir` (-C DIR) when given, else
// the first folder from `start` up holding pthv.yaml. `refused` says why
// there is none: no such folder, a folder with none of the repo's files
// (holds_repo_files: a mistyped -C), no pthv.yaml here or above.
struct RepoRoot {
    std::filesystem::path dir;
    std::string refused;
};
RepoRoot repo_root(const std::string& data_dir, const std::filesystem::path& start);

// Why `dir`, a repo named on the command line (rollup, trend), cannot be
// loaded: "no such folder", "not a pthv data repo (no pthv.yaml)"; "" when
// it can. config_failure: why its pthv.yaml did not load ("pthv.yaml: " and
// the config-invalid message), "" when it did.
std::string named_repo_refusal(const std::filesystem::path& dir);
std::string config_failure(const LoadResult& loaded);

// Why a file a user named for output (-o FILE) must not be written: it is
// one of the repo's own files (repo_file_at) of `root`, when given, or of
// the repo holding it. "" when it may be written, or when the system cannot
// resolve the path (the write then says why).
std::string output_file_refusal(const std::string& output, const std::optional<std::filesystem::path>& root);

// Why `folder` cannot take one file per person that names students (remind
// -o DIR): it lies inside the data repo at `root`, where `git add .` would
// commit them, or it is not a folder. "" when it can.
std::string private_folder_refusal(const std::filesystem::path& folder, const std::filesystem::path& root);

// Where the concern flags of `repo` come from, for people: "students.csv"
// (its flag_ columns), `flags_file` (--flags), or both.
std::string flags_source(const model::Repo& repo, const std::string& flags_file);

// Removes the temporary files an interrupted replace of the repo's own
// files (and of payroll/'s ledgers) left in the repo at `root`, with a copy
// of the data in them. Only under the repo lock: every such replace runs
// under the exclusive lock. Returns their names, relative to `root`.
std::vector<std::string> remove_interrupted_writes(const std::filesystem::path& root);

// True for a problem that leaves a file unread or half read: a broken
// pthv.yaml (config-invalid), a file that is not CSV (csv-syntax), a
// missing column (column-missing).
bool leaves_unread(const model::Problem& p);

// The problems of `loaded` that leave a file unread or half read: a broken
// pthv.yaml (config-invalid), a file that is not CSV (csv-syntax), a
// missing column (column-missing). Figures computed past one of them would
// mislead; a Repo whose config did not load (config_ok false) may still
// have none of them listed.
model::Problems unreadable(const LoadResult& loaded);

// The problems of a load with a --flags file (check-targeting), sorted:
// `unreadable`, what leaves the check without the data it judges
// (leaves_unread, and a student the flags file lists twice, duplicate-key:
// which flags hold is then unknown, and the verdict could turn on it);
// `flags`, the flags file's other problems (an unknown student, a value not
// yes or no: shown, and the check goes on without them); `other_errors`,
// how many errors the rest of the data has.
struct FlagsLoad {
    model::Problems unreadable;
    model::Problems flags;
    std::size_t other_errors = 0;
};
FlagsLoad sort_flags_load(const model::Problems& problems, const std::string& flags_file);

} // namespace pthv::io
