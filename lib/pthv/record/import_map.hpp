#pragma once
// The --map file of `pthv log-visit --import` (docs/guide.md): which column of a
// form export is which visits.csv field, how its values translate, how it
// writes dates, and defaults for fields it lacks.
//
//   columns: {student_id: Student ID, educators: [Educator 1, Educator 2]}
//   values: {focus: {Hopes and dreams: hopes_and_dreams}}
//   date_format: "%m/%d/%Y"
//   defaults: {status: completed, mode: home}

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <pthv/io/csv.hpp>
#include <pthv/model/date.hpp>
#include <pthv/model/problem.hpp>
#include <pthv/record/row.hpp>

namespace pthv::record {

// The file an import adds rows to, and the fields a map may name: its
// columns, and with a prefix any column named <prefix><name> (surveys.csv's
// q_<question>). A values table named <prefix>* translates every such field
// that has none of its own (one answer scale for every question).
struct ImportTarget {
    std::string file;                // "visits.csv"
    std::vector<std::string> fields; // its columns
    std::string open_prefix;         // "q_", or empty
    bool accepts(const std::string& field) const;
    std::string any_open() const { return open_prefix + "*"; }
};
const ImportTarget& visit_target();

struct ImportMap {
    std::map<std::string, std::vector<std::string>> columns; // field -> FILE columns (joined with ";")
    std::map<std::string, std::map<std::string, std::string>> values; // field -> FILE value -> pthv value
    std::string date_format;                                 // empty: ISO (YYYY-MM-DD)
    Fields defaults;                                         // field -> value when FILE gives none
    std::map<std::string, std::size_t> column_lines;         // field -> line in the map, for messages
    std::vector<std::string> column_order;                   // the fields of `columns`, in the map's order
    std::string file;                                        // the map's name in messages; empty without --map
};

// The values table that translates `field` (its own, or a <prefix>* one),
// or nullptr when the map translates none of its values.
const std::map<std::string, std::string>* values_of(const ImportMap& map, const std::string& field);

// The fields an import reads as dates (date_format applies to them): the
// columns the visits and surveys schemas type as date, in their order.
const std::vector<std::string>& import_date_fields();

// The advice for a date cell `value` that does not read as `format`: when
// it reads with day and month the other way round, the format that does
// ("13/03/2026" with "%m/%d/%Y": the file writes the day first); else how
// to fix the map or the cell.
std::string date_format_advice(std::string_view value, std::string_view format);

// The day-first advice of date problems (date_format_advice) taken back
// where another row of the same column reads only the map's way round
// (3/25/2026 with "%m/%d/%Y"): the file writes the month first, and the
// cell is wrong, not the map.
void settle_date_advice(model::Problems& problems, const ImportMap& map, const io::CsvTable& table);

// The column of `table` that looks like the moment each row was entered (a
// form's "Timestamp", "Completion time", "Submission Date", ...) when the
// map does not already read logged_on or that column; empty if none.
std::string entry_time_column(const io::CsvTable& table, const ImportMap& map);

// Parses the map's YAML. Problems (rule left empty) name `file` and the
// line: not YAML, an unknown key, a field the target does not have, a value
// of the wrong shape, a date_format with an unsupported directive.
std::optional<ImportMap> parse_import_map(const std::string& file, const std::string& text,
                                          model::Problems& problems, const ImportTarget& target = visit_target());

// The map used without --map: each column of FILE is the target's field of
// the same name. A column that is not a field is a problem (line 1 of FILE).
ImportMap identity_map(const io::CsvTable& table, model::Problems& problems,
                       const ImportTarget& target = visit_target());

// Problems for map columns FILE does not have (naming the map's line).
void check_map_columns(const std::string& map_file, const ImportMap& map, const io::CsvTable& table,
                       model::Problems& problems);

// A date written as `format` (strftime-like: %Y %m %d %y %b %B %e %%, other
// characters literal; numbers may drop their leading zero). nullopt when
// the text does not match or is not a real date.
std::optional<model::Date> parse_date_as(std::string_view text, std::string_view format);
// "" when `format` is supported, else what is wrong with it.
std::string check_date_format(std::string_view format);

// "4:30 PM", "9:05", "16:30" -> "16:30", "09:05"; anything else unchanged.
std::string normalise_time(std::string_view text);

// A row of nothing but empty cells (spreadsheets leave them at the end).
bool is_blank_row(const io::CsvRow& row);

// One FILE row as the target's fields: columns gathered and joined, values
// translated, dates converted to ISO, defaults filled. A date that does not
// match the format is a value-invalid problem at `line` of `file`.
Fields map_row(const ImportMap& map, const io::CsvTable& table, const io::CsvRow& row, model::Problems& problems);

} // namespace pthv::record
