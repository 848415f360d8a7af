#include <doctest/doctest.h>

#include <cstdint>

#include <pthv/model/money.hpp>

using pthv::model::Money;

namespace {
std::int64_t cents(const char* text)
{
    const auto m = Money::parse(text);
    REQUIRE_MESSAGE(m, text);
    return m->cents();
}
} // namespace

TEST_CASE("model::Money")
{
    SUBCASE("parses whole amounts and up to two fractional digits exactly")
    {
        CHECK(cents("50") == 5000);
        CHECK(cents("27.5") == 2750);
        CHECK(cents("27.50") == 2750);
        CHECK(cents("0.05") == 5);
        CHECK(cents("-3.10") == -310);
        CHECK(cents("45000.00") == 4500000);
    }
    SUBCASE("rejects exponents, a third fractional digit and empty or partial numbers")
    {
        for (const char* bad : {"1e3", "27.505", "", ".5", "5.", "-", "1,000", "$50", " 50", "50 ", "2 7",
                                "0x10", "NaN", "27.5.0"})
            CHECK_MESSAGE(!Money::parse(bad), bad);
    }
    SUBCASE("prints two decimals always")
    {
        CHECK(Money::from_cents(2750).str() == "27.50");
        CHECK(Money::from_cents(5).str() == "0.05");
        CHECK(Money::from_cents(-5).str() == "-0.05");
        CHECK(Money::from_cents(0).str() == "0.00");
    }
    SUBCASE("grouped adds thousands separators for people, str never does")
    {
        CHECK(Money::from_cents(123456789).grouped() == "1,234,567.89");
        CHECK(Money::from_cents(123456789).str() == "1234567.89");
        CHECK(Money::from_cents(-100000).grouped() == "-1,000.00");
        CHECK(Money::from_cents(99999).grouped() == "999.99");
        CHECK(Money::from_cents(-5).grouped() == "-0.05");
    }
    SUBCASE("scaled rounds half up to the cent in integer arithmetic")
    {
        // 27.35/h x 75 min = 34.1875 -> 34.19
        CHECK(Money::from_cents(2735).scaled(75, 60).cents() == 3419);
        // 28.00/h x 60 min
        CHECK(Money::from_cents(2800).scaled(60, 60).cents() == 2800);
        // 0.01 x 1/2 = 0.005 -> 0.01 (half up), and -0.005 -> -0.01 (away from zero)
        CHECK(Money::from_cents(1).scaled(1, 2).cents() == 1);
        CHECK(Money::from_cents(-1).scaled(1, 2).cents() == -1);
        // 40.00/h x 2.5 h (250 hundredths)
        CHECK(Money::from_cents(4000).scaled(250, 100).cents() == 10000);
        // 0.01 x 1/3 = 0.0033 -> 0.00
        CHECK(Money::from_cents(1).scaled(1, 3).cents() == 0);
    }
    SUBCASE("large amounts times minutes do not overflow")
    {
        const Money big = Money::from_cents(std::int64_t{9'000'000'000'000'000});
        CHECK(big.scaled(600, 600).cents() == 9'000'000'000'000'000);
    }
    SUBCASE("sums and comparisons are exact")
    {
        Money m = Money::from_cents(10);
        m += Money::from_cents(20);
        CHECK(m == Money::from_cents(30));
        CHECK(Money::from_cents(1) < Money::from_cents(2));
        CHECK((Money::from_cents(5) - Money::from_cents(7)).cents() == -2);
    }
}

TEST_CASE("model::Money is checked, never wrapped")
{
    const Money top = Money::from_cents(INT64_MAX);
    const Money bottom = Money::from_cents(INT64_MIN);
    SUBCASE("a sum or difference past 64 bits throws MoneyOverflow")
    {
        CHECK_THROWS_AS(top + Money::from_cents(1), pthv::model::MoneyOverflow);
        CHECK_THROWS_AS(bottom - Money::from_cents(1), pthv::model::MoneyOverflow);
        CHECK_THROWS_AS(Money{} - bottom, pthv::model::MoneyOverflow);
        Money m = top;
        CHECK_THROWS_AS(m += Money::from_cents(1), pthv::model::MoneyOverflow);
        CHECK(m == top); // unchanged
        Money n = bottom;
        CHECK_THROWS_AS(n -= Money::from_cents(1), pthv::model::MoneyOverflow);
    }
    SUBCASE("... while the sums just inside the limit are exact")
    {
        CHECK((top - Money::from_cents(1) + Money::from_cents(1)) == top);
        CHECK((bottom + Money::from_cents(1) - Money::from_cents(1)) == bottom);
    }
    SUBCASE("a scaled product past 64 bits throws; at the edge it is exact")
    {
        // 9,223,372,036,854,775.80 an hour: 10 hours still fit, 24 hours of training do not.
        const Money huge = *Money::parse("9223372036854775.80");
        CHECK(huge.scaled(600, 60).cents() == 9'223'372'036'854'775'800);
        CHECK_THROWS_AS(huge.scaled(2400, 100), pthv::model::MoneyOverflow);
        CHECK_THROWS_AS(top.scaled(2, 1), pthv::model::MoneyOverflow);
        CHECK(top.scaled(1, 2).cents() == INT64_MAX / 2 + 1); // half up
    }
    SUBCASE("within_limit: 9,999,999.99 either way")
    {
        CHECK(Money::max_amount().grouped() == "9,999,999.99");
        CHECK(Money::from_cents(999'999'999).within_limit());
        CHECK(Money::from_cents(-999'999'999).within_limit());
        CHECK_FALSE(Money::from_cents(1'000'000'000).within_limit());
        CHECK_FALSE(Money::from_cents(-1'000'000'000).within_limit());
    }
}

TEST_CASE("model::parse_hundredths")
{
    CHECK(pthv::model::parse_hundredths("3") == 300);
    CHECK(pthv::model::parse_hundredths("2.5") == 250);
    CHECK(pthv::model::parse_hundredths("0.75") == 75);
    CHECK_FALSE(pthv::model::parse_hundredths("1.125"));
    CHECK_FALSE(pthv::model::parse_hundredths("three"));
    CHECK_FALSE(pthv::model::parse_hundredths("99999999999999999999"));
}
