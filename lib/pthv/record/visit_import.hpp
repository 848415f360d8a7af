#pragma once
// `pthv log-visit --import`: turns a form export into new visits.csv rows
// (docs/guide.md). All or nothing is the command's job; this plans the rows, skips
// those already logged and places problems back on the export's own lines.

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <pthv/io/csv.hpp>
#include <pthv/io/loader.hpp>
#include <pthv/model/repo.hpp>
#include <pthv/record/import_map.hpp>

namespace pthv::record {

// A form export read as the imports read it (RFC 4180 with line breaks in
// quoted cells, ';' where a spreadsheet separates so): `head` is the export
// with its header and no rows, what the map is checked against; the rows
// are read one at a time from the text (for_each_export_row), so an import
// never holds the export as a table.
io::CsvReadOptions export_read_options();
io::CsvTable export_head(std::string_view file, std::string_view text, model::Problems& problems);
// Calls `use` with each well-formed row of the export, in order; the row
// is valid only during the call.
void for_each_export_row(const io::CsvTable& head, std::string_view text,
                         const std::function<void(const io::CsvRow&)>& use);
// The whole export as a table, for what needs every row at once (the
// advice on a date that does not parse: settle_date_advice).
io::CsvTable whole_export(const io::CsvTable& head, std::string_view text);

struct ImportRow {
    std::size_t source_line = 0; // the row's first physical line in the export
    Fields fields;               // complete, with its visit_id (empty once check_visit_import rendered it)
};

struct ImportPlan {
    std::vector<ImportRow> rows;    // to add, in the export's order
    std::size_t already_logged = 0; // same student, date and educators as a logged visit (or an earlier row)
    model::Problems problems;       // found before any check of the repo (a date that does not parse, ...)
};

// Maps every row of the export (`head` and its `text`, read a row at a time), fills defaults (status completed, the
// student's site), skips rows already logged and makes ids unique among the
// new rows too. `visits_header` is visits.csv's header: a field it has no
// column for is a problem.
ImportPlan plan_import(const io::CsvTable& head, std::string_view text, const ImportMap& map,
                       const model::Repo& repo, const std::vector<std::string>& visits_header);

// What a load needs to plan and check the import of the export (io::Scope):
// the students, educators and ids of its rows.
io::Scope import_scope(const io::CsvTable& head, std::string_view text, const ImportMap& map);

// Problems found on visits.csv lines first_line, first_line + 1, ... (the
// appended rows), moved to the export's file and lines.
model::Problems to_export_lines(const model::Problems& problems, std::size_t first_line,
                                const std::vector<ImportRow>& rows, const std::string& export_file);
// The same with each appended row's first line in the export.
model::Problems to_export_lines(const model::Problems& problems, std::size_t first_line,
                                const std::vector<std::size_t>& source_lines, const std::string& export_file);

} // namespace pthv::record
