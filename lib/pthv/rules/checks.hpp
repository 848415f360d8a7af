#pragma once
// The check functions, one per rule id, grouped by file: integrity.cpp,
// cp1_voluntary.cpp ... cp5_pairs.cpp, one file for each other check
// (duplicate_visit.cpp, removed_visit.cpp, paid_not_compensable.cpp, over_cap.cpp, late_entry.cpp, ...) and
// payroll_safety.cpp.

#include <pthv/rules/rule.hpp>

namespace pthv::rules {

void check_unknown_ref(const Context&, Findings&);
void check_visit_out_of_year(const Context&, Findings&);
void check_visit_in_future(const Context&, Findings&);
void check_visit_inactive_site(const Context&, Findings&);
void check_removed_visit_present(const Context&, Findings&);

void check_cp1_arranged(const Context&, Findings&);
void check_cp1_opted_in(const Context&, Findings&);
void check_cp2_trained(const Context&, Findings&);
void check_cp2_refresher(const Context&, Findings&);
void check_cp2_compensation(const Context&, Findings&);
void check_cp3_first_focus(const Context&, Findings&);
void check_cp4_targeting(const Context&, Findings&);
void check_cp5_pair(const Context&, Findings&);
void check_cp5_reflection(const Context&, Findings&);

void check_duplicate_visit(const Context&, Findings&);
void check_paid_not_compensable(const Context&, Findings&);
void check_over_cap(const Context&, Findings&);
void check_unfunded(const Context&, Findings&);
void check_late_entry(const Context&, Findings&);
void check_scheduled_overdue(const Context&, Findings&);

void check_paid_twice(const Context&, Findings&);

void check_event_missing(const Context&, Findings&);
void check_session_over_capacity(const Context&, Findings&);

} // namespace pthv::rules
