#include <doctest/doctest.h>

#include <algorithm>

#include <pthv/export/dates.hpp>
#include <pthv/export/deidentify.hpp>
#include <pthv/export/hmac.hpp>
#include <pthv/io/loader.hpp>
#include <pthv/io/references.hpp>
#include <pthv/io/schema.hpp>

using namespace pthv;

namespace {

const std::string k_key = "a key of twenty bytes";

std::string p(std::string_view id)
{
    return exporting::pseudonym(k_key, id);
}

const exporting::ExportFile& file(const std::vector<exporting::ExportFile>& files, const std::string& name)
{
    for (const auto& f : files)
        if (f.name == name)
            return f;
    FAIL("no " << name);
    return files.front();
}

bool has(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

exporting::ExportOptions options(unsigned k, const model::Repo* flags = nullptr)
{
    return {k_key, flags, k, nullptr};
}

std::vector<exporting::SourceFile> sources()
{
    return {
        {"students.csv", "student_id,site_id,grade,homeroom_id,name,family_id,home_language,flag_attendance\n"
                         "ST0001,S01,3,T01,Ana Ruiz,F01,es,yes\n"
                         "ST0002,S01,4,T01,\"Bo, Li\",,zh,no\n"},
        {"visits.csv", "visit_id,student_id,site_id,date,educators,status,language,notes\n"
                       "V20260914-ST0001,ST0001,S01,2026-09-14,T01; T02,completed,es,mother works nights\n"},
    };
}

// Ten students of S01 in grade 3 who speak Spanish, each visited on
// 2026-09-10; the first five also once more, each in a month of their own.
std::vector<exporting::SourceFile> class_of_ten()
{
    std::string students = "student_id,site_id,grade,homeroom_id,name,family_id,language\n";
    std::string visits = "visit_id,student_id,site_id,date,educators,status,arranged_on,reflected_on,notes\n";
    const char* again[] = {"2026-10-08", "2026-11-05", "2026-12-03", "2027-01-14", "2027-02-11"};
    for (int i = 1; i <= 10; ++i) {
        const std::string id = "ST0" + std::to_string(100 + i);
        students += id + ",S01,3,T01,Name " + id + ",F" + id + ",es\n";
        visits += "V20260910-" + id + "," + id + ",S01,2026-09-10,T01;T02,completed,2026-09-03,2026-09-12,\n";
        if (i <= 5)
            visits += "V-" + id + "," + id + ",S01," + again[i - 1] + ",T01;T02,completed,2026-10-09,,\n";
    }
    return {{"students.csv", students}, {"visits.csv", visits}};
}

} // namespace

TEST_CASE("deidentify replaces ids by pseudonyms and leaves out names, notes and free text")
{
    const auto files = exporting::deidentify(sources(), options(1));
    REQUIRE(files.size() == 3);
    CHECK(files.back().name == "README.md");
    CHECK(file(files, "students.csv").text == "student_id,site_id,grade,homeroom_id,family_id\n" + p("ST0001") +
                                                  ",S01,3," + p("T01") + "," + p("F01") + "\n" + p("ST0002") +
                                                  ",S01,4," + p("T01") + ",\n");
    CHECK(file(files, "visits.csv").text == "visit_id,student_id,site_id,date,educators,status\n" +
                                                p("V20260914-ST0001") + "," + p("ST0001") + ",S01,2026-09-14," +
                                                p("T01") + ";" + p("T02") + ",completed\n");
    const std::string& readme = files.back().text;
    CHECK(has(readme, "HMAC-SHA256"));
    CHECK(has(readme, "left out: name, home_language, flag_attendance"));
    CHECK(has(readme, "left out: language, notes"));
    CHECK(has(readme, "Concern flags are not included"));
    CHECK(has(readme, "off (--k 1)"));
}

TEST_CASE("deidentify writes every file's rows in the order of their new ids, not the source's")
{
    std::string students = "student_id,site_id,grade\n";
    std::vector<std::string> ids;
    for (int i = 10; i < 30; ++i) {
        ids.push_back("ST00" + std::to_string(i));
        students += ids.back() + ",S01,3\n";
    }
    const auto files = exporting::deidentify({{"students.csv", students}}, options(1));
    std::vector<std::string> expected;
    for (const auto& id : ids)
        expected.push_back(p(id) + ",S01,3");
    std::sort(expected.begin(), expected.end());
    std::string text = "student_id,site_id,grade\n";
    for (const auto& row : expected)
        text += row + "\n";
    CHECK(file(files, "students.csv").text == text);
    CHECK(expected.front() != p(ids.front()) + ",S01,3"); // the source's first row is not the export's
}

TEST_CASE("deidentify with --k coarsens dates, keeps language, and says what it did")
{
    const auto files = exporting::deidentify(class_of_ten(), options(5));
    const std::string& students = file(files, "students.csv").text;
    CHECK(students.rfind("student_id,site_id,grade,homeroom_id,family_id,language\n", 0) == 0);
    CHECK(has(students, p("ST0106") + ",S01,3-5," + p("T01") + "," + p("FST0106") + ",es\n"));
    // ST0101 shares its two visits' months with no one: they and its family go.
    CHECK(has(students, p("ST0101") + ",S01,3-5," + p("T01") + ",,es\n"));
    const std::string& visits = file(files, "visits.csv").text;
    CHECK(visits.rfind("visit_id,student_id,site_id,month,educators,status,arranged_days_before,reflected_days_after\n",
                       0) == 0);
    const std::string educators = p("T01") + ";" + p("T02");
    CHECK(has(visits, p("V20260910-ST0106") + "," + p("ST0106") + ",,2026-09," + educators + ",completed,7,2\n"));
    CHECK(has(visits, p("V-ST0101") + "," + p("ST0101") + ",,," + educators + ",completed,-1,\n"));
    const std::string& readme = files.back().text;
    CHECK(has(readme, "(k = 5)"));
    CHECK(has(readme, "the least shared\ncombination is shared by 5"));
    CHECK(has(readme, "`month` instead of date (YYYY-MM)"));
    CHECK(has(readme, "`arranged_days_before` instead of arranged_on"));
    CHECK(has(readme, "Home languages were kept as written (not needed)") == false);
    CHECK(has(readme, "Grades were written as bands: TK-2, 3-5, 6-8, 9-12 (10 students)"));
    CHECK(has(readme, "- 5 students: the months of their visits"));
    CHECK(has(readme, "- 0 of them also grade"));
    CHECK(has(readme, "Cells blanked: 15 in all"));
    CHECK(has(readme, "students.csv: family_id 5"));
    CHECK(has(readme, "visits.csv: month 10"));
}

TEST_CASE("deidentify with --k blanks students who cannot hide among k, and never exports a lone row")
{
    // Two students cannot be among five: all they show is their keyed ids.
    const auto files = exporting::deidentify(sources(), options(5));
    CHECK(file(files, "students.csv").text ==
          "student_id,site_id,grade,homeroom_id,family_id\n" + p("ST0001") + ",,,,\n" + p("ST0002") + ",,,,\n");
    CHECK(file(files, "visits.csv").text == "visit_id,student_id,site_id,month,educators,status\n" +
                                                p("V20260914-ST0001") + ",,,,,completed\n");
    CHECK(has(files.back().text, "only 2 students, fewer than 5"));
}

TEST_CASE("deidentify adds the concern flags only when given the repo they were loaded with")
{
    io::Sources repo_sources;
    repo_sources["students.csv"] = sources()[0].text;
    const auto loaded = io::load_sources(repo_sources, {});
    const auto files = exporting::deidentify(sources(), options(1, &loaded.repo));
    const std::string& students = file(files, "students.csv").text;
    CHECK(students.rfind("student_id,site_id,grade,homeroom_id,family_id,flag_attendance\n", 0) == 0);
    CHECK(has(students, ",yes\n"));
    CHECK(has(students, ",no\n"));
    CHECK(has(files.back().text, "Concern flags (flag_* columns of students.csv) are included"));
}

TEST_CASE("deidentify writes attendance under the keyed ids, and only with k-anonymity on")
{
    const std::vector<exporting::StudentAttendance> attendance = {{"ST0102", 170, 3}, {"ST0101", 160, 20}};
    exporting::ExportOptions o = options(5);
    o.attendance = &attendance;
    const auto files = exporting::deidentify(class_of_ten(), o);
    std::vector<std::string> rows = {p("ST0102") + ",170,3", p("ST0101") + ",160,20"};
    std::sort(rows.begin(), rows.end());
    CHECK(file(files, "attendance.csv").text ==
          "student_id,days_enrolled,days_absent\n" + rows[0] + "\n" + rows[1] + "\n");
    CHECK(has(files.back().text, "attendance.csv holds each student's days_enrolled and days_absent"));

    o.k = 1;
    CHECK_THROWS_WITH_AS(exporting::deidentify(class_of_ten(), o), doctest::Contains("--attendance with --k 1"),
                         std::invalid_argument);
    CHECK_THROWS_WITH_AS(exporting::check_options(options(0)), doctest::Contains("--k 0"), std::invalid_argument);
}

TEST_CASE("deidentify refuses a file that is not CSV, and a student listed twice, naming file and line")
{
    std::vector<exporting::SourceFile> bad = {{"staff.csv", "staff_id,name\nT01,\"open\n"}};
    CHECK_THROWS_WITH_AS(exporting::deidentify(bad, options(5)), doctest::Contains("staff.csv:2"),
                         std::runtime_error);
    bad = {{"students.csv", "student_id,site_id,grade\nST01,S01,3\nST02,S01,3\nST01,S02,4\n"}};
    CHECK_THROWS_WITH_AS(exporting::deidentify(bad, options(5)),
                         doctest::Contains("students.csv:4: student ST01 is listed again (first on line 2)"),
                         std::runtime_error);
}

TEST_CASE("exporting::exported_columns")
{
    SUBCASE("every column the export lets through is a column of its file's schema, or an attribute")
    {
        for (const auto& file : exporting::export_sources()) {
            const io::Schema* schema = nullptr;
            for (const auto& s : io::all_schemas())
                if (s.path == file)
                    schema = &s;
            REQUIRE_MESSAGE(schema, file);
            const auto columns = exporting::exported_columns(file);
            CHECK_FALSE(columns.empty());
            for (const auto& c : columns)
                CHECK_MESSAGE((schema->field(c.name) || schema->extra_columns_are_attributes), file << " " << c.name);
        }
    }
    SUBCASE("a column that names a staff member or a student is exported only as pseudonyms")
    {
        for (const auto& r : io::references()) {
            if (r.target != "staff.csv" && r.target != "students.csv")
                continue;
            for (const auto& c : exporting::exported_columns(r.file))
                if (c.name == r.column)
                    CHECK_MESSAGE(c.pseudonymised, r.file << " " << r.column);
        }
    }
}

TEST_CASE("exporting::exported_columns come from the schemas' export treatments")
{
    SUBCASE("a file's columns are those its schema exports, in its order, keyed where it says key")
    {
        for (const auto& s : io::all_schemas()) {
            INFO(s.path);
            std::vector<std::string> expected, got, keyed, got_keyed;
            for (const auto* fields : {&s.fields, &s.exported_attributes})
                for (const auto& f : *fields)
                    if (f.exported != io::Export::Drop) {
                        expected.push_back(f.name);
                        if (f.exported == io::Export::Key)
                            keyed.push_back(f.name);
                    }
            for (const auto& c : exporting::exported_columns(s.path)) {
                got.push_back(c.name);
                if (c.pseudonymised)
                    got_keyed.push_back(c.name);
            }
            CHECK(got == expected);
            CHECK(got_keyed == keyed);
            const auto& files = exporting::export_sources();
            CHECK(s.exported() == (std::find(files.begin(), files.end(), s.path) != files.end()));
        }
    }
    SUBCASE("visits.csv's date columns are the ones --k coarsens")
    {
        const io::Schema& visits = io::schema("visits");
        exporting::Table t{"visits.csv", visits.column_names(), {}};
        std::vector<std::string> coarsened, dates;
        for (const auto& r : exporting::coarsen_visit_dates(t))
            coarsened.push_back(r.from);
        for (const auto& f : visits.fields)
            if (f.exported == io::Export::Date)
                dates.push_back(f.name);
        CHECK(coarsened == dates);
    }
}

TEST_CASE("deidentify leaves out a column whose schema gives it no export treatment")
{
    // travel_minutes: a column of visits.csv whose schema gives it no
    // `export:`, so it stays in the district like a column pthv does not know.
    const std::vector<exporting::SourceFile> src = {
        {"visits.csv", "visit_id,student_id,date,status,travel_minutes,minutes\n"
                       "V20260914-ST0001,ST0001,2026-09-14,completed,25,45\n"}};
    const auto files = exporting::deidentify(src, options(1));
    CHECK(file(files, "visits.csv").text == "visit_id,student_id,date,minutes,status\n" + p("V20260914-ST0001") +
                                                "," + p("ST0001") + ",2026-09-14,45,completed\n");
    CHECK(has(files.back().text, "left out: travel_minutes"));
}
