#include <pthv/io/student_rows.hpp>

#include <algorithm>

#include <fmt/format.h>

#include <pthv/util/strings.hpp>

namespace pthv::io {

std::optional<std::array<std::size_t, 3>> find_columns(const CsvTable& t, const std::array<const char*, 3>& columns,
                                                       const std::string& file, model::Problems& problems)
{
    std::array<std::size_t, 3> at{};
    for (std::size_t k = 0; k < columns.size(); ++k) {
        const auto it = std::find(t.header.begin(), t.header.end(), columns[k]);
        if (it == t.header.end()) {
            problems.push_back(model::Problem{"column-missing", model::Severity::Error, file, 1, {},
                                              fmt::format("the required column {} is missing", columns[k]), {}});
            return std::nullopt;
        }
        at[k] = static_cast<std::size_t>(it - t.header.begin());
    }
    return at;
}

std::optional<model::StudentId> listed_student(const model::Repo& repo, const std::string& id, const std::string& file,
                                               std::size_t line, model::Problems& problems)
{
    const model::StudentId student = repo.names.students.find(id);
    if (repo.find(student))
        return student;
    problems.push_back(model::Problem{"unknown-ref", model::Severity::Warning, file, line, id,
                                      fmt::format("student {} is not in students.csv; the row is left out",
                                                  util::printable(id)),
                                      {}});
    return std::nullopt;
}

} // namespace pthv::io
