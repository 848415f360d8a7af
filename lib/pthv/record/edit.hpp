#pragma once
// A change to one data-repo file, checked together with the whole repo
// before anything is written (docs/guide.md, log-visit): the would-be content is
// loaded in memory with every other file, every rule runs, and only the
// problems of the changed rows count. Integrity problems refuse the change;
// practice and other findings are reported and the change is kept.
//
// Callers hold a util::RepoLock from reading the sources to writing, so the
// check and the write see the same files.

#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <pthv/io/loader.hpp>
#include <pthv/model/problem.hpp>
#include <pthv/record/row.hpp>
#include <pthv/util/line_set.hpp>

namespace pthv::record {

// A problem of the file itself (missing, no header, a row that is not
// well-formed) that makes writing rows into it unsafe; empty when `file`
// can be edited. `loaded` is the load of the current sources.
model::Problems unwritable(const io::LoadResult& loaded, const std::string& file);

struct Edit {
    std::string file;             // "visits.csv"
    std::string newline;          // the file's line ending ("\n" or "\r\n")
    std::string after;            // the would-be text (a replace, or an append that could not be checked in place)
    // An append checked in place: the file's text and the new rows, viewed
    // where the sources hold the file (util::FileText::with_tail), valid
    // while they are; empty otherwise. text() is the one to read.
    std::string_view after_in_place;
    std::string rows;             // for an append: the new rows, each ending in the file's newline
    bool append = false;          // append `rows`, else replace with `after`
    util::LineSet lines;          // physical lines of the new or changed rows in `after`
    // Ids of the changed records whose findings in other files count too: a
    // visit marked cancelled that a closed ledger paid is paid-not-compensable
    // on the ledger's line, and the change is what brought it about.
    std::set<std::string> records;
    // Columns the change adds to the file's header (record::append_records),
    // in the order they are added; empty for most changes.
    std::vector<std::string> added_columns;

    // The would-be text of the file.
    std::string_view text() const { return after_in_place.empty() ? std::string_view(after) : after_in_place; }
};

// An append of `rows` (each ending in the file's newline) to `file`. The
// edit takes `rows` over (Edit::rows): a caller done with them moves them in.
Edit make_append(const io::Sources& sources, const std::string& file, std::string rows, std::size_t row_count);

// The cells of the record on physical line `line` of `file`, by header name,
// as the file has them. Only the header line and that line are read: a
// data-repo record is one line (docs/data.md). Empty when there is no such line.
Fields row_fields(const io::Sources& sources, const std::string& file, std::size_t line);

// A replace of physical line `line` of `file` by `text` (no line ending; the
// line keeps its own), every other byte kept. nullopt when there is no such
// line.
std::optional<Edit> make_replace(const io::Sources& sources, const std::string& file, std::size_t line,
                                 const std::string& text);

// A change to one record in place, and the record's new text (for a dry run
// to show).
struct RowEdit {
    Edit edit;
    std::string text; // the changed row, without its line ending
};

// The record on physical line `line` of `file` changed by `change`: its
// fields (row_fields, empty when there is no such line) are handed to
// `change`, which may also refuse by throwing, then rendered in `header`'s
// order in place of the line (make_replace). nullopt when there is no such
// line. With `add_optional`, an optional column the changed record sets and
// `header` lacks (record::addable_columns) is added as append_records adds
// it: the file is rewritten whole, and Edit::added_columns names it.
std::optional<RowEdit> edit_row(const io::Sources& sources, const std::string& file,
                                const std::vector<std::string>& header, std::size_t line,
                                const std::function<void(Fields&)>& change, bool add_optional = false);

struct EditCheck {
    model::Problems refused;  // integrity errors of the changed rows
    model::Problems findings; // practice and other findings of the changed rows
    bool has_errors() const;  // a finding with severity error (exit 1)
};

// Loads `sources` with the edit applied and checks the repo.
EditCheck check_edit(const io::Sources& sources, const Edit& edit, const io::LoadOptions& options);
// The same over `files`, which already hold edit.file as the edit leaves it.
EditCheck check_edit(const io::SourceViews& files, const Edit& edit, const io::LoadOptions& options);

// Writes the edit under `root`: an append writes only the new bytes in one
// journaled write (util::append_text: cut back if it fails, rolled back by
// the next lock if it is killed), a replace goes through util::atomic_write.
// Either refuses a file that is a symbolic link. Throws util::FileError with
// every file as it was.
void write_edit(const std::filesystem::path& root, const Edit& edit);

} // namespace pthv::record
