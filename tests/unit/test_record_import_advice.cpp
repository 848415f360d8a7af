#include <doctest/doctest.h>

#include "fixture.hpp"

#include <pthv/record/import_advice.hpp>

using namespace pthv;
using test::contains;

namespace {

model::Problem value_invalid(const std::string& column, const std::string& value, std::size_t line = 2)
{
    model::Problem p{"value-invalid", model::Severity::Error, "export.csv", line, {}, "bad", "fix the cell"};
    p.column = column;
    p.value = value;
    return p;
}

} // namespace

TEST_CASE("record::advise_map")
{
    record::ImportMap map;
    SUBCASE("a date gets the date_format the export writes: month first, or day first")
    {
        for (const auto& [value, format] : {std::pair<const char*, const char*>{"3/25/2026", "%m/%d/%Y"},
                                            {"25/3/2026", "%d/%m/%Y"}}) {
            model::Problems p = {value_invalid("date", value)};
            record::advise_map(p, map, record::visit_target());
            CHECK(contains(p[0].advice, std::string("add date_format: \"") + format + "\" to the map"));
        }
    }
    SUBCASE("a field of fixed values gets a translation in the map")
    {
        model::Problems p = {value_invalid("mode", "At home")};
        record::advise_map(p, map, record::visit_target());
        CHECK(contains(p[0].advice, "values: {mode: {\"At home\": ...}}"));
    }
    SUBCASE("the advice reads the column and value: rewording the message changes nothing")
    {
        model::Problems p = {value_invalid("date", "25/3/2026"), value_invalid("date", "25/3/2026")};
        p[0].message = "date \"25/3/2026\" is not a date written as YYYY-MM-DD";
        p[1].message = "something else entirely";
        record::advise_map(p, map, record::visit_target());
        CHECK(contains(p[0].advice, "%d/%m/%Y"));
        CHECK(p[0].advice == p[1].advice);
    }
    SUBCASE("other problems keep their advice")
    {
        model::Problems p = {value_invalid("notes", "x")};
        p[0].rule = "unknown-ref";
        record::advise_map(p, map, record::visit_target());
        CHECK(p[0].advice == "fix the cell");
    }
}

TEST_CASE("record::control_problems")
{
    const std::vector<record::ImportRow> rows = {{2, {{"notes", "fine\nacross lines"}}}, {3, {{"notes", "bell\x07"}}}};
    const auto p = record::control_problems("export.csv", rows);
    REQUIRE(p.size() == 1);
    CHECK(p[0].line == 3);
    CHECK(p[0].rule == "value-invalid");
    CHECK(contains(p[0].message, "notes bell\\x07: holds a control character"));
}

TEST_CASE("record::merge_problems")
{
    const model::Problems first = {value_invalid("date", "x", 3)};
    const model::Problems more = {value_invalid("date", "x", 3), value_invalid("mode", "y", 2)};
    const auto merged = record::merge_problems(first, more);
    REQUIRE(merged.size() == 2);
    CHECK(merged[0].line == 2); // sorted
    CHECK(merged[1].line == 3);
}
