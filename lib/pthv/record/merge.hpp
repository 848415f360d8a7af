#pragma once
// A three-way merge of a data-repo log (visits.csv, trainings.csv) by key,
// for git's merge driver (`pthv hooks merge`). A line merge (git's union)
// keeps both sides' lines, so a visit scheduled on one branch and marked
// completed on the other became two rows with one visit_id. Merging by key:
// - a row added on either side is kept (once, if both added it alike);
// - a row changed on one side only takes the change;
// - a row removed on one side and unchanged on the other is removed;
// - a row changed differently on both sides, added differently on both, or
//   changed on one side and removed on the other is a conflict: both
//   versions are written between git's conflict markers, which pthv
//   validate then reports until someone chooses.
// Rows keep their text as written; the result uses `ours`' header and line
// ending, and rows are in `ours`' order with rows new on `theirs` after them.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pthv::record {

struct MergeResult {
    std::string text;
    std::size_t conflicts = 0;
};

// The key columns of a log by its file name ("visits.csv" -> visit_id,
// "trainings.csv" -> staff_id, date, kind); empty for any other file.
std::vector<std::string> merge_key_columns(std::string_view file_name);

// The file names of every log merge_key_columns knows, in table order
// (visits.csv first): what `pthv hooks install` says merges by key.
std::vector<std::string> logs_merged_by_key();

// Merges `ours` and `theirs`, both descended from `base`, by `key` columns.
// nullopt when a version cannot be merged by key (not one record a line, a
// key column missing, different columns on the two sides): the caller then
// leaves the file to git as a conflict. `file` names it in messages.
std::optional<MergeResult> merge_by_key(std::string_view base, std::string_view ours, std::string_view theirs,
                                        const std::vector<std::string>& key, std::string* why = nullptr);

} // namespace pthv::record
