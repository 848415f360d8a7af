#include <pthv/io/csv.hpp>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <fmt/format.h>

#include <pthv/util/encoding.hpp>
#include <pthv/util/strings.hpp>

namespace pthv::io {

namespace {

enum class Split { Ok, Unclosed, StrayQuote };

constexpr std::size_t k_max_syntax_reports = 20; // per file

// A header may name this many columns at most: a line of millions of
// commas is not a header, and each column costs a string.
constexpr std::size_t k_max_columns = 4096;

// Whether `line` is ASCII without a NUL byte, eight bytes at a time: such a
// line needs neither the NUL check nor the UTF-8 check, so most lines are
// looked at once instead of twice.
bool plain_text(std::string_view line)
{
    constexpr std::uint64_t k_ones = 0x0101010101010101ULL;
    constexpr std::uint64_t k_highs = 0x8080808080808080ULL;
    std::uint64_t flags = 0;
    std::size_t i = 0;
    for (std::uint64_t word = 0; i + 8 <= line.size(); i += 8) {
        std::memcpy(&word, line.data() + i, 8);
        flags |= word | ((word - k_ones) & ~word); // a high bit, or a zero byte
    }
    for (; i < line.size(); ++i) {
        const auto c = static_cast<unsigned char>(line[i]);
        flags |= c == 0 ? k_highs : c;
    }
    return (flags & k_highs) == 0;
}

// Splits one record per RFC 4180 into `cells`, views of `text` except for a
// cell with doubled quotes, which is copied into `unquoted` (reserved to the
// record's size at its first use, so it never moves while views of it are
// handed out). On anything but Ok, `cells` is left empty.
// `Unclosed` when a quoted cell runs past the end of the text (the caller
// may join the next line in multiline mode). Past `max_cells` cells are only
// counted (`count`), never kept: a line of 20 MB of commas would otherwise
// cost a view for each of its 20 million cells, 50 times the size of the
// line.
Split split_record(std::string_view text, char sep, std::size_t max_cells, std::vector<std::string_view>& cells,
                   std::string& unquoted, std::size_t& count, std::size_t& bad_column)
{
    cells.clear();
    unquoted.clear();
    count = 0;
    std::size_t i = 0;
    const std::size_t n = text.size();
    const char* const data = text.data();
    while (true) {
        const bool keep = count < max_cells;
        if (i < n && data[i] == '"') {
            ++i;
            const std::size_t start = i;
            bool buffered = false;
            std::size_t buffer_start = 0;
            while (true) {
                const std::size_t q = text.find('"', i);
                if (q == std::string_view::npos) {
                    cells.clear();
                    return Split::Unclosed;
                }
                if (q + 1 < n && data[q + 1] == '"') {
                    if (!buffered) {
                        buffered = true;
                        // The record's first doubled quote: room for all it
                        // can unquote, before any view of the buffer exists.
                        if (unquoted.empty())
                            unquoted.reserve(n);
                        buffer_start = unquoted.size();
                    }
                    if (keep)
                        unquoted.append(data + i, q + 1 - i); // up to and with one quote
                    i = q + 2;
                    continue;
                }
                ++count;
                if (buffered) {
                    if (keep) {
                        unquoted.append(data + i, q - i);
                        cells.emplace_back(unquoted.data() + buffer_start, unquoted.size() - buffer_start);
                    }
                } else if (keep) {
                    cells.emplace_back(data + start, q - start);
                }
                i = q + 1;
                break;
            }
            if (i < n && data[i] != sep) {
                bad_column = count;
                cells.clear();
                return Split::StrayQuote;
            }
        } else {
            // A byte at a time: cells are short, and one pass finds both the
            // comma and any stray quote, where a search for each would cost
            // two calls per cell.
            std::size_t end = i;
            bool quote = false;
            for (; end < n && data[end] != sep; ++end)
                quote |= data[end] == '"';
            ++count;
            if (keep)
                cells.emplace_back(data + i, end - i);
            if (quote) {
                bad_column = count;
                cells.clear();
                return Split::StrayQuote;
            }
            i = end;
        }
        if (i >= n)
            return Split::Ok;
        ++i; // the separator
    }
}

// A line git writes around the two sides of a conflict it could not merge.
bool is_conflict_marker(std::string_view line)
{
    for (const std::string_view marker : {"<<<<<<<", "|||||||", "=======", ">>>>>>>"})
        if (util::starts_with(line, marker) && (line.size() == marker.size() || line[marker.size()] == ' '))
            return marker != "=======" || line.size() == marker.size();
    return false;
}

// The lines of `lines` as "4, 10, 11 and 18 more".
std::string some_lines(const std::vector<std::size_t>& lines, std::size_t total)
{
    std::string out;
    for (std::size_t i = 0; i < lines.size(); ++i)
        out += fmt::format("{}{}", i == 0 ? "" : i + 1 == lines.size() && total == lines.size() ? " and " : ", ",
                           lines[i]);
    if (total > lines.size())
        out += fmt::format(" and {} more", total - lines.size());
    return out;
}

} // namespace

struct CsvReader::State {
    std::string file;
    model::Problems& problems;
    CsvReadOptions options;
    // The text not yet read, and the physical line of its first byte.
    std::string_view rest;
    std::size_t next_line = 1;
    bool done = false;
    // For only_lines_with: where each string is next found in `rest`
    // (an offset from rest_base), npos once it is found no more, or
    // k_search_again when it is not in the window searched last (the
    // header is at 0, so no wanted line starts there).
    const char* rest_base = nullptr;
    // Where the line read last begins, and of the record being read; how
    // far progress was last told (CsvReadOptions::progress).
    std::size_t line_begin = 0;
    std::size_t record_begin = 0;
    std::size_t told = 0;
    void tell_progress();
    std::vector<std::size_t> next_hit;
    static constexpr std::size_t k_search_again = 0;
    // For only_lines_with: each string starts nowhere from where it was
    // last searched for up to here, so no window is searched twice.
    std::vector<std::size_t> clear_to;

    bool has_header = false;
    std::size_t header_broken = 0; // the line where the header should be, not well-formed: no rows
    std::vector<std::string> header;
    bool crlf = false;

    // A file of random bytes (or a binary saved as .csv) is bad on every
    // line; past k_max_syntax_reports one summary says how many more there
    // are, so the output stays readable.
    std::size_t reported = 0;
    std::size_t suppressed = 0;
    std::size_t first_suppressed = 0;

    // The separator: ',' (docs/data.md), or ';' in an export whose header
    // is separated so (CsvReadOptions::detect_delimiter).
    char sep = ',';
    bool clean = true;        // no line was reported
    bool not_read_on = false; // stopped with its own report (a conflict, semicolons): no "no header row"
    // Lines that are not UTF-8: the first is reported with what it looks
    // like and how to save it again, the others in one line at the end (a
    // file saved in another encoding is bad on every line with an accent).
    std::size_t not_utf8 = 0;
    std::vector<std::size_t> not_utf8_lines; // the second and later, the first few

    std::string pending; // a multiline record being gathered
    std::size_t pending_line = 0;
    std::string joined; // pending + the line that closes it

    std::string unquoted;
    std::vector<std::string_view> cells;
    std::size_t line = 0;

    State(std::string_view f, model::Problems& p, CsvReadOptions o) : file(f), problems(p), options(o) {}

    void syntax(std::size_t at, std::string message, std::string advice = {})
    {
        clean = false;
        if (reported++ >= k_max_syntax_reports) {
            if (suppressed++ == 0)
                first_suppressed = at;
            return;
        }
        problems.push_back({"csv-syntax", model::Severity::Error, file, at, {}, std::move(message),
                            std::move(advice)});
    }

    // The next well-formed record, split into `cells`: the header first,
    // then the rows; false at the end, after the end-of-file reports.
    bool read_record();
    // After a bad line: true to read on; false when the bad line is where
    // the header should be, which ends the file (rows cannot be read
    // against a header that is not there, nor against the next line).
    bool bad_line_read_on(std::size_t at);
    // The next physical line without its line break (LF or CRLF); false at
    // the end of the text.
    bool read_line(std::string_view& text, std::size_t& at);
    bool skip_to_wanted_line();
    void finish();
    void invalid_utf8(std::string_view text, std::size_t bad, std::size_t at);
    void conflict(std::string_view marker, std::size_t at);
    bool separated_by_semicolons(std::string_view text);
};

// The first line that is not UTF-8 is reported with the byte and, when the
// line reads as Windows-1252 (Excel's plain "CSV" on Windows), with that
// encoding's character for it and how to save the file again; later lines
// only counted (finish()).
void CsvReader::State::invalid_utf8(std::string_view text, std::size_t bad, std::size_t at)
{
    clean = false;
    if (not_utf8++ > 0) {
        constexpr std::size_t k_lines_named = 10;
        if (not_utf8_lines.size() < k_lines_named)
            not_utf8_lines.push_back(at);
        return;
    }
    const auto byte = static_cast<unsigned char>(text[bad]);
    std::string message = fmt::format("not UTF-8 (invalid byte 0x{:02X} at column {})", byte, bad + 1);
    std::string advice = "save the file as UTF-8 CSV";
    if (util::looks_windows_1252(text)) {
        message += fmt::format(": the file looks saved as Windows-1252, where 0x{:02X} is \"{}\"", byte,
                               util::windows_1252_char(byte));
        advice = fmt::format("save it again as UTF-8: in Excel, Save As \"CSV UTF-8 (Comma delimited)\"; or "
                             "convert it: iconv -f WINDOWS-1252 -t UTF-8 {0} > {0}.new && mv {0}.new {0}",
                             file);
    }
    syntax(at, std::move(message), std::move(advice));
}

// A conflict git left in the file: the marker is reported, and the file is
// read no further (both sides of the conflict would be taken for rows).
void CsvReader::State::conflict(std::string_view marker, std::size_t at)
{
    syntax(at,
           fmt::format("an unresolved merge conflict: git left its marker \"{}\" here, so the file is read no "
                       "further",
                       util::printable(marker.substr(0, 40))),
           fmt::format("resolve it: keep the right lines and delete the marker lines (<<<<<<<, =======, >>>>>>>), "
                       "or take one side whole with `git checkout --ours {0}` or `git checkout --theirs {0}`; then "
                       "`pthv validate` and commit. `pthv hooks install` has git merge the logs by key "
                       "(docs/guide.md)",
                       file));
    not_read_on = true;
    pending.clear();
    finish();
}

// A header with no comma between cells but with semicolons: how Excel saves
// "CSV" where the comma is the decimal mark (much of Europe and Latin
// America).
bool CsvReader::State::separated_by_semicolons(std::string_view text)
{
    if (text.find(';') == std::string_view::npos)
        return false;
    std::size_t count = 0;
    std::size_t bad = 0;
    const bool commas = split_record(text, ',', k_max_columns + 1, cells, unquoted, count, bad) == Split::Ok &&
                        count > 1;
    return !commas && split_record(text, ';', k_max_columns + 1, cells, unquoted, count, bad) == Split::Ok &&
           count > 1;
}

// Moves `rest` on to the start of the next line that holds one of
// only_lines_with, counting the lines it passes; false if none is left.
// The text is searched a window at a time, and each window passed without
// a hit is told as progress (CsvReadOptions::progress), so a mapped file's
// pages are given back as the search passes them, not once it has touched
// the whole file.
bool CsvReader::State::skip_to_wanted_line()
{
    constexpr std::size_t k_window = std::size_t{8} << 20;
    const auto pos = static_cast<std::size_t>(rest.data() - rest_base);
    const std::size_t end = pos + rest.size();
    std::size_t hit = std::string_view::npos;
    std::size_t from = pos; // the lines before `from` are counted
    for (;;) {
        const std::size_t to = std::min(end, from + k_window); // a hit starting before `to` is in this window
        for (std::size_t i = 0; i < next_hit.size(); ++i) {
            const std::string& needle = options.only_lines_with[i];
            const std::size_t begin = std::max(from, clear_to[i]);
            if (next_hit[i] != std::string_view::npos && next_hit[i] < from && begin < to) {
                const std::size_t stop = std::min(end, to + needle.size()); // a hit may end past `to`
                const void* found = needle.empty() ? rest_base + begin
                                                   : ::memmem(rest_base + begin, stop - begin, needle.data(),
                                                              needle.size());
                next_hit[i] = found       ? static_cast<std::size_t>(static_cast<const char*>(found) - rest_base)
                              : stop < end ? k_search_again
                                           : std::string_view::npos;
                clear_to[i] = found ? next_hit[i] : to;
            }
            if (next_hit[i] >= from)
                hit = std::min(hit, next_hit[i]);
        }
        if (hit < to || to >= end)
            break;
        next_line += util::count_byte(std::string_view(rest_base + from, to - from), '\n');
        if (options.progress)
            options.progress(from); // the window before this one is passed for good
        told = std::max(told, from);
        from = to;
    }
    if (hit == std::string_view::npos || hit >= end) {
        rest = {};
        return false;
    }
    std::size_t start = hit;
    while (start > pos && rest_base[start - 1] != '\n')
        --start;
    // The lines before `from` are counted; a line begun before it holds no
    // newline from its start to the hit.
    if (start > from)
        next_line += util::count_byte(std::string_view(rest_base + from, start - from), '\n');
    rest.remove_prefix(start - pos);
    return true;
}

bool CsvReader::State::read_line(std::string_view& text, std::size_t& at)
{
    if (rest.empty())
        return false;
    if (has_header && !next_hit.empty() && !skip_to_wanted_line())
        return false;
    at = next_line++;
    line_begin = static_cast<std::size_t>(rest.data() - rest_base);
    const void* nl = std::memchr(rest.data(), '\n', rest.size());
    const std::size_t end = nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - rest.data()) : rest.size();
    text = rest.substr(0, end);
    rest.remove_prefix(nl ? end + 1 : end);
    if (!text.empty() && text.back() == '\r')
        text.remove_suffix(1);
    return true;
}

void CsvReader::State::tell_progress()
{
    constexpr std::size_t k_every = std::size_t{8} << 20;
    if (options.progress && record_begin >= told + k_every) {
        told = record_begin;
        options.progress(told);
    }
}

bool CsvReader::State::bad_line_read_on(std::size_t at)
{
    if (has_header)
        return true;
    header_broken = at;
    finish();
    return false;
}

bool CsvReader::State::read_record()
{
    if (done)
        return false;
    std::string_view text;
    std::size_t at = 0;
    while (read_line(text, at)) {
        if (!options.multiline && !text.empty() && (text[0] == '<' || text[0] == '=' || text[0] == '>' ||
                                                    text[0] == '|') && is_conflict_marker(text)) {
            conflict(text, at);
            return false;
        }
        if (plain_text(text)) {
            // No byte to look at more closely (nearly every line).
        } else if (std::memchr(text.data(), '\0', text.size())) {
            syntax(at, "the line holds a NUL byte: this is not a text file", "save the file as UTF-8 CSV");
            pending.clear();
            if (!bad_line_read_on(at))
                return false;
            continue;
        } else if (const std::size_t bad = util::find_invalid_utf8(text); bad != std::string_view::npos) {
            invalid_utf8(text, bad, at);
            pending.clear();
            if (!bad_line_read_on(at))
                return false;
            continue;
        }
        if (!pending.empty()) {
            joined = pending + "\n" + std::string(text);
            text = joined;
        } else {
            pending_line = at;
            record_begin = line_begin;
        }
        if (!has_header && text.empty())
            continue;
        if (has_header && text.empty() && pending.empty())
            continue; // blank line between records
        if (!has_header && sep == ',' && separated_by_semicolons(text)) {
            if (options.detect_delimiter) {
                sep = ';';
            } else {
                syntax(at, "the file is separated by \";\", not \",\" (as Excel saves CSV in some languages), so no "
                           "row of it is read",
                       "save it again as \"CSV UTF-8 (Comma delimited)\": pthv's files are comma-separated "
                       "(docs/data.md)");
                not_read_on = true;
                finish();
                return false;
            }
        }
        std::size_t bad_column = 0;
        std::size_t count = 0;
        const std::size_t max_cells = has_header ? header.size() : k_max_columns + 1;
        const Split result = split_record(text, sep, max_cells, cells, unquoted, count, bad_column);
        if (result == Split::Unclosed) {
            if (options.multiline) {
                pending = std::string(text);
                continue;
            }
            syntax(at, "a quoted cell is not closed on this line",
                   "close the quote; a cell in a data-repo file may not hold a line break");
            if (!bad_line_read_on(at))
                return false;
            continue;
        }
        pending.clear();
        if (result == Split::StrayQuote) {
            syntax(pending_line, fmt::format("a stray quote in cell {}: a cell that holds \" must be "
                                             "quoted, with the quote doubled (\"\")",
                                             bad_column));
            if (!bad_line_read_on(at))
                return false;
            continue;
        }
        if (!has_header && count > k_max_columns) {
            syntax(at, fmt::format("the header has {} columns, more than {}", count, k_max_columns),
                   "a header names each column once; `pthv schema` lists them");
            if (!bad_line_read_on(at))
                return false;
            continue;
        }
        if (!has_header) {
            has_header = true;
            header.assign(cells.begin(), cells.end());
            for (std::size_t i = 0; i < header.size(); ++i)
                for (std::size_t j = 0; j < i; ++j)
                    if (header[i] == header[j] && !header[i].empty())
                        syntax(at, "the column " + header[i] + " appears twice in the header");
            return true;
        }
        if (count != header.size()) {
            syntax(pending_line, fmt::format("{} cells where the header has {}", count, header.size()),
                   count > header.size() ? "quote cells that hold a comma"
                                                : "every row needs a cell for every column, empty if unknown");
            continue;
        }
        line = pending_line;
        tell_progress();
        return true;
    }
    if (!pending.empty())
        syntax(pending_line, "a quoted cell is not closed before the end of the file");
    finish();
    return false;
}

void CsvReader::State::finish()
{
    done = true;
    cells.clear();
    if (not_utf8 > 1)
        problems.push_back({"csv-syntax", model::Severity::Error, file, not_utf8_lines.front(), {},
                            fmt::format("{} more {} not UTF-8, so not read: {}", not_utf8 - 1,
                                        not_utf8 == 2 ? "line is" : "lines are",
                                        some_lines(not_utf8_lines, not_utf8 - 1)),
                            "save the file as UTF-8 CSV"});
    if (not_read_on)
        return;
    if (suppressed > 0)
        problems.push_back({"csv-syntax", model::Severity::Error, file, first_suppressed, {},
                            fmt::format("... and {} more {} like this", suppressed, suppressed == 1 ? "line" : "lines"),
                            "save the file as UTF-8 CSV with one record a line"});
    if (header_broken > 0)
        problems.push_back({"csv-syntax", model::Severity::Error, file, header_broken, {},
                            "no header row: the first line is not well-formed, so no row is read",
                            "fix the header line; `pthv schema` lists the columns"});
    else if (!has_header)
        problems.push_back({"csv-syntax", model::Severity::Error, file, 1, {}, "no header row", {}});
}

CsvReader::CsvReader(std::string_view file, std::string_view content, model::Problems& problems,
                     CsvReadOptions options)
    : m(std::make_unique<State>(file, problems, options))
{
    if (content.empty() || util::trim(content).empty() ||
        (content.size() == 3 && content.substr(0, 3) == "\xEF\xBB\xBF")) {
        m->syntax(1, "the file is empty; it needs at least its header row",
                  "run `pthv schema " + std::string(file.substr(0, file.find('.'))) + "` for the columns");
        m->done = true;
        return;
    }
    const auto first_nl = content.find('\n');
    m->crlf = first_nl != std::string_view::npos && first_nl > 0 && content[first_nl - 1] == '\r';
    m->rest = content;
    if (util::starts_with(content, "\xEF\xBB\xBF"))
        m->rest.remove_prefix(3); // the UTF-8 byte order mark some spreadsheets write
    m->rest_base = content.data();
    m->next_hit.assign(m->options.only_lines_with.size(), 0);
    m->clear_to.assign(m->options.only_lines_with.size(), 0);
    // The header: the first well-formed record. Without one, the whole text
    // has been read and reported.
    m->read_record();
}

CsvReader::~CsvReader() = default;

const std::string& CsvReader::file() const { return m->file; }
bool CsvReader::has_header() const { return m->has_header; }
const std::vector<std::string>& CsvReader::header() const { return m->header; }
char CsvReader::delimiter() const { return m->sep; }
bool CsvReader::clean() const { return m->clean; }
bool CsvReader::crlf() const { return m->crlf; }
bool CsvReader::next() { return m->has_header && m->read_record(); }
std::size_t CsvReader::line() const { return m->line; }
std::size_t CsvReader::offset() const { return m->record_begin; }
const std::vector<std::string_view>& CsvReader::cells() const { return m->cells; }

CsvTable read_csv(std::string_view file, std::string_view content, model::Problems& problems,
                  CsvReadOptions options)
{
    CsvReader reader(file, content, problems, options);
    CsvTable table;
    table.file = reader.file();
    table.has_header = reader.has_header();
    table.header = reader.header();
    table.crlf = reader.crlf();
    table.delimiter = reader.delimiter();
    while (reader.next())
        table.rows.push_back({reader.line(), std::vector<std::string>(reader.cells().begin(), reader.cells().end())});
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

bool is_plain_number(std::string_view value)
{
    std::size_t i = !value.empty() && value[0] == '-' ? 1 : 0;
    const auto digits = [&] {
        const std::size_t from = i;
        while (i < value.size() && value[i] >= '0' && value[i] <= '9')
            ++i;
        return i > from;
    };
    if (!digits())
        return false;
    if (i < value.size() && value[i] == '.') {
        ++i;
        if (!digits())
            return false;
    }
    return i == value.size();
}

std::string csv_safe_cell(std::string_view value, CellKind kind)
{
    if (kind == CellKind::Number && is_plain_number(value))
        return std::string(value);
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
    return csv_safe_row(cells, {}, newline);
}

std::string csv_safe_row(const std::vector<std::string>& cells, const std::vector<CellKind>& kinds,
                         std::string_view newline)
{
    std::string out;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i)
            out += ',';
        out += csv_safe_cell(cells[i], i < kinds.size() ? kinds[i] : CellKind::Text);
    }
    out += newline;
    return out;
}

} // namespace pthv::io
