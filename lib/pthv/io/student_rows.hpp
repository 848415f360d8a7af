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

// The index in `t`'s header of each of `columns`; nullopt, with a
// column-missing error, when one is missing.
std::optional<std::array<std::size_t, 3>> find_columns(const CsvTable& t, const std::array<const char*, 3>& columns,
                                                       const std::string& file, model::Problems& problems);

// The student `id` names when students.csv lists them; else an unknown-ref
// warning (a school system's export often holds students of schools outside
// the program: the row is left out) and nullopt.
std::optional<model::StudentId> listed_student(const model::Repo& repo, const std::string& id, const std::string& file,
                                               std::size_t line, model::Problems& problems);

} // namespace pthv::io
