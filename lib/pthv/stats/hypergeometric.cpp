#include "pthv/stats/hypergeometric.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

// Method: weights w(k) = P(X = k) / P(X = m) relative to the mode m are built
// in log space from the exact ratio
//   P(X = k + 1) / P(X = k) = (K - k)(n - k) / ((k + 1)(N - K - n + k + 1)),
// which keeps log w small and precise near the mode. A probability is the
// log-sum-exp of the wanted weights minus that of the whole support. The
// pmf is log-concave, so once the ratio away from the mode drops below 1 the
// remaining terms are bounded by a geometric series; summation stops when
// that bound is negligible. Log-binomials from std::lgamma give an O(1)
// estimate of log w(x) used to skip ranges whose mass underflows anyway.
namespace pthv::stats {
namespace {

constexpr double kNegInf = -std::numeric_limits<double>::infinity();
// exp(-1000) is far below the smallest subnormal double.
constexpr double kNegligibleLog = -1000.0;
constexpr double kRelativeTolerance = 1e-20;

class Hypergeometric
{
  public:
    Hypergeometric(std::int64_t N, std::int64_t K, std::int64_t n) : N_(N), K_(K), n_(n)
    {
        if (N < 0 || K < 0 || n < 0) {
            throw std::invalid_argument(
                "hypergeometric: N, K and n must be non-negative (got N=" + std::to_string(N) +
                ", K=" + std::to_string(K) + ", n=" + std::to_string(n) + ")");
        }
        if (K > N || n > N) {
            throw std::invalid_argument(
                "hypergeometric: K and n must not exceed N (got N=" + std::to_string(N) +
                ", K=" + std::to_string(K) + ", n=" + std::to_string(n) + ")");
        }
        lo_ = std::max<std::int64_t>(0, n - (N - K));
        hi_ = std::min(n, K);
        const double mode =
            std::floor((static_cast<double>(n) + 1.0) * (static_cast<double>(K) + 1.0) /
                       (static_cast<double>(N) + 2.0));
        mode_ = std::clamp(static_cast<std::int64_t>(mode), lo_, hi_);
        log_mode_ = log_binomials(mode_);
    }

    std::int64_t lo() const { return lo_; }
    std::int64_t hi() const { return hi_; }

    // log of sum_{k=a}^{b} w(k) for lo <= a <= b <= hi.
    double log_sum(std::int64_t a, std::int64_t b) const
    {
        if (b < mode_) {
            const double lw = walk(b);
            return lw == kNegInf ? kNegInf : sum_down(b, a, lw);
        }
        if (a > mode_) {
            const double lw = walk(a);
            return lw == kNegInf ? kNegInf : sum_up(a, b, lw);
        }
        const double up = sum_up(mode_, b, 0.0);
        if (a == mode_) {
            return up;
        }
        const double down = sum_down(mode_ - 1, a, -log_ratio_up(mode_ - 1));
        return log_add(up, down);
    }

    // log w(x) for lo <= x <= hi.
    double log_weight(std::int64_t x) const { return walk(x); }

  private:
    static double log_add(double a, double b)
    {
        if (a < b) {
            std::swap(a, b);
        }
        return b == kNegInf ? a : a + std::log1p(std::exp(b - a));
    }

    static double log_choose(std::int64_t a, std::int64_t b)
    {
        const double da = static_cast<double>(a);
        const double db = static_cast<double>(b);
        return std::lgamma(da + 1.0) - std::lgamma(db + 1.0) - std::lgamma(da - db + 1.0);
    }

    double log_binomials(std::int64_t k) const
    {
        return log_choose(K_, k) + log_choose(N_ - K_, n_ - k);
    }

    // log(P(X = k + 1) / P(X = k)) for lo <= k < hi.
    double log_ratio_up(std::int64_t k) const
    {
        const double num = static_cast<double>(K_ - k) * static_cast<double>(n_ - k);
        const double den = static_cast<double>(k + 1) * static_cast<double>(N_ - K_ - n_ + k + 1);
        return std::log(num / den);
    }

    // Exact-ratio log w(x), or -inf when w(x) is negligible.
    double walk(std::int64_t x) const
    {
        if (log_binomials(x) - log_mode_ < kNegligibleLog) {
            return kNegInf;
        }
        double lw = 0.0;
        for (std::int64_t k = mode_; k < x; ++k) {
            lw += log_ratio_up(k);
        }
        for (std::int64_t k = mode_; k > x; --k) {
            lw -= log_ratio_up(k - 1);
        }
        return lw;
    }

    // Log-sum-exp of w(from..to) walking upward, given lw = log w(from).
    double sum_up(std::int64_t from, std::int64_t to, double lw) const
    {
        const double top = lw;
        double sum = 0.0;
        for (std::int64_t k = from;; ++k) {
            const double term = std::exp(lw - top);
            sum += term;
            if (k == to) {
                break;
            }
            const double step = log_ratio_up(k);
            if (stop(term, step, sum)) {
                break;
            }
            lw += step;
        }
        return top + std::log(sum);
    }

    // Log-sum-exp of w(to..from) walking downward, given lw = log w(from).
    double sum_down(std::int64_t from, std::int64_t to, double lw) const
    {
        const double top = lw;
        double sum = 0.0;
        for (std::int64_t k = from;; --k) {
            const double term = std::exp(lw - top);
            sum += term;
            if (k == to) {
                break;
            }
            const double step = -log_ratio_up(k - 1);
            if (stop(term, step, sum)) {
                break;
            }
            lw += step;
        }
        return top + std::log(sum);
    }

    // Summation starts at the largest term of its range (the mode or the
    // range end nearest to it), so terms never exceed 1 relative to `top`.
    // With ratio r < 1 and log-concavity, the rest is at most term*r/(1-r).
    static bool stop(double term, double log_ratio, double sum)
    {
        if (log_ratio >= 0.0) {
            return false;
        }
        const double r = std::exp(log_ratio);
        return term * r <= kRelativeTolerance * sum * (1.0 - r);
    }

    std::int64_t N_;
    std::int64_t K_;
    std::int64_t n_;
    std::int64_t lo_ = 0;
    std::int64_t hi_ = 0;
    std::int64_t mode_ = 0;
    double log_mode_ = 0.0;
};

double probability(const Hypergeometric& h, double log_mass)
{
    if (log_mass == kNegInf) {
        return 0.0;
    }
    const double p = std::exp(log_mass - h.log_sum(h.lo(), h.hi()));
    return std::clamp(p, 0.0, 1.0);
}

} // namespace

double hypergeometric_pmf(std::int64_t N, std::int64_t K, std::int64_t n, std::int64_t x)
{
    const Hypergeometric h(N, K, n);
    if (x < h.lo() || x > h.hi()) {
        return 0.0;
    }
    return probability(h, h.log_weight(x));
}

double hypergeometric_upper_tail(std::int64_t N, std::int64_t K, std::int64_t n, std::int64_t x)
{
    const Hypergeometric h(N, K, n);
    if (x <= h.lo()) {
        return 1.0;
    }
    if (x > h.hi()) {
        return 0.0;
    }
    return probability(h, h.log_sum(x, h.hi()));
}

double hypergeometric_lower_tail(std::int64_t N, std::int64_t K, std::int64_t n, std::int64_t x)
{
    const Hypergeometric h(N, K, n);
    if (x >= h.hi()) {
        return 1.0;
    }
    if (x < h.lo()) {
        return 0.0;
    }
    return probability(h, h.log_sum(h.lo(), x));
}

} // namespace pthv::stats
