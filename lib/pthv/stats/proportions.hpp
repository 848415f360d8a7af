#pragma once
// Intervals for proportions, for the attendance comparison of the report
// (docs/reports.md, attendance): Wilson's score interval for one
// proportion, and Newcombe's hybrid score interval for the difference of
// two independent ones (method 10 of R. G. Newcombe, "Interval estimation
// for the difference between independent proportions: comparison of eleven
// methods", Statistics in Medicine 17 (1998) 873-890). Neither needs a
// continuity correction, and both stay inside [0, 1] (resp. [-1, 1]) even
// for 0 or n events, where the textbook Wald interval fails.

#include <cstdint>
#include <optional>

namespace pthv::stats {

struct Interval {
    double low = 0;
    double high = 0;
};

// The two-sided 95% normal quantile (1.959964...).
constexpr double k_z95 = 1.959963984540054;

// Wilson's score interval for x events in n trials; nullopt when n <= 0
// or x is outside 0..n.
std::optional<Interval> wilson_interval(std::int64_t x, std::int64_t n, double z = k_z95);

// Newcombe's hybrid score interval for p1 - p2 = x1/n1 - x2/n2:
//   L = d - sqrt((p1 - l1)^2 + (u2 - p2)^2),  U = d + sqrt((u1 - p1)^2 + (p2 - l2)^2)
// with (li, ui) the Wilson interval of each; nullopt when either is.
std::optional<Interval> newcombe_difference(std::int64_t x1, std::int64_t n1, std::int64_t x2, std::int64_t n2,
                                            double z = k_z95);

} // namespace pthv::stats
