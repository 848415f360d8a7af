#include <pthv/io/subgroups.hpp>

#include <algorithm>
#include <vector>

#include <fmt/format.h>

#include <pthv/io/csv.hpp>
#include <pthv/io/student_rows.hpp>
#include <pthv/util/strings.hpp>

namespace pthv::io {

using model::Problem;
using model::Severity;

bool set_subgroup_value(model::Repo& repo, std::size_t row, std::size_t g, std::string_view cell,
                        const std::string& file, std::size_t line, std::string_view id, model::Problems& problems)
{
    const std::string_view text = util::trim(cell);
    if (text.empty() || g >= repo.subgroups.size())
        return true;
    const std::string& name = repo.subgroups.names()[g];
    if (std::any_of(text.begin(), text.end(), [](char ch) { return static_cast<unsigned char>(ch) < 0x20; })) {
        problems.push_back({"value-invalid", Severity::Error, file, line, std::string(id),
                            fmt::format("student {}: {} holds a control character", util::printable(id), name),
                            {}});
        return false;
    }
    if (!repo.subgroups.set(row, g, text)) {
        problems.push_back({"config-invalid", Severity::Error, file, line, std::string(id),
                            fmt::format("{} has more than {} different values; \"{}\" is counted as unknown", name,
                                        model::Subgroups::k_max_values, util::printable(text)),
                            "a subgroup is a category (yes/no, a race or ethnicity), not a value per student"});
        return false;
    }
    return true;
}

void merge_subgroups(const std::string& file, std::string_view content, model::Repo& repo,
                     model::Problems& problems)
{
    const CsvTable t = read_csv(file, content, problems);
    const auto id_at = std::find(t.header.begin(), t.header.end(), "student_id");
    if (id_at == t.header.end()) {
        problems.push_back({"column-missing", Severity::Error, file, 1, {}, "the column student_id is missing",
                            "the file needs student_id and the columns reports.subgroups names"});
        return;
    }
    const std::size_t id_column = static_cast<std::size_t>(id_at - t.header.begin());
    std::vector<std::pair<std::size_t, std::size_t>> columns; // file column -> subgroup
    for (std::size_t c = 0; c < t.header.size(); ++c) {
        if (c == id_column)
            continue;
        const std::size_t g = repo.subgroups.index(t.header[c]);
        if (g < repo.subgroups.size()) {
            columns.emplace_back(c, g);
            continue;
        }
        problems.push_back({"unknown-column", Severity::Warning, file, 1, {},
                            fmt::format("the column \"{}\" is not named in reports.subgroups; it is ignored",
                                        util::printable(t.header[c])),
                            util::starts_with(t.header[c], "flag_")
                                ? "concern flags are read by `pthv check-targeting --flags FILE`"
                                : "pthv.yaml's reports.subgroups lists the subgroup columns"});
    }
    std::vector<std::size_t> first_line(repo.names.students.size(), 0);
    for (const auto& row : t.rows) {
        const std::string id(util::trim(row.cells[id_column]));
        if (id.empty()) {
            problems.push_back({"required-missing", Severity::Error, file, row.line, {}, "student_id is empty", {}});
            continue;
        }
        const auto student = listed_student(repo, id, file, row.line, problems);
        if (!student)
            continue;
        const auto at = repo.row(*student);
        if (!at)
            continue;
        std::size_t& first = first_line[student->index()];
        if (first != 0) {
            problems.push_back({"duplicate-key", Severity::Error, file, row.line, id,
                                fmt::format("student {} appears again (first on line {}); this row is not used",
                                            util::printable(id), first),
                                "keep one row per student"});
            continue;
        }
        first = row.line;
        for (const auto& [c, g] : columns)
            set_subgroup_value(repo, *at, g, row.cells[c], file, row.line, id, problems);
    }
}

} // namespace pthv::io
