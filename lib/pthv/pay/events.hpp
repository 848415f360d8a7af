#pragma once
// Compensable visit work (cli.md, payroll): each educator on a completed
// visit event in the school year, once per event. The one place that
// decides what is paid, held or over the cap, so validate and payroll agree.

#include <optional>
#include <string>
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
    std::string staff_id;
    model::Date date;
    VisitPayStatus status = VisitPayStatus::Payable;
    int sequence = 0; // 1-based count of this educator's outside-the-day events in the year
};

// Every (event, educator) pair whose event is outside the school day or
// partly in it, ordered by date, start time and event id. Events wholly
// inside the school day are not visit work to pay.
std::vector<VisitWork> visit_work(const model::Facts& facts);

} // namespace pthv::pay
