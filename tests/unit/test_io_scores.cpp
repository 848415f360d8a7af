#include "fixture.hpp"

#include <pthv/io/scores.hpp>
#include <pthv/report/figures.hpp>
#include <pthv/report/publication.hpp>

using namespace pthv;

namespace {

// The tiny repo (ST01 and ST02 visited on 2026-09-14, ST03 not) with a
// scores file, reported for the end of the year.
report::Figures figures_with_scores(const std::string& scores, model::Problems& problems, bool is_public = false)
{
    const auto loaded = io::load_sources(test::tiny_repo(), test::as_of());
    const auto rows = io::read_scores("scores.csv", scores, loaded.repo, problems);
    std::string error;
    auto p = model::parse_period("end-of-year", loaded.repo.config, loaded.repo.as_of, error);
    if (p && is_public)
        p = report::public_period(*p, loaded.repo, error);
    REQUIRE(p);
    const model::Facts facts(loaded.repo);
    report::FigureOptions o{*p, {}, is_public};
    o.scores = &rows;
    return report::compute_figures(facts, pay::visit_work(facts), {}, o);
}

} // namespace

TEST_CASE("read_scores names each bad row by file and line and keeps the good ones")
{
    const auto loaded = io::load_sources(test::tiny_repo(), test::as_of());
    model::Problems problems;
    const auto rows = io::read_scores("scores.csv",
                                      "proficient,student_id,subject\n" // columns in any order
                                      "yes,ST01,ela\n"
                                      " No ,ST01, math \n" // trimmed, any case
                                      "maybe,ST02,ela\n"
                                      "yes,ST02,\n"
                                      ",ST03,ela\n"
                                      "no,ST01,ela\n"
                                      "yes,ST99,ela\n"
                                      "yes,ST03,a|b\n",
                                      loaded.repo, problems);
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].subject == "ela");
    CHECK(rows[0].proficient);
    CHECK(rows[0].line == 2);
    CHECK(rows[1].subject == "math");
    CHECK_FALSE(rows[1].proficient);
    REQUIRE(problems.size() == 6);
    const auto at = [&](std::size_t line) -> const model::Problem& {
        for (const auto& p : problems)
            if (p.line == line)
                return p;
        FAIL("no problem on line " << line);
        return problems.front();
    };
    CHECK(at(4).rule == "value-invalid");
    CHECK(at(4).message == "student ST02: proficient \"maybe\" is not yes or no");
    CHECK(at(5).rule == "required-missing");
    CHECK(at(5).message == "student ST02: subject is empty");
    CHECK(at(6).message == "student ST03: proficient is empty");
    CHECK(at(7).rule == "duplicate-key");
    CHECK(at(7).message == "student ST01 has a second ela row (first on line 2)");
    CHECK(at(8).rule == "unknown-ref");
    CHECK(at(8).severity == model::Severity::Warning);
    CHECK(at(9).rule == "value-invalid");
    for (const auto& p : problems)
        CHECK(p.file == "scores.csv");
    CHECK(io::score_subjects(rows) == std::vector<std::string>{"ela", "math"});
}

TEST_CASE("read_scores: a missing column is one error on line 1 and no rows")
{
    const auto loaded = io::load_sources(test::tiny_repo(), test::as_of());
    model::Problems problems;
    const auto rows = io::read_scores("scores.csv", "student_id,subject\nST01,ela\n", loaded.repo, problems);
    CHECK(rows.empty());
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].rule == "column-missing");
    CHECK(problems[0].line == 1);
    CHECK(problems[0].message == "the required column proficient is missing");
}

TEST_CASE("scores: per subject, the rates of visited and not visited students, the difference and its interval")
{
    model::Problems problems;
    const auto f = figures_with_scores("student_id,subject,proficient\n"
                                       "ST01,math,yes\nST02,math,no\nST03,math,yes\n"
                                       "ST01,ela,yes\n",
                                       problems);
    CHECK(problems.empty());
    REQUIRE(f.scores.given);
    CHECK(f.scores.subjects == std::vector<std::string>{"ela", "math"});
    REQUIRE(f.scores.rows.size() == 4); // per subject: the district, then S01
    const auto& ela = f.scores.rows[0];
    CHECK(ela.whole);
    CHECK(ela.subject == "ela");
    CHECK(ela.visited.students.value == 1);
    CHECK(ela.not_visited.students.value == 0);
    CHECK_FALSE(ela.difference_tenths); // no one to compare with
    const auto& math = f.scores.rows[2];
    CHECK(math.subject == "math");
    CHECK(math.visited.students.value == 2);
    CHECK(math.visited.proficient.value == 1);
    CHECK(math.not_visited.students.value == 1);
    CHECK(math.not_visited.proficient.value == 1);
    REQUIRE(math.difference_tenths);
    CHECK(*math.difference_tenths == -500); // 50% - 100%
    REQUIRE(math.ci95);
    const auto expected = stats::newcombe_difference(1, 2, 1, 1);
    CHECK(math.ci95->low == doctest::Approx(expected->low));
    CHECK(math.ci95->high == doctest::Approx(expected->high));
    CHECK(f.scores.rows[3].site_id == "S01");
    CHECK_FALSE(f.scores.rows[3].whole);
    CHECK(f.scores.rows[3].visited.students.value == 2);
}

TEST_CASE("scores: in public, counts under min_cell and what is built on them are hidden")
{
    model::Problems problems;
    const auto f = figures_with_scores("student_id,subject,proficient\nST01,math,yes\nST02,math,no\nST03,math,yes\n",
                                       problems, true);
    const auto& all = f.scores.rows.front();
    CHECK(all.visited.students.shown == report::Shown::Below);
    CHECK(all.visited.rate.shown == report::ShareShown::Hidden);
    CHECK_FALSE(all.difference_tenths);
    CHECK_FALSE(all.ci95);
}
