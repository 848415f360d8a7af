#pragma once
// CSV in the data repo's dialect (docs/data.md): RFC 4180, UTF-8, optional BOM,
// LF or CRLF, one record a line. Reading never throws for bad content: each
// bad row becomes a csv-syntax Problem and reading goes on with the next,
// except past git's conflict markers and in a file separated by semicolons,
// which are each one problem and read no further.

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <pthv/model/problem.hpp>

namespace pthv::io {

struct CsvRow {
    std::size_t line = 0; // physical line of the record's first line
    std::vector<std::string> cells;
};

struct CsvTable {
    std::string file; // the name used in messages
    bool has_header = false;
    std::vector<std::string> header;
    std::vector<CsvRow> rows;
    bool crlf = false; // the first line break is CRLF
    char delimiter = ','; // ';' for an export read with detect_delimiter
};

struct CsvReadOptions {
    // Files given to --import are read fully per RFC 4180: a quoted cell may
    // hold line breaks. Data-repo files may not (git merges lines).
    bool multiline = false;
    // Set: a header separated by semicolons and not by commas (Excel's
    // "CSV" where the comma is the decimal mark) makes ';' the separator of
    // the file, for exports given to --import. Unset (data-repo files,
    // which are comma-separated), such a header is one csv-syntax problem
    // and no row is read.
    bool detect_delimiter = false;
    // Set: after the header, only lines holding one of these strings are
    // read; the others are skipped unread, unchecked and uncounted in
    // problems (a scoped load's files other than the one being changed,
    // io::Scope). Skipping searches the text for each string, so it is for
    // a handful of them, not thousands.
    std::vector<std::string> only_lines_with;
    // Called every few megabytes with how much of the text is read for good
    // (no record handed out later looks before that offset): a mapped
    // file's pages can be given back as the reader passes them
    // (util::FileText::drop_before).
    std::function<void(std::size_t read)> progress;
};

// Reads records one at a time, so a large file's cells are never all held
// at once (the loader checks and keeps each record as it goes). The header
// is read on construction. Bad records are reported to `problems` and
// skipped; the end-of-file reports come when next() returns false.
//
//     CsvReader r("visits.csv", text, problems);
//     while (r.next()) use(r.line(), r.cells());
class CsvReader {
public:
    CsvReader(std::string_view file, std::string_view content, model::Problems& problems,
              CsvReadOptions options = {});
    ~CsvReader();
    CsvReader(const CsvReader&) = delete;
    CsvReader& operator=(const CsvReader&) = delete;

    const std::string& file() const;
    bool has_header() const;
    const std::vector<std::string>& header() const;
    bool crlf() const; // the first line break is CRLF
    char delimiter() const; // ',' or, with detect_delimiter, ';'
    // No line was reported so far: every line read was a well-formed
    // record. After the last next(), whether the whole file read cleanly.
    bool clean() const;

    // The next well-formed record with as many cells as the header; false at
    // the end of the text.
    bool next();
    std::size_t line() const; // physical line of the record's first line
    std::size_t offset() const; // where the record's first line begins in the text
    // The record's cells, valid until the next call of next(): views into
    // the line being read (or, for a cell with doubled quotes, into the
    // unquoted copy), so a row costs no allocation.
    const std::vector<std::string_view>& cells() const;

private:
    struct State;
    std::unique_ptr<State> m;
};

// The whole file at once, each cell its own string: for small files and for
// code that edits rows (imports, the record writers).
CsvTable read_csv(std::string_view file, std::string_view content, model::Problems& problems,
                  CsvReadOptions options = {});

// One cell for a data-repo file: quoted only when needed, line breaks in
// free text written as a space (docs/data.md: one record a line).
std::string csv_cell(std::string_view value);

// What a cell of a spreadsheet-safe file holds, as the code that made it
// knows: a figure it computed (a count, a share, an amount) or text.
enum class CellKind : unsigned char { Text, Number };

// True for -?[0-9]+(\.[0-9]+)?: a number a spreadsheet reads as one and
// never as a formula, even with its minus sign.
bool is_plain_number(std::string_view value);

// Spreadsheet-safe: a cell that begins with = + - @ tab or CR is prefixed
// with ' so no spreadsheet runs it as a formula (OWASP, CSV injection).
// A Number cell that is_plain_number is written bare ("-8.6"), so pandas
// and spreadsheets read a number; anything else in it is guarded as text.
// For files meant for spreadsheets, never for data-repo files.
std::string csv_safe_cell(std::string_view value, CellKind kind = CellKind::Text);

// A whole record, cells joined by ",", ending with `newline`.
std::string csv_row(const std::vector<std::string>& cells, std::string_view newline);
// Every cell text, or each cell of the kind at its index (Text past the end).
std::string csv_safe_row(const std::vector<std::string>& cells, std::string_view newline);
std::string csv_safe_row(const std::vector<std::string>& cells, const std::vector<CellKind>& kinds,
                         std::string_view newline);

} // namespace pthv::io
