#pragma once
// Loads a data repo (data.md) into a model::Repo. Never stops at the first
// problem: a broken file is reported (csv-syntax, config-invalid,
// column-missing, value-invalid, required-missing, duplicate-key,
// unknown-column) and everything else still loads, so validate can check all
// it can. Throws only when the operating system refuses to read a file that
// exists (util::FileError).

#include <filesystem>
#include <map>
#include <optional>
#include <string>

#include <pthv/model/problem.hpp>
#include <pthv/model/repo.hpp>

namespace pthv::io {

// The data-repo files by relative name ("visits.csv", "payroll/2026-09.csv");
// a file that does not exist is absent from the map.
using Sources = std::map<std::string, std::string>;

struct LoadOptions {
    std::optional<model::Date> as_of; // default: the real today
    // A separate concern-flags file (student_id and flag_* columns), kept
    // out of git; its name is used in messages as given.
    std::optional<std::filesystem::path> flags_file;
};

struct LoadResult {
    model::Repo repo;
    model::Problems problems;
};

// The files of the data repo at `root` as text: pthv.yaml, the five CSV
// files and payroll/*.csv, each only if it exists.
Sources read_sources(const std::filesystem::path& root);

// Reads pthv.yaml, the five CSV files and payroll/*.csv under `root`.
LoadResult load_repo(const std::filesystem::path& root, const LoadOptions& options = {});

// The same from text, for tests and for checking a change before writing
// it: `flags` is the flags file's (name, content) if any.
LoadResult load_sources(const Sources& sources, const LoadOptions& options = {},
                        const std::optional<std::pair<std::string, std::string>>& flags = std::nullopt);

// The five data files in load order.
const std::vector<std::string>& data_files();

// Walks up from `start` to the first folder holding pthv.yaml; nullopt if
// none (like git looks for .git).
std::optional<std::filesystem::path> find_repo_root(const std::filesystem::path& start);

} // namespace pthv::io
