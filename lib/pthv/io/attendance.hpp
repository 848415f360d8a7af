#pragma once
// The attendance file of `pthv report --attendance FILE` (docs/data.md): a
// student-level CSV kept out of git like the flags file, with student_id,
// days_enrolled and days_absent. Read in the data repo's CSV dialect; each
// bad row is a Problem naming the file and line.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <pthv/model/problem.hpp>
#include <pthv/model/repo.hpp>

namespace pthv::io {

struct AttendanceRow {
    model::StudentId student;
    std::int64_t days_enrolled = 0;
    std::int64_t days_absent = 0;
    std::size_t line = 0;
};

// Reads `content` (named `file` in messages). Errors (the row is left out):
// csv-syntax, column-missing, a cell that is empty (required-missing) or
// not a whole number 0..366 (value-invalid), days_absent above
// days_enrolled (value-invalid), a student_id seen before (duplicate-key).
// A student_id that students.csv does not list is a warning (unknown-ref)
// and the row is left out: a school system's export often holds students
// of schools outside the program.
std::vector<AttendanceRow> read_attendance(std::string_view file, std::string_view content, const model::Repo& repo,
                                           model::Problems& problems);

} // namespace pthv::io
