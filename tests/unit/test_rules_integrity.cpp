#include <doctest/doctest.h>

#include <algorithm>

#include <pthv/io/csv.hpp>
#include <pthv/io/references.hpp>
#include <pthv/io/schema.hpp>

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

namespace {

// The tiny repo with, besides, every optional file whose columns name
// another file's rows, each holding valid rows: a session the trainings
// name, an event and a survey response.
io::Sources every_reference_repo()
{
    auto src = test::tiny_repo();
    src["sessions.csv"] = "session_id,date,kind,site_id,trainer,capacity,hours,location\n"
                          "INTRO-AUG,2026-08-10,intro,S01,Trainer,,3,Room 1\n";
    for (int i = 0; i < 3; ++i)
        test::replace(src, "trainings.csv", "intro,3,2026-08 intro", "intro,3,INTRO-AUG");
    src["events.csv"] = "event_id,date,site_id,kind,title,attendees,staff_ids,notes\n"
                        "E20260920-1,2026-09-20,S01,celebration,Fall night,40,T01;T02,\n";
    src["surveys.csv"] = "response_id,date,site_id,student_id,q_welcome\n"
                         "R1,2026-09-20,S01,ST01,4\n";
    return src;
}

// Puts `unknown` in `ref`'s column of the first row of `ref`'s file, going
// by the header: a column the header lacks is added (empty in the other
// rows); a list of ids gets it after the ids it holds. Returns the line
// edited, or 0 when the file is not there or has no row to edit.
std::size_t put_unknown_ref(io::Sources& src, const io::Reference& ref, const std::string& unknown)
{
    const auto file = src.find(ref.file);
    if (file == src.end())
        return 0;
    model::Problems problems;
    auto table = io::read_csv(ref.file, file->second.text(), problems);
    if (!problems.empty() || table.rows.empty())
        return 0;
    auto column = std::find(table.header.begin(), table.header.end(), ref.column);
    if (column == table.header.end()) {
        table.header.push_back(ref.column);
        for (auto& row : table.rows)
            row.cells.emplace_back();
        column = table.header.end() - 1;
    }
    const auto at = static_cast<std::size_t>(column - table.header.begin());
    std::string& cell = table.rows[0].cells[at];
    const auto schema = std::find_if(io::all_schemas().begin(), io::all_schemas().end(),
                                     [&](const io::Schema& s) { return s.path == ref.file; });
    const io::Field* field = schema == io::all_schemas().end() ? nullptr : schema->field(ref.column);
    cell = field && field->type == io::FieldType::IdList && !cell.empty() ? cell + ";" + unknown : unknown;
    std::string text = io::csv_row(table.header, "\n");
    for (const auto& row : table.rows)
        text += io::csv_row(row.cells, "\n");
    file->second = util::FileText(std::move(text));
    return table.rows[0].line;
}

} // namespace

TEST_CASE("rules::unknown-ref checks every reference the schemas declare")
{
    const auto base = every_reference_repo();
    {
        const auto problems = test::validate(base);
        INFO(test::dump(problems));
        REQUIRE(problems.empty());
    }
    // Shaped like a staff id, so that visits.csv's interpreter reads it as one.
    const std::string unknown = "ZZ404";
    std::vector<std::string> not_exercised;
    for (const io::Reference& ref : io::references()) {
        const std::string name = ref.file + " " + ref.column;
        CAPTURE(name);
        auto src = base;
        const std::size_t line = put_unknown_ref(src, ref, unknown);
        if (line == 0) {
            not_exercised.push_back(name);
            continue;
        }
        const auto problems = test::validate(src);
        INFO(test::dump(problems));
        std::size_t found = 0;
        for (const auto& p : problems) {
            if (p.rule != "unknown-ref")
                continue;
            const bool this_one = p.file == ref.file && p.column == ref.column;
            CHECK_MESSAGE(this_one, "unknown-ref for " << p.file << " " << p.column << ", not " << name);
            if (this_one) {
                ++found;
                CHECK(p.line == line);
                CHECK(p.value == unknown);
                CHECK(contains(p.message, ref.word + " " + unknown + " is not in " + ref.target));
            }
        }
        CHECK_MESSAGE(found == 1, "no unknown-ref for " << name);
    }
    std::string list;
    for (const auto& name : not_exercised)
        list += "\n  " + name;
    CHECK_MESSAGE(not_exercised.empty(), "references no row of the test repo can hold:" << list);
}
