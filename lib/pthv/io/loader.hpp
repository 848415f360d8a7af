#pragma once
// Loads a data repo (docs/data.md) into a model::Repo. Never stops at the first
// problem: a broken file is reported (csv-syntax, config-invalid,
// column-missing, value-invalid, required-missing, duplicate-key,
// unknown-column) and everything else still loads, so validate can check all
// it can. Throws only when the operating system refuses to read a file that
// exists (util::FileError).

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <pthv/model/problem.hpp>
#include <pthv/model/repo.hpp>
#include <pthv/util/files.hpp>

namespace pthv::io {

// The data-repo files by relative name ("visits.csv", "payroll/2026-09.csv");
// a file that does not exist is absent from the map. Large files are
// mapped, not copied (util::FileText).
using Sources = std::map<std::string, util::FileText>;
// The same as views, so a check of a change can put the changed text in
// place of one file without copying the others.
using SourceViews = std::map<std::string, std::string_view>;
SourceViews views_of(const Sources& sources);

// The records a change to visits.csv can bear on (log-visit): its students,
// its educators and its visit ids. A scoped load keeps, of students.csv,
// only these students and, of visits.csv, only the visits of these students,
// of these educators, or whose id starts with one of the prefixes; every
// other file loads whole, and every row of every file is still read, so its
// CSV syntax is checked. Each kept row is checked as in a full load, and a
// rule's finding on a visit depends only on rows that share its student or
// an educator, so a scoped load finds on the changed rows exactly what a
// full load would, in a fraction of the time. It is for checking a change,
// never for reporting on the repo.
//
// To be quicker still, the lines of students.csv and visits.csv that hold
// none of the ids are skipped unread (CsvReadOptions::only_lines_with),
// except in the files named in LoadOptions::read_whole.
struct Scope {
    std::set<std::string, std::less<>> students;
    std::set<std::string, std::less<>> staff;
    std::vector<std::string> visit_id_prefixes;
};

struct LoadOptions {
    std::optional<model::Date> as_of; // default: the real today
    // A separate concern-flags file (student_id and flag_* columns), kept
    // out of git; its name is used in messages as given.
    std::optional<std::filesystem::path> flags_file;
    // Set: load only what this scope bears on (see Scope).
    std::shared_ptr<const Scope> scope;
    // In a scoped load, files whose every line is still read: the file about
    // to be changed, so a broken line anywhere in it is known before rows
    // are added to it.
    std::set<std::string> read_whole;
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
LoadResult load_sources(const SourceViews& sources, const LoadOptions& options = {});

// True for "payroll/YYYY-MM.csv" with a real month: the only files in
// payroll/ read as closed pay periods (others are reported, ledger-name).
bool is_ledger_name(std::string_view name);

// The five data files in load order.
const std::vector<std::string>& data_files();
// Files a repo may have, read when present (reviews.csv).
const std::vector<std::string>& optional_files();

// Walks up from `start` to the first folder holding pthv.yaml; nullopt if
// none (like git looks for .git).
std::optional<std::filesystem::path> find_repo_root(const std::filesystem::path& start);

} // namespace pthv::io
