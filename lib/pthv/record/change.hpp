#pragma once
// A change to the data repo as the writing commands make it (log-visit,
// roster, event, review, survey import): the repo's files read as text and
// loaded, rows rendered into the changed file's own columns and line
// endings, and the change checked in the same load's scope (record/edit.hpp
// says what a check refuses). The caller holds the repo's util::RepoLock
// from load_current to writing.

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <pthv/io/loader.hpp>
#include <pthv/model/date.hpp>
#include <pthv/model/problem.hpp>
#include <pthv/record/edit.hpp>
#include <pthv/record/row.hpp>

namespace pthv::record {

// The repo as a change finds it.
struct Current {
    io::Sources sources;
    io::LoadResult loaded;
    std::shared_ptr<const io::Scope> scope; // the check's scope; null: the whole repo
    std::shared_ptr<const io::Scope> loaded_in; // the scope `loaded` was loaded in
    bool created = false; // the changed file was absent: loaded as its schema's header alone
};

// Reads the files of the repo at `root` and loads them as of `as_of`, in
// `scope` when one is given; `file`, the one to change, is read whole even
// then, so a broken line anywhere in it is known. With `create`, an absent
// `file` (an optional one: reviews.csv, events.csv, surveys.csv) is loaded
// as its schema's header alone. Throws util::FileError when a file cannot
// be read; what the files hold is in `loaded.problems` (record::unwritable
// says whether `file` can take rows).
Current load_current(const std::filesystem::path& root, const std::string& file, model::Date as_of,
                     std::shared_ptr<const io::Scope> scope, bool create);

// The scope of a change to visit `id` (log-visit --update, --confirm): its
// row's student, educators and id as visits.csv under `root` has them
// (record::visit_scope), so that a check of the row changed in the same
// scope is incremental (check_change); only the id when no line holds a
// row with it, or the file cannot be read.
std::shared_ptr<const io::Scope> visit_row_scope(const std::filesystem::path& root, const std::string& id);

// A column-missing problem for each field a row sets that `header` has no
// column for ("visits.csv has no column interpreter"): such a row could not
// be written as it was given. Empty when every field has its column. With
// `add_optional`, a column append_records adds (addable_columns) is no
// refusal.
model::Problems column_refusals(const std::string& file, const std::vector<std::string>& header,
                                const Fields& fields, bool add_optional = false);

// The columns that `rows` set, `header` lacks and `file`'s schema declares
// as optional (never required, nor required when another cell has a value),
// in the schema's order: a file older than the column can take it, every
// earlier row with the cell empty, as if the column had always been there.
std::vector<std::string> addable_columns(const std::string& file, const std::vector<std::string>& header,
                                         const std::vector<Fields>& rows);

// The append of `rows` to `file`, each rendered in the file's header order
// with its line ending; a file load_current created is written whole
// (header and rows). Edit::rows holds the rendered rows. When the rows set
// addable_columns, the file is written whole instead (util::atomic_write:
// the old file or the new one, never a mix): those columns at the end of its
// header, an empty cell for each in every earlier row, then the rows; they
// are named in Edit::added_columns.
Edit append_records(const Current& current, const std::string& file, const std::vector<Fields>& rows);

// check_edit of `edit` as of `as_of`, in Current::scope. When the scope
// `current` was loaded in holds that one, the check is incremental: of the files the
// scope narrows, only the rows the first load kept and the changed rows are
// read again (at their own lines, the others left blank), not the files,
// which finds what the check of the whole files in the scope finds. Else,
// and for an edit that adds columns or follows a load that found a broken
// line in such a file, the files are read again whole.
EditCheck check_change(const Current& current, const Edit& edit, model::Date as_of);

// Each of `problems` on a cell of `edit`'s changed rows that a command-line
// option gave (`option_of`: field -> option, start_time -> --time), said as
// the option: "--time 4:30pm" (the value given) in place of a file and line
// that were never written, and the rule's general advice ("fix the cell")
// turned to the option ("fix the value of --time (pthv log-visit --help)",
// or "give --focus ..." for an empty value).
void name_options(model::Problems& problems, const Edit& edit, const std::map<std::string, std::string>& option_of);

} // namespace pthv::record
