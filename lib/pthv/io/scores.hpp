#pragma once
// The test scores file of `pthv report --scores FILE` (docs/data.md): a
// student-level CSV kept out of git like the attendance file, with
// student_id, subject and proficient (yes or no), one row per student and
// subject. Read in the data repo's CSV dialect; each bad row is a Problem
// naming the file and line.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <pthv/model/problem.hpp>
#include <pthv/model/repo.hpp>

namespace pthv::io {

struct ScoreRow {
    model::StudentId student;
    std::string subject; // as written, spaces around it trimmed (ela, math, ...)
    bool proficient = false;
    std::size_t line = 0;
};

// Reads `content` (named `file` in messages). Errors (the row is left out):
// csv-syntax, column-missing, an empty student_id, subject or proficient
// (required-missing), proficient other than yes or no in any case
// (value-invalid), a subject with a control character or "|"
// (value-invalid), a student and subject seen before (duplicate-key).
// A student_id that students.csv does not list is a warning (unknown-ref)
// and the row is left out, as in the attendance file.
std::vector<ScoreRow> read_scores(std::string_view file, std::string_view content, const model::Repo& repo,
                                  model::Problems& problems);

// The subjects of `rows`, each once, in byte order (the order of every table).
std::vector<std::string> score_subjects(const std::vector<ScoreRow>& rows);

} // namespace pthv::io
