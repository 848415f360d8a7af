#pragma once
// pthv report --audit (docs/reports.md): the publication set checked as an
// attacker would check it. For every small count hidden anywhere in the
// set, the range that linear programming proves from every shown figure
// must still contain 1 and min_cell - 1; and every public report of the
// set must print only the set's cells.

#include <string>
#include <vector>

#include <pthv/pay/events.hpp>
#include <pthv/report/publication.hpp>

namespace pthv::report {

struct AuditResult {
    std::string district;
    int min_cell = 10;
    std::vector<std::string> periods; // as described for people
    std::size_t sites = 0;            // site reports audited per period
    std::size_t reports = 0;          // public reports computed and compared with the set
    stats::Protection::Tally tally;
    std::vector<stats::Breach> breaches;
    std::size_t unmodelled = 0; // counts printed by a report that the set does not hold
    std::size_t relations = 0;  // what a reader can add and subtract, as the people counted bear it out
    std::size_t relations_refused = 0; // declared but not borne out, so not assumed
    bool ok() const { return breaches.empty() && unmodelled == 0; }
};

AuditResult audit_publication(const model::Facts& facts, const std::vector<pay::VisitWork>& work,
                              const model::Problems& findings, const std::vector<io::AttendanceRow>* attendance,
                              const std::vector<io::ScoreRow>* scores = nullptr);

// A cell's key in words: "completed visits, site S05, 2025-07-01..2026-04-30".
std::string describe_cell(const std::string& key);

std::string render_audit_text(const AuditResult& a);
std::string render_audit_json(const AuditResult& a);

} // namespace pthv::report
