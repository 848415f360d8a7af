#include "fixture.hpp"

#include <pthv/io/attendance.hpp>
#include <pthv/report/figures.hpp>
#include <pthv/report/publication.hpp>

using namespace pthv;

namespace {

// The tiny repo (ST01 and ST02 visited on 2026-09-14, ST03 not) with an
// attendance file, reported for the end of the year.
report::Figures figures_with(const std::string& attendance, model::Problems& problems, bool is_public = false)
{
    const auto loaded = io::load_sources(test::tiny_repo(), test::as_of());
    const auto rows = io::read_attendance("att.csv", attendance, loaded.repo, problems);
    std::string error;
    auto p = model::parse_period("end-of-year", loaded.repo.config, loaded.repo.as_of, error);
    if (p && is_public) // a public report counts what report --public counts
        p = report::public_period(*p, loaded.repo, error);
    REQUIRE(p);
    const model::Facts facts(loaded.repo);
    return report::compute_figures(facts, pay::visit_work(facts), {}, {*p, {}, is_public, &rows});
}

} // namespace

TEST_CASE("attendance: 10% absent is chronic, 9.9% is not, fewer than 10 days enrolled is left out")
{
    model::Problems problems;
    // Columns in any order; ST02 absent 9 of 91 days (9.9%).
    const auto f = figures_with("days_absent,student_id,days_enrolled\n10,ST01,100\n9,ST02,91\n0,ST03,9\n", problems);
    CHECK(problems.empty());
    REQUIRE(f.attendance.given);
    REQUIRE(f.attendance.rows.size() == 2); // the district, then S01
    const auto& all = f.attendance.rows.front();
    CHECK(all.visited.students.value == 2);
    CHECK(all.visited.chronic.value == 1);
    CHECK(all.not_visited.students.value == 0);
    CHECK(f.attendance.too_few_days == 1);
    CHECK_FALSE(all.difference_tenths); // no one to compare with
    CHECK_FALSE(all.ci95);
}

TEST_CASE("attendance: the difference in tenths of a point and Newcombe's interval")
{
    model::Problems problems;
    const auto f = figures_with("student_id,days_enrolled,days_absent\nST01,100,10\nST02,100,0\nST03,20,2\n", problems);
    CHECK(problems.empty());
    const auto& all = f.attendance.rows.front();
    CHECK(all.not_visited.students.value == 1);
    CHECK(all.not_visited.chronic.value == 1);
    REQUIRE(all.difference_tenths);
    CHECK(*all.difference_tenths == -500); // 50% - 100%
    REQUIRE(all.ci95);
    const auto expected = stats::newcombe_difference(1, 2, 1, 1);
    CHECK(all.ci95->low == doctest::Approx(expected->low));
    CHECK(all.ci95->high == doctest::Approx(expected->high));
}

TEST_CASE("attendance: in public, counts under min_cell and what is built on them are hidden")
{
    model::Problems problems;
    const auto f = figures_with("student_id,days_enrolled,days_absent\nST01,100,10\nST02,100,0\nST03,20,2\n", problems,
                                true);
    const auto& all = f.attendance.rows.front();
    CHECK(all.visited.students.shown == report::Shown::Below);
    CHECK(all.visited.rate.shown == report::ShareShown::Hidden);
    CHECK_FALSE(all.difference_tenths);
    CHECK_FALSE(all.ci95);
}

TEST_CASE("read_attendance names each bad row by file and line and keeps the good ones")
{
    const auto loaded = io::load_sources(test::tiny_repo(), test::as_of());
    model::Problems problems;
    const auto rows = io::read_attendance("att.csv",
                                          "student_id,days_enrolled,days_absent\n"
                                          "ST01,100,10\n"
                                          "ST02,100,-1\n"
                                          "ST03,367,0\n"
                                          "ST09,100,0\n",
                                          loaded.repo, problems);
    REQUIRE(rows.size() == 1);
    CHECK(rows.front().line == 2);
    REQUIRE(problems.size() == 3);
    model::sort_problems(problems);
    CHECK(problems[0].line == 3);
    CHECK(problems[0].rule == "value-invalid");
    CHECK(problems[1].line == 4);
    CHECK(test::contains(problems[1].message, "from 0 to 366"));
    CHECK(problems[2].rule == "unknown-ref");
    CHECK(problems[2].severity == model::Severity::Warning);
}
