// pthv survey import FILE [--map MAP.yaml] [--key-file KEY]: a family
// survey's export into surveys.csv (docs/surveys.md), all or nothing, with
// the same map as visit imports. Each question is a q_<name> column holding
// 1..5. A response already in surveys.csv is skipped, so the same export can
// be imported again and again; a question the file does not have yet
// becomes a new column (older rows get an empty cell: not asked). An export
// without response ids needs the key: pthv keys the id it makes from a row.

#include <cstdio>
#include <memory>

#include "commands.hpp"

#include <pthv/export/key.hpp>
#include <pthv/export/response_id.hpp>
#include <pthv/record/help.hpp>
#include <pthv/record/import_change.hpp>
#include <pthv/record/import_read.hpp>
#include <pthv/record/survey_import.hpp>

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
            throw UsageError(exporting::missing_key_refusal(o.file));
        return ids;
    }
    // A key that cannot be used (exporting::KeyError) ends the command, saying why.
    auto key = std::make_shared<const std::string>(
        exporting::read_key_file(o.key_file, session.root(), exporting::k_survey_key));
    ids.keyed = [key](const io::CsvRow& row) { return exporting::keyed_response_id(*key, row.cells); };
    return ids;
}

int run_import(const SurveyImportOptions& o, Session& session)
{
    const record::ImportInput in = record::read_import(o.file, "import", o.map, record::survey_target());
    std::fputs(in.note.c_str(), stderr);
    refuse_if(in.refused, ProblemLines::import);
    const record::ResponseIds ids = response_ids(o, in.map, session);

    const auto lock = lock_repo(session, o.write.lock_timeout);
    // Only the students the export names are loaded: a response refers to
    // nothing else that a scoped load leaves out.
    const auto scope = std::make_shared<const io::Scope>(record::survey_scope(in.head, in.text, in.map));
    record::Current current = open_change(session, k_surveys_file, scope, true);
    const record::SurveyImport i =
        record::check_survey_import(current, in.head, in.text, in.map, ids, o.file, session.as_of());
    refuse_if(i.refused, ProblemLines::import);
    if (!i.plan.source_lines.empty() && !o.write.dry_run)
        record::write_edit(session.root(), i.edit);
    session.out() += record::survey_import_text(i, o.write.dry_run, session.global().quiet, session.color());
    session.finish();
    return i.check.has_errors() ? k_exit_findings : k_exit_ok;
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
    sub.footer(record::help_footer("survey import"));
    return [o](Session& s) { return run_import(*o, s); };
}

} // namespace

Runner setup_survey(CLI::App& sub)
{
    sub.require_subcommand(0, 1);
    CLI::App* import = sub.add_subcommand("import", "Add a family survey's responses to surveys.csv");
    Runner run = setup_survey_import(*import);
    sub.footer(record::help_footer("survey"));
    return [import, run](Session& s) {
        if (import->parsed())
            return run(s);
        throw UsageError("survey: say what to do: pthv survey import FILE [--map MAP.yaml] [--key-file KEY]");
    };
}

} // namespace pthv::cmd
