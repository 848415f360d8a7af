#include <doctest/doctest.h>

#include <pthv/io/schema.hpp>
#include <pthv/record/import_map.hpp>

using namespace pthv;

namespace {

std::optional<std::string> iso(std::string_view text, std::string_view format)
{
    const auto d = record::parse_date_as(text, format);
    return d ? std::optional<std::string>(d->str()) : std::nullopt;
}

} // namespace

TEST_CASE("record::import_map")
{
    model::Problems problems;

    SUBCASE("dates in the export's own format")
    {
        CHECK(iso("9/4/2026", "%m/%d/%Y") == "2026-09-04");
        CHECK(iso("09/14/26", "%m/%d/%y") == "2026-09-14");
        CHECK(iso("14 Sep 2026", "%d %b %Y") == "2026-09-14");
        CHECK(iso("14-september-2026", "%d-%b-%Y") == "2026-09-14");
        CHECK(!iso("2/30/2026", "%m/%d/%Y"));
        CHECK(!iso("9-14-2026", "%m/%d/%Y"));
        CHECK(!iso("9/14/2026x", "%m/%d/%Y"));
        // A timestamp reads as its day (survey tools stamp each answer).
        CHECK(iso("3/14/2026 18:02:41", "%m/%d/%Y") == "2026-03-14");
        CHECK(iso("3/14/2026 6:02:41 PM MST", "%m/%d/%Y") == "2026-03-14");
        CHECK(iso("2026-03-14T18:02", "%Y-%m-%d") == "2026-03-14");
        CHECK(!iso("3/14/2026 noon", "%m/%d/%Y"));
        CHECK(!iso("3/14/2026 25:00", "%m/%d/%Y"));
        CHECK(record::check_date_format("%m/%d/%Y").empty());
        CHECK(!record::check_date_format("%m/%d").empty());
        CHECK(!record::check_date_format("%Q %m %d %Y").empty());
    }
    SUBCASE("times as forms write them")
    {
        CHECK(record::normalise_time("4:30 PM") == "16:30");
        CHECK(record::normalise_time("12:05 am") == "00:05");
        CHECK(record::normalise_time("9:05") == "09:05");
        CHECK(record::normalise_time("16:30:00") == "16:30");
        CHECK(record::normalise_time("half past four") == "half past four");
    }
    SUBCASE("a map gathers columns, translates values, converts dates and fills defaults")
    {
        const auto map = record::parse_import_map("m.yaml",
                                                  "columns:\n"
                                                  "  student_id: Student\n"
                                                  "  educators: [E1, E2]\n"
                                                  "  date: When\n"
                                                  "  focus: Focus\n"
                                                  "values:\n"
                                                  "  focus: {Hopes and dreams: hopes_and_dreams}\n"
                                                  "  educators: {Ms. Le: T017}\n"
                                                  "date_format: \"%m/%d/%Y\"\n"
                                                  "defaults: {status: completed, mode: home}\n",
                                                  problems);
        REQUIRE(map);
        CHECK(problems.empty());
        io::CsvTable t;
        t.file = "x.csv";
        t.header = {"Student", "E1", "E2", "When", "Focus"};
        const io::CsvRow row{7, {"ST01", "Ms. Le", "T022", "9/14/2026", "HOPES AND DREAMS "}};
        const auto f = record::map_row(*map, t, row, problems);
        CHECK(problems.empty());
        CHECK(f.at("student_id") == "ST01");
        CHECK(f.at("educators") == "T017;T022");
        CHECK(f.at("date") == "2026-09-14");
        CHECK(f.at("focus") == "hopes_and_dreams");
        CHECK(f.at("status") == "completed");
        CHECK(f.at("mode") == "home");
        const io::CsvRow bad{9, {"ST01", "T1", "T2", "14/9/2026", ""}};
        record::map_row(*map, t, bad, problems);
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].file == "x.csv");
        CHECK(problems[0].line == 9);
        CHECK(problems[0].rule == "value-invalid");
    }
    SUBCASE("without date_format, an ISO timestamp reads as its day")
    {
        const auto map = record::parse_import_map("m.yaml", "columns: {date: When, arranged_on: Agreed}\n", problems);
        REQUIRE(map);
        io::CsvTable t;
        t.file = "x.csv";
        t.header = {"When", "Agreed"};
        const auto f = record::map_row(*map, t, io::CsvRow{2, {"2026-03-14 18:02:41", "2026-03-01"}}, problems);
        CHECK(problems.empty());
        CHECK(f.at("date") == "2026-03-14");
        CHECK(f.at("arranged_on") == "2026-03-01");
        const auto g = record::map_row(*map, t, io::CsvRow{3, {"3/14/2026", "2026-3-1"}}, problems);
        CHECK(g.at("date") == "3/14/2026"); // left for the loader to report, as written
        CHECK(g.at("arranged_on") == "2026-03-01");
    }
    SUBCASE("an unknown field is named with its line and a suggestion")
    {
        CHECK(!record::parse_import_map("m.yaml", "columns:\n  student_id: S\n  dates: D\n", problems));
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].line == 3);
        CHECK(problems[0].advice == "did you mean date?");
    }
    SUBCASE("YAML that does not parse is named with its line")
    {
        CHECK(!record::parse_import_map("m.yaml", "columns:\n  a: [b\n", problems));
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].line > 0);
    }
    SUBCASE("an unknown top-level key and a bad date_format are problems")
    {
        CHECK(!record::parse_import_map("m.yaml", "column: {}\ndate_format: \"%m\"\n", problems));
        CHECK(problems.size() == 2);
    }
    SUBCASE("a key written twice, at any depth, is refused with both lines; never the first or the last")
    {
        CHECK(!record::parse_import_map("m.yaml", "columns:\n  student_id: A\n  student_id: B\n", problems));
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].line == 3);
        CHECK(problems[0].message ==
              "columns.student_id is set twice (first on line 2); pthv will not guess which one is meant");
        problems.clear();
        CHECK(!record::parse_import_map(
            "m.yaml", "values:\n  focus: {Hopes and dreams: hopes_and_dreams,\n    Hopes and dreams: academics}\n",
            problems));
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].line == 3);
        CHECK(problems[0].message.rfind("values.focus.\"Hopes and dreams\" is set twice (first on line 2)", 0) == 0);
        problems.clear();
        CHECK(!record::parse_import_map("m.yaml", "columns: {date: D}\ndate_format: \"%m/%d/%Y\"\ncolumns: {date: E}\n",
                                        problems));
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].line == 3);
    }
    SUBCASE("map columns the export lacks are named")
    {
        const auto map = record::parse_import_map("m.yaml", "columns:\n  student_id: Student\n", problems);
        REQUIRE(map);
        io::CsvTable t;
        t.file = "x.csv";
        t.header = {"Studnet"};
        record::check_map_columns("m.yaml", *map, t, problems);
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].line == 2);
    }
}

TEST_CASE("record::import_map hints")
{
    SUBCASE("a day-first date with a month-first format: the day-first format")
    {
        CHECK(record::date_format_advice("13/03/2026", "%m/%d/%Y") ==
              "the file seems to write the day first: use date_format: \"%d/%m/%Y\" in the map; see docs/import.md");
        CHECK(record::date_format_advice("2026-13-03", "%Y-%m-%d").find("%Y-%d-%m") != std::string::npos);
        CHECK(record::date_format_advice("13/13/2026", "%m/%d/%Y") ==
              "fix the cell, or date_format in the map; see docs/import.md");
    }
    SUBCASE("the day-first advice is taken back where another row reads only month first")
    {
        model::Problems problems;
        record::ImportMap map;
        map.columns["date"] = {"Date"};
        map.date_format = "%m/%d/%Y";
        io::CsvTable table;
        table.file = "export.csv";
        table.header = {"Date"};
        table.rows = {{2, {"3/25/2026"}}, {3, {"25/3/2026"}}};
        record::map_row(map, table, table.rows[1], problems);
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].column == "date");
        CHECK(problems[0].value == "25/3/2026");
        CHECK(problems[0].advice.find("day first") != std::string::npos);
        record::settle_date_advice(problems, map, table);
        CHECK(problems[0].advice == "fix the cell, or date_format in the map; see docs/import.md");
    }
    SUBCASE("a form's timestamp column, unless the map reads logged_on or that column")
    {
        io::CsvTable table;
        table.header = {"Timestamp", "Student ID", "Date"};
        record::ImportMap map;
        map.columns["student_id"] = {"Student ID"};
        CHECK(record::entry_time_column(table, map) == "Timestamp");
        map.columns["date"] = {"Timestamp"};
        CHECK(record::entry_time_column(table, map).empty());
        map.columns.erase("date");
        map.columns["logged_on"] = {"Date"};
        CHECK(record::entry_time_column(table, map).empty());
    }
    SUBCASE("an unquoted value holding \": \" gets the line quoted as its hint")
    {
        model::Problems problems;
        const auto map = record::parse_import_map(
            "map.yaml", "columns:\n  student_id: Student ID\n  notes: Notes: anything else?\n", problems);
        CHECK(!map);
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].line == 3);
        CHECK(problems[0].advice == "a value holding \": \" must be quoted: notes: \"Notes: anything else?\"");
    }
}

TEST_CASE("record::import_date_fields")
{
    SUBCASE("the dates an import converts are the schemas' date columns, in their order")
    {
        CHECK(record::import_date_fields() ==
              std::vector<std::string>{"date", "arranged_on", "reflected_on", "confirmed_on", "logged_on"});
    }
    SUBCASE("each is a date in the visits or the surveys schema")
    {
        for (const auto& name : record::import_date_fields()) {
            const io::Field* f = io::schema("visits").field(name);
            if (!f)
                f = io::schema("surveys").field(name);
            REQUIRE_MESSAGE(f, name);
            CHECK(f->type == io::FieldType::Date);
        }
    }
}
