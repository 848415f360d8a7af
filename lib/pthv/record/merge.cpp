#include <pthv/record/merge.hpp>

#include <algorithm>
#include <fmt/format.h>

#include <pthv/io/csv.hpp>
#include <pthv/io/csv_edit.hpp>
#include <pthv/model/names.hpp>
#include <pthv/util/strings.hpp>

namespace pthv::record {

namespace {

struct Row {
    std::string key;
    std::string_view text; // the line as written, without its line ending
};

struct Version {
    std::string_view header; // the header line as written
    std::vector<std::string> columns;
    std::vector<Row> rows;
    model::IdTable keys; // each row's key, defined with its place in `rows`
};

// The physical lines of `text`, without line endings.
std::vector<std::string_view> lines_of(std::string_view text)
{
    std::vector<std::string_view> lines;
    std::size_t at = 0;
    while (at < text.size()) {
        std::size_t end = text.find('\n', at);
        if (end == std::string_view::npos)
            end = text.size();
        std::string_view line = text.substr(at, end - at);
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        lines.push_back(line);
        at = end + 1;
    }
    return lines;
}

// One version of the file, each row keyed; nullopt (and `why`) if it is not
// one well-formed record a line or lacks a key column. An empty text is a
// file with no rows (a base that did not exist).
std::optional<Version> read_version(std::string_view name, std::string_view text,
                                    const std::vector<std::string>& key, std::string& why)
{
    Version v;
    if (text.empty())
        return v;
    model::Problems problems;
    const io::CsvTable table = io::read_csv(name, text, problems);
    if (!problems.empty() || !table.has_header) {
        why = problems.empty() ? fmt::format("{} has no header row", name)
                               : fmt::format("{} line {}: {}", name, problems.front().line, problems.front().message);
        return std::nullopt;
    }
    const auto lines = lines_of(text);
    v.header = lines.front();
    v.columns = table.header;
    std::vector<std::size_t> at;
    for (const auto& k : key) {
        const auto it = std::find(table.header.begin(), table.header.end(), k);
        if (it == table.header.end()) {
            why = fmt::format("{} has no {} column", name, k);
            return std::nullopt;
        }
        at.push_back(static_cast<std::size_t>(it - table.header.begin()));
    }
    model::IdTable written;           // the keys seen so far
    std::vector<std::size_t> times; // by the key's handle: how often seen
    for (const auto& row : table.rows) {
        std::string k;
        bool empty_key = true;
        for (const std::size_t i : at) {
            const std::string_view cell = util::trim(row.cells[i]);
            empty_key = empty_key && cell.empty();
            k.append(cell).push_back('\x1f');
        }
        const std::string_view line = lines[row.line - 1];
        if (empty_key) // no key to match by: the row matches only itself
            k = "\x1e" + std::string(line);
        // A key written twice (duplicate-key, for validate to report) stays
        // two rows: the n-th of one side matches the n-th of the other.
        const std::uint32_t h = written.intern(k);
        if (h == times.size()) // handles are dense: a new key is the next one
            times.push_back(0);
        if (const std::size_t n = times[h]++; n > 0)
            k += fmt::format("#{}", n);
        v.keys.define(k, static_cast<std::uint32_t>(v.rows.size()));
        v.rows.push_back({std::move(k), line});
    }
    return v;
}

const std::string_view* find(const Version& v, const std::string& key)
{
    const std::uint32_t row = v.keys.row(v.keys.find(key));
    return row == model::IdTable::k_none ? nullptr : &v.rows[row].text;
}

} // namespace

namespace {

// Each log and the columns that key its rows.
const std::vector<std::pair<std::string_view, std::vector<std::string>>> k_log_keys = {
    {"visits.csv", {"visit_id"}},
    {"trainings.csv", {"staff_id", "date", "kind"}},
    {"events.csv", {"event_id"}},
    {"sessions.csv", {"session_id"}},
    {"surveys.csv", {"response_id"}},
    {"removed_visits.csv", {"visit_id"}},
};

} // namespace

std::vector<std::string> merge_key_columns(std::string_view file_name)
{
    const auto slash = file_name.find_last_of('/');
    const std::string_view base = slash == std::string_view::npos ? file_name : file_name.substr(slash + 1);
    for (const auto& [log, key] : k_log_keys)
        if (log == base)
            return key;
    return {};
}

std::vector<std::string> logs_merged_by_key()
{
    std::vector<std::string> out;
    for (const auto& row : k_log_keys)
        out.emplace_back(row.first);
    return out;
}

std::optional<MergeResult> merge_by_key(std::string_view base, std::string_view ours, std::string_view theirs,
                                        const std::vector<std::string>& key, std::string* why)
{
    std::string reason;
    const auto o = read_version("the common ancestor", base, key, reason);
    const auto a = o ? read_version("ours", ours, key, reason) : std::nullopt;
    const auto b = a ? read_version("theirs", theirs, key, reason) : std::nullopt;
    if (b && !a->columns.empty() && !b->columns.empty() && a->columns != b->columns)
        reason = "the two sides have different columns";
    if (!b || !reason.empty()) {
        if (why)
            *why = reason;
        return std::nullopt;
    }
    const Version& head = a->columns.empty() ? *b : *a;
    const std::string newline(io::newline_of(ours.empty() ? theirs : ours));
    MergeResult result;
    std::string& out = result.text;
    const auto emit = [&](std::string_view line) { out.append(line).append(newline); };
    const auto conflict = [&](std::string_view mine, std::string_view other) {
        ++result.conflicts;
        out += "<<<<<<< ours" + newline;
        if (!mine.empty())
            emit(mine);
        out += "=======" + newline;
        if (!other.empty())
            emit(other);
        out += ">>>>>>> theirs" + newline;
    };
    if (head.header.empty())
        return result; // no side has the file's header: nothing to write
    emit(head.header);
    for (const auto& row : a->rows) {
        const std::string_view* was = find(*o, row.key);
        const std::string_view* other = find(*b, row.key);
        if (was && other) {
            if (row.text == *other || *other == *was)
                emit(row.text);
            else if (row.text == *was)
                emit(*other);
            else
                conflict(row.text, *other);
        } else if (was) { // removed on their side
            if (row.text != *was)
                conflict(row.text, {});
        } else if (other && row.text != *other) { // added on both sides, differently
            conflict(row.text, *other);
        } else {
            emit(row.text);
        }
    }
    for (const auto& row : b->rows) {
        if (find(*a, row.key))
            continue; // merged above
        const std::string_view* was = find(*o, row.key);
        if (!was)
            emit(row.text); // new on their side
        else if (row.text != *was)
            conflict({}, row.text); // removed on our side, changed on theirs
    }
    return result;
}

} // namespace pthv::record
