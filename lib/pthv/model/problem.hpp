#pragma once
// A problem a user can cause: collected, never thrown (docs/rules.md: one finding
// is one problem, with a rule id, a severity, the file, line and record).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pthv::model {

enum class Severity { Error, Warning, Off };

std::string_view severity_name(Severity s);
std::optional<Severity> parse_severity(std::string_view text);

// A finding the coordinator has reviewed (reviews.csv): it still stands in
// the output and in fidelity figures, but counts in neither errors nor
// warnings, sets no exit code and stops neither a payroll close nor a commit.
struct ReviewMark {
    std::string on;   // reviewed_on, YYYY-MM-DD
    std::string by;   // staff_id or name
    std::string note; // why it stands
};

struct Problem {
    std::string rule;     // a rule id of docs/rules.md, e.g. "CP5-pair"
    Severity severity = Severity::Error;
    std::string file;     // relative to the data repo root, e.g. "visits.csv"
    std::size_t line = 0; // 1-based physical line; 0 = belongs to no row
    std::string record;   // the record's id, or empty
    std::string message;  // what is wrong, naming the value found
    std::string advice;   // one line on how to fix it, or empty
    std::optional<ReviewMark> reviewed{}; // set when reviews.csv lists (rule, record)
    // The column the finding is about and the value found there, when it
    // is about one cell (value-invalid, required-missing, unknown-ref):
    // what a caller that wrote the cell from somewhere else (a command-line
    // option) reads to say where it came from.
    std::string column{};
    std::string value{};
    // What the finding is about, as ids: the staff members it concerns (an
    // educator without training, the one past the cap; none when it is about
    // the whole visit), the visit and the site. Payroll gives a finding to
    // the staff it names here (pay::attach_findings); no code reads ids out
    // of the message.
    std::vector<std::string> staff{};
    std::string visit{};
    std::string site{};
};

using Problems = std::vector<Problem>;

// Sorted by file, line, rule (docs/guide.md), then message for a stable order.
void sort_problems(Problems& problems);

// "visits.csv:42: error[CP5-pair]: message" and a line break (coloured when
// asked), as commands print a finding.
std::string format_problem_line(const Problem& p, bool color);

} // namespace pthv::model
