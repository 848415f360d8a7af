#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <stdexcept>

#include "pthv/stats/hypergeometric.hpp"

using pthv::stats::hypergeometric_lower_tail;
using pthv::stats::hypergeometric_pmf;
using pthv::stats::hypergeometric_upper_tail;

// Reference values are exact rationals evaluated in python3 with
//   from fractions import Fraction as F; from math import comb
//   pmf = lambda N, K, n, k: F(comb(K, k) * comb(N - K, n - k), comb(N, n))
//   upper = lambda N, K, n, x: sum(pmf(N, K, n, k)
//                                  for k in range(x, min(n, K) + 1))
//   lower = lambda N, K, n, x: sum(pmf(N, K, n, k)
//                                  for k in range(max(0, n - (N - K)), x + 1))
// and converted with float(), which rounds the exact rational correctly.

TEST_CASE("stats::hypergeometric_upper_tail")
{
    SUBCASE("lady tasting tea: all four cups right is 1/70")
    {
        // upper(8, 4, 4, 4) == F(1, 70)
        CHECK(hypergeometric_upper_tail(8, 4, 4, 4) == doctest::Approx(1.0 / 70.0).epsilon(1e-12));
        // upper(8, 4, 4, 3) == F(17, 70)
        CHECK(hypergeometric_upper_tail(8, 4, 4, 3) == doctest::Approx(17.0 / 70.0).epsilon(1e-12));
    }

    SUBCASE("small population tail sums over the support")
    {
        // upper(25, 5, 6, 5) == F(1, 8855)
        CHECK(hypergeometric_upper_tail(25, 5, 6, 5) ==
              doctest::Approx(1.0 / 8855.0).epsilon(1e-12));
        // upper(25, 5, 6, 2) == F(3041, 8855)
        CHECK(hypergeometric_upper_tail(25, 5, 6, 2) ==
              doctest::Approx(3041.0 / 8855.0).epsilon(1e-12));
    }

    SUBCASE("large population stays exact")
    {
        // float(upper(1000000, 200000, 5000, 1100))
        CHECK(hypergeometric_upper_tail(1000000, 200000, 5000, 1100) ==
              doctest::Approx(0.00024293400672896243).epsilon(1e-9));
        // float(upper(1000000, 200000, 5000, 1250))
        CHECK(hypergeometric_upper_tail(1000000, 200000, 5000, 1250) ==
              doctest::Approx(3.9456291982876116e-18).epsilon(1e-9));
        // float(upper(1000000, 200000, 5000, 1600))
        CHECK(hypergeometric_upper_tail(1000000, 200000, 5000, 1600) ==
              doctest::Approx(2.0082782779619714e-89).epsilon(1e-9));
    }

    SUBCASE("mass below the smallest double is reported as zero")
    {
        // upper(1000000, 200000, 5000, 5000) is about 1e-3495.
        const double p = hypergeometric_upper_tail(1000000, 200000, 5000, 5000);
        CHECK(p == 0.0);
    }

    SUBCASE("x at or below the support minimum gives 1")
    {
        CHECK(hypergeometric_upper_tail(8, 4, 4, 0) == 1.0);
        CHECK(hypergeometric_upper_tail(8, 4, 4, -3) == 1.0);
        // Support of (N=10, K=7, n=5) starts at n - (N - K) = 2.
        CHECK(hypergeometric_upper_tail(10, 7, 5, 2) == 1.0);
        // upper(10, 7, 5, 3) == F(11, 12)
        CHECK(hypergeometric_upper_tail(10, 7, 5, 3) ==
              doctest::Approx(11.0 / 12.0).epsilon(1e-12));
    }

    SUBCASE("x above the support maximum gives 0")
    {
        CHECK(hypergeometric_upper_tail(8, 4, 4, 5) == 0.0);
        CHECK(hypergeometric_upper_tail(25, 5, 6, 6) == 0.0);
        CHECK(hypergeometric_upper_tail(100, 0, 10, 1) == 0.0);
    }

    SUBCASE("degenerate populations")
    {
        CHECK(hypergeometric_upper_tail(0, 0, 0, 0) == 1.0);
        CHECK(hypergeometric_upper_tail(10, 10, 4, 4) == 1.0);
        CHECK(hypergeometric_upper_tail(10, 3, 10, 3) == 1.0);
    }

    SUBCASE("invalid arguments throw")
    {
        CHECK_THROWS_AS(hypergeometric_upper_tail(-1, 0, 0, 0), std::invalid_argument);
        CHECK_THROWS_AS(hypergeometric_upper_tail(10, -1, 3, 0), std::invalid_argument);
        CHECK_THROWS_AS(hypergeometric_upper_tail(10, 3, -1, 0), std::invalid_argument);
        CHECK_THROWS_AS(hypergeometric_upper_tail(10, 11, 3, 0), std::invalid_argument);
        CHECK_THROWS_AS(hypergeometric_upper_tail(10, 3, 11, 0), std::invalid_argument);
    }
}

TEST_CASE("stats::hypergeometric_lower_tail")
{
    SUBCASE("matches exact values")
    {
        // lower(8, 4, 4, 1) == F(17, 70)
        CHECK(hypergeometric_lower_tail(8, 4, 4, 1) == doctest::Approx(17.0 / 70.0).epsilon(1e-12));
        // lower(25, 5, 6, 1) == F(5814, 8855)
        CHECK(hypergeometric_lower_tail(25, 5, 6, 1) ==
              doctest::Approx(5814.0 / 8855.0).epsilon(1e-12));
        // float(lower(1000000, 200000, 5000, 900))
        CHECK(hypergeometric_lower_tail(1000000, 200000, 5000, 900) ==
              doctest::Approx(0.0001792328985830109).epsilon(1e-9));
    }

    SUBCASE("edges of the support")
    {
        CHECK(hypergeometric_lower_tail(8, 4, 4, 4) == 1.0);
        CHECK(hypergeometric_lower_tail(8, 4, 4, 9) == 1.0);
        CHECK(hypergeometric_lower_tail(8, 4, 4, -1) == 0.0);
        CHECK(hypergeometric_lower_tail(10, 7, 5, 1) == 0.0);
    }

    SUBCASE("complements the upper tail")
    {
        for (std::int64_t x = 990; x <= 1010; ++x) {
            const double sum = hypergeometric_lower_tail(1000000, 200000, 5000, x - 1) +
                               hypergeometric_upper_tail(1000000, 200000, 5000, x);
            CHECK(sum == doctest::Approx(1.0).epsilon(1e-12));
        }
    }

    SUBCASE("invalid arguments throw")
    {
        CHECK_THROWS_AS(hypergeometric_lower_tail(5, 6, 1, 0), std::invalid_argument);
    }
}

TEST_CASE("stats::hypergeometric_pmf")
{
    SUBCASE("matches exact values")
    {
        // pmf(8, 4, 4, 2) == F(18, 35)
        CHECK(hypergeometric_pmf(8, 4, 4, 2) == doctest::Approx(18.0 / 35.0).epsilon(1e-12));
        // pmf(25, 5, 6, 2) == F(969, 3542)
        CHECK(hypergeometric_pmf(25, 5, 6, 2) == doctest::Approx(969.0 / 3542.0).epsilon(1e-12));
        // pmf(10, 7, 5, 2) == F(1, 12)
        CHECK(hypergeometric_pmf(10, 7, 5, 2) == doctest::Approx(1.0 / 12.0).epsilon(1e-12));
        // float(pmf(1000000, 200000, 5000, 1000))
        CHECK(hypergeometric_pmf(1000000, 200000, 5000, 1000) ==
              doctest::Approx(0.014138896984326478).epsilon(1e-9));
    }

    SUBCASE("outside the support is zero")
    {
        CHECK(hypergeometric_pmf(8, 4, 4, 5) == 0.0);
        CHECK(hypergeometric_pmf(8, 4, 4, -1) == 0.0);
        CHECK(hypergeometric_pmf(10, 7, 5, 1) == 0.0);
    }

    SUBCASE("sums to one over the support")
    {
        double total = 0.0;
        for (std::int64_t x = 0; x <= 6; ++x) {
            total += hypergeometric_pmf(25, 5, 6, x);
        }
        CHECK(total == doctest::Approx(1.0).epsilon(1e-12));
    }

    SUBCASE("invalid arguments throw")
    {
        CHECK_THROWS_AS(hypergeometric_pmf(5, 1, 6, 0), std::invalid_argument);
    }
}
