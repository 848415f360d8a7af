#pragma once
// An import as one change of its file, all or nothing (docs/import.md,
// docs/surveys.md): the export's rows planned, appended and checked with the
// repo, every problem placed back on the export's own line, and what the
// import prints. The caller opens the file (open_change, in the import's
// scope) and writes the edit unless `refused` holds anything.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <pthv/io/csv.hpp>
#include <pthv/record/apply.hpp>
#include <pthv/record/change.hpp>
#include <pthv/record/import_map.hpp>
#include <pthv/record/survey_import.hpp>
#include <pthv/record/visit_import.hpp>

namespace pthv::record {

struct VisitImport {
    ImportPlan plan;                 // the rows to add, with their lines in the export
    Edit edit;                       // their append to visits.csv
    std::vector<std::size_t> row_sizes; // each row's bytes in edit.rows, in order
    std::vector<std::string> header; // visits.csv's header after the import
    std::optional<Refusal> refused;  // its problems on the export's lines, with the map's advice
    model::Problems findings;        // on the export's lines
};

// The import of export `file` (`head`, its `text`, read through `map`)
// into visits.csv as `current` holds it (opened in import_scope). A row
// already logged is skipped; a cell holding a control character is
// refused. What `current` loaded, and the planned rows' fields once the
// edit holds them rendered, are let go before the check loads the repo with
// the rows, so one load is held at a time, not two.
VisitImport check_visit_import(Current& current, const io::CsvTable& head, std::string_view text,
                               const ImportMap& map, const std::string& file, model::Date as_of);

// What the visit import prints: in a dry run the rows it would add, the
// findings, and (unless quiet, always in a dry run) "added N visits, M
// already logged; findings: ...".
std::string visit_import_text(const VisitImport& i, bool dry_run, bool quiet, bool color);

struct SurveyImport {
    SurveyPlan plan; // its rows are the edit's
    Edit edit;       // appended, or surveys.csv whole when it is new or gains questions
    std::size_t rows_size = 0; // the added rows' bytes: the end of edit.text()
    EditCheck check;
    std::optional<Refusal> refused; // its problems on the export's lines, with the map's advice
    model::Problems findings; // on the export's lines
};

// The import of export `file` into surveys.csv as `current` holds it
// (opened in survey_scope, created when absent), each response without an
// id given one by `ids`; what `current` loaded is let go before the check.
SurveyImport check_survey_import(Current& current, const io::CsvTable& head, std::string_view text,
                                 const ImportMap& map, const ResponseIds& ids, const std::string& file,
                                 model::Date as_of);

// What the survey import prints: the findings and (unless quiet, always in
// a dry run) the rows it would add, the questions gained, "added N
// responses, M already imported" and a note on ids an earlier pthv made
// unkeyed.
std::string survey_import_text(const SurveyImport& i, bool dry_run, bool quiet, bool color);

} // namespace pthv::record
