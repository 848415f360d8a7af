#include <pthv/record/visit_import.hpp>

#include <algorithm>

#include <fmt/format.h>

#include <pthv/record/change.hpp>
#include <pthv/record/visit.hpp>
#include <pthv/util/mapped.hpp>
#include <pthv/util/strings.hpp>

namespace pthv::record {

io::CsvReadOptions export_read_options()
{
    io::CsvReadOptions options;
    options.multiline = true;        // form exports hold line breaks in quoted cells
    options.detect_delimiter = true; // Excel where the comma is the decimal mark (docs/import.md)
    return options;
}

io::CsvTable export_head(std::string_view file, std::string_view text, model::Problems& problems)
{
    io::CsvReadOptions options = export_read_options();
    options.progress = [text](std::size_t read) { util::drop_mapped_before(text, read); };
    io::CsvReader reader(file, text, problems, options);
    io::CsvTable head;
    head.file = reader.file();
    head.has_header = reader.has_header();
    head.header = reader.header();
    head.crlf = reader.crlf();
    head.delimiter = reader.delimiter();
    while (reader.next()) {
    } // every row read, so a broken one is among `problems`
    return head;
}

void for_each_export_row(const io::CsvTable& head, std::string_view text,
                         const std::function<void(const io::CsvRow&)>& use)
{
    model::Problems ignored; // export_head reported them
    io::CsvReadOptions options = export_read_options();
    // A large export is mapped: the pages read are given back as it goes.
    options.progress = [text](std::size_t read) { util::drop_mapped_before(text, read); };
    io::CsvReader reader(head.file, text, ignored, options);
    io::CsvRow row;
    while (reader.next()) {
        row.line = reader.line();
        row.cells.resize(reader.cells().size());
        for (std::size_t i = 0; i < row.cells.size(); ++i)
            row.cells[i].assign(reader.cells()[i]);
        use(row);
    }
}

io::CsvTable whole_export(const io::CsvTable& head, std::string_view text)
{
    io::CsvTable table = head;
    for_each_export_row(head, text, [&](const io::CsvRow& row) { table.rows.push_back(row); });
    return table;
}

ImportPlan plan_import(const io::CsvTable& head, std::string_view text, const ImportMap& map,
                       const model::Repo& repo, const std::vector<std::string>& visits_header)
{
    ImportPlan plan;
    const LoggedVisits logged(repo);
    std::set<VisitKey> earlier; // the keys of the export's rows planned so far
    std::set<std::string> reserved;
    for_each_export_row(head, text, [&](const io::CsvRow& row) {
        if (is_blank_row(row))
            return;
        Fields fields = map_row(map, head, row, plan.problems);
        complete_new_visit(fields, repo, "completed");
        // The same visit already in the log, or earlier in this export: an
        // import can be run again and again (docs/guide.md).
        VisitKey key = visit_key(fields);
        if (logged.count(key) || !earlier.insert(std::move(key)).second) {
            ++plan.already_logged;
            return;
        }
        // An optional column an older visits.csv lacks is added to it
        // (append_records); a required one is no column to add.
        const auto addable = addable_columns("visits.csv", visits_header, {fields});
        for (const auto& column : missing_columns(visits_header, fields))
            if (std::find(addable.begin(), addable.end(), column) == addable.end())
                plan.problems.push_back({"column-missing", model::Severity::Error, head.file, row.line, {},
                                         fmt::format("{} is set but visits.csv has no column {}", column, column),
                                         "add the column to visits.csv's header"});
        if (fields["visit_id"].empty())
            fields["visit_id"] = make_visit_id(fields["date"], fields["student_id"], repo, reserved);
        else
            reserved.insert(fields["visit_id"]);
        plan.rows.push_back({row.line, std::move(fields)});
    });
    if (!plan.problems.empty()) // the advice on a date weighs the export's other rows
        settle_date_advice(plan.problems, map, whole_export(head, text));
    return plan;
}

io::Scope import_scope(const io::CsvTable& head, std::string_view text, const ImportMap& map)
{
    io::Scope scope;
    model::Problems ignored; // plan_import reports them
    for_each_export_row(head, text, [&](const io::CsvRow& row) {
        const io::Scope one = visit_scope({map_row(map, head, row, ignored)});
        scope.students.insert(one.students.begin(), one.students.end());
        scope.staff.insert(one.staff.begin(), one.staff.end());
        scope.visit_id_prefixes.insert(scope.visit_id_prefixes.end(), one.visit_id_prefixes.begin(),
                                       one.visit_id_prefixes.end());
    });
    return scope;
}

model::Problems to_export_lines(const model::Problems& problems, std::size_t first_line,
                                const std::vector<ImportRow>& rows, const std::string& export_file)
{
    std::vector<std::size_t> source_lines;
    for (const auto& r : rows)
        source_lines.push_back(r.source_line);
    return to_export_lines(problems, first_line, source_lines, export_file);
}

model::Problems to_export_lines(const model::Problems& problems, std::size_t first_line,
                                const std::vector<std::size_t>& source_lines, const std::string& export_file)
{
    model::Problems out;
    for (auto p : problems) {
        if (p.line >= first_line && p.line - first_line < source_lines.size()) {
            p.line = source_lines[p.line - first_line];
            p.file = export_file;
        }
        out.push_back(std::move(p));
    }
    return out;
}

} // namespace pthv::record
