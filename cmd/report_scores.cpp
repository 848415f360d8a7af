// report --attendance, --scores and --subgroups FILE: each file read and
// its problems printed (common.cpp, read_option_file).

#include "report.hpp"

#include <cstdio>

#include <fmt/format.h>

#include "common.hpp"

#include <pthv/io/subgroups.hpp>
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

void merge_subgroups_option(const std::string& file, model::Repo& repo, bool color)
{
    if (repo.subgroups.empty())
        throw UsageError("--subgroups: pthv.yaml names no subgroups; list the columns in reports.subgroups first "
                         "(docs/data.md)");
    read_option_file("--subgroups", file, color, [&](const std::string& text, model::Problems& problems) {
        io::merge_subgroups(file, text, repo, problems);
    });
}

} // namespace pthv::cmd
