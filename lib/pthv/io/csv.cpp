#include <pthv/io/csv.hpp>

#include <fmt/format.h>
// fast-cpp-csv-parser is header-only and not written for -Wconversion
// and friends; its warnings are not ours to fix.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wconversion"
#pragma GCC diagnostic ignored "-Wsign-conversion"
#pragma GCC diagnostic ignored "-Wold-style-cast"
#pragma GCC diagnostic ignored "-Wshadow"
#pragma GCC diagnostic ignored "-Wstringop-truncation"
#pragma GCC diagnostic ignored "-Wnull-dereference"
// The text is already in memory: a reader thread per file would only add a
// thread start and hand-offs (slow on a busy machine), never overlap I/O.
#define CSV_IO_NO_THREAD
#include <libfccp/csv.h>
#pragma GCC diagnostic pop

#include <pthv/util/strings.hpp>

namespace pthv::io {

namespace {

enum class Split { Ok, Unclosed, StrayQuote };

constexpr std::size_t k_max_syntax_reports = 20; // per file

// Splits one record per RFC 4180. `Unclosed` when a quoted cell runs past
// the end of the text (the caller may join the next line in multiline mode).
Split split_record(std::string_view text, std::vector<std::string>& cells, std::size_t& bad_column)
{
    // Each cell is built once, in place, and an unquoted run is copied in
    // one piece: at state scale (millions of cells) per-character appends
    // and a second copy of every cell dominated loading.
    std::size_t count = 0;
    auto next_cell = [&]() -> std::string& {
        if (count == cells.size())
            cells.emplace_back();
        std::string& c = cells[count++];
        c.clear();
        return c;
    };
    std::size_t i = 0;
    const std::size_t n = text.size();
    while (true) {
        std::string& cell = next_cell();
        if (i < n && text[i] == '"') {
            ++i;
            while (true) {
                const std::size_t q = text.find('"', i);
                if (q == std::string_view::npos)
                    return Split::Unclosed;
                cell.append(text.data() + i, q - i);
                if (q + 1 < n && text[q + 1] == '"') {
                    cell += '"';
                    i = q + 2;
                    continue;
                }
                i = q + 1;
                break;
            }
            if (i < n && text[i] != ',') {
                bad_column = count;
                return Split::StrayQuote;
            }
        } else {
            std::size_t end = text.find(',', i);
            if (end == std::string_view::npos)
                end = n;
            const std::string_view run = text.substr(i, end - i);
            if (run.find('"') != std::string_view::npos) {
                bad_column = count;
                return Split::StrayQuote;
            }
            cell.assign(run.data(), run.size());
            i = end;
        }
        if (i >= n) {
            cells.resize(count);
            return Split::Ok;
        }
        ++i; // the comma
    }
}

std::size_t line_of_offset(std::string_view content, std::size_t offset)
{
    std::size_t line = 1;
    for (std::size_t i = 0; i < offset && i < content.size(); ++i)
        if (content[i] == '\n')
            ++line;
    return line;
}

} // namespace

CsvTable read_csv(std::string_view file, std::string_view content, model::Problems& problems,
                  CsvReadOptions options)
{
    CsvTable table;
    table.file = std::string(file);
    // A file of random bytes (or a binary saved as .csv) is bad on every
    // line; past k_max_syntax_reports one summary says how many more there
    // are, so the output stays readable.
    std::size_t reported = 0;
    std::size_t suppressed = 0;
    std::size_t first_suppressed = 0;
    auto syntax = [&](std::size_t line, std::string message, std::string advice = {}) {
        if (reported++ >= k_max_syntax_reports) {
            if (suppressed++ == 0)
                first_suppressed = line;
            return;
        }
        problems.push_back({"csv-syntax", model::Severity::Error, table.file, line, {}, std::move(message),
                            std::move(advice)});
    };

    if (content.empty() || util::trim(content).empty() ||
        (content.size() == 3 && content.substr(0, 3) == "\xEF\xBB\xBF")) {
        syntax(1, "the file is empty; it needs at least its header row",
               "run `pthv schema " + std::string(file.substr(0, file.find('.'))) + "` for the columns");
        return table;
    }
    const auto first_nl = content.find('\n');
    table.crlf = first_nl != std::string_view::npos && first_nl > 0 && content[first_nl - 1] == '\r';

    // The line reader ends each line at a NUL byte, so find the lines that
    // hold one first: those are reported, never silently cut short.
    std::vector<std::size_t> nul_lines;
    for (auto pos = content.find('\0'); pos != std::string_view::npos; pos = content.find('\0', pos + 1)) {
        const std::size_t line = line_of_offset(content, pos);
        if (nul_lines.empty() || nul_lines.back() != line)
            nul_lines.push_back(line);
    }
    std::size_t next_nul = 0;

    try {
        ::io::LineReader reader(table.file, content.data(), content.data() + content.size());
        std::vector<std::string> cells;
        std::string pending; // a multiline record being gathered
        std::size_t pending_line = 0;
        while (char* raw = reader.next_line()) {
            const std::size_t line = reader.get_file_line();
            if (next_nul < nul_lines.size() && nul_lines[next_nul] == line) {
                ++next_nul;
                syntax(line, "the line holds a NUL byte: this is not a text file",
                       "save the file as UTF-8 CSV");
                pending.clear();
                continue;
            }
            std::string_view text(raw);
            const std::size_t bad = util::find_invalid_utf8(text);
            if (bad != std::string_view::npos) {
                syntax(line, fmt::format("not UTF-8 (invalid byte 0x{:02X} at column {})",
                                         static_cast<unsigned char>(text[bad]), bad + 1),
                       "save the file as UTF-8 CSV");
                pending.clear();
                continue;
            }
            std::string joined;
            if (!pending.empty()) {
                joined = pending + "\n" + std::string(text);
                text = joined;
            } else {
                pending_line = line;
            }
            if (!table.has_header && text.empty())
                continue;
            if (table.has_header && text.empty() && pending.empty())
                continue; // blank line between records
            std::size_t bad_column = 0;
            const Split result = split_record(text, cells, bad_column);
            if (result == Split::Unclosed) {
                if (options.multiline) {
                    pending = std::string(text);
                    continue;
                }
                syntax(line, "a quoted cell is not closed on this line",
                       "close the quote; a cell in a data-repo file may not hold a line break");
                continue;
            }
            pending.clear();
            if (result == Split::StrayQuote) {
                syntax(pending_line, fmt::format("a stray quote in cell {}: a cell that holds \" must be "
                                                 "quoted, with the quote doubled (\"\")",
                                                 bad_column));
                continue;
            }
            if (!table.has_header) {
                table.has_header = true;
                table.header = cells;
                for (std::size_t i = 0; i < cells.size(); ++i)
                    for (std::size_t j = 0; j < i; ++j)
                        if (cells[i] == cells[j] && !cells[i].empty())
                            syntax(line, "the column " + cells[i] + " appears twice in the header");
                continue;
            }
            if (cells.size() != table.header.size()) {
                syntax(pending_line,
                       fmt::format("{} cells where the header has {}", cells.size(), table.header.size()),
                       cells.size() > table.header.size() ? "quote cells that hold a comma"
                                                          : "every row needs a cell for every column, "
                                                            "empty if unknown");
                continue;
            }
            table.rows.push_back({pending_line, std::move(cells)});
            cells = {}; // moved from: the next record starts afresh
            cells.reserve(table.header.size());
        }
        if (!pending.empty())
            syntax(pending_line, "a quoted cell is not closed before the end of the file");
    } catch (const ::io::error::base& e) {
        syntax(0, std::string("cannot read: ") + e.what());
    }
    if (suppressed > 0)
        problems.push_back({"csv-syntax", model::Severity::Error, table.file, first_suppressed, {},
                            fmt::format("... and {} more {} like this", suppressed,
                                        suppressed == 1 ? "line" : "lines"),
                            "save the file as UTF-8 CSV with one record a line"});
    if (!table.has_header)
        problems.push_back({"csv-syntax", model::Severity::Error, table.file, 1, {}, "no header row", {}});
    return table;
}

std::string csv_cell(std::string_view value)
{
    std::string v;
    v.reserve(value.size());
    for (std::size_t i = 0; i < value.size(); ++i) {
        const char c = value[i];
        if (c == '\r' && i + 1 < value.size() && value[i + 1] == '\n')
            continue; // CRLF -> one space
        v += (c == '\n' || c == '\r') ? ' ' : c;
    }
    if (v.find_first_of(",\"") == std::string::npos && (v.empty() || (v.front() != ' ' && v.back() != ' ')))
        return v;
    std::string out = "\"";
    for (const char c : v) {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
    return out;
}

std::string csv_safe_cell(std::string_view value)
{
    if (!value.empty() &&
        (value[0] == '=' || value[0] == '+' || value[0] == '-' || value[0] == '@' || value[0] == '\t' ||
         value[0] == '\r'))
        return csv_cell("'" + std::string(value));
    return csv_cell(value);
}

std::string csv_row(const std::vector<std::string>& cells, std::string_view newline)
{
    std::string out;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i)
            out += ',';
        out += csv_cell(cells[i]);
    }
    out += newline;
    return out;
}

std::string csv_safe_row(const std::vector<std::string>& cells, std::string_view newline)
{
    std::string out;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i)
            out += ',';
        out += csv_safe_cell(cells[i]);
    }
    out += newline;
    return out;
}

} // namespace pthv::io
