// pthv log-visit --import FILE [--map MAP.yaml]: many visits from a form
// export, all or nothing (docs/guide.md). Every bad row is reported on its own line
// of FILE; rows already logged are skipped so the same export can be
// imported again and again.

#include <cstdio>
#include <fmt/format.h>

#include "log_visit.hpp"

#include <pthv/io/csv.hpp>
#include <pthv/io/csv_edit.hpp>
#include <pthv/io/schema.hpp>
#include <pthv/record/import_map.hpp>
#include <pthv/record/visit.hpp>
#include <pthv/record/visit_import.hpp>
#include <pthv/rules/registry.hpp>
#include <pthv/util/strings.hpp>

namespace pthv::cmd {

namespace {

std::string read_input(const std::string& path, const char* option)
{
    if (!util::file_exists(path))
        throw UsageError(std::string(option) + " " + path + ": no such file");
    try {
        return util::read_file(path);
    } catch (const util::FileError& e) {
        throw UsageError(e.what());
    }
}

} // namespace

// Advice that points at the map, not the cell: a form export writes every
// date and answer the same way, so one line of the map fixes every row
// (docs/import.md). A problem names its column and value; the target's
// schema says what the column holds.
void advise_map(model::Problems& problems, const record::ImportMap& map, const record::ImportTarget& target)
{
    const io::Schema& schema = io::schema(target.file.substr(0, target.file.find('.')));
    for (auto& p : problems) {
        if (p.rule != "value-invalid" || p.column.empty())
            continue;
        const io::Field* field = schema.field(p.column);
        if (field && field->type == io::FieldType::Date) {
            if (!map.date_format.empty()) {
                p.advice = record::date_format_advice(p.value, map.date_format); // the map's own format is wrong
            } else if (std::count(p.value.begin(), p.value.end(), '/') == 2) {
                const bool day_first =
                    !record::parse_date_as(p.value, "%m/%d/%Y") && record::parse_date_as(p.value, "%d/%m/%Y");
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

void refuse(const model::Problems& problems, const std::string& why)
{
    std::string text;
    for (const auto& p : problems) {
        const std::string where = p.line > 0 ? fmt::format("{}:{}", p.file, p.line) : p.file;
        text += p.rule.empty() ? fmt::format("{}: error: {}\n", where, p.message)
                               : format_problem_line(p, false);
        if (!p.advice.empty())
            text += "    hint: " + p.advice + "\n";
    }
    std::fputs(text.c_str(), stderr);
    throw UsageError(why);
}

io::CsvTable read_export(const std::string& file, const char* option)
{
    model::Problems problems;
    const std::string content = read_input(file, option);
    io::CsvReadOptions read_options;
    read_options.multiline = true; // form exports hold line breaks in quoted cells
    read_options.detect_delimiter = true; // Excel where the comma is the decimal mark (docs/import.md)
    io::CsvTable table = io::read_csv(file, content, problems, read_options);
    if (!problems.empty())
        refuse(problems, file + " is not well-formed CSV; nothing was written");
    if (table.delimiter != ',')
        std::fputs(fmt::format("note: {} is separated by \"{}\", as Excel saves CSV in some languages; it is read "
                               "so\n",
                               file, table.delimiter)
                       .c_str(),
                   stderr);
    return table;
}

record::ImportMap load_import_map(const std::string& export_file, const std::string& map_file,
                                  const io::CsvTable& table, const record::ImportTarget& target)
{
    model::Problems problems;
    record::ImportMap map;
    if (map_file.empty()) {
        map = record::identity_map(table, problems, target);
    } else {
        auto parsed = record::parse_import_map(map_file, read_input(map_file, "--map"), problems, target);
        if (parsed) {
            map = std::move(*parsed);
            record::check_map_columns(map_file, map, table, problems);
        }
    }
    if (!problems.empty())
        refuse(problems, (map_file.empty() ? export_file : map_file) + " cannot be used; nothing was written");
    return map;
}

namespace {

// logged_on of an imported row is the day of the import: where that makes
// a visit a late entry and the export says when each row was entered, the
// map should read logged_on from there (docs/import.md).
void advise_entry_time(model::Problems& findings, const io::CsvTable& table, const record::ImportMap& map,
                       const std::string& file)
{
    const std::string column = record::entry_time_column(table, map);
    if (column.empty())
        return;
    for (auto& p : findings)
        if (p.rule == "late-entry" && p.file == file)
            p.advice = fmt::format("logged_on is the day of the import; the export's \"{}\" column says when each "
                                   "visit was entered: map it, columns: {{logged_on: {}}}, so late-entry counts from "
                                   "there (try the import with --dry-run first); see docs/import.md",
                                   column, column);
}

} // namespace

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

void refuse_control_in_rows(const std::string& file, const std::vector<record::ImportRow>& rows,
                            model::Problems& problems)
{
    for (const auto& row : rows)
        for (const auto& [field, value] : row.fields) {
            if (holds_control(value))
                problems.push_back({"value-invalid", model::Severity::Error, file, row.source_line, {},
                                    fmt::format("{} {}: holds a control character (shown as \\xNN)", field,
                                                util::printable(value)),
                                    "remove it in the export; only line breaks may be in a cell"});
        }
}

int run_import(const ImportOptions& o, const WriteOptions& w, Session& session)
{
    const io::CsvTable table = read_export(o.file, "--import");
    record::ImportMap map = load_import_map(o.file, o.map, table, record::visit_target());
    for (const auto& [field, value] : o.defaults)
        map.defaults[field] = value; // a flag wins over the map's default

    const auto lock = lock_repo(session, w.lock_timeout);
    const Loaded current =
        load_for_edit(session, "visits.csv", std::make_shared<const io::Scope>(record::import_scope(table, map)));
    const model::Repo& repo = current.loaded.repo;
    const auto& info = repo.files.at("visits.csv");
    record::ImportPlan plan = record::plan_import(table, map, repo, info.header);
    refuse_control_in_rows(o.file, plan.rows, plan.problems);
    for (auto& r : plan.rows)
        record::fill_language(r.fields, current.sources, repo);

    const auto newline = io::newline_of(current.sources.at("visits.csv"));
    std::string rows;
    for (const auto& r : plan.rows)
        rows += record::render_row(info.header, r.fields, newline);
    const record::Edit edit = record::make_append(current.sources, "visits.csv", rows, plan.rows.size());
    io::LoadOptions options;
    options.as_of = session.as_of();
    options.scope = current.scope;
    const record::EditCheck check = plan.rows.empty() ? record::EditCheck{}
                                                      : record::check_edit(current.sources, edit, options);
    const std::size_t first_line = edit.lines.empty() ? 0 : *edit.lines.begin();
    auto refused = merge_problems(plan.problems, record::to_export_lines(check.refused, first_line, plan.rows, o.file));
    advise_map(refused, map, record::visit_target());
    if (!refused.empty())
        refuse(refused, fmt::format("import refused: {} in {}; visits.csv is unchanged",
                                    util::plural(static_cast<long long>(refused.size()), "error", "errors"), o.file));

    if (!plan.rows.empty() && !w.dry_run)
        write_edit(session, edit);
    auto findings = record::to_export_lines(check.findings, first_line, plan.rows, o.file);
    advise_entry_time(findings, table, map, o.file);
    std::string& out = session.out();
    // A dry run shows what would be written, row by row, as log-visit does.
    if (w.dry_run && !plan.rows.empty()) {
        out += fmt::format("would add to visits.csv from line {}:\n", first_line);
        for (const auto& r : plan.rows)
            out += "  " + util::printable(util::trim(record::render_row(info.header, r.fields, ""))) + "\n";
    }
    print_problems(out, findings, session.color());
    const auto t = rules::tally(findings);
    if (!session.global().quiet || w.dry_run)
        out += fmt::format("{}{} {}, {} already logged; findings: {}, {}\n", w.dry_run ? "dry run: " : "",
                           w.dry_run ? "would add" : "added",
                           util::plural(static_cast<long long>(plan.rows.size()), "visit", "visits"),
                           plan.already_logged, util::plural(static_cast<long long>(t.errors), "error", "errors"),
                           util::plural(static_cast<long long>(t.warnings), "warning", "warnings"));
    session.finish();
    return t.errors > 0 ? k_exit_findings : k_exit_ok;
}

} // namespace pthv::cmd
