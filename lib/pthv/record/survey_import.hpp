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
    std::string rows;                     // to add, in the export's order: rendered in `header`'s order,
                                          // each ending in surveys.csv's newline
    std::vector<std::size_t> source_lines; // each row's first line in the export
    std::size_t already_imported = 0;     // in surveys.csv already, or earlier in the export
    std::size_t earlier_ids = 0;          // of those, found by the unkeyed id an earlier pthv gave them
    std::vector<std::string> header;      // surveys.csv's header after the import
    std::vector<std::string> new_columns; // questions surveys.csv did not have yet, in the export's order
    model::Problems problems;
};

// How a response whose export gives no response_id gets one: made from the
// whole row, so the same row always gives the same id and importing again
// adds nothing. The library that holds the key makes them (exporting::).
struct ResponseIds {
    using Make = std::function<std::string(const io::CsvRow&)>;
    Make keyed;   // keyed by the survey's key; empty when none was given
    Make earlier; // the unkeyed id earlier versions gave the row: found in surveys.csv, it counts as imported
};

// True when the map names an export column for response_id: then the
// survey tool's own ids are used and no key is needed.
bool map_gives_response_ids(const ImportMap& map);

// The export's rows (`head` and its `text`: for_each_export_row), read one
// at a time and kept only as the text they add, so an export of any size
// costs little more than that text. `header` is surveys.csv's header now
// (the schema's columns when the file is new) and `newline` its line
// ending. A row without a site takes its student's site. A row with no
// response_id when `ids.keyed` is empty is a required-missing problem; a
// field holding a control character is a value-invalid one.
SurveyPlan plan_survey_import(const io::CsvTable& head, std::string_view text, const ImportMap& map,
                              const model::Repo& repo, const std::vector<std::string>& header,
                              const ResponseIds& ids, std::string_view newline);

// What a load needs to check the import (io::Scope): the students the
// export's rows name. Everything else a response refers to (its site) is
// in a file a scoped load reads whole.
io::Scope survey_scope(const io::CsvTable& head, std::string_view text, const ImportMap& map);

// `text` (a surveys.csv) with `columns` added at the end of its header and
// an empty cell for each at the end of every row.
std::string widen_csv(const std::string& file, std::string_view text, const std::vector<std::string>& columns);

} // namespace pthv::record
