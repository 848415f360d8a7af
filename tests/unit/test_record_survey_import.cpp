// surveys.csv: its q_<question> columns as the loader reads and checks
// them, and the plan of `pthv survey import` (ids, repeats, sites, new
// questions), on the tiny fixture repo.

#include "fixture.hpp"

#include <pthv/record/survey_import.hpp>

using namespace pthv;

namespace {

// A survey export as its text and header (record::export_head).
struct SurveyExport {
    std::string text;
    io::CsvTable head;
};

SurveyExport survey_export(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows)
{
    SurveyExport e;
    e.text = io::csv_row(header, "\n");
    for (const auto& cells : rows)
        e.text += io::csv_row(cells, "\n");
    model::Problems problems;
    e.head = record::export_head("export.csv", e.text, problems);
    REQUIRE(problems.empty());
    return e;
}

record::SurveyPlan plan_of(const SurveyExport& e, const record::ImportMap& map, const model::Repo& repo,
                           const std::vector<std::string>& header, const record::ResponseIds& ids)
{
    return record::plan_survey_import(e.head, e.text, map, repo, header, ids, "\n");
}

// The rows a plan adds, read back from the text it renders.
std::vector<record::Fields> rows_of(const record::SurveyPlan& plan)
{
    model::Problems problems;
    const auto t = io::read_csv("surveys.csv", io::csv_row(plan.header, "\n") + plan.rows, problems);
    REQUIRE(problems.empty());
    std::vector<record::Fields> out;
    for (const auto& row : t.rows)
        out.push_back(record::fields_of(t.header, row.cells));
    return out;
}

// The first cell as the response's id, as a digest would (the same row, the
// same id); the unkeyed id of earlier versions is "U-" and the first cell.
const record::ResponseIds k_first_cell{[](const io::CsvRow& row) { return "R-" + row.cells.at(0); },
                                       [](const io::CsvRow& row) { return "U-" + row.cells.at(0); }};

} // namespace

TEST_CASE("surveys.csv: questions are q_ columns holding 1..5")
{
    auto sources = test::tiny_repo();
    sources["surveys.csv"] = "response_id,date,site_id,student_id,q_welcome,q_recommend,comment\n"
                             "R1,2026-09-20,S01,ST01,5,,\n"
                             "R2,2026-09-21,S01,,3,1,\n"
                             "R3,2026-09-22,S01,,0,6,\n";
    const auto loaded = io::load_sources(sources, test::as_of());
    const model::Repo& repo = loaded.repo;
    CHECK(repo.survey_questions == std::vector<std::string>{"welcome", "recommend"});
    REQUIRE(repo.surveys.size() == 3);
    CHECK(repo.survey_answers == std::vector<std::uint8_t>{5, 0, 3, 1, 0, 0});
    CHECK(repo.id(repo.surveys[0].id) == "R1");
    CHECK(repo.id(repo.surveys[0].student) == "ST01");
    CHECK(!repo.surveys[1].student);
    CHECK(repo.surveys[2].line == 4);
    const auto problems = test::validate(sources);
    CHECK(test::count(problems, "unknown-column") == 1); // comment: neither a column nor q_<name>
    CHECK(test::count(problems, "value-invalid") == 2);  // 0 and 6
    CHECK(test::only(problems, "unknown-column").message.find("\"comment\"") != std::string::npos);

    SUBCASE("a near miss: every answer on the scale, no other column")
    {
        auto clean = test::tiny_repo();
        clean["surveys.csv"] = "response_id,date,site_id,q_welcome\nR1,2026-09-20,S01,1\nR2,2026-09-20,S01,5\n";
        CHECK(test::validate(clean).empty());
    }
    SUBCASE("a response naming an unknown site or student is unknown-ref")
    {
        auto bad = test::tiny_repo();
        bad["surveys.csv"] = "response_id,date,site_id,student_id,q_welcome\nR1,2026-09-20,S09,ST99,4\n";
        CHECK(test::count(test::validate(bad), "unknown-ref") == 2);
    }
}

TEST_CASE("record::plan_survey_import")
{
    auto sources = test::tiny_repo();
    sources["surveys.csv"] = "response_id,date,site_id,student_id,q_welcome\nold,2026-09-20,S01,,4\n";
    const auto loaded = io::load_sources(sources, test::as_of());
    const model::Repo& repo = loaded.repo;
    model::Problems problems;
    const auto map = record::parse_import_map("m.yaml",
                                              "columns: {response_id: Id, date: When, student_id: Student,\n"
                                              "          q_welcome: Welcome, q_recommend: Recommend}\n"
                                              "values: {q_*: {Agree: 4, Disagree: 2}, q_recommend: {Yes: 5}}\n",
                                              problems, record::survey_target());
    REQUIRE(map);
    CHECK(problems.empty());
    const auto table = survey_export({"Id", "When", "Student", "Recommend", "Welcome"},
                                    {{"old", "2026-09-20", "", "", "Agree"},
                                     {"", "2026-09-25", "ST03", "Yes", "disagree "},
                                     {"", "2026-09-25", "ST03", "Yes", "disagree "},
                                     {"", "", "", "", ""}});
    const record::ResponseIds by_date{[](const io::CsvRow& row) { return "R-" + row.cells.at(1); }, {}};
    const auto plan = plan_of(table, *map, repo, {"response_id", "date", "site_id", "student_id",
                                                                     "q_welcome"},
                                                 by_date);
    CHECK(plan.problems.empty());
    CHECK(plan.already_imported == 2); // "old" is in surveys.csv; the third row repeats the second
    const auto rows = rows_of(plan);
    REQUIRE(rows.size() == 1); // the blank row is skipped
    const auto& f = rows[0];
    CHECK(plan.source_lines == std::vector<std::size_t>{3});
    CHECK(f.at("response_id") == "R-2026-09-25"); // made from the row: the export has no id there
    CHECK(f.at("site_id") == "S01");             // ST03's site
    CHECK(f.at("q_welcome") == "2");             // the q_* scale, any case and spaces
    CHECK(f.at("q_recommend") == "5");           // its own table
    CHECK(plan.new_columns == std::vector<std::string>{"q_recommend"});
    CHECK(plan.header.back() == "q_recommend");

    SUBCASE("new questions are added in the map's order")
    {
        const auto m = record::parse_import_map("m.yaml", "columns: {date: When, q_b: B, q_a: A}\n", problems,
                                                record::survey_target());
        REQUIRE(m);
        const auto t = survey_export({"A", "B", "When"}, {{"4", "5", "2026-09-25"}});
        const auto p = plan_of(t, *m, repo, {"response_id", "date"}, k_first_cell);
        CHECK(p.new_columns == std::vector<std::string>{"q_b", "q_a"});
    }
    SUBCASE("a row whose unkeyed id from an earlier version is in surveys.csv counts as imported")
    {
        auto with_old = test::tiny_repo();
        with_old["surveys.csv"] = "response_id,date,site_id,student_id,q_welcome\n"
                                  "U-2026-09-20 18:02,2026-09-20,S01,,4\n";
        const auto old_loaded = io::load_sources(with_old, test::as_of());
        const auto m = record::parse_import_map("m.yaml", "columns: {date: When, q_welcome: W}\n", problems,
                                                record::survey_target());
        REQUIRE(m);
        const auto t = survey_export({"When", "W"}, {{"2026-09-20 18:02", "4"}, {"2026-09-21 09:15", "5"}});
        const auto p = plan_of(t, *m, old_loaded.repo, {"response_id", "date", "q_welcome"},
                                                  k_first_cell);
        CHECK(p.problems.empty());
        CHECK(p.already_imported == 1);
        CHECK(p.earlier_ids == 1);
        REQUIRE(rows_of(p).size() == 1);
        CHECK(rows_of(p)[0].at("response_id") == "R-2026-09-21 09:15"); // a new row gets the keyed id
        const auto again = plan_of(t, *m, repo, {"response_id", "date", "q_welcome"},
                                                      k_first_cell);
        CHECK(again.source_lines.size() == 2); // not in this surveys.csv under either id
        CHECK(again.earlier_ids == 0);
    }
    SUBCASE("without a key, a row with no id is refused on its line; a mapped id needs no key")
    {
        const auto m = record::parse_import_map("m.yaml", "columns: {response_id: Id, date: When}\n", problems,
                                                record::survey_target());
        REQUIRE(m);
        CHECK(record::map_gives_response_ids(*m));
        const auto t = survey_export({"Id", "When"}, {{"SM-1", "2026-09-25"}, {"", "2026-09-25"}});
        const auto p = plan_of(t, *m, repo, {"response_id", "date"}, record::ResponseIds{});
        REQUIRE(p.problems.size() == 1);
        CHECK(p.problems[0].rule == "required-missing");
        CHECK(p.problems[0].line == 3);
        CHECK(test::contains(p.problems[0].advice, "--key-file"));
        REQUIRE(rows_of(p).size() == 1);
        CHECK(rows_of(p)[0].at("response_id") == "SM-1");
        const auto none = record::parse_import_map("m.yaml", "columns: {date: When}\n", problems,
                                                   record::survey_target());
        REQUIRE(none);
        CHECK_FALSE(record::map_gives_response_ids(*none));
    }
    SUBCASE("a map field that is neither a column nor q_<name> is refused")
    {
        model::Problems bad;
        CHECK(!record::parse_import_map("m.yaml", "columns: {school: S}\n", bad, record::survey_target()));
        REQUIRE(bad.size() == 1);
        CHECK(bad[0].message == "columns: \"school\" is not a surveys.csv field");
        CHECK(!record::parse_import_map("m.yaml", "columns: {\"q_two words\": S}\n", bad, record::survey_target()));
        CHECK(!record::parse_import_map("m.yaml", "values: {q_*: {a: 1}}\ncolumns: {q_*: S}\n", bad,
                                        record::survey_target()));
    }
    SUBCASE("a visit map knows no q_ fields")
    {
        model::Problems bad;
        CHECK(!record::parse_import_map("m.yaml", "columns: {q_welcome: W}\n", bad));
    }
}

TEST_CASE("record::widen_csv")
{
    CHECK(record::widen_csv("s.csv", "a,b\n1,2\n\"x,y\",\n", {"c", "d"}) == "a,b,c,d\n1,2,,\n\"x,y\",,,\n");
    CHECK(record::widen_csv("s.csv", "a\r\n1\r\n", {"b"}) == "a,b\r\n1,\r\n");
    CHECK(record::widen_csv("s.csv", "a\n1\n", {}) == "a\n1\n");
}
