#pragma once
// pthv report (docs/guide.md, report): the options of the command. The figures are
// computed by lib/pthv/report/figures and laid out by its renderers.

#include <optional>
#include <string>
#include <vector>

#include <pthv/io/attendance.hpp>
#include <pthv/io/scores.hpp>
#include <pthv/model/repo.hpp>

namespace pthv::cmd {

struct ReportOptions {
    std::string period;   // mid-year | end-of-year | YYYY-MM | YYYY-MM-DD..YYYY-MM-DD
    std::string site;     // one site only
    bool is_public = false; // leave out people, suppress small counts
    std::string table;    // csv: only this section
    std::string attendance; // --attendance FILE: student_id, days_enrolled, days_absent (kept out of git)
    std::string scores;     // --scores FILE: student_id, subject, proficient (kept out of git)
    std::string subgroups;  // --subgroups FILE: student_id and reports.subgroups columns (kept out of git)
    bool audit = false;     // --audit: the whole publication set, as an attacker would read it
};

// --attendance FILE and --scores FILE, read against the loaded repo
// (report_scores.cpp); a file not given is no rows. Every problem of a file
// is printed to stderr; any error throws UsageError (exit 2) naming the
// option and the count.
struct OutcomeFiles {
    std::optional<std::vector<io::AttendanceRow>> attendance;
    std::optional<std::vector<io::ScoreRow>> scores;
};
OutcomeFiles read_outcome_files(const ReportOptions& o, const model::Repo& repo, bool color);

// The rows of a file given, for the figures; nullptr when it was not.
template <typename Rows> const Rows* given(const std::optional<Rows>& rows)
{
    return rows ? &*rows : nullptr;
}


} // namespace pthv::cmd
