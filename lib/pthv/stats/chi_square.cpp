#include <pthv/stats/chi_square.hpp>

#include <cmath>
#include <limits>
#include <stdexcept>

namespace pthv::stats {

namespace {

constexpr double k_eps = 1e-15;
constexpr double k_tiny = 1e-300;
constexpr int k_max_iterations = 10000;

// exp(-x + a log x - log Gamma(a)): the common factor, in log space so a
// large a or x cannot overflow.
double prefactor(double a, double x)
{
    return std::exp(-x + a * std::log(x) - std::lgamma(a));
}

// P(a, x) by its power series; converges fast for x < a + 1.
double lower_series(double a, double x)
{
    double term = 1.0 / a;
    double sum = term;
    double ap = a;
    for (int n = 0; n < k_max_iterations; ++n) {
        ap += 1.0;
        term *= x / ap;
        sum += term;
        if (std::fabs(term) < std::fabs(sum) * k_eps)
            break;
    }
    return sum * prefactor(a, x);
}

// Q(a, x) by its continued fraction (modified Lentz); for x >= a + 1.
double upper_fraction(double a, double x)
{
    double b = x + 1.0 - a;
    double c = 1.0 / k_tiny;
    double d = 1.0 / b;
    double h = d;
    for (int i = 1; i < k_max_iterations; ++i) {
        const double an = -i * (i - a);
        b += 2.0;
        d = an * d + b;
        if (std::fabs(d) < k_tiny)
            d = k_tiny;
        c = b + an / c;
        if (std::fabs(c) < k_tiny)
            c = k_tiny;
        d = 1.0 / d;
        const double step = d * c;
        h *= step;
        if (std::fabs(step - 1.0) < k_eps)
            break;
    }
    return prefactor(a, x) * h;
}

} // namespace

double chi_square_upper_tail(double x, double df)
{
    if (!(df > 0.0) || std::isnan(x))
        throw std::invalid_argument("chi_square_upper_tail: df must be positive and x a number");
    if (x <= 0.0)
        return 1.0;
    if (std::isinf(x))
        return 0.0;
    const double a = df / 2.0;
    const double half = x / 2.0;
    const double q = half < a + 1.0 ? 1.0 - lower_series(a, half) : upper_fraction(a, half);
    return q < 0.0 ? 0.0 : (q > 1.0 ? 1.0 : q);
}

} // namespace pthv::stats
