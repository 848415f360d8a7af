#include <pthv/pay/events.hpp>

#include <algorithm>
#include <map>
#include <tuple>

namespace pthv::pay {

using namespace pthv::model;

std::vector<VisitWork> visit_work(const Facts& facts)
{
    const Repo& repo = facts.repo();
    const auto& events = facts.events();
    std::vector<std::size_t> order;
    for (std::size_t e = 0; e < events.size(); ++e) {
        const Visit& v = repo.visits[events[e].first];
        if (v.date && facts.in_school_year(*v.date))
            order.push_back(e);
    }
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const Visit& va = repo.visits[events[a].first];
        const Visit& vb = repo.visits[events[b].first];
        return std::make_tuple(va.date->days(), va.start_time->minutes(), va.id) <
               std::make_tuple(vb.date->days(), vb.start_time->minutes(), vb.id);
    });

    const auto cap = repo.config.compensation.max_paid_visits_per_staff;
    std::map<std::string, int> counted;
    std::vector<VisitWork> out;
    for (const std::size_t e : order) {
        const Visit& v = repo.visits[events[e].first];
        const DayPart part = facts.calendar().classify(*v.date, *v.start_time, events[e].minutes);
        if (part == DayPart::Inside)
            continue;
        for (const auto& staff : events[e].educators) {
            VisitWork w;
            w.event = e;
            w.staff_id = staff;
            w.date = *v.date;
            if (part == DayPart::Partial) {
                w.status = VisitPayStatus::Held;
            } else {
                w.sequence = ++counted[staff];
                w.status = cap && w.sequence > *cap ? VisitPayStatus::OverCap : VisitPayStatus::Payable;
            }
            out.push_back(std::move(w));
        }
    }
    return out;
}

} // namespace pthv::pay
