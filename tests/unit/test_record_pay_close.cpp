#include <doctest/doctest.h>

#include <pthv/record/pay_close.hpp>

using namespace pthv;

namespace {

std::string period_refusal(const record::PeriodOptions& o)
{
    const auto c = record::choose_period(o);
    return c.refused ? c.refused->message : "";
}

} // namespace

TEST_CASE("record::choose_period")
{
    SUBCASE("a month is its calendar month")
    {
        const auto c = record::choose_period({"2026-10", "", "", true});
        REQUIRE_FALSE(c.refused);
        CHECK(c.period.label == "2026-10");
        CHECK(c.period.from.str() == "2026-10-01");
        CHECK(c.period.to.str() == "2026-10-31");
        CHECK(c.period.month);
    }
    SUBCASE("a range runs from --from to --to, both days included")
    {
        const auto c = record::choose_period({"", "2026-06-15", "2026-08-31", false});
        REQUIRE_FALSE(c.refused);
        CHECK(c.period.label == "2026-06-15..2026-08-31");
        CHECK_FALSE(c.period.month);
    }
    SUBCASE("options that name no period are refused, naming the options")
    {
        CHECK(period_refusal({"2026-10", "2026-10-01", "", false}) ==
              "give --month YYYY-MM, or --from D --to D, not both");
        CHECK(period_refusal({"2026-13", "", "", false}) == "--month 2026-13: not a month (YYYY-MM)");
        CHECK(period_refusal({"", "2026-06-15", "2026-08-31", true}) ==
              "--close needs --month YYYY-MM: a closed pay period is one month (payroll/YYYY-MM.csv)");
        CHECK(period_refusal({"", "2026-06-15", "", false}) == "give the period: --month YYYY-MM, or --from D --to D");
        CHECK(period_refusal({"", "2026-6-15", "2026-08-31", false}) == "--from 2026-6-15: not a date (YYYY-MM-DD)");
        CHECK(period_refusal({"", "2026-06-15", "June 30", false}) == "--to June 30: not a date (YYYY-MM-DD)");
        CHECK(period_refusal({"", "2026-08-31", "2026-06-15", false}) == "--to 2026-06-15 is before --from 2026-08-31");
    }
}

TEST_CASE("record::close_refusal")
{
    const model::Problems integrity{{"ref-unknown", model::Severity::Error, "visits.csv", 3, "V1", "x", {}}};
    CHECK(record::close_refusal("2026-10", 1, integrity) ==
          "cannot close 2026-10: validate finds 1 error (listed above); fix them (data-integrity errors cannot be "
          "reviewed, only fixed), then close again");
}
