#pragma once
// The range a linear sum of non-negative variables can take under row
// constraints, by linear programming (COIN-OR Clp, Debian
// coinor-libclp-dev): what an attacker who knows every constraint can
// prove about the sum. Used by the protection of published figures
// (stats/protection.hpp). Never throws for a feasible problem; an
// unbounded maximum is +infinity.

#include <limits>
#include <memory>
#include <vector>

namespace pthv::stats {

// lo <= sum of the variables `columns` (each with coefficient 1) <= hi;
// either bound may be infinite.
struct LpRow {
    std::vector<int> columns;
    double lo = 0;
    double hi = 0;
};

struct LpRange {
    double lo = 0;
    double hi = 0;
    // The rows whose bound the proof of lo (or hi) uses: a non-zero dual value.
    std::vector<int> rows_lo, rows_hi;
};

class LinearBounds {
public:
    // `columns` variables, each >= 0.
    LinearBounds(int columns, const std::vector<LpRow>& rows);
    ~LinearBounds();
    LinearBounds(const LinearBounds&) = delete;
    LinearBounds& operator=(const LinearBounds&) = delete;

    // Minimum and maximum of the sum of `columns` (each once). When the
    // minimum is above `stop_above`, the maximum is not sought (hi is NaN).
    LpRange range(const std::vector<int>& columns,
                  double stop_above = std::numeric_limits<double>::infinity());

    // Changes a row's bounds; the next range() starts from the last basis.
    void set_row(int row, double lo, double hi);

private:
    struct Solver;
    std::unique_ptr<Solver> m_solver;
    int m_columns;
};

} // namespace pthv::stats
