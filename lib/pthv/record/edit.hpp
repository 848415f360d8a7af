#pragma once
// A change to one data-repo file, checked together with the whole repo
// before anything is written (cli.md, log-visit): the would-be content is
// loaded in memory with every other file, every rule runs, and only the
// problems of the changed rows count. Integrity problems refuse the change;
// practice and other findings are reported and the change is kept.
//
// Callers hold a util::RepoLock from reading the sources to writing, so the
// check and the write see the same files.

#include <cstddef>
#include <filesystem>
#include <set>
#include <string>

#include <pthv/io/loader.hpp>
#include <pthv/model/problem.hpp>

namespace pthv::record {

// A problem of the file itself (missing, no header, a row that is not
// well-formed) that makes writing rows into it unsafe; empty when `file`
// can be edited. `loaded` is the load of the current sources.
model::Problems unwritable(const io::LoadResult& loaded, const std::string& file);

struct Edit {
    std::string file;             // "visits.csv"
    std::string before;           // the file's current text
    std::string after;            // the would-be text
    std::string rows;             // for an append: the new rows, each ending in the file's newline
    bool append = false;          // append `rows`, else replace with `after`
    std::set<std::size_t> lines;  // physical lines of the new or changed rows in `after`
};

// An append of `rows` (each ending in the file's newline) to `file`.
Edit make_append(const io::Sources& sources, const std::string& file, const std::string& rows,
                 std::size_t row_count);

struct EditCheck {
    model::Problems refused;  // integrity errors of the changed rows
    model::Problems findings; // practice and other findings of the changed rows
    bool has_errors() const;  // a finding with severity error (exit 1)
};

// Loads `sources` with the edit applied and checks the repo.
EditCheck check_edit(const io::Sources& sources, const Edit& edit, const io::LoadOptions& options);

// Writes the edit under `root`: an append writes only the new bytes in one
// write (util::append_text), a replace goes through util::atomic_write.
void write_edit(const std::filesystem::path& root, const Edit& edit);

} // namespace pthv::record
