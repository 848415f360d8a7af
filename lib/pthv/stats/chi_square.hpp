#pragma once
// The chi-square distribution's upper tail, for the spread of visits over
// grades and homerooms (docs/rules.md, the targeting check: "how evenly the
// visited students spread").

namespace pthv::stats {

// P(X >= x) for X ~ chi-square with `df` degrees of freedom: the
// regularised upper incomplete gamma function Q(df / 2, x / 2), by its
// series below x = df / 2 + 1 and by a continued fraction above (close to
// double precision; no overflow for any x or df). 1.0 for x <= 0. Throws
// std::invalid_argument if df <= 0 or x is NaN.
double chi_square_upper_tail(double x, double df);

} // namespace pthv::stats
