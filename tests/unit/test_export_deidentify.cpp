#include <doctest/doctest.h>

#include <algorithm>

#include <pthv/export/deidentify.hpp>
#include <pthv/export/hmac.hpp>
#include <pthv/io/loader.hpp>

using namespace pthv;

namespace {

const std::string k_key = "a key of twenty bytes";

const exporting::ExportFile& file(const std::vector<exporting::ExportFile>& files, const std::string& name)
{
    for (const auto& f : files)
        if (f.name == name)
            return f;
    FAIL("no " << name);
    return files.front();
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

} // namespace

TEST_CASE("deidentify replaces ids by pseudonyms and leaves out names, notes and free text")
{
    const auto files = exporting::deidentify(sources(), {k_key, nullptr});
    REQUIRE(files.size() == 3);
    CHECK(files.back().name == "README.md");
    const std::string p1 = exporting::pseudonym(k_key, "ST0001");
    CHECK(file(files, "students.csv").text ==
          "student_id,site_id,grade,homeroom_id,family_id\n" + p1 + ",S01,3," + exporting::pseudonym(k_key, "T01") +
              "," + exporting::pseudonym(k_key, "F01") + "\n" + exporting::pseudonym(k_key, "ST0002") + ",S01,4," +
              exporting::pseudonym(k_key, "T01") + ",\n");
    CHECK(file(files, "visits.csv").text ==
          "visit_id,student_id,site_id,date,educators,status\n" + exporting::pseudonym(k_key, "V20260914-ST0001") +
              "," + p1 + ",S01,2026-09-14," + exporting::pseudonym(k_key, "T01") + ";" +
              exporting::pseudonym(k_key, "T02") + ",completed\n");
    const std::string& readme = files.back().text;
    CHECK(readme.find("HMAC-SHA256") != std::string::npos);
    CHECK(readme.find("left out: name, home_language, flag_attendance") != std::string::npos);
    CHECK(readme.find("left out: language, notes") != std::string::npos);
    CHECK(readme.find("Concern flags are not included") != std::string::npos);
}

TEST_CASE("deidentify writes every file's rows in the order of their new ids, not the source's")
{
    std::string students = "student_id,site_id,grade\n";
    std::vector<std::string> ids;
    for (int i = 10; i < 30; ++i) {
        ids.push_back("ST00" + std::to_string(i));
        students += ids.back() + ",S01,3\n";
    }
    const auto files = exporting::deidentify({{"students.csv", students}}, {k_key, nullptr});
    std::vector<std::string> expected;
    for (const auto& id : ids)
        expected.push_back(exporting::pseudonym(k_key, id) + ",S01,3");
    std::sort(expected.begin(), expected.end());
    std::string text = "student_id,site_id,grade\n";
    for (const auto& row : expected)
        text += row + "\n";
    CHECK(file(files, "students.csv").text == text);
    CHECK(expected.front() != exporting::pseudonym(k_key, ids.front()) + ",S01,3"); // not the first of the source
}

TEST_CASE("deidentify adds the concern flags only when given the repo they were loaded with")
{
    io::Sources repo_sources;
    repo_sources["students.csv"] = sources()[0].text;
    const auto loaded = io::load_sources(repo_sources, {});
    const auto files = exporting::deidentify(sources(), {k_key, &loaded.repo});
    const std::string& students = file(files, "students.csv").text;
    CHECK(students.rfind("student_id,site_id,grade,homeroom_id,family_id,flag_attendance\n", 0) == 0);
    CHECK(students.find(",yes\n") != std::string::npos);
    CHECK(students.find(",no\n") != std::string::npos);
    CHECK(files.back().text.find("Concern flags (flag_* columns of students.csv) are included") != std::string::npos);
}

TEST_CASE("deidentify refuses a file that is not CSV, naming file and line")
{
    std::vector<exporting::SourceFile> bad = {{"staff.csv", "staff_id,name\nT01,\"open\n"}};
    CHECK_THROWS_WITH_AS(exporting::deidentify(bad, {k_key, nullptr}), doctest::Contains("staff.csv:2"),
                         std::runtime_error);
}
