#pragma once

#include <vector>

namespace pthv::stats {

// Benjamini-Hochberg adjusted p-values (q-values) for the p-values `p`,
// returned in the input order. With p sorted ascending as p_(1..m), the
// adjusted value of p_(i) is min_{j >= i} min(1, m * p_(j) / j), so the
// result is monotone in p and never exceeds 1; tied p-values get equal
// q-values. Matches R's p.adjust(p, "BH"). Empty input gives empty output.
//
// Throws std::invalid_argument if any p-value is NaN or outside [0, 1].
std::vector<double> benjamini_hochberg(const std::vector<double>& p);

} // namespace pthv::stats
