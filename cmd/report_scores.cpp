// report --scores FILE and --subgroups FILE: the file read and its
// problems printed, as --attendance's are (common.cpp, read_attendance_option).

#include "report.hpp"

#include <cstdio>

#include <fmt/format.h>

#include "common.hpp"

#include <pthv/io/subgroups.hpp>
#include <pthv/util/files.hpp>
#include <pthv/util/strings.hpp>

namespace pthv::cmd {

std::vector<io::ScoreRow> read_scores_option(const std::string& file, const model::Repo& repo, bool color)
{
    std::vector<io::ScoreRow> rows;
    read_option_file("--scores", file, color, [&](const std::string& text, model::Problems& problems) {
        rows = io::read_scores(file, text, repo, problems);
    });
    return rows;
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
