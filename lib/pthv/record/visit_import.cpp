#include <pthv/record/visit_import.hpp>

#include <algorithm>

#include <fmt/format.h>

#include <pthv/record/change.hpp>
#include <pthv/record/visit.hpp>
#include <pthv/util/strings.hpp>

namespace pthv::record {

ImportPlan plan_import(const io::CsvTable& table, const ImportMap& map, const model::Repo& repo,
                       const std::vector<std::string>& visits_header)
{
    ImportPlan plan;
    std::set<VisitKey> logged = logged_keys(repo);
    std::set<std::string> reserved;
    for (const auto& row : table.rows) {
        if (is_blank_row(row))
            continue;
        Fields fields = map_row(map, table, row, plan.problems);
        complete_new_visit(fields, repo, "completed");
        // The same visit already in the log, or earlier in this export: an
        // import can be run again and again (docs/guide.md).
        if (!logged.insert(visit_key(fields)).second) {
            ++plan.already_logged;
            continue;
        }
        // An optional column an older visits.csv lacks is added to it
        // (append_records); a required one is no column to add.
        const auto addable = addable_columns("visits.csv", visits_header, {fields});
        for (const auto& column : missing_columns(visits_header, fields))
            if (std::find(addable.begin(), addable.end(), column) == addable.end())
                plan.problems.push_back({"column-missing", model::Severity::Error, table.file, row.line, {},
                                         fmt::format("{} is set but visits.csv has no column {}", column, column),
                                         "add the column to visits.csv's header"});
        if (fields["visit_id"].empty())
            fields["visit_id"] = make_visit_id(fields["date"], fields["student_id"], repo, reserved);
        else
            reserved.insert(fields["visit_id"]);
        plan.rows.push_back({row.line, std::move(fields)});
    }
    settle_date_advice(plan.problems, map, table);
    return plan;
}

io::Scope import_scope(const io::CsvTable& table, const ImportMap& map)
{
    std::vector<Fields> rows;
    model::Problems ignored; // plan_import reports them
    for (const auto& row : table.rows)
        rows.push_back(map_row(map, table, row, ignored));
    return visit_scope(rows);
}

model::Problems to_export_lines(const model::Problems& problems, std::size_t first_line,
                                const std::vector<ImportRow>& rows, const std::string& export_file)
{
    model::Problems out;
    for (auto p : problems) {
        if (p.line >= first_line && p.line - first_line < rows.size()) {
            p.line = rows[p.line - first_line].source_line;
            p.file = export_file;
        }
        out.push_back(std::move(p));
    }
    return out;
}

} // namespace pthv::record
