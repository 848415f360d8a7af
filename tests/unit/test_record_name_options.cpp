#include <doctest/doctest.h>

#include <pthv/record/change.hpp>

using namespace pthv;

TEST_CASE("record::name_options: a problem on a cell an option gave is said as the option")
{
    record::Edit edit;
    edit.file = "visits.csv";
    edit.lines = {12};
    model::Problem bad_time{"value-invalid", model::Severity::Error, "visits.csv", 12, "V1", "not a time", "fix the cell"};
    bad_time.column = "start_time";
    bad_time.value = "4:30pm";
    model::Problem no_focus{"required-missing", model::Severity::Error, "visits.csv", 12, "V1", "empty", "fill in the cell"};
    no_focus.column = "focus";
    model::Problem other_line = bad_time;
    other_line.line = 3;
    model::Problem own_advice = bad_time;
    own_advice.advice = "use 16:30";
    model::Problems problems = {bad_time, no_focus, other_line, own_advice};
    record::name_options(problems, edit, {{"start_time", "--time"}, {"focus", "--focus"}});
    CHECK(problems[0].file == "--time 4:30pm");
    CHECK(problems[0].line == 0);
    CHECK(problems[0].advice == "fix the value of --time (pthv log-visit --help)");
    CHECK(problems[1].file == "--focus");
    CHECK(problems[1].advice == "give --focus (pthv log-visit --help)");
    // A line of the file that was there before is the file's, not the option's.
    CHECK(problems[2].file == "visits.csv");
    CHECK(problems[2].line == 3);
    // Advice of its own is kept.
    CHECK(problems[3].file == "--time 4:30pm");
    CHECK(problems[3].advice == "use 16:30");
}
