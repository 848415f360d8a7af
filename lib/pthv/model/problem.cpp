#include <pthv/model/problem.hpp>

#include <algorithm>
#include <fmt/format.h>
#include <tuple>

#include <pthv/util/strings.hpp>

namespace pthv::model {

std::string_view severity_name(Severity s)
{
    switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Off: return "off";
    }
    return "error";
}

std::optional<Severity> parse_severity(std::string_view text)
{
    if (text == "error")
        return Severity::Error;
    if (text == "warning")
        return Severity::Warning;
    if (text == "off")
        return Severity::Off;
    return std::nullopt;
}

void sort_problems(Problems& problems)
{
    std::stable_sort(problems.begin(), problems.end(), [](const Problem& a, const Problem& b) {
        return std::tie(a.file, a.line, a.rule, a.record, a.message) <
               std::tie(b.file, b.line, b.rule, b.record, b.message);
    });
}

std::string format_problem_line(const Problem& p, bool color)
{
    const std::string_view sev = p.reviewed ? "reviewed" : severity_name(p.severity);
    // A message may echo a cell or a broken file: printable() keeps its
    // bytes from reaching the terminal as control sequences.
    const std::string file = util::printable(p.file);
    const std::string where = p.line > 0 ? fmt::format("{}:{}", file, p.line) : file;
    const std::string message = util::printable(
        p.reviewed ? fmt::format("{} (reviewed {}{}: {})", p.message, p.reviewed->on,
                                 p.reviewed->by.empty() ? "" : " by " + p.reviewed->by, p.reviewed->note)
                   : p.message);
    if (!color)
        return fmt::format("{}: {}[{}]: {}\n", where, sev, p.rule, message);
    const char* c = p.reviewed                        ? "\x1b[1;36m"
                    : p.severity == Severity::Error ? "\x1b[1;31m"
                                                    : "\x1b[1;33m";
    return fmt::format("\x1b[1m{}:\x1b[0m {}{}[{}]\x1b[0m: {}\n", where, c, sev, p.rule, message);
}

} // namespace pthv::model
