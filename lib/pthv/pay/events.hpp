#pragma once
// Compensable visit work (docs/guide.md, payroll): each educator on a completed
// visit event in the school year, once per event. The one place that
// decides what is paid, held or over the cap, so validate and payroll agree.

#include <optional>
#include <vector>

#include <pthv/model/facts.hpp>

namespace pthv::pay {

enum class VisitPayStatus {
    Payable, // wholly outside the school day, within the cap
    OverCap, // past max_paid_visits_per_staff in the year, in date order
    Held,    // partly overlaps the school day: a decision for the coordinator
};

struct VisitWork {
    std::size_t event = 0; // index into Facts::events()
    model::StaffId staff;
    model::Date date;
    VisitPayStatus status = VisitPayStatus::Payable;
    int sequence = 0;  // 1-based count of this educator's outside-the-day events in the year
    bool paid = false; // a closed ledger (Repo::ledger) pays this educator for one of the event's visits
};

// Every (event, educator) pair whose event is outside the school day or
// partly in it, ordered by date, start time and event id. Events wholly
// inside the school day are not visit work to pay.
//
// The cap counts what closed ledgers already paid: an educator's visits paid
// in a closed ledger and dated in the school year take their places first
// (the money is out), and unpaid events fill what is left of
// max_paid_visits_per_staff in date order. Without closed ledgers this is
// plainly "the events past the cap in date order"; with them, a visit logged
// late can never push the year's paid visits past the cap.
// Made once by the caller and handed to whoever needs it (the over-cap
// rule, payroll, the report), so it is never worked out twice.
std::vector<VisitWork> visit_work(const model::Facts& facts);

} // namespace pthv::pay
