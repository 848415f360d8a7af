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

LinearBounds::LinearBounds(int columns, const std::vector<LpRow>& rows, const std::vector<LpBounds>& bounds)
    : m_solver(std::make_unique<Solver>()), m_columns(columns)
{
    std::vector<int> row_index, column_index;
    std::vector<double> elements;
    std::vector<double> row_lo, row_hi;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const auto& row = rows[r];
        for (std::size_t i = 0; i < row.columns.size(); ++i) {
            row_index.push_back(static_cast<int>(r));
            column_index.push_back(row.columns[i]);
            elements.push_back(row.coefficients.empty() ? 1.0 : row.coefficients[i]);
        }
        row_lo.push_back(clp_bound(rows[r].lo));
        row_hi.push_back(clp_bound(rows[r].hi));
    }
    const CoinPackedMatrix matrix(true, row_index.data(), column_index.data(), elements.data(),
                                  static_cast<CoinBigIndex>(elements.size()));
    std::vector<double> col_lo(static_cast<std::size_t>(columns), 0.0);
    std::vector<double> col_hi(static_cast<std::size_t>(columns), COIN_DBL_MAX);
    for (std::size_t c = 0; c < bounds.size() && c < col_lo.size(); ++c) {
        col_lo[c] = clp_bound(bounds[c].lo);
        col_hi[c] = clp_bound(bounds[c].hi);
    }
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

LpOptimum LinearBounds::optimum(const std::vector<int>& columns, bool maximise)
{
    return optimum(columns, {}, maximise);
}

LpOptimum LinearBounds::optimum(const std::vector<int>& columns, const std::vector<double>& weights, bool maximise)
{
    ClpSimplex& m = m_solver->model;
    for (std::size_t i = 0; i < columns.size(); ++i)
        m.setObjectiveCoefficient(columns[i], weights.empty() ? 1.0 : weights[i]);
    m.setOptimizationDirection(maximise ? -1.0 : 1.0);
    // The basis and factorisation of the last solve stay valid while the
    // matrix is unchanged: a warm start that keeps the factorisation (1)
    // and reuses it (2). After a column or row is added, the basis is
    // still the start, factorised again.
    m.primal(0, m_reshaped ? 1 : 3);
    m_reshaped = false;
    LpOptimum out;
    if (m.isProvenPrimalInfeasible()) { // cannot happen for true figures: read as no protection
        out.value = std::numeric_limits<double>::quiet_NaN();
    } else if (m.isProvenDualInfeasible()) {
        out.value = maximise ? std::numeric_limits<double>::infinity() : -std::numeric_limits<double>::infinity();
    } else {
        out.value = m.objectiveValue();
        const double* duals = m.dualRowSolution();
        for (int r = 0; r < m.numberRows(); ++r)
            if (std::fabs(duals[r]) > k_dual_zero)
                out.rows.push_back(r);
        const double* x = m.primalColumnSolution();
        out.point.assign(x, x + m.numberColumns());
    }
    for (const int c : columns)
        m.setObjectiveCoefficient(c, 0.0);
    return out;
}

void LinearBounds::set_row(int row, double lo, double hi)
{
    m_solver->model.setRowBounds(row, clp_bound(lo), clp_bound(hi));
}

void LinearBounds::set_bounds(int column, LpBounds bounds)
{
    m_solver->model.setColumnBounds(column, clp_bound(bounds.lo), clp_bound(bounds.hi));
}

int LinearBounds::add_column(const std::vector<int>& rows, const std::vector<double>& coefficients, LpBounds bounds)
{
    ClpSimplex& m = m_solver->model;
    m.addColumn(static_cast<int>(rows.size()), rows.data(), coefficients.data(), clp_bound(bounds.lo),
                clp_bound(bounds.hi), 0.0);
    m_reshaped = true;
    return m_columns++;
}

void LinearBounds::add_rows(const std::vector<LpRow>& rows)
{
    if (rows.empty())
        return;
    std::vector<CoinBigIndex> starts{0};
    std::vector<int> columns;
    std::vector<double> elements, lo, hi;
    for (const LpRow& row : rows) {
        columns.insert(columns.end(), row.columns.begin(), row.columns.end());
        if (row.coefficients.empty())
            elements.insert(elements.end(), row.columns.size(), 1.0);
        else
            elements.insert(elements.end(), row.coefficients.begin(), row.coefficients.end());
        starts.push_back(static_cast<CoinBigIndex>(columns.size()));
        lo.push_back(clp_bound(row.lo));
        hi.push_back(clp_bound(row.hi));
    }
    m_solver->model.addRows(static_cast<int>(rows.size()), lo.data(), hi.data(), starts.data(), columns.data(),
                            elements.data());
    m_reshaped = true;
}

} // namespace pthv::stats
