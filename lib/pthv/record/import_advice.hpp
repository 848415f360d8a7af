#pragma once
// What an import from a form export (log-visit --import, survey import)
// tells the user about its problems (docs/import.md): advice that points at
// the map rather than the cell, since a form export writes every date and
// answer the same way, and one line of the map fixes every row.

#include <string>
#include <vector>

#include <pthv/io/csv.hpp>
#include <pthv/model/problem.hpp>
#include <pthv/record/import_map.hpp>
#include <pthv/record/visit_import.hpp>

namespace pthv::record {

// Sets the advice of each value-invalid problem that names its column and
// value: how to write date_format in the map for a date, a values:
// translation for a field of fixed values, the 1..5 scale for a survey
// question. The target's schema says what the column holds.
void advise_map(model::Problems& problems, const ImportMap& map, const ImportTarget& target);

// logged_on of an imported visit is the day of the import: where that makes
// a visit a late entry and the export has a column saying when each row was
// entered (entry_time_column), the late-entry findings of `file` advise
// mapping logged_on from it.
void advise_entry_time(model::Problems& findings, const io::CsvTable& table, const ImportMap& map,
                       const std::string& file);

// A value-invalid problem at `file`:line for each cell of `rows` holding a
// control character (line breaks aside): a name or note printed later could
// rewrite the terminal.
model::Problems control_problems(const std::string& file, const std::vector<ImportRow>& rows);

// `first` and the problems of `more` on lines and rules `first` has not
// reported (a cell the import already reported is one problem, not two),
// sorted.
model::Problems merge_problems(model::Problems first, const model::Problems& more);

} // namespace pthv::record
