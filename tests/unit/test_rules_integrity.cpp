#include <doctest/doctest.h>

#include "fixture.hpp"

using namespace pthv;
using test::contains;

TEST_CASE("rules::unknown-ref")
{
    auto src = test::tiny_repo();

    SUBCASE("a visit's unknown student, site and educator each fire, with a suggestion")
    {
        test::replace(src, "visits.csv", "V20260914-ST01,ST01,S01,2026-09-14,16:30,45,T01;T02",
                      "V20260914-ST01,ST99,S07,2026-09-14,16:30,45,T01;T07");
        const auto problems = test::validate(src);
        INFO(test::dump(problems));
        CHECK(test::count(problems, "unknown-ref") == 3);
        bool student = false, site = false, educator = false;
        for (const auto& p : problems) {
            CHECK(p.line == 2);
            student = student || contains(p.message, "student_id ST99 is not in students.csv");
            site = site || contains(p.message, "site_id S07 is not in sites.csv");
            educator = educator || (contains(p.message, "educator T07 is not in staff.csv") &&
                                    p.advice == "did you mean T01?");
        }
        CHECK(student);
        CHECK(site);
        CHECK(educator);
    }
    SUBCASE("references from sites, staff, students and trainings are checked too")
    {
        test::replace(src, "sites.csv", "active,T01,20", "active,T09,20");
        test::replace(src, "staff.csv", "T03,Cara Diaz,S01", "T03,Cara Diaz,S09");
        test::replace(src, "students.csv", "ST03,S01,4,T02", "ST03,S01,4,T08");
        test::replace(src, "trainings.csv", "T03,2026-08-10", "T33,2026-08-10");
        const auto problems = test::validate(src);
        INFO(test::dump(problems));
        CHECK(test::count(problems, "unknown-ref") == 4);
        for (const auto& [file, line] : std::vector<std::pair<std::string, std::size_t>>{
                 {"sites.csv", 2}, {"staff.csv", 4}, {"students.csv", 4}, {"trainings.csv", 4}}) {
            bool found = false;
            for (const auto& p : problems)
                found = found || (p.rule == "unknown-ref" && p.file == file && p.line == line);
            CHECK_MESSAGE(found, file);
        }
    }
    SUBCASE("an empty optional reference is not unknown")
    {
        test::replace(src, "sites.csv", "active,T01,20", "active,,20");
        CHECK(test::validate(src).empty());
    }
    SUBCASE("still checked when pthv.yaml is broken")
    {
        src["pthv.yaml"] = "school_year: [\n";
        test::replace(src, "visits.csv", "45,T01;T02", "45,T01;T07");
        const auto problems = test::validate(src);
        CHECK(test::count(problems, "unknown-ref") == 1);
        CHECK(test::count(problems, "config-invalid") == 1);
    }
}

TEST_CASE("rules::held-back")
{
    auto src = test::tiny_repo();

    SUBCASE("references into a file with an unread line wait, in one held-back line, after the cause")
    {
        test::replace(src, "staff.csv", "T01,Ana Lopez", "T01,Ana L\xF3pez"); // Windows-1252
        const auto problems = test::validate(src);
        INFO(test::dump(problems));
        CHECK(test::count(problems, "unknown-ref") == 0);
        REQUIRE(test::count(problems, "held-back") == 1);
        const auto held = test::only(problems, "held-back");
        CHECK(held.file == "staff.csv");
        CHECK(held.line == 0);
        CHECK(contains(held.message, "references to it (unknown-ref, from sites.csv, students.csv, trainings.csv, "
                                     "visits.csv)"));
        CHECK(contains(held.message, "the rule CP2-compensation"));
        REQUIRE(problems.size() >= 2);
        CHECK(problems[0].rule == "csv-syntax");
        CHECK(problems[1].rule == "held-back");
    }
    SUBCASE("references into files that read cleanly are still checked")
    {
        test::replace(src, "staff.csv", "T01,Ana Lopez", "T01,Ana L\xF3pez");
        test::replace(src, "visits.csv", "V20260914-ST01,ST01,S01", "V20260914-ST01,ST99,S01");
        const auto problems = test::validate(src);
        INFO(test::dump(problems));
        CHECK(test::count(problems, "unknown-ref") == 1);
        CHECK(contains(test::only(problems, "unknown-ref").message, "student_id ST99 is not in students.csv"));
    }
    SUBCASE("a rule that reports an absence waits for the file it reads")
    {
        test::append(src, "trainings.csv", "T01,\"2026-08-10");
        const auto problems = test::validate(src);
        INFO(test::dump(problems));
        CHECK(contains(test::only(problems, "held-back").message, "the rules CP2-trained, CP2-refresher"));
        CHECK(test::count(problems, "CP2-trained") == 0);
    }
    SUBCASE("a file that reads cleanly holds nothing back")
    {
        CHECK(test::count(test::validate(src), "held-back") == 0);
    }
}

TEST_CASE("rules::visit-out-of-year")
{
    auto src = test::tiny_repo();

    SUBCASE("a visit dated before the school year fires, whatever its status")
    {
        test::replace(src, "visits.csv", "V20261015-ST03,ST03,S01,2026-10-15", "V20261015-ST03,ST03,S01,2026-06-30");
        const auto p = test::only(test::validate(src), "visit-out-of-year");
        CHECK(p.line == 4);
        CHECK(p.message == "visit V20261015-ST03 is dated 2026-06-30, outside the school year 2026-07-01..2027-06-30");
    }
    SUBCASE("the first and last day of the school year are inside it")
    {
        test::replace(src, "visits.csv", "V20261015-ST03,ST03,S01,2026-10-15", "V20261015-ST03,ST03,S01,2027-06-30");
        CHECK(test::validate(src).empty());
        test::replace(src, "visits.csv", "2027-06-30,17:00", "2026-07-01,17:00");
        test::replace(src, "visits.csv", "scheduled,2026-10-01", "scheduled,2026-06-20");
        // Still scheduled on 2026-07-01, so overdue by the as-of date, but
        // inside the school year.
        CHECK(test::count(test::validate(src), "visit-out-of-year") == 0);
        CHECK(test::validate(src).size() == test::count(test::validate(src), "scheduled-overdue"));
    }
}

TEST_CASE("rules::visit-in-future")
{
    auto src = test::tiny_repo();

    SUBCASE("a completed visit after the as-of date fires")
    {
        const auto problems = test::validate(src, "2026-09-13");
        CHECK(test::count(problems, "visit-in-future") == 2);
        CHECK(contains(problems.at(0).message, "is completed but dated 2026-09-14, after today (2026-09-13)"));
    }
    SUBCASE("on the as-of date itself it passes")
    {
        CHECK(test::validate(src, "2026-09-14").empty());
    }
    SUBCASE("a scheduled visit may lie in the future")
    {
        // the fixture's scheduled visit is 2026-10-15, after 2026-10-01
        CHECK(test::validate(src, "2026-10-01").empty());
    }
}

TEST_CASE("rules::visit-inactive-site")
{
    auto src = test::tiny_repo();

    SUBCASE("a visit at a site that is not active fires")
    {
        test::replace(src, "visits.csv", "V20261015-ST03,ST03,S01", "V20261015-ST03,ST03,S02");
        const auto p = test::only(test::validate(src), "visit-inactive-site");
        CHECK(p.line == 4);
        CHECK(p.message == "visit V20261015-ST03 is at site S02, whose status is prospective");
    }
    SUBCASE("a visit without site_id takes its student's site")
    {
        test::replace(src, "sites.csv", "elementary,active", "elementary,inactive");
        test::replace(src, "visits.csv", "V20261015-ST03,ST03,S01", "V20261015-ST03,ST03,");
        const auto problems = test::validate(src);
        CHECK(test::count(problems, "visit-inactive-site") == 3);
    }
    SUBCASE("an active site passes")
    {
        CHECK(test::count(test::validate(src), "visit-inactive-site") == 0);
    }
}
