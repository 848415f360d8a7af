#include <doctest/doctest.h>

#include <cstddef>
#include <limits>
#include <stdexcept>
#include <vector>

#include "pthv/stats/benjamini_hochberg.hpp"

using pthv::stats::benjamini_hochberg;

// Expected values follow the definition: sort p ascending as p_(1..m),
// form raw_(i) = m * p_(i) / i, then q_(i) = min(1, min_{j >= i} raw_(j))
// (a running minimum taken from the largest p downwards), and put q back
// in the input order.

namespace {

void check_all_close(const std::vector<double>& actual, const std::vector<double>& expected)
{
    REQUIRE(actual.size() == expected.size());
    for (std::size_t i = 0; i < actual.size(); ++i) {
        CAPTURE(i);
        CHECK(actual[i] == doctest::Approx(expected[i]).epsilon(1e-9));
    }
}

} // namespace

TEST_CASE("stats::benjamini_hochberg")
{
    SUBCASE("empty input gives empty output")
    {
        CHECK(benjamini_hochberg({}).empty());
    }

    SUBCASE("single p-value is unchanged")
    {
        check_all_close(benjamini_hochberg({0.3}), {0.3});
    }

    SUBCASE("running minimum enforces monotonicity, input order kept")
    {
        // m = 6, sorted p: 0.001 0.012 0.014 0.04 0.045 0.9
        // raw = 6p/i:      0.006 0.036 0.028 0.06 0.054 0.9
        // running min from the top:
        //                  0.006 0.028 0.028 0.054 0.054 0.9
        // (0.036 -> 0.028 and 0.06 -> 0.054 are the enforced steps)
        check_all_close(benjamini_hochberg({0.04, 0.9, 0.001, 0.045, 0.014, 0.012}),
                        {0.054, 0.9, 0.006, 0.054, 0.028, 0.028});
    }

    SUBCASE("tied p-values get equal q-values")
    {
        // m = 4, sorted p: 0.01 0.03 0.03 0.2
        // raw = 4p/i:      0.04 0.06 0.04 0.2
        // running min:     0.04 0.04 0.04 0.2
        check_all_close(benjamini_hochberg({0.03, 0.01, 0.03, 0.2}), {0.04, 0.04, 0.04, 0.2});
    }

    SUBCASE("already sorted input without enforcement")
    {
        // m = 4, sorted p: 0.005 0.01 0.03 0.04
        // raw = 4p/i:      0.02  0.02 0.04 0.04 (already non-decreasing)
        check_all_close(benjamini_hochberg({0.01, 0.04, 0.03, 0.005}), {0.02, 0.04, 0.04, 0.02});
    }

    SUBCASE("values never exceed 1")
    {
        // m = 2, sorted p: 0.6 0.7; raw: 1.2 0.7; running min: 0.7 0.7
        check_all_close(benjamini_hochberg({0.7, 0.6}), {0.7, 0.7});
        // m = 3, all p = 1: raw 3, 1.5, 1; running min and cap give 1.
        check_all_close(benjamini_hochberg({1.0, 1.0, 1.0}), {1.0, 1.0, 1.0});
    }

    SUBCASE("zero p-values stay zero")
    {
        // m = 2, sorted p: 0 0.5; raw: 0 0.5
        check_all_close(benjamini_hochberg({0.5, 0.0}), {0.5, 0.0});
    }

    SUBCASE("q-values are ordered like the p-values")
    {
        const std::vector<double> p = {0.2, 0.001, 0.05, 0.049, 0.3, 0.01, 0.04, 0.8, 0.02, 0.03};
        const std::vector<double> q = benjamini_hochberg(p);
        REQUIRE(q.size() == p.size());
        for (std::size_t i = 0; i < p.size(); ++i) {
            CHECK(q[i] >= p[i]);
            CHECK(q[i] <= 1.0);
            for (std::size_t j = 0; j < p.size(); ++j) {
                if (p[i] < p[j]) {
                    CHECK(q[i] <= q[j]);
                }
            }
        }
    }

    SUBCASE("invalid p-values throw")
    {
        CHECK_THROWS_AS(benjamini_hochberg({0.1, -0.01}), std::invalid_argument);
        CHECK_THROWS_AS(benjamini_hochberg({1.5}), std::invalid_argument);
        CHECK_THROWS_AS(benjamini_hochberg({0.2, std::numeric_limits<double>::quiet_NaN()}),
                        std::invalid_argument);
    }
}
