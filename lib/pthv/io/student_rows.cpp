#include <pthv/io/student_rows.hpp>

#include <algorithm>

#include <fmt/format.h>

#include <pthv/util/strings.hpp>

namespace pthv::io {

namespace {

// The index in `t`'s header of each of `columns`; nullopt, with a
// column-missing error, when one is missing.
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

} // namespace

std::optional<StudentFile> read_student_file(std::string_view file, std::string_view content,
                                             const std::array<const char*, 3>& columns, model::Problems& problems)
{
    StudentFile f;
    f.table = read_csv(file, content, problems);
    const auto found = find_columns(f.table, columns, std::string(file), problems);
    if (!found)
        return std::nullopt;
    f.at = *found;
    return f;
}

StudentRowReader::StudentRowReader(const CsvRow& r, std::size_t id_column, const std::string& f, model::Problems& p)
    : row(r), file(f), problems(p), id(util::trim(r.cells[id_column]))
{
}

bool StudentRowReader::has_id()
{
    if (!id.empty())
        return true;
    error("required-missing", "student_id is empty");
    return false;
}

void StudentRowReader::error(const char* rule, std::string message)
{
    problems.push_back(model::Problem{rule, model::Severity::Error, file, row.line, id, std::move(message), {}});
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
