// pthv survey import FILE [--map MAP.yaml] [--key-file KEY]: a family
// survey's export into surveys.csv (docs/surveys.md), all or nothing, with
// the same map as visit imports. Each question is a q_<name> column holding
// 1..5. A response already in surveys.csv is skipped, so the same export can
// be imported again and again; a question the file does not have yet
// becomes a new column (older rows get an empty cell: not asked). An export
// without response ids needs the key: pthv keys the id it makes from a row.

#include <fmt/format.h>
#include <memory>

#include "commands.hpp"

#include <pthv/export/key.hpp>
#include <pthv/export/response_id.hpp>
#include <pthv/io/csv_edit.hpp>
#include <pthv/record/import_advice.hpp>
#include <pthv/record/survey_import.hpp>
#include <pthv/rules/registry.hpp>
#include <pthv/util/strings.hpp>

namespace pthv::cmd {

namespace {

constexpr const char* k_surveys_file = "surveys.csv";

struct SurveyImportOptions {
    std::string file;
    std::string map;
    std::string key_file;
    WriteOptions write;
};

// The ids of responses the export gives none, keyed by --key-file's key.
// Without a key such an export is refused: an unkeyed id made from the row
// would let anyone holding surveys.csv confirm what the import left out.
record::ResponseIds response_ids(const SurveyImportOptions& o, const record::ImportMap& map, Session& session)
{
    record::ResponseIds ids;
    ids.earlier = [](const io::CsvRow& row) { return exporting::unkeyed_response_id(row.cells); };
    if (o.key_file.empty()) {
        if (!record::map_gives_response_ids(map))
            throw UsageError(fmt::format(
                "{} has no response id column: pthv makes each response's id from its row, and needs a private "
                "key for that, so that surveys.csv cannot give back what the import leaves out (when each answer "
                "came, comments). Make one once and keep it out of the data repo: `(umask 077; openssl rand -hex 32 "
                "> {})`; then pass --key-file {} to every import of this survey (docs/surveys.md)",
                o.file, exporting::k_survey_key.suggested_file, exporting::k_survey_key.suggested_file));
        return ids;
    }
    try {
        auto key = std::make_shared<const std::string>(
            exporting::read_key_file(o.key_file, session.root(), exporting::k_survey_key));
        ids.keyed = [key](const io::CsvRow& row) { return exporting::keyed_response_id(*key, row.cells); };
    } catch (const exporting::KeyError& e) {
        throw UsageError(e.what());
    }
    return ids;
}

// The edit that adds `plan`'s rows: appended, or, when surveys.csv is new
// or gains questions, written whole (its rows widened with empty cells).
// The edit takes the plan's rendered rows over.
record::Edit survey_edit(const record::Current& current, record::SurveyPlan& plan)
{
    // Only surveys.csv is read by make_append: no copy of the other files,
    // and none of surveys.csv unless it gains columns.
    io::Sources widened;
    if (!plan.new_columns.empty())
        widened[k_surveys_file] =
            record::widen_csv(k_surveys_file, current.sources.at(k_surveys_file), plan.new_columns);
    record::Edit edit = record::make_append(plan.new_columns.empty() ? current.sources : widened, k_surveys_file,
                                            std::move(plan.rows), plan.source_lines.size());
    edit.append = edit.append && !current.created && plan.new_columns.empty();
    return edit;
}

std::string summary(const SurveyImportOptions& o, const record::SurveyPlan& plan, const record::Edit& edit)
{
    std::string out;
    const auto added = static_cast<long long>(plan.source_lines.size());
    if (o.write.dry_run && added > 0) {
        out += fmt::format("would add to {}:\n", k_surveys_file);
        util::for_each_part(edit.rows, '\n', [&](std::string_view row) {
            if (!row.empty())
                out += "  " + util::printable(util::trim(row)) + "\n";
            return true;
        });
    }
    if (!plan.new_columns.empty() && added > 0)
        out += fmt::format("{} {} {}: {}\n", k_surveys_file, o.write.dry_run ? "would gain" : "gains",
                           util::plural(static_cast<long long>(plan.new_columns.size()), "question", "questions"),
                           util::join(plan.new_columns, ", "));
    out += fmt::format("{}{} {}, {} already imported\n", o.write.dry_run ? "dry run: " : "",
                       o.write.dry_run ? "would add" : "added", util::plural(added, "response", "responses"),
                       plan.already_imported);
    if (plan.earlier_ids > 0)
        out += fmt::format("note: {} of the export {} in surveys.csv under the unkeyed id an earlier pthv made "
                           "from the row, which lets anyone holding the file test a guess of what was left out; "
                           "docs/surveys.md says how to replace such ids with keyed ones\n",
                           util::plural(static_cast<long long>(plan.earlier_ids), "response", "responses"),
                           plan.earlier_ids == 1 ? "is" : "are");
    return out;
}

int run_import(const SurveyImportOptions& o, Session& session)
{
    util::FileText text;
    const io::CsvTable head = read_export(o.file, "import", text); // its rows are read one at a time
    const record::ImportMap map = load_import_map(o.file, o.map, head, record::survey_target());
    const record::ResponseIds ids = response_ids(o, map, session);

    const auto lock = lock_repo(session, o.write.lock_timeout);
    // Only the students the export names are loaded: a response refers to
    // nothing else that a scoped load leaves out.
    record::Current current = load_for_append(
        session, k_surveys_file, std::make_shared<const io::Scope>(record::survey_scope(head, text, map)));
    const model::Repo& repo = current.loaded.repo;
    record::SurveyPlan plan =
        record::plan_survey_import(head, text, map, repo, repo.files.at(k_surveys_file).header, ids,
                                   io::newline_of(current.sources.at(k_surveys_file)));
    const bool adds = !plan.source_lines.empty();

    const record::Edit edit = survey_edit(current, plan);
    current.loaded = {};           // the check loads the repo with the rows: one load held at a time
    const record::EditCheck check = adds ? record::check_change(current, edit, session.as_of()) : record::EditCheck{};
    const std::size_t first_line = edit.lines.empty() ? 0 : *edit.lines.begin();
    auto refused = record::merge_problems(
        plan.problems, record::to_export_lines(check.refused, first_line, plan.source_lines, o.file));
    record::advise_map(refused, map, record::survey_target());
    if (!refused.empty())
        refuse(refused, fmt::format("import refused: {} in {}; {} is unchanged",
                                    util::plural(static_cast<long long>(refused.size()), "error", "errors"), o.file,
                                    k_surveys_file));
    if (adds && !o.write.dry_run)
        write_edit(session, edit);
    std::string& out = session.out();
    print_problems(out, record::to_export_lines(check.findings, first_line, plan.source_lines, o.file),
                   session.color());
    if (!session.global().quiet || o.write.dry_run)
        out += summary(o, plan, edit);
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
    sub.add_option("--key-file", o->key_file,
                   "The survey's private key (at least 16 bytes, mode 600, outside the data repo), needed when the "
                   "export has no response id column: each response's id is then keyed from its row. Give the same "
                   "key to every import of the survey")
        ->type_name("FILE");
    add_write_options(sub, o->write);
    sub.footer("Adds one surveys.csv row per response, all or nothing: a bad row is reported on its line of FILE\n"
               "and nothing is written. A response already imported (same response_id; without one, the same\n"
               "row of the export) is skipped, so the same export can be imported again as answers come in.\n\n"
               "Examples:\n"
               "  (umask 077; openssl rand -hex 32 > ~/pthv-survey.key)   # once; keep it private\n"
               "  pthv survey import family-survey.csv --map survey-map.yaml --key-file ~/pthv-survey.key\n"
               "  pthv survey import family-survey.csv --map survey-map.yaml --key-file ~/pthv-survey.key --dry-run");
    return [o](Session& s) { return run_import(*o, s); };
}

} // namespace

Runner setup_survey(CLI::App& sub)
{
    sub.require_subcommand(0, 1);
    CLI::App* import = sub.add_subcommand("import", "Add a family survey's responses to surveys.csv");
    Runner run = setup_survey_import(*import);
    sub.footer("Examples:\n"
               "  pthv survey import family-survey.csv --map survey-map.yaml --key-file ~/pthv-survey.key\n"
               "  pthv report --period end-of-year --table surveys");
    return [import, run](Session& s) {
        if (import->parsed())
            return run(s);
        throw UsageError("survey: say what to do: pthv survey import FILE [--map MAP.yaml] [--key-file KEY]");
    };
}

} // namespace pthv::cmd
