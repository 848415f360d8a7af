#include <pthv/model/problem.hpp>

#include <algorithm>
#include <tuple>

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

} // namespace pthv::model
