#pragma once
// `pthv survey import`: a survey tool's export as surveys.csv rows
// (docs/surveys.md). The map is the one visit imports use; each question is
// a q_<name> field. A response already in surveys.csv (by response_id) is
// skipped, so the same export can be imported again and again.

#include <functional>
#include <string>
#include <vector>

#include <pthv/io/csv.hpp>
#include <pthv/model/repo.hpp>
#include <pthv/record/import_map.hpp>
#include <pthv/record/visit_import.hpp>

namespace pthv::record {

// surveys.csv's columns, and any q_<name>.
const ImportTarget& survey_target();

struct SurveyPlan {
    std::vector<ImportRow> rows;          // to add, in the export's order
    std::size_t already_imported = 0;     // in surveys.csv already, or earlier in the export
    std::vector<std::string> header;      // surveys.csv's header after the import
    std::vector<std::string> new_columns; // questions surveys.csv did not have yet, in the export's order
    model::Problems problems;
};

// A response_id for an export row that has none: the same row always gives
// the same id (a digest of its cells), so importing again adds nothing.
using Fingerprint = std::function<std::string(const io::CsvRow&)>;

// `header` is surveys.csv's header now (the schema's columns when the file
// is new). A row without a site takes its student's site.
SurveyPlan plan_survey_import(const io::CsvTable& table, const ImportMap& map, const model::Repo& repo,
                              const std::vector<std::string>& header, const Fingerprint& fingerprint);

// `text` (a surveys.csv) with `columns` added at the end of its header and
// an empty cell for each at the end of every row.
std::string widen_csv(const std::string& file, std::string_view text, const std::vector<std::string>& columns);

} // namespace pthv::record
