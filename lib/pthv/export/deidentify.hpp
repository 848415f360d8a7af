#pragma once
// `pthv export --deidentify` (docs/export.md): the five roster and log files
// rewritten for an outside evaluator. Each file keeps only the columns its
// plan below lets through (a column pthv does not know is dropped, never
// copied); every student, family, staff and visit id is replaced by its
// keyed pseudonym (hmac.hpp), so exports made with one key link and
// nothing in them names a person. Names, notes, free text and pay rates are
// left out; concern flags only when asked for. Every file's rows are in the
// order of their new ids, never in the source's.

#include <optional>
#include <string>
#include <vector>

#include <pthv/model/repo.hpp>

namespace pthv::exporting {

struct SourceFile {
    std::string name; // "visits.csv"
    std::string text; // its content, as read
};

struct ExportFile {
    std::string name;
    std::string text;
};

struct ExportOptions {
    std::string key;
    // Set: students.csv gains the concern flags this repo was loaded with
    // (students.csv's flag_* columns and the --flags file's); unset: none.
    const model::Repo* flags = nullptr;
};

// The exported files (sources that are absent give none) and, last,
// README.md saying what was removed and how ids were made. Throws
// std::runtime_error naming file and line when a source cannot be read as
// CSV, and when two ids would get one pseudonym (a 64-bit collision:
// astronomically rare, but an export that merged two students would be
// wrong without saying so).
std::vector<ExportFile> deidentify(const std::vector<SourceFile>& sources, const ExportOptions& options);

// The files an export is made from, in order.
const std::vector<std::string>& export_sources();

// Every file name an export writes (the sources and README.md).
const std::vector<std::string>& export_outputs();

} // namespace pthv::exporting
