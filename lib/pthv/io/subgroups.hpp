#pragma once
// Subgroup values (reports.subgroups, docs/data.md): from students.csv's
// columns as it is loaded, and from a `--subgroups FILE` kept out of git
// (student_id and subgroup columns), whose values win where both have one.

#include <cstddef>
#include <string>
#include <string_view>

#include <pthv/model/problem.hpp>
#include <pthv/model/repo.hpp>

namespace pthv::io {

// Sets student row `row`'s value of subgroup `g` from `cell` (trimmed; an
// empty cell leaves it as it is). A control character is value-invalid,
// and a subgroup with more than Subgroups::k_max_values values is
// config-invalid: the value is not kept, and false is returned.
bool set_subgroup_value(model::Repo& repo, std::size_t row, std::size_t g, std::string_view cell,
                        const std::string& file, std::size_t line, std::string_view id, model::Problems& problems);

// Merges the subgroups file `content` (named `file`) into repo.subgroups.
// Problems: csv-syntax; column-missing (no student_id); a column
// reports.subgroups does not name (a warning: it is ignored; a flag_*
// column says check-targeting --flags reads it); a student students.csv
// does not list (unknown-ref warning, the row left out); a student seen
// before (duplicate-key: the later row is left out).
void merge_subgroups(const std::string& file, std::string_view content, model::Repo& repo,
                     model::Problems& problems);

} // namespace pthv::io
