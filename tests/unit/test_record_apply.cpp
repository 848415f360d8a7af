#include <doctest/doctest.h>

#include "fixture.hpp"

#include <pthv/record/apply.hpp>

using namespace pthv;

namespace {

model::Problem finding(const char* rule, model::Severity severity, const char* message, const char* advice)
{
    return model::Problem{rule, severity, "visits.csv", 5, "V1", message, advice};
}

} // namespace

TEST_CASE("record::recorded_text")
{
    const model::Problems findings = {
        finding("CP5-pair", model::Severity::Error, "visit V1 has one educator", "visit in pairs")};
    SUBCASE("a finding is said under a line saying the change was recorded all the same")
    {
        const auto text = record::recorded_text({"V1\n", "visit V1", "visits.csv", false, false}, findings, false);
        CHECK(test::contains(text, "V1\nvisit V1 was recorded in visits.csv, with 1 finding:\n"));
        CHECK(test::contains(text, "    hint: visit in pairs\n"));
    }
    SUBCASE("quiet leaves out what was written, never what a dry run would write")
    {
        CHECK(record::recorded_text({"V1\n", "visit V1", "visits.csv", false, true}, {}, false).empty());
        CHECK(record::recorded_text({"V1\n", "visit V1", "visits.csv", true, true}, {}, false) == "V1\n");
        CHECK(record::recorded_text({"V1\n", "visit V1", "visits.csv", true, false}, {}, false) ==
              "V1\n(dry run: nothing was written)\n");
    }
}

TEST_CASE("record::refused_text")
{
    const model::Problems refused = {
        finding("student-unknown", model::Severity::Error, "no student ST9", "check the id")};
    const auto text = record::refused_text(refused, "visit V1", "visits.csv", false);
    CHECK(test::contains(text, "no student ST9\n    hint: check the id\n"));
    CHECK(test::contains(text, "pthv: error: visit V1 refused: 1 data-integrity error; visits.csv is unchanged\n"));
}

TEST_CASE("record::added_columns_note")
{
    record::Edit edit;
    edit.file = "visits.csv";
    CHECK(record::added_columns_note(edit, false).empty());
    edit.added_columns = {"interpreter"};
    CHECK(record::added_columns_note(edit, true) ==
          "pthv: visits.csv would add the column interpreter to its header, empty in the rows before\n");
}

TEST_CASE("record::unreadable_refusal")
{
    CHECK_FALSE(record::unreadable_refusal({}, true, "compute pay", ""));
    const auto config = record::unreadable_refusal({}, false, "compute pay", "");
    REQUIRE(config);
    CHECK(config->message == "cannot compute pay: 0 file problems cannot be read (listed above)");
    const model::Problems bad = {finding("csv-syntax", model::Severity::Error, "a quoted cell is not closed", "")};
    const auto r = record::unreadable_refusal(bad, true, "remind anyone", "; nothing was written or sent");
    REQUIRE(r);
    CHECK(r->problems.size() == 1);
    CHECK(r->message ==
          "cannot remind anyone: 1 file problem cannot be read (listed above); nothing was written or sent");
}

TEST_CASE("record::columns_refusal")
{
    const std::vector<std::string> header = {"staff_id", "name"};
    CHECK(record::columns_refusal("staff.csv", header, {{"name", "Ana"}}).empty());
    CHECK(record::columns_refusal("staff.csv", header, {{"nickname", "An"}}) ==
          "staff.csv has no column nickname; add it to the header row to record it. Nothing was written.");
}
