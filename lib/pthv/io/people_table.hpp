#pragma once
// A table for people (roster, event list): the rows a listing keeps
// (model::Listing), as text, spreadsheet-safe CSV or JSON.

#include <string>
#include <vector>

namespace pthv::io {

// `format` "csv": `keys` then the rows, each cell printable and csv_safe_row
// (no cell read as a formula); "json": an array of objects keyed by `keys`;
// anything else, text: columns padded to the widest cell, counted in
// characters, not bytes, for names like "Adrián", a control character shown
// as \xNN.
std::string render_table(const std::string& format, const std::vector<std::string>& header,
                         const std::vector<std::string>& keys, const std::vector<std::vector<std::string>>& rows);

} // namespace pthv::io
