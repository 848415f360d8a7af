#include <pthv/cli/formats.hpp>

#include <algorithm>
#include <utility>

namespace pthv::cli {

namespace {

// Commands not named here print text only (log-visit, roster add, ...).
const std::vector<std::pair<std::string_view, std::vector<std::string>>> k_formats = {
    {"validate", {"text", "json", "github"}},
    {"explain", {"text"}},
    {"schema", {"text", "yaml"}},
    {"check-targeting", {"text", "json", "csv"}},
    {"roster", {"text", "csv", "json"}},
    {"roster students", {"text", "csv", "json"}},
    {"roster student", {"text", "csv", "json"}},
    {"roster sessions", {"text", "csv", "json"}},
    {"payroll", {"text", "csv", "json"}},
    {"review", {"text", "json"}},
    {"event list", {"text", "csv", "json"}},
    {"remind", {"text", "md", "json", "eml"}},
    // report --audit prints text or json only (report.cpp).
    {"report", {"text", "md", "html", "csv", "json"}},
    {"rollup", {"text", "md", "html", "csv", "json"}},
    {"trend", {"text", "md", "html", "csv", "json"}},
};

} // namespace

const std::vector<std::string>& formats_of(std::string_view path)
{
    static const std::vector<std::string> k_text_only = {"text"};
    for (const auto& [command, formats] : k_formats)
        if (command == path)
            return formats;
    return k_text_only;
}

std::vector<std::string> all_formats()
{
    std::vector<std::string> out;
    for (const auto& row : k_formats)
        for (const auto& f : row.second)
            if (std::find(out.begin(), out.end(), f) == out.end())
                out.push_back(f);
    return out;
}

} // namespace pthv::cli
