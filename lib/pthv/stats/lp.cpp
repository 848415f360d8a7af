// Clp is used through this one file: its headers are included as system
// headers (CMakeLists.txt), and nothing of it shows in lp.hpp.

#include <pthv/stats/lp.hpp>

#include <cmath>
#include <limits>

#include <ClpSimplex.hpp>
#include <CoinPackedMatrix.hpp>

namespace pthv::stats {

struct LinearBounds::Solver {
    ClpSimplex model;
};

namespace {

constexpr double k_dual_zero = 1e-9;

double clp_bound(double v)
{
    if (std::isinf(v))
        return v > 0 ? COIN_DBL_MAX : -COIN_DBL_MAX;
    return v;
}

} // namespace

LinearBounds::LinearBounds(int columns, const std::vector<LpRow>& rows)
    : m_solver(std::make_unique<Solver>()), m_columns(columns)
{
    std::vector<int> row_index, column_index;
    std::vector<double> elements;
    std::vector<double> row_lo, row_hi;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        for (const int c : rows[r].columns) {
            row_index.push_back(static_cast<int>(r));
            column_index.push_back(c);
            elements.push_back(1.0);
        }
        row_lo.push_back(clp_bound(rows[r].lo));
        row_hi.push_back(clp_bound(rows[r].hi));
    }
    const CoinPackedMatrix matrix(true, row_index.data(), column_index.data(), elements.data(),
                                  static_cast<CoinBigIndex>(elements.size()));
    const std::vector<double> col_lo(static_cast<std::size_t>(columns), 0.0);
    const std::vector<double> col_hi(static_cast<std::size_t>(columns), COIN_DBL_MAX);
    const std::vector<double> objective(static_cast<std::size_t>(columns), 0.0);
    ClpSimplex& m = m_solver->model;
    m.setLogLevel(0);
    // A matrix with fewer rows than its largest index would be refused:
    // give Clp the full shape.
    CoinPackedMatrix shaped(matrix);
    shaped.setDimensions(static_cast<int>(rows.size()), columns);
    m.loadProblem(shaped, col_lo.data(), col_hi.data(), objective.data(), row_lo.data(), row_hi.data());
}

LinearBounds::~LinearBounds() = default;

LpRange LinearBounds::range(const std::vector<int>& columns, double stop_above)
{
    ClpSimplex& m = m_solver->model;
    for (const int c : columns)
        m.setObjectiveCoefficient(c, 1.0);
    LpRange out;
    const auto solve = [&](double direction, double& value, std::vector<int>& rows) {
        m.setOptimizationDirection(direction);
        // The basis and factorisation of the last solve stay valid (the matrix
        // never changes): a warm start that keeps the factorisation (1) and reuses it (2).
        m.primal(0, 3);
        if (m.isProvenPrimalInfeasible()) { // cannot happen for true figures: read as no protection
            value = std::numeric_limits<double>::quiet_NaN();
            return;
        }
        if (m.isProvenDualInfeasible()) {
            value = direction > 0 ? -std::numeric_limits<double>::infinity()
                                  : std::numeric_limits<double>::infinity();
            return;
        }
        value = m.objectiveValue();
        const double* duals = m.dualRowSolution();
        for (int r = 0; r < m.numberRows(); ++r)
            if (std::fabs(duals[r]) > k_dual_zero)
                rows.push_back(r);
    };
    solve(1.0, out.lo, out.rows_lo);
    if (out.lo > stop_above)
        out.hi = std::numeric_limits<double>::quiet_NaN();
    else
        solve(-1.0, out.hi, out.rows_hi);
    for (const int c : columns)
        m.setObjectiveCoefficient(c, 0.0);
    return out;
}

void LinearBounds::set_row(int row, double lo, double hi)
{
    m_solver->model.setRowBounds(row, clp_bound(lo), clp_bound(hi));
}

} // namespace pthv::stats
