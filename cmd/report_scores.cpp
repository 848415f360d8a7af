// report --scores FILE: the file read and its problems printed, as
// --attendance's are (common.cpp, read_attendance_option).

#include "report.hpp"

#include <cstdio>

#include <fmt/format.h>

#include "common.hpp"

#include <pthv/util/files.hpp>
#include <pthv/util/strings.hpp>

namespace pthv::cmd {

std::vector<io::ScoreRow> read_scores_option(const std::string& file, const model::Repo& repo, bool color)
{
    std::string text;
    try {
        text = util::read_file(file);
    } catch (const util::FileError& e) {
        throw UsageError("--scores " + file + ": " + e.what());
    }
    model::Problems problems;
    auto rows = io::read_scores(file, text, repo, problems);
    model::sort_problems(problems);
    std::size_t errors = 0;
    for (const auto& p : problems) {
        std::fputs(format_problem_line(p, color).c_str(), stderr);
        errors += p.severity == model::Severity::Error ? 1 : 0;
    }
    if (errors > 0)
        throw UsageError(fmt::format("--scores {}: {} cannot be read (listed above); fix them and try "
                                     "again. Nothing was written",
                                     file, util::plural(static_cast<long long>(errors), "row", "rows")));
    return rows;
}

} // namespace pthv::cmd
