#pragma once
// The least and most a linear sum of bounded variables can be under row
// constraints, by linear programming (COIN-OR Clp, Debian
// coinor-libclp-dev): what an attacker who knows every constraint can
// prove about the sum. Used by the protection of published figures
// (stats/protection.hpp). Never throws for a feasible problem; an
// unbounded maximum is +infinity.

#include <limits>
#include <memory>
#include <vector>

namespace pthv::stats {

// lo <= sum of the variables `columns`, each times its coefficient (1
// when `coefficients` is empty), <= hi; either bound may be infinite.
struct LpRow {
    std::vector<int> columns;
    double lo = 0;
    double hi = 0;
    std::vector<double> coefficients;
};

// lo <= a variable <= hi.
struct LpBounds {
    double lo = 0;
    double hi = std::numeric_limits<double>::infinity();
};

// The minimum or maximum of a sum.
struct LpOptimum {
    double value = 0; // +-infinity when unbounded, NaN when no point satisfies the rows
    std::vector<int> rows;     // the rows whose bound the proof uses: a non-zero dual value
    std::vector<double> point; // where it is reached, per column (empty unless finite)
};


class LinearBounds {
public:
    // `columns` variables, each >= 0, or within `bounds` (one per column) when given.
    LinearBounds(int columns, const std::vector<LpRow>& rows, const std::vector<LpBounds>& bounds = {});
    ~LinearBounds();
    LinearBounds(const LinearBounds&) = delete;
    LinearBounds& operator=(const LinearBounds&) = delete;

    // The minimum (or the maximum) of the sum of `columns` (each once).
    LpOptimum optimum(const std::vector<int>& columns, bool maximise);
    // The same of the sum of `columns`, each times its weight in `weights`.
    LpOptimum optimum(const std::vector<int>& columns, const std::vector<double>& weights, bool maximise);

    // Changes a row's bounds; the next optimum() starts from the last basis.
    void set_row(int row, double lo, double hi);
    // A new variable within `bounds`, in `rows` with `coefficients`; its index.
    int add_column(const std::vector<int>& rows, const std::vector<double>& coefficients, LpBounds bounds);
    // Changes a variable's bounds.
    void set_bounds(int column, LpBounds bounds);
    // New rows, numbered on from the last.
    void add_rows(const std::vector<LpRow>& rows);

private:
    struct Solver;
    std::unique_ptr<Solver> m_solver;
    int m_columns;
    bool m_reshaped = false; // columns or rows added since the last solve
};

} // namespace pthv::stats
