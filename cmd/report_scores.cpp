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
    std::vector<io::ScoreRow> rows;
    read_option_file("--scores", file, color, [&](const std::string& text, model::Problems& problems) {
        rows = io::read_scores(file, text, repo, problems);
    });
    return rows;
}

} // namespace pthv::cmd
