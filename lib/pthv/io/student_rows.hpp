#pragma once
// What the student-level files kept out of git (report --attendance,
// --scores) read alike: their required columns, and the student a row names.

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include <pthv/io/csv.hpp>
#include <pthv/model/problem.hpp>
#include <pthv/model/repo.hpp>

namespace pthv::io {

// A student-level file read as CSV, with where each of its three required
// columns is; nullopt (the problems said) when one is missing.
struct StudentFile {
    CsvTable table;
    std::array<std::size_t, 3> at{};
};
std::optional<StudentFile> read_student_file(std::string_view file, std::string_view content,
                                             const std::array<const char*, 3>& columns, model::Problems& problems);

// The student `id` names when students.csv lists them; else an unknown-ref
// warning (a school system's export often holds students of schools outside
// the program: the row is left out) and nullopt.
std::optional<model::StudentId> listed_student(const model::Repo& repo, const std::string& id, const std::string& file,
                                               std::size_t line, model::Problems& problems);

// One row of a student-level file being read: its trimmed student_id, and
// its errors said on its line for that id.
struct StudentRowReader {
    StudentRowReader(const CsvRow& row, std::size_t id_column, const std::string& file, model::Problems& problems);
    // False, with a required-missing error, when student_id is empty.
    bool has_id();
    void error(const char* rule, std::string message);

    const CsvRow& row;
    const std::string& file;
    model::Problems& problems;
    std::string id;
};

// `r` (a row of `file`, its `line` set) for the student `id` names, or
// nullopt as listed_student says.
template <typename Row>
std::optional<Row> for_listed_student(Row r, const model::Repo& repo, const std::string& id, const std::string& file,
                                      model::Problems& problems)
{
    const auto student = listed_student(repo, id, file, r.line, problems);
    if (!student)
        return std::nullopt;
    r.student = *student;
    return r;
}

} // namespace pthv::io
