// Files named by options (io/option_file.hpp): every problem kept and
// sorted, any error refusing the file whole.

#include <fstream>

#include "fixture.hpp"

#include <pthv/io/option_file.hpp>

using namespace pthv;

namespace {

model::Problem problem(model::Severity severity, std::size_t line)
{
    model::Problem p;
    p.rule = "value-invalid";
    p.severity = severity;
    p.file = "scores.csv";
    p.line = line;
    return p;
}

} // namespace

TEST_CASE("io::read_option_file: the text is read, problems sorted, an error refuses the file")
{
    test::TempDir dir;
    const std::string file = (dir.path / "scores.csv").string();
    std::ofstream(file) << "student_id\n";
    std::string seen;
    const auto read = io::read_option_file("--scores", file, [&](const std::string& text, model::Problems& out) {
        seen = text;
        out.push_back(problem(model::Severity::Error, 9));
        out.push_back(problem(model::Severity::Error, 3));
    });
    CHECK(seen == "student_id\n");
    REQUIRE(read.problems.size() == 2);
    CHECK(read.problems.front().line == 3);
    CHECK(read.refusal == "--scores " + file + ": 2 rows cannot be read (listed above); fix them and try again. "
                                               "Nothing was written");
}

TEST_CASE("io::read_option_file: warnings alone do not refuse; a missing file is an error naming the option")
{
    test::TempDir dir;
    const std::string file = (dir.path / "a.csv").string();
    std::ofstream(file) << "x\n";
    const auto read = io::read_option_file("--attendance", file, [](const std::string&, model::Problems& out) {
        out.push_back(problem(model::Severity::Warning, 2));
    });
    CHECK(read.problems.size() == 1);
    CHECK(read.refusal.empty());
    const std::string why = "--attendance " + file + ".no: ";
    CHECK_THROWS_WITH_AS(io::read_option_file("--attendance", file + ".no", [](const std::string&, model::Problems&) {}),
                         doctest::Contains(why.c_str()), std::runtime_error);
}
