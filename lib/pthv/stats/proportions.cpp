#include <pthv/stats/proportions.hpp>

#include <cmath>

namespace pthv::stats {

std::optional<Interval> wilson_interval(std::int64_t x, std::int64_t n, double z)
{
    if (n <= 0 || x < 0 || x > n)
        return std::nullopt;
    const double nn = static_cast<double>(n);
    const double p = static_cast<double>(x) / nn;
    const double z2 = z * z;
    const double centre = p + z2 / (2 * nn);
    const double half = z * std::sqrt(p * (1 - p) / nn + z2 / (4 * nn * nn));
    const double scale = 1 + z2 / nn;
    // At 0 or n events one end is exactly 0 or 1; say so without rounding.
    const double low = x == 0 ? 0.0 : (centre - half) / scale;
    const double high = x == n ? 1.0 : (centre + half) / scale;
    return Interval{low, high};
}

std::optional<Interval> newcombe_difference(std::int64_t x1, std::int64_t n1, std::int64_t x2, std::int64_t n2,
                                            double z)
{
    const auto w1 = wilson_interval(x1, n1, z);
    const auto w2 = wilson_interval(x2, n2, z);
    if (!w1 || !w2)
        return std::nullopt;
    const double p1 = static_cast<double>(x1) / static_cast<double>(n1);
    const double p2 = static_cast<double>(x2) / static_cast<double>(n2);
    const double d = p1 - p2;
    const double low = d - std::hypot(p1 - w1->low, w2->high - p2);
    const double high = d + std::hypot(w1->high - p1, p2 - w2->low);
    return Interval{low, high};
}

} // namespace pthv::stats
