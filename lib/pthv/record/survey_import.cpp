#include <pthv/record/survey_import.hpp>

#include <algorithm>
#include <optional>
#include <unordered_set>
#include <fmt/format.h>

#include <pthv/io/csv_edit.hpp>
#include <pthv/io/schema.hpp>
#include <pthv/record/import_advice.hpp>
#include <pthv/util/arena.hpp>
#include <pthv/util/strings.hpp>

namespace pthv::record {

namespace {

std::vector<std::string> questions_to_add(const ImportMap& map, const std::vector<std::string>& header)
{
    const std::string& prefix = survey_target().open_prefix;
    std::vector<std::string> fields;
    for (const auto& field : map.column_order) // as the map names them: the survey's order
        if (util::starts_with(field, prefix) && std::find(header.begin(), header.end(), field) == header.end() &&
            std::find(fields.begin(), fields.end(), field) == fields.end())
            fields.push_back(field);
    return fields;
}

// A school the map's values for site_id do not list: the export names
// schools, and one new to the form is missing from the map, not from
// sites.csv. Empty when the site is translated or is a site id.
std::optional<model::Problem> site_not_in_map(const ImportMap& map, const std::string& site, const model::Repo& repo,
                                              const std::string& file, std::size_t line)
{
    const auto* table = values_of(map, "site_id");
    if (!table || site.empty() || repo.names.sites.defined(repo.names.sites.find(site)))
        return std::nullopt;
    for (const auto& [from, to] : *table)
        if (to == site)
            return std::nullopt;
    model::Problem p{"unknown-ref", model::Severity::Error, file, line, {},
                     fmt::format("the school \"{}\" is not in the map's values for site_id", site),
                     fmt::format("add it to {} under values: site_id:, as \"{}\": its site_id in sites.csv "
                                 "(docs/surveys.md)",
                                 map.file.empty() ? std::string("the map") : map.file, site)};
    p.column = "site_id";
    p.value = site;
    return p;
}

} // namespace

const ImportTarget& survey_target()
{
    static const ImportTarget k_target{"surveys.csv", io::schema("surveys").column_names(),
                                       io::schema("surveys").extra_prefix};
    return k_target;
}

bool map_gives_response_ids(const ImportMap& map)
{
    const auto it = map.columns.find("response_id");
    return it != map.columns.end() && !it->second.empty();
}

SurveyPlan plan_survey_import(const io::CsvTable& head, std::string_view text, const ImportMap& map,
                              const model::Repo& repo, const std::vector<std::string>& header,
                              const ResponseIds& ids, std::string_view newline)
{
    SurveyPlan plan;
    plan.new_columns = questions_to_add(map, header);
    plan.header = header;
    plan.header.insert(plan.header.end(), plan.new_columns.begin(), plan.new_columns.end());
    const auto& responses = repo.names.responses;
    // The ids planned so far (a state's survey: 200,000 of them), each id's
    // text kept once in an arena, not a string and a tree node apiece.
    util::Arena seen_text;
    std::unordered_set<std::string_view> seen;
    const auto first_in_export = [&](const std::string& id) {
        if (seen.count(id) > 0)
            return false;
        seen.insert(seen_text.keep(id));
        return true;
    };
    for_each_export_row(head, text, [&](const io::CsvRow& row) {
        if (is_blank_row(row))
            return;
        Fields fields = map_row(map, head, row, plan.problems);
        std::string& id = fields["response_id"];
        bool earlier = false;
        if (id.empty()) {
            if (!ids.keyed) {
                plan.problems.push_back({"required-missing", model::Severity::Error, head.file, row.line, {},
                                         "this response has no response_id",
                                         "give every response its id, or pass --key-file so pthv makes one from "
                                         "the row (docs/surveys.md)"});
                return;
            }
            id = ids.keyed(row);
            earlier = ids.earlier && responses.defined(responses.find(ids.earlier(row)));
        }
        if (earlier || responses.defined(responses.find(id)) || !first_in_export(id)) {
            ++plan.already_imported;
            plan.earlier_ids += earlier ? 1 : 0;
            return;
        }
        std::string& site = fields["site_id"];
        if (auto missing = site_not_in_map(map, site, repo, head.file, row.line)) {
            plan.problems.push_back(std::move(*missing));
            return; // one problem for the row, not the unknown id it would write
        }
        if (site.empty())
            if (const model::Student* s = repo.find(repo.names.students.find(fields["student_id"])))
                site = std::string(repo.id(s->site));
        for (const auto& column : missing_columns(plan.header, fields))
            plan.problems.push_back({"column-missing", model::Severity::Error, head.file, row.line, {},
                                     column + " is set but surveys.csv has no column " + column,
                                     "add the column to surveys.csv's header"});
        std::vector<ImportRow> one{{row.line, std::move(fields)}};
        for (auto& p : control_problems(head.file, one))
            plan.problems.push_back(std::move(p));
        plan.rows += render_row(plan.header, one.front().fields, newline);
        plan.source_lines.push_back(row.line);
    });
    if (!plan.problems.empty()) // the advice on a date weighs the export's other rows
        settle_date_advice(plan.problems, map, whole_export(head, text));
    return plan;
}

io::Scope survey_scope(const io::CsvTable& head, std::string_view text, const ImportMap& map)
{
    io::Scope scope;
    model::Problems ignored; // plan_survey_import reports them
    for_each_export_row(head, text, [&](const io::CsvRow& row) {
        const std::string student = map_row(map, head, row, ignored)["student_id"];
        if (!student.empty())
            scope.students.insert(student);
    });
    return scope;
}

std::string widen_csv(const std::string& file, std::string_view text, const std::vector<std::string>& columns)
{
    if (columns.empty())
        return std::string(text);
    model::Problems ignored; // the file was loaded and checked before
    const io::CsvTable t = io::read_csv(file, text, ignored);
    const std::string newline(io::newline_of(text));
    std::vector<std::string> header = t.header;
    header.insert(header.end(), columns.begin(), columns.end());
    std::string out = io::csv_row(header, newline);
    for (auto row : t.rows) {
        row.cells.resize(header.size());
        out += io::csv_row(row.cells, newline);
    }
    return out;
}

} // namespace pthv::record
