#include <doctest/doctest.h>

#include <cmath>

#include <pthv/stats/proportions.hpp>

using pthv::stats::newcombe_difference;
using pthv::stats::wilson_interval;

namespace {
// Rounded to four decimals, as the paper prints them.
double r4(double x)
{
    return std::round(x * 10000) / 10000;
}
} // namespace

// Newcombe (1998), Table II, method 10 (hybrid score, no continuity
// correction): the eight worked examples (a) to (h).
TEST_CASE("newcombe_difference gives method 10 of Newcombe's Table II")
{
    struct Case {
        int x1, n1, x2, n2;
        double low, high;
    };
    const Case cases[] = {
        {56, 70, 48, 80, 0.0524, 0.3339}, {9, 10, 3, 10, 0.1705, 0.8090}, {6, 7, 2, 7, 0.0582, 0.8062},
        {5, 56, 0, 29, -0.0381, 0.1926},  {0, 10, 0, 20, -0.1611, 0.2775}, {0, 10, 0, 10, -0.2775, 0.2775},
        {10, 10, 0, 20, 0.6791, 1.0000},  {10, 10, 0, 10, 0.6075, 1.0000},
    };
    for (const auto& c : cases) {
        CAPTURE(c.x1);
        CAPTURE(c.n1);
        CAPTURE(c.x2);
        CAPTURE(c.n2);
        const auto ci = newcombe_difference(c.x1, c.n1, c.x2, c.n2);
        REQUIRE(ci);
        CHECK(r4(ci->low) == doctest::Approx(c.low));
        CHECK(r4(ci->high) == doctest::Approx(c.high));
    }
}

TEST_CASE("wilson_interval: Newcombe's (1998) one-proportion examples, exact ends at 0 and n")
{
    // 81/263 (Newcombe 1998, "Two-sided confidence intervals for the single
    // proportion", Table I): 0.2553 to 0.3662.
    const auto w = wilson_interval(81, 263);
    REQUIRE(w);
    CHECK(r4(w->low) == doctest::Approx(0.2553));
    CHECK(r4(w->high) == doctest::Approx(0.3662));
    CHECK(wilson_interval(0, 10)->low == 0.0);
    CHECK(wilson_interval(10, 10)->high == 1.0);
}

TEST_CASE("no interval without students in a group, or with more events than trials")
{
    CHECK_FALSE(newcombe_difference(0, 0, 3, 10));
    CHECK_FALSE(newcombe_difference(3, 10, 0, 0));
    CHECK_FALSE(wilson_interval(11, 10));
    CHECK_FALSE(wilson_interval(-1, 10));
}
