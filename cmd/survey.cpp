// pthv survey import FILE [--map MAP.yaml]: a family survey's export into
// surveys.csv (docs/surveys.md), all or nothing, with the same map as visit
// imports. Each question is a q_<name> column holding 1..5. A response
// already in surveys.csv is skipped, so the same export can be imported
// again and again; a question the file does not have yet becomes a new
// column (older rows get an empty cell: not asked).

#include <fmt/format.h>
#include <memory>

#include "commands.hpp"
#include "log_visit.hpp"

#include <pthv/export/hmac.hpp>
#include <pthv/io/csv_edit.hpp>
#include <pthv/record/survey_import.hpp>
#include <pthv/rules/registry.hpp>
#include <pthv/util/strings.hpp>

namespace pthv::cmd {

namespace {

constexpr const char* k_surveys_file = "surveys.csv";

struct SurveyImportOptions {
    std::string file;
    std::string map;
    WriteOptions write;
};

// "R" and 16 hex digits of the SHA-256 of the export's row: the id of a
// response whose export has none (a form's rows hold a timestamp).
std::string fingerprint(const io::CsvRow& row)
{
    return "R" + exporting::to_hex(exporting::sha256(util::join(row.cells, "\x1f")), 8);
}

// The edit that adds `plan`'s rows: appended, or, when surveys.csv is new
// or gains questions, written whole (its rows widened with empty cells).
record::Edit survey_edit(const Loaded& current, const record::SurveyPlan& plan)
{
    // Only surveys.csv is read by make_append: no copy of the other files.
    io::Sources widened;
    widened[k_surveys_file] = record::widen_csv(k_surveys_file, current.sources.at(k_surveys_file), plan.new_columns);
    const auto newline = io::newline_of(widened.at(k_surveys_file));
    std::string rows;
    for (const auto& r : plan.rows)
        rows += record::render_row(plan.header, r.fields, newline);
    record::Edit edit = record::make_append(widened, k_surveys_file, rows, plan.rows.size());
    edit.append = edit.append && !current.created && plan.new_columns.empty();
    return edit;
}

std::string summary(const SurveyImportOptions& o, const record::SurveyPlan& plan)
{
    std::string out;
    const auto added = static_cast<long long>(plan.rows.size());
    if (o.write.dry_run && added > 0) {
        out += fmt::format("would add to {}:\n", k_surveys_file);
        for (const auto& r : plan.rows)
            out += "  " + util::printable(util::trim(record::render_row(plan.header, r.fields, ""))) + "\n";
    }
    if (!plan.new_columns.empty() && added > 0)
        out += fmt::format("{} {} {}: {}\n", k_surveys_file, o.write.dry_run ? "would gain" : "gains",
                           util::plural(static_cast<long long>(plan.new_columns.size()), "question", "questions"),
                           util::join(plan.new_columns, ", "));
    out += fmt::format("{}{} {}, {} already imported\n", o.write.dry_run ? "dry run: " : "",
                       o.write.dry_run ? "would add" : "added", util::plural(added, "response", "responses"),
                       plan.already_imported);
    return out;
}

int run_import(const SurveyImportOptions& o, Session& session)
{
    const io::CsvTable table = read_export(o.file, "import");
    const record::ImportMap map = load_import_map(o.file, o.map, table, record::survey_target());

    const auto lock = lock_repo(session, o.write.lock_timeout);
    const Loaded current = load_for_append(session, k_surveys_file);
    const model::Repo& repo = current.loaded.repo;
    record::SurveyPlan plan =
        record::plan_survey_import(table, map, repo, repo.files.at(k_surveys_file).header, fingerprint);
    refuse_control_in_rows(o.file, plan.rows, plan.problems);

    const record::Edit edit = survey_edit(current, plan);
    io::LoadOptions options;
    options.as_of = session.as_of();
    const record::EditCheck check =
        plan.rows.empty() ? record::EditCheck{} : record::check_edit(current.sources, edit, options);
    const std::size_t first_line = edit.lines.empty() ? 0 : *edit.lines.begin();
    auto refused = merge_problems(plan.problems, record::to_export_lines(check.refused, first_line, plan.rows, o.file));
    advise_map(refused);
    if (!refused.empty())
        refuse(refused, fmt::format("import refused: {} in {}; {} is unchanged",
                                    util::plural(static_cast<long long>(refused.size()), "error", "errors"), o.file,
                                    k_surveys_file));
    if (!plan.rows.empty() && !o.write.dry_run)
        write_edit(session, edit);
    std::string& out = session.out();
    print_problems(out, record::to_export_lines(check.findings, first_line, plan.rows, o.file), session.color());
    if (!session.global().quiet || o.write.dry_run)
        out += summary(o, plan);
    session.finish();
    return check.has_errors() ? k_exit_findings : k_exit_ok;
}

Runner setup_survey_import(CLI::App& sub)
{
    auto o = std::make_shared<SurveyImportOptions>();
    sub.add_option("FILE", o->file, "The survey tool's export (CSV)")->required();
    sub.add_option("--map", o->map,
                   "YAML saying which export column is which surveys.csv field (q_<name> for a question), how "
                   "answers translate to 1..5 and how dates are written (docs/surveys.md)")
        ->type_name("MAP.yaml");
    add_write_options(sub, o->write);
    sub.footer("Adds one surveys.csv row per response, all or nothing: a bad row is reported on its line of FILE\n"
               "and nothing is written. A response already imported (same response_id; without one, the same\n"
               "row of the export) is skipped, so the same export can be imported again as answers come in.\n\n"
               "Examples:\n"
               "  pthv survey import family-survey.csv --map survey-map.yaml\n"
               "  pthv survey import family-survey.csv --map survey-map.yaml --dry-run");
    return [o](Session& s) { return run_import(*o, s); };
}

} // namespace

Runner setup_survey(CLI::App& sub)
{
    sub.require_subcommand(0, 1);
    CLI::App* import = sub.add_subcommand("import", "Add a family survey's responses to surveys.csv");
    Runner run = setup_survey_import(*import);
    sub.footer("Examples:\n"
               "  pthv survey import family-survey.csv --map survey-map.yaml\n"
               "  pthv report --period end-of-year --table surveys");
    return [import, run](Session& s) {
        if (import->parsed())
            return run(s);
        throw UsageError("survey: say what to do: pthv survey import FILE [--map MAP.yaml]");
    };
}

} // namespace pthv::cmd
