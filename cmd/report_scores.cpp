// report --attendance and --scores FILE: each file read and its problems
// printed (common.cpp, read_option_file).

#include "report.hpp"

#include <cstdio>

#include <fmt/format.h>

#include "common.hpp"

#include <pthv/util/files.hpp>
#include <pthv/util/strings.hpp>

namespace pthv::cmd {

OutcomeFiles read_outcome_files(const ReportOptions& o, const model::Repo& repo, bool color)
{
    OutcomeFiles files;
    if (!o.attendance.empty())
        files.attendance = read_attendance_option(o.attendance, repo, color);
    if (!o.scores.empty())
        read_option_file("--scores", o.scores, color, [&](const std::string& text, model::Problems& problems) {
            files.scores = io::read_scores(o.scores, text, repo, problems);
        });
    return files;
}

} // namespace pthv::cmd
