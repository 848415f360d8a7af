#pragma once
// What the visits already scheduled would cost each funding source
// (docs/reports.md, the money table; docs/payroll.md, which source pays): a
// coordinator must know the money is there before the visits happen.

#include <cstddef>
#include <string>
#include <vector>

#include <pthv/model/facts.hpp>
#include <pthv/pay/events.hpp>

namespace pthv::pay {

struct CommittedCost
{
    std::string source;     // as funding_source names it; empty: no source would pay
    model::Money cost;      // what the visits would pay
    std::size_t visits = 0; // scheduled visits (rows of visits.csv) counted
};

// The scheduled visits dated after `after` (the as-of date), by the source
// that would pay each (funding_source on its site and date), in pthv.yaml's
// order with the empty source last; a source with none is left out.
// Each is costed at today's pay rules as if wholly outside the school day:
// each listed educator by their own rule (pay_rule; per visit, or hourly
// times max(minutes, minimum_minutes) / 60, an empty minutes counting 0);
// with no educator listed, two certificated educators under the
// certificated rule. Siblings scheduled together (one date, start_time and
// list of educators) are one visit event and cost once, as payroll pays them.
// max_paid_visits_per_staff applies: an educator's payable visits of the
// school year (visit_work) take their places first, then the scheduled ones
// in date order, and those past the cap cost nothing. Staff with no pay rule
// cost nothing. `work` is visit_work(facts).
std::vector<CommittedCost> committed_scheduled(const model::Facts& facts,
                                               const std::vector<VisitWork>& work,
                                               model::Date after);

} // namespace pthv::pay
