// pthv log-visit --import FILE [--map MAP.yaml]: many visits from a form
// export, all or nothing (docs/guide.md). Every bad row is reported on its own line
// of FILE; rows already logged are skipped so the same export can be
// imported again and again.

#include <fmt/format.h>

#include "log_visit.hpp"

#include <pthv/record/import_advice.hpp>
#include <pthv/record/visit.hpp>
#include <pthv/record/visit_import.hpp>
#include <pthv/rules/registry.hpp>
#include <pthv/util/strings.hpp>

namespace pthv::cmd {

int run_import(const ImportOptions& o, const WriteOptions& w, Session& session)
{
    util::FileText text;
    const io::CsvTable table = read_export(o.file, "--import", text); // its rows are read one at a time
    record::ImportMap map = load_import_map(o.file, o.map, table, record::visit_target());
    for (const auto& [field, value] : o.defaults)
        map.defaults[field] = value; // a flag wins over the map's default

    const auto lock = lock_repo(session, w.lock_timeout);
    record::Current current =
        load_for_edit(session, "visits.csv", std::make_shared<const io::Scope>(record::import_scope(table, text, map)));
    const model::Repo& repo = current.loaded.repo;
    std::vector<std::string> header = repo.files.at("visits.csv").header; // then the columns the import adds
    record::ImportPlan plan = record::plan_import(table, text, map, repo, header);
    const auto control = record::control_problems(o.file, plan.rows);
    plan.problems.insert(plan.problems.end(), control.begin(), control.end());
    std::vector<record::Fields> rows;
    for (auto& r : plan.rows)
        rows.push_back(std::move(r.fields));
    record::fill_languages(rows, current.sources, repo);
    const record::Edit edit = record::append_records(current, "visits.csv", rows);
    for (std::size_t i = 0; i < rows.size(); ++i)
        plan.rows[i].fields = std::move(rows[i]);
    rows = {};
    current.loaded = {}; // the check loads the repo with the rows: one load held at a time, not two
    const record::EditCheck check =
        plan.rows.empty() ? record::EditCheck{} : record::check_change(current, edit, session.as_of());
    const std::size_t first_line = edit.lines.empty() ? 0 : *edit.lines.begin();
    auto refused = record::merge_problems(plan.problems,
                                          record::to_export_lines(check.refused, first_line, plan.rows, o.file));
    record::advise_map(refused, map, record::visit_target());
    if (!refused.empty())
        refuse(refused, fmt::format("import refused: {} in {}; visits.csv is unchanged",
                                    util::plural(static_cast<long long>(refused.size()), "error", "errors"), o.file));

    if (!plan.rows.empty() && !w.dry_run)
        write_edit(session, edit);
    if (!plan.rows.empty())
        say_added_columns(edit, w.dry_run);
    auto findings = record::to_export_lines(check.findings, first_line, plan.rows, o.file);
    record::advise_entry_time(findings, table, map, o.file);
    std::string& out = session.out();
    // A dry run shows what would be written, row by row, as log-visit does.
    header.insert(header.end(), edit.added_columns.begin(), edit.added_columns.end());
    if (w.dry_run && !plan.rows.empty()) {
        out += fmt::format("would add to visits.csv from line {}:\n", first_line);
        for (const auto& r : plan.rows)
            out += "  " + util::printable(util::trim(record::render_row(header, r.fields, ""))) + "\n";
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
