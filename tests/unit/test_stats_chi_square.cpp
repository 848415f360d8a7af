#include <doctest/doctest.h>

#include <cmath>
#include <stdexcept>

#include <pthv/stats/chi_square.hpp>

using pthv::stats::chi_square_upper_tail;

namespace {

// Closed forms: for even df = 2m, P(X >= x) = exp(-x/2) sum_{k<m} (x/2)^k / k!;
// for df = 1, erfc(sqrt(x/2)); for df = 3, that plus sqrt(2x/pi) exp(-x/2).
double even_df(double x, int m)
{
    double term = 1.0;
    double sum = 1.0;
    for (int k = 1; k < m; ++k) {
        term *= (x / 2.0) / k;
        sum += term;
    }
    return std::exp(-x / 2.0) * sum;
}

} // namespace

TEST_CASE("stats::chi_square_upper_tail")
{
    SUBCASE("matches the closed form for even degrees of freedom")
    {
        for (const int m : {1, 2, 5, 10, 40})
            for (const double x : {0.1, 1.0, 3.0, 10.0, 20.0, 55.0, 120.0}) {
                CAPTURE(m);
                CAPTURE(x);
                CHECK(chi_square_upper_tail(x, 2 * m) ==
                      doctest::Approx(even_df(x, m)).epsilon(1e-10));
            }
    }
    SUBCASE("matches the closed form for one and three degrees of freedom")
    {
        for (const double x : {0.01, 0.5, 2.0, 3.841458820694124, 7.2, 30.0}) {
            CAPTURE(x);
            const double one = std::erfc(std::sqrt(x / 2.0));
            CHECK(chi_square_upper_tail(x, 1) == doctest::Approx(one).epsilon(1e-10));
            const double three = one + std::sqrt(2.0 * x / std::acos(-1.0)) * std::exp(-x / 2.0);
            CHECK(chi_square_upper_tail(x, 3) == doctest::Approx(three).epsilon(1e-10));
        }
    }
    SUBCASE("the textbook critical values give 0.05")
    {
        CHECK(chi_square_upper_tail(3.841458820694124, 1) == doctest::Approx(0.05).epsilon(1e-9));
        CHECK(chi_square_upper_tail(18.307038053275146, 10) == doctest::Approx(0.05).epsilon(1e-9));
    }
    SUBCASE("ends of the range")
    {
        CHECK(chi_square_upper_tail(0.0, 4) == 1.0);
        CHECK(chi_square_upper_tail(-3.0, 4) == 1.0);
        CHECK(chi_square_upper_tail(INFINITY, 4) == 0.0);
        const double far = chi_square_upper_tail(5000.0, 10);
        CHECK(far >= 0.0);
        CHECK(far < 1e-300);
        const double big_df = chi_square_upper_tail(10000.0, 10000.0);
        CHECK(big_df > 0.4);
        CHECK(big_df < 0.6);
    }
    SUBCASE("a bad df or NaN is refused")
    {
        CHECK_THROWS_AS(chi_square_upper_tail(1.0, 0.0), std::invalid_argument);
        CHECK_THROWS_AS(chi_square_upper_tail(NAN, 2.0), std::invalid_argument);
    }
}
