#pragma once
// Row-level edits of a data-repo CSV file's text that keep every other byte:
// other lines, their line endings and a leading BOM stay as they are. Data-repo
// files hold one record a line (docs/data.md), so record line N is physical line N.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pthv::io {

// The file's newline for rows pthv writes: CRLF when its first line break is
// CRLF, else LF (docs/data.md: a write keeps the line ending the file uses).
std::string_view newline_of(std::string_view content);

// The physical line a record appended to `content` would start on: past the
// last line, counting the newline an append adds to an unterminated file.
std::size_t next_line(std::string_view content);

// What an append writes: `rows` (each already ending in its newline), led by
// one `newline` when the file does not end with one. An empty file gets the
// rows as they are.
std::string append_text_for(std::string_view content, std::string_view rows, std::string_view newline);

// Physical line `line` (1-based) of `content`, with its line break (if it
// has one); empty when the file has no such line.
std::string_view line_at(std::string_view content, std::size_t line);

// `content` with physical line `line` (1-based) replaced by `text` (given
// without a line ending; the line keeps its own). nullopt when the file has
// no such line.
std::optional<std::string> replace_line(std::string_view content, std::size_t line, std::string_view text);

// `content` without physical line `line` (1-based) and its line break.
// nullopt when the file has no such line or it is the header (line 1).
std::optional<std::string> remove_line(std::string_view content, std::size_t line);

// `content` with `columns` added after the last column of its header (line
// 1) and an empty cell for each at the end of every other line that is not
// blank; line endings, a leading BOM and every other byte kept. The names
// are written as they are (schema names need no quoting).
std::string with_columns(std::string_view content, const std::vector<std::string>& columns);

} // namespace pthv::io
