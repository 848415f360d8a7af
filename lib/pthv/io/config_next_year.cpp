#include <pthv/io/config_next_year.hpp>

#include <cctype>
#include <fmt/format.h>
#include <vector>

#include <pthv/io/config.hpp>
#include <pthv/model/date.hpp>

namespace pthv::io {

namespace {

std::size_t indent_of(std::string_view line)
{
    std::size_t n = 0;
    while (n < line.size() && line[n] == ' ')
        ++n;
    return n;
}

// The key a line sets ("calendar" for "calendar:", "  holidays: [...]"),
// or empty for a comment, a list item or a blank line.
std::string_view key_of(std::string_view line)
{
    const std::size_t at = indent_of(line);
    std::size_t end = at;
    while (end < line.size() && (std::isalnum(static_cast<unsigned char>(line[end])) || line[end] == '_'))
        ++end;
    if (end == at || end >= line.size() || line[end] != ':')
        return {};
    return line.substr(at, end - at);
}

bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

// Every YYYY-MM-DD date in `line` one year later.
std::string dates_moved_on(std::string_view line)
{
    std::string out;
    std::size_t i = 0;
    while (i < line.size()) {
        const std::string_view rest = line.substr(i);
        if (rest.size() >= 10 && (i == 0 || !is_digit(line[i - 1])) && is_digit(rest[0]) && is_digit(rest[3]) &&
            rest[4] == '-' && rest[7] == '-' && (rest.size() == 10 || !is_digit(rest[10])))
            if (const auto d = model::Date::parse(rest.substr(0, 10))) {
                const int day = d->month() == 2 && d->day() == 29 ? 28 : d->day();
                out += model::Date::from_ymd(d->year() + 1, d->month(), day)->str();
                i += 10;
                continue;
            }
        out += line[i++];
    }
    return out;
}

// Every YYYY-MM month in `line` (not the start of a date) one year later:
// a reports.publish entry like 2026-05.
std::string months_moved_on(std::string_view line)
{
    std::string out;
    std::size_t i = 0;
    while (i < line.size()) {
        const std::string_view rest = line.substr(i);
        if (rest.size() >= 7 && (i == 0 || !is_digit(line[i - 1])) && is_digit(rest[0]) && is_digit(rest[1]) &&
            is_digit(rest[2]) && is_digit(rest[3]) && rest[4] == '-' && is_digit(rest[5]) && is_digit(rest[6]) &&
            (rest.size() == 7 || (!is_digit(rest[7]) && rest[7] != '-'))) {
            const int year = std::stoi(std::string(rest.substr(0, 4)));
            out += fmt::format("{:04}{}", year + 1, rest.substr(4, 3));
            i += 7;
            continue;
        }
        out += line[i++];
    }
    return out;
}

// A reports.publish entry as it reads a year on.
std::string period_moved_on(std::string_view text)
{
    return months_moved_on(dates_moved_on(text));
}

// `line` with the dates and months from `from` to its comment moved on.
std::string moved_from(std::string_view line, std::size_t from)
{
    std::size_t comment = line.find(" #", from);
    if (comment == std::string_view::npos)
        comment = line.size();
    return std::string(line.substr(0, from)) + period_moved_on(line.substr(from, comment - from)) +
           std::string(line.substr(comment));
}

} // namespace

std::optional<std::string> next_year_config(std::string_view text, std::string& why)
{
    model::Problems problems;
    const auto before = parse_config(text, problems);
    if (!before.ok) {
        why = problems.empty() ? "pthv.yaml cannot be read" : "pthv.yaml: " + problems.front().message;
        return std::nullopt;
    }

    std::vector<std::string_view> lines;
    for (std::size_t at = 0; at <= text.size();) {
        const std::size_t end = std::min(text.find('\n', at), text.size());
        lines.push_back(text.substr(at, end - at));
        at = end + 1;
    }
    if (!lines.empty() && lines.back().empty())
        lines.pop_back();

    std::string out;
    std::string_view section; // the top-level key the line belongs to
    // funding[].period and reports.publish move on too; written over
    // several lines, their lines are those indented past their key's.
    std::optional<std::size_t> block;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string_view line = lines[i];
        if (indent_of(line) == 0 && !key_of(line).empty())
            section = key_of(line);
        const bool blank = line.find_first_not_of(' ') == std::string_view::npos;
        if (block && !blank && indent_of(line) <= *block)
            block.reset();
        if (block && !blank && line[indent_of(line)] != '#') {
            out += moved_from(line, 0) + '\n';
            continue;
        }
        const std::string_view key = section == "funding" ? "period:" : section == "reports" ? "publish:" : "";
        if (!key.empty()) {
            const std::size_t at = line.find(key);
            if (at != std::string_view::npos && line.find('#') > at) {
                const std::size_t item = line.substr(indent_of(line), 2) == "- " ? 2 : 0;
                if (line.find_first_not_of(' ', at + key.size()) == std::string_view::npos)
                    block = indent_of(line) + item;
                out += moved_from(line, at) + '\n';
                continue;
            }
        }
        const bool moves = section == "school_year" || section == "calendar";
        if (section == "calendar" && key_of(line) == "holidays") {
            // The old year's holidays are not the new year's: emptied, with
            // a comment asking for the new ones. A block list or a flow list
            // over several lines goes with its key.
            const std::size_t indent = indent_of(line);
            int depth = 0;
            for (const char c : line)
                depth += c == '[' ? 1 : c == ']' ? -1 : 0;
            while (i + 1 < lines.size()) {
                const std::string_view next = lines[i + 1];
                const bool item = indent_of(next) >= indent && next.substr(indent_of(next), 1) == "-";
                if (depth <= 0 && !item && (indent_of(next) <= indent || next.find_first_not_of(' ') == std::string_view::npos))
                    break;
                for (const char c : next)
                    depth += c == '[' ? 1 : c == ']' ? -1 : 0;
                ++i;
            }
            const int y = before.config.school_year.start.year() + 1;
            out += fmt::format("{0}# The new year's holidays: list them, e.g. [{1}-09-07, {1}-11-26..{1}-11-27]\n"
                               "{0}holidays: []\n",
                               std::string(indent, ' '), y);
            continue;
        }
        out += moves ? dates_moved_on(line) : std::string(line);
        out += '\n';
    }

    // The result must read back with the dates a year on, or nothing is
    // written: a layout this reading does not know is left to a hand edit.
    problems.clear();
    const auto after = parse_config(out, problems);
    const auto moved = [](model::Date d) {
        return model::Date::from_ymd(d.year() + 1, d.month(), d.month() == 2 && d.day() == 29 ? 28 : d.day());
    };
    const auto& a = after.config;
    const auto& b = before.config;
    if (!after.ok || a.school_year.start != moved(b.school_year.start) || a.school_year.end != moved(b.school_year.end) ||
        a.school_year.mid_year != moved(b.school_year.mid_year) || a.calendar.first_day != moved(b.calendar.first_day) ||
        a.calendar.last_day != moved(b.calendar.last_day) || !a.calendar.holidays.empty()) {
        why = "its school_year and calendar are laid out in a way pthv cannot move on by itself";
        return std::nullopt;
    }
    bool periods_moved = a.funding.size() == b.funding.size() && a.publish.size() == b.publish.size();
    for (std::size_t k = 0; periods_moved && k < a.funding.size(); ++k) {
        const auto& pa = a.funding[k].period;
        const auto& pb = b.funding[k].period;
        periods_moved = pa.has_value() == pb.has_value() &&
                        (!pa || (pa->first == moved(pb->first) && pa->last == moved(pb->last)));
    }
    for (std::size_t k = 0; periods_moved && k < a.publish.size(); ++k)
        periods_moved = a.publish[k] == period_moved_on(b.publish[k]);
    if (!periods_moved) {
        why = "its funding periods or dated reports.publish entries are laid out in a way pthv cannot move on by "
              "itself";
        return std::nullopt;
    }
    return out;
}

} // namespace pthv::io
