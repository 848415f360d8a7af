#pragma once
// `pthv export --deidentify` (docs/export.md): the five roster and log files
// rewritten for an outside evaluator. Each file keeps only the columns its
// plan lets through (a column pthv does not know is dropped, never
// copied); every student, family, staff and visit id is replaced by its
// keyed pseudonym (hmac.hpp), so exports made with one key link and
// nothing in them names a person. Names, notes, free text and pay rates are
// left out; concern flags only when asked for. With --k N (2 or more, the
// default 5) students.csv and visits.csv are then made k-anonymous
// (protect.hpp). Every file's rows are in the order of their new ids.

#include <cstdint>
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

// One row of the district's attendance file (io/attendance.hpp), checked.
struct StudentAttendance {
    std::string student_id;
    std::int64_t days_enrolled = 0;
    std::int64_t days_absent = 0;
};

constexpr unsigned k_default_k = 5;

struct ExportOptions {
    std::string key;
    // Set: students.csv gains the concern flags this repo was loaded with
    // (students.csv's flag_* columns and the --flags file's); unset: none.
    const model::Repo* flags = nullptr;
    // --k: each student shares what an attacker may know of them with at
    // least k-1 others; 1 turns the protection off.
    unsigned k = k_default_k;
    // --attendance: written as attendance.csv under the keyed student ids.
    const std::vector<StudentAttendance>* attendance = nullptr;
    // --subgroups: each student's reports.subgroups values (students.csv's,
    // and a --subgroups file's merged in), written as subgroups.csv under
    // the keyed student ids; unset: none.
    const model::Repo* subgroups = nullptr;
};

// Throws std::invalid_argument, with a message for the user, for options
// that cannot go together: --k 0, and outcome data (--attendance) or
// subgroups (--subgroups) with --k 1, which would join them to rows that
// single students out.
void check_options(const ExportOptions& options);

// The exported files (sources that are absent give none; attendance.csv
// when asked for) and, last, README.md saying what was removed, how ids
// were made and what --k did. Throws std::invalid_argument as
// check_options, and std::runtime_error naming file and line when a source
// cannot be read as CSV, when students.csv lists a student twice, and when
// two ids would get one pseudonym (a 64-bit collision: astronomically
// rare, but an export that merged two students would be wrong without
// saying so).
std::vector<ExportFile> deidentify(const std::vector<SourceFile>& sources, const ExportOptions& options);

// The files an export is made from, in order.
const std::vector<std::string>& export_sources();

// The columns of `file` an export lets through (its allow list: the
// columns, and attributes, whose schema gives an `export:` treatment other
// than drop, so that a new column is left out until its schema says
// otherwise), each with whether its ids are replaced by pseudonyms. Empty
// for a file that is not exported.
struct ExportedColumn {
    std::string name;
    bool pseudonymised = false;
};
std::vector<ExportedColumn> exported_columns(const std::string& file);

// Every file name an export writes (the sources, attendance.csv,
// subgroups.csv, README.md).
const std::vector<std::string>& export_outputs();

} // namespace pthv::exporting
