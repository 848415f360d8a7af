// The export's inputs (export/sources.hpp): a file that does not read
// cleanly stops it; attendance travels under the students' ids.

#include "fixture.hpp"

#include <pthv/export/sources.hpp>
#include <pthv/util/files.hpp>

using namespace pthv;
using test::contains;

namespace {

model::Problem problem(const std::string& rule, const std::string& file, model::Severity severity)
{
    model::Problem p;
    p.rule = rule;
    p.file = file;
    p.line = 4;
    p.severity = severity;
    p.message = "grade \"Ana\" is not a grade";
    return p;
}

} // namespace

TEST_CASE("exporting::unexportable: an error that leaves a cell unread in an exported file refuses the export")
{
    using model::Severity;
    const std::string why = exporting::unexportable({problem("value-invalid", "students.csv", Severity::Error)}, "");
    CHECK(contains(why, "students.csv:4: error[value-invalid]: grade \"Ana\" is not a grade; an export is made only"));
    CHECK(exporting::unexportable({problem("value-invalid", "flags.csv", Severity::Error)}, "flags.csv") != "");
    CHECK(exporting::unexportable({problem("value-invalid", "flags.csv", Severity::Error)}, "").empty());
    CHECK(exporting::unexportable({problem("value-invalid", "students.csv", Severity::Warning)}, "").empty());
    CHECK(exporting::unexportable({problem("CP5-pair", "visits.csv", Severity::Error)}, "").empty());
}

TEST_CASE("exporting::read_sources and student_attendance: the files there are, rows under student ids")
{
    test::TempDir dir;
    const auto loaded = io::load_sources(test::tiny_repo(), test::as_of());
    for (const auto& [name, text] : test::tiny_repo())
        if (name == "sites.csv" || name == "visits.csv")
            util::atomic_write(dir.path / name, text);
    const auto sources = exporting::read_sources(dir.path);
    REQUIRE(sources.size() == 2);
    CHECK(sources[0].name == "sites.csv");
    CHECK(sources[1].text == test::tiny_repo()["visits.csv"]);
    const model::StudentId st02 = loaded.repo.names.students.find("ST02");
    const auto rows = exporting::student_attendance({{st02, 170, 20, 2}}, loaded.repo);
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].student_id == "ST02");
    CHECK(rows[0].days_absent == 20);
}
