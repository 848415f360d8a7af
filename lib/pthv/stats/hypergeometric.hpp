#pragma once

#include <cstdint>

// Hypergeometric distribution: X is the number of successes in n draws
// without replacement from a population of N items of which K are successes.
// The support of X is [max(0, n - (N - K)), min(n, K)].
//
// Probabilities are computed exactly up to floating-point rounding (close to
// double precision) and stay accurate for N in the millions: terms are formed
// in log space and summed with a log-sum-exp, so nothing overflows or
// underflows prematurely. Results lie in [0, 1].
//
// Every function throws std::invalid_argument if N, K or n is negative,
// K > N or n > N. Any value of x is accepted, including values outside the
// support.
namespace pthv::stats {

// P(X = x); 0.0 when x is outside the support.
double hypergeometric_pmf(std::int64_t N, std::int64_t K, std::int64_t n, std::int64_t x);

// P(X >= x); 1.0 when x <= max(0, n - (N - K)), 0.0 when x > min(n, K).
double hypergeometric_upper_tail(std::int64_t N, std::int64_t K, std::int64_t n, std::int64_t x);

// P(X <= x); 1.0 when x >= min(n, K), 0.0 when x < max(0, n - (N - K)).
double hypergeometric_lower_tail(std::int64_t N, std::int64_t K, std::int64_t n, std::int64_t x);

} // namespace pthv::stats
