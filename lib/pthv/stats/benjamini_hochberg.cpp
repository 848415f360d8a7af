#include "pthv/stats/benjamini_hochberg.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <numeric>
#include <stdexcept>
#include <string>

namespace pthv::stats {

std::vector<double> benjamini_hochberg(const std::vector<double>& p)
{
    for (std::size_t i = 0; i < p.size(); ++i) {
        if (std::isnan(p[i]) || p[i] < 0.0 || p[i] > 1.0) {
            throw std::invalid_argument("benjamini_hochberg: p-value at index " +
                                        std::to_string(i) + " is not in [0, 1] (got " +
                                        std::to_string(p[i]) + ")");
        }
    }
    // Indices ordered by decreasing p-value: position r holds rank m - r.
    std::vector<std::size_t> order(p.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&p](std::size_t a, std::size_t b) { return p[a] > p[b]; });

    const double m = static_cast<double>(p.size());
    std::vector<double> q(p.size());
    double running_min = 1.0;
    for (std::size_t r = 0; r < order.size(); ++r) {
        const double rank = static_cast<double>(order.size() - r);
        running_min = std::min(running_min, m / rank * p[order[r]]);
        q[order[r]] = running_min;
    }
    return q;
}

} // namespace pthv::stats
