#pragma once
// The publication set (docs/reports.md, "What a public report protects"):
// everything pthv lets a district post, taken together. For every period
// of reports.publish, the district's public report and every site's, with
// all their tables, are cells of one stats::Protection, defined by the
// people each counts; suppression is decided once for the whole set, so no
// table, site report, period or complement gives back what another hides.

#include <optional>
#include <string>
#include <vector>

#include <pthv/io/attendance.hpp>
#include <pthv/model/facts.hpp>
#include <pthv/model/period.hpp>
#include <pthv/model/problem.hpp>
#include <pthv/pay/events.hpp>
#include <pthv/report/figures.hpp>
#include <pthv/stats/protection.hpp>

namespace pthv::report {

// The periods of reports.publish as public reports count them (up to the
// as-of date); a period that has not started is left out. Months in
// school-year order.
std::vector<model::Period> published_periods(const model::Repo& repo);

class Publication {
public:
    // The set as pthv's public reports print it today: the cells, with
    // each marked as the public report of its period and scope shows it.
    Publication(const model::Facts& facts, const std::vector<pay::VisitWork>& work, const model::Problems& findings,
                const std::vector<io::AttendanceRow>* attendance);

    const std::vector<model::Period>& periods() const { return m_periods; }
    const stats::Protection& cells() const { return m_cells; }
    std::size_t reports() const { return m_reports; }
    std::size_t unmodelled() const { return m_unmodelled; }
    // Every small count the set does not protect enough (docs/reports.md).
    std::vector<stats::Breach> audit() const { return m_cells.audit(); }

private:
    void build(const model::Facts& facts, const model::Problems& findings);
    void observe(Figures& f);

    std::vector<model::Period> m_periods;
    stats::Protection m_cells;
    std::size_t m_reports = 0;
    std::size_t m_unmodelled = 0; // printed counts the cells do not hold
};

// The key of a cell: kind (V visits, S students, F families, T staff, A
// session places, R survey responses, O outcomes), period ("-" for none),
// scope ("*" the district, else a site id), measure and its part.
std::string cell_key(char kind, const model::Period* period, const std::string& scope, const std::string& measure,
                     const std::string& part = {});

} // namespace pthv::report
