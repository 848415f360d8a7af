#include <doctest/doctest.h>

#include "fixture.hpp"

#include <pthv/record/staff.hpp>

using namespace pthv;

namespace {

record::Current staff_current(const io::Sources& sources)
{
    record::Current c;
    c.sources = sources;
    c.loaded = io::load_sources(c.sources, test::as_of());
    return c;
}

} // namespace

TEST_CASE("record::hourly_rate_refusal")
{
    CHECK(record::hourly_rate_refusal("").empty());
    CHECK(record::hourly_rate_refusal("27.35").empty());
    CHECK(record::hourly_rate_refusal("12x") == "not an amount of money (like 27.35)");
    CHECK(record::hourly_rate_refusal("-5") == "not an amount of money (like 27.35)");
    CHECK(test::contains(record::hourly_rate_refusal("999999999999"), ", the largest amount pthv accepts"));
}

TEST_CASE("record::change_staff")
{
    const auto c = staff_current(test::tiny_repo());
    SUBCASE("only the named fields of the member's row change")
    {
        const auto ch = record::change_staff(c, "T02", {{"opted_in", "no"}});
        REQUIRE(ch.refused.empty());
        CHECK(ch.line == 3);
        CHECK(ch.row.text == "T02,Ben Cho,S01,teacher,certificated,no,,yes");
        CHECK(ch.row.edit.file == "staff.csv");
    }
    SUBCASE("an unknown id is refused with a did you mean")
    {
        const auto ch = record::change_staff(c, "T002", {{"opted_in", "no"}});
        CHECK(test::contains(ch.refused, "roster set T002: no staff member has this id"));
        CHECK(test::contains(ch.refused, "T02"));
        CHECK(test::contains(ch.refused, "Nothing was written."));
    }
    SUBCASE("a field staff.csv has no column for is refused")
    {
        const auto ch = record::change_staff(c, "T02", {{"email", "b@x"}});
        CHECK(test::contains(ch.refused, "staff.csv has no column email"));
    }
}
