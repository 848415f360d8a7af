#include <pthv/record/import_advice.hpp>

#include <algorithm>
#include <fmt/format.h>
#include <set>
#include <utility>

#include <pthv/io/schema.hpp>
#include <pthv/util/strings.hpp>

namespace pthv::record {

void advise_map(model::Problems& problems, const ImportMap& map, const ImportTarget& target)
{
    const io::Schema& schema = io::schema(target.file.substr(0, target.file.find('.')));
    for (auto& p : problems) {
        if (p.rule != "value-invalid" || p.column.empty())
            continue;
        const io::Field* field = schema.field(p.column);
        if (field && field->type == io::FieldType::Date) {
            if (!map.date_format.empty()) {
                p.advice = date_format_advice(p.value, map.date_format); // the map's own format is wrong
            } else if (std::count(p.value.begin(), p.value.end(), '/') == 2) {
                const bool day_first = !parse_date_as(p.value, "%m/%d/%Y") && parse_date_as(p.value, "%d/%m/%Y");
                p.advice = fmt::format("the export writes dates like {}: add date_format: \"{}\" to the map (\"{}\" "
                                       "if the {} comes first); see docs/import.md",
                                       p.value, day_first ? "%d/%m/%Y" : "%m/%d/%Y",
                                       day_first ? "%m/%d/%Y" : "%d/%m/%Y", day_first ? "month" : "day");
            } else {
                p.advice = "set date_format in the map to how the export writes dates; see docs/import.md";
            }
        } else if (field && !field->values.empty()) {
            p.advice = fmt::format("translate the export's answer in the map: values: {{{}: {{\"{}\": ...}}}} with one "
                                   "of the values listed; see docs/import.md",
                                   p.column, p.value);
        } else if (!field && schema.is_prefixed_extra(p.column)) {
            p.advice = "answers are 1 (strongly disagree) to 5 (strongly agree): translate the export's words in "
                       "the map, e.g. values: {q_*: {Strongly agree: 5, Agree: 4, Neutral: 3, Disagree: 2, "
                       "Strongly disagree: 1}}; see docs/surveys.md";
        }
    }
}

void advise_entry_time(model::Problems& findings, const io::CsvTable& table, const ImportMap& map,
                       const std::string& file)
{
    const std::string column = entry_time_column(table, map);
    if (column.empty())
        return;
    for (auto& p : findings)
        if (p.rule == "late-entry" && p.file == file)
            p.advice = fmt::format("logged_on is the day of the import; the export's \"{}\" column says when each "
                                   "visit was entered: map it, columns: {{logged_on: {}}}, so late-entry counts from "
                                   "there (try the import with --dry-run first); see docs/import.md",
                                   column, column);
}

model::Problems control_problems(const std::string& file, const std::vector<ImportRow>& rows)
{
    model::Problems out;
    for (const auto& row : rows)
        for (const auto& [field, value] : row.fields)
            if (util::has_control_in_line(value))
                out.push_back({"value-invalid", model::Severity::Error, file, row.source_line, {},
                               fmt::format("{} {}: holds a control character (shown as \\xNN)", field,
                                           util::printable(value)),
                               "remove it in the export; only line breaks may be in a cell"});
    return out;
}

model::Problems merge_problems(model::Problems first, const model::Problems& more)
{
    std::set<std::pair<std::size_t, std::string>> seen;
    for (const auto& p : first)
        seen.insert({p.line, p.rule});
    for (const auto& p : more)
        if (!seen.count({p.line, p.rule}))
            first.push_back(p);
    model::sort_problems(first);
    return first;
}

} // namespace pthv::record
