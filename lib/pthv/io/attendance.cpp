#include <pthv/io/attendance.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <optional>
#include <utility>

#include <fmt/format.h>

#include <pthv/io/csv.hpp>
#include <pthv/io/student_rows.hpp>
#include <pthv/util/strings.hpp>

namespace pthv::io {

namespace {

using model::Problem;
using model::Severity;

constexpr std::int64_t k_most_days = 366;
const char* const k_columns[] = {"student_id", "days_enrolled", "days_absent"};

// A whole number of days, 0..366, or an error message.
std::optional<std::int64_t> days(std::string_view cell, std::string& why)
{
    std::int64_t n = -1;
    const auto [end, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), n);
    if (ec != std::errc() || end != cell.data() + cell.size() || n < 0 || n > k_most_days) {
        why = fmt::format("\"{}\" is not a whole number of days from 0 to {}", util::printable(cell), k_most_days);
        return std::nullopt;
    }
    return n;
}

// One row, or nothing (its problems recorded).
std::optional<AttendanceRow> read_row(const CsvRow& row, const std::array<std::size_t, 3>& at, const std::string& file,
                                      const model::Repo& repo, model::Problems& problems)
{
    StudentRowReader reader(row, at[0], file, problems);
    if (!reader.has_id())
        return std::nullopt;
    const std::string& id = reader.id;
    const auto bad = [&](const char* rule, std::string message) { reader.error(rule, std::move(message)); };
    AttendanceRow r;
    r.line = row.line;
    for (std::size_t k = 1; k < 3; ++k) {
        const std::string_view cell = util::trim(row.cells[at[k]]);
        std::string why;
        const auto n = cell.empty() ? std::nullopt : days(cell, why);
        if (!n) {
            bad(cell.empty() ? "required-missing" : "value-invalid",
                fmt::format("student {}: {} {}", util::printable(id), k_columns[k], cell.empty() ? "is empty" : why));
            return std::nullopt;
        }
        (k == 1 ? r.days_enrolled : r.days_absent) = *n;
    }
    if (r.days_absent > r.days_enrolled) {
        bad("value-invalid", fmt::format("student {}: days_absent {} is more than days_enrolled {}",
                                         util::printable(id), r.days_absent, r.days_enrolled));
        return std::nullopt;
    }
    return for_listed_student(std::move(r), repo, id, file, problems);
}

} // namespace

std::vector<AttendanceRow> read_attendance(std::string_view file, std::string_view content, const model::Repo& repo,
                                           model::Problems& problems)
{
    const auto read = read_student_file(file, content, {k_columns[0], k_columns[1], k_columns[2]}, problems);
    if (!read)
        return {};
    const std::string name(file);
    std::vector<AttendanceRow> out;
    std::vector<std::size_t> first_line(repo.names.students.size(), 0);
    for (const auto& row : read->table.rows) {
        auto r = read_row(row, read->at, name, repo, problems);
        if (!r)
            continue;
        std::size_t& first = first_line[r->student.index()];
        if (first != 0) {
            problems.push_back(Problem{"duplicate-key", Severity::Error, name, row.line,
                                       std::string(repo.id(r->student)),
                                       fmt::format("student {} appears again (first on line {})",
                                                   util::printable(repo.id(r->student)), first),
                                       "keep one row per student"});
            continue;
        }
        first = row.line;
        out.push_back(*r);
    }
    return out;
}

} // namespace pthv::io
