#pragma once
// A record being written, as field name -> text, and its rendering in a
// file's own column order (docs/data.md: column order is free, names match
// exactly). Cells are quoted only when needed and line breaks in free text
// become spaces (io::csv_row).

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace pthv::record {

using Fields = std::map<std::string, std::string>;

// The cells of `header` order: a column the fields do not set is empty.
std::vector<std::string> cells_in_order(const std::vector<std::string>& header, const Fields& fields);

// The row's text, ending with `newline` (empty: no line ending).
std::string render_row(const std::vector<std::string>& header, const Fields& fields, std::string_view newline);

// The fields of an existing row, by header name.
Fields fields_of(const std::vector<std::string>& header, const std::vector<std::string>& cells);

// Fields set that `header` has no column for (they could not be written).
std::vector<std::string> missing_columns(const std::vector<std::string>& header, const Fields& fields);

// Staff ids as typed ("T017, T022", "T017;T022"): trimmed, empty parts
// dropped, joined by ";" as visits.csv writes them.
std::string join_ids(std::string_view text);

} // namespace pthv::record
