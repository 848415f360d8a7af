#include "deidentify.hpp"

#include <algorithm>
#include <stdexcept>

#include <fmt/format.h>

#include <pthv/export/pseudonyms.hpp>
#include <pthv/export/protect.hpp>
#include <pthv/export/readme.hpp>
#include <pthv/io/csv.hpp>
#include <pthv/io/schema.hpp>
#include <pthv/model/names.hpp>
#include <pthv/util/strings.hpp>

namespace pthv::exporting {

namespace {

enum class Treat {
    Keep,       // copied as it is: a code, a date, a number
    Pseudonym,  // an id, replaced by its pseudonym
    Pseudonyms, // ids joined by ";", each replaced
};

struct Column {
    std::string name;
    Treat treat;
    bool needs_k = false; // exported only with --k 2 or more, which protects it
};

// What each file keeps: the columns whose schema gives them an export
// treatment (schemas/*.yaml, `export:`), in the schema's order, then the
// attributes it lets through. A column without one (names, notes, free
// text, pay rates, other attributes, anything new) is left out.
struct Plan {
    std::string file;
    std::vector<Column> columns;
};

Column column_of(const io::Field& f)
{
    switch (f.exported) {
    case io::Export::Key:
        return {f.name, f.type == io::FieldType::IdList ? Treat::Pseudonyms : Treat::Pseudonym};
    case io::Export::Coarse:
        return {f.name, Treat::Keep, true};
    default: // keep, and a visit's dates, which protect() coarsens
        return {f.name, Treat::Keep};
    }
}

const std::vector<Plan>& plans()
{
    static const std::vector<Plan> k_plans = [] {
        std::vector<Plan> out;
        for (const io::Schema& s : io::all_schemas()) {
            if (!s.exported())
                continue;
            Plan& plan = out.emplace_back(Plan{s.path, {}});
            for (const std::vector<io::Field>* fields : {&s.fields, &s.exported_attributes})
                for (const io::Field& f : *fields)
                    if (f.exported != io::Export::Drop)
                        plan.columns.push_back(column_of(f));
        }
        return out;
    }();
    return k_plans;
}

std::string treat_cell(Treat treat, std::string_view cell, Pseudonyms& ids)
{
    const std::string_view value = util::trim(cell);
    if (treat == Treat::Keep || value.empty())
        return std::string(value);
    return treat == Treat::Pseudonym ? ids.of(value) : ids.list(value);
}

// The concern flags of a student of the repo the export's flags come from.
std::vector<std::string> flag_cells(const model::Repo& repo, std::string_view student_id)
{
    std::vector<std::string> cells(repo.flag_names.size());
    const model::Student* s = repo.find(repo.names.students.find(student_id));
    for (std::size_t f = 0; s && f < cells.size(); ++f)
        cells[f] = s->flag(f) == 1 ? "yes" : s->flag(f) == 0 ? "no" : "";
    return cells;
}

io::CsvTable read_source(const SourceFile& source)
{
    model::Problems problems;
    io::CsvTable table = io::read_csv(source.name, source.text, problems);
    if (!problems.empty()) {
        const auto& p = problems.front();
        throw std::runtime_error(fmt::format("{}:{}: {}; fix it first (`pthv validate`)", p.file, p.line, p.message));
    }
    return table;
}

// k-anonymity counts students by id: one listed twice would be counted
// twice, and could be blanked on one row and shown on the other.
void check_unique(const io::CsvTable& table, std::size_t column)
{
    model::IdTable seen;
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const std::string_view id = util::trim(table.rows[r].cells[column]);
        const auto [h, before] = seen.define(id, static_cast<std::uint32_t>(r));
        if (!id.empty() && before != model::IdTable::k_none)
            throw std::runtime_error(fmt::format("{}:{}: student {} is listed again (first on line {}); fix it first "
                                                 "(`pthv validate`)",
                                                 table.file, table.rows[r].line, util::printable(id),
                                                 table.rows[before].line));
    }
}

// The columns `plan` lets through, each with its treatment and ids keyed;
// `written` gets what was kept, keyed and left out.
Table export_table(const Plan& plan, const SourceFile& source, const ExportOptions& options, Pseudonyms& ids,
                   Written& written)
{
    const io::CsvTable table = read_source(source);
    std::vector<std::pair<std::size_t, Treat>> taken; // source column, treatment
    Table out{plan.file, {}, {}};
    for (const Column& c : plan.columns) {
        const auto at = std::find(table.header.begin(), table.header.end(), c.name);
        if (at == table.header.end() || (c.needs_k && options.k < 2))
            continue;
        taken.emplace_back(static_cast<std::size_t>(at - table.header.begin()), c.treat);
        out.header.emplace_back(c.name);
        if (c.treat != Treat::Keep)
            written.keyed.emplace_back(c.name);
    }
    const bool with_flags = options.flags && plan.file == "students.csv";
    if (with_flags)
        out.header.insert(out.header.end(), options.flags->flag_names.begin(), options.flags->flag_names.end());
    for (const auto& name : table.header)
        if (std::find(out.header.begin(), out.header.end(), name) == out.header.end())
            written.dropped.push_back(name);
    const std::size_t id_column = static_cast<std::size_t>(
        std::find(table.header.begin(), table.header.end(), "student_id") - table.header.begin());
    if (plan.file == "students.csv" && id_column < table.header.size())
        check_unique(table, id_column);
    for (const auto& row : table.rows) {
        auto& cells = out.rows.emplace_back();
        for (const auto& [column, treat] : taken)
            cells.push_back(treat_cell(treat, row.cells[column], ids));
        if (with_flags) {
            const auto flags = flag_cells(*options.flags, util::trim(row.cells[id_column]));
            cells.insert(cells.end(), flags.begin(), flags.end());
        }
    }
    return out;
}

Table attendance_table(const std::vector<StudentAttendance>& rows, Pseudonyms& ids)
{
    Table out{"attendance.csv", {"student_id", "days_enrolled", "days_absent"}, {}};
    for (const auto& r : rows)
        out.rows.push_back({ids.of(r.student_id), std::to_string(r.days_enrolled), std::to_string(r.days_absent)});
    return out;
}

// Each student of students.csv with their subgroup values (empty:
// unknown), under the keyed ids.
Table subgroups_table(const model::Repo& repo, Pseudonyms& ids)
{
    Table out{"subgroups.csv", {"student_id"}, {}};
    const model::Subgroups& sg = repo.subgroups;
    out.header.insert(out.header.end(), sg.names().begin(), sg.names().end());
    for (std::size_t row = 0; row < repo.students.size(); ++row) {
        std::vector<std::string> cells{ids.of(repo.id(repo.students[row].id))};
        for (std::size_t g = 0; g < sg.size(); ++g) {
            const auto code = sg.code(row, g);
            cells.push_back(code == model::Subgroups::k_unknown ? std::string() : sg.value(g, code));
        }
        out.rows.push_back(std::move(cells));
    }
    return out;
}

Table* find_table(std::vector<Table>& tables, std::string_view name)
{
    const auto at = std::find_if(tables.begin(), tables.end(), [&](const Table& t) { return t.name == name; });
    return at == tables.end() ? nullptr : &*at;
}

// What is kept, after --k has renamed the date columns: every column that
// is not keyed.
void list_kept(const Table& table, Written& written)
{
    for (const auto& name : table.header)
        if (std::find(written.keyed.begin(), written.keyed.end(), name) == written.keyed.end())
            written.kept.push_back(name);
}

} // namespace

void check_options(const ExportOptions& options)
{
    if (options.k == 0)
        throw std::invalid_argument("--k 0: k counts students, so it is 1 or more (1 turns k-anonymity off)");
    if (options.attendance && options.k < 2)
        throw std::invalid_argument("--attendance with --k 1: outcomes are exported only with k-anonymity on, "
                                    "since rows that can single a student out would carry their attendance. "
                                    "Leave out --k 1 (the default is 5)");
    if (options.subgroups && options.k < 2)
        throw std::invalid_argument("--subgroups with --k 1: subgroups are exported only with k-anonymity on, "
                                    "since rows that can single a student out would carry them. "
                                    "Leave out --k 1 (the default is 5)");
}

std::vector<ExportedColumn> exported_columns(const std::string& file)
{
    std::vector<ExportedColumn> out;
    for (const auto& p : plans())
        if (p.file == file)
            for (const Column& c : p.columns)
                out.push_back({c.name, c.treat != Treat::Keep});
    return out;
}

const std::vector<std::string>& export_sources()
{
    static const std::vector<std::string> k_names = [] {
        std::vector<std::string> names;
        for (const auto& p : plans())
            names.emplace_back(p.file);
        return names;
    }();
    return k_names;
}

const std::vector<std::string>& export_outputs()
{
    static const std::vector<std::string> k_names = [] {
        std::vector<std::string> names = export_sources();
        names.insert(names.end(), {"attendance.csv", "subgroups.csv", "README.md"});
        return names;
    }();
    return k_names;
}

std::vector<ExportFile> deidentify(const std::vector<SourceFile>& sources, const ExportOptions& options)
{
    check_options(options);
    Pseudonyms ids(options.key);
    std::vector<Table> tables;
    ReadmeFacts facts{{}, options.flags != nullptr, options.k, nullptr};
    for (const Plan& plan : plans()) {
        const auto source = std::find_if(sources.begin(), sources.end(),
                                         [&](const SourceFile& s) { return s.name == plan.file; });
        if (source == sources.end())
            continue;
        facts.files.push_back({plan.file, {}, {}, {}});
        tables.push_back(export_table(plan, *source, options, ids, facts.files.back()));
    }
    if (options.attendance) {
        facts.files.push_back({"attendance.csv", {}, {"student_id"}, {}});
        tables.push_back(attendance_table(*options.attendance, ids));
    }
    if (options.subgroups) {
        facts.files.push_back({"subgroups.csv", {}, {"student_id"}, {}});
        tables.push_back(subgroups_table(*options.subgroups, ids));
    }
    Protection protection;
    if (options.k >= 2) {
        protection = protect(find_table(tables, "students.csv"), find_table(tables, "visits.csv"), options.k);
        facts.protection = &protection;
    }
    std::vector<ExportFile> out;
    for (std::size_t i = 0; i < tables.size(); ++i) {
        list_kept(tables[i], facts.files[i]);
        sort_rows(tables[i]);
        out.push_back({tables[i].name, render(tables[i])});
    }
    out.push_back({"README.md", readme(facts)});
    return out;
}

} // namespace pthv::exporting
