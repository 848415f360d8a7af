#include <pthv/pay/events.hpp>

#include <algorithm>
#include <map>
#include <set>
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
        // std::tie compares the ids in place; make_tuple would copy them on
        // every comparison, which dominated validate at state scale.
        const auto da = va.date->days();
        const auto db = vb.date->days();
        const auto ta = va.start_time->minutes();
        const auto tb = vb.start_time->minutes();
        return std::tie(da, ta, va.id) < std::tie(db, tb, vb.id);
    });

    // What closed ledgers paid, per educator: (staff, visit id) pairs, and
    // how many distinct visits of this school year each was paid for.
    std::set<std::pair<std::string, std::string>> paid;
    std::map<std::string, int> paid_in_year;
    for (const auto& l : repo.ledger) {
        if (l.item != "visit" || !paid.emplace(l.staff_id, l.item_id).second)
            continue;
        if (l.date && facts.in_school_year(*l.date))
            ++paid_in_year[l.staff_id];
    }

    const auto cap = repo.config.compensation.max_paid_visits_per_staff;
    std::map<std::string, int> counted;
    std::map<std::string, int> unpaid_taken;
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
            w.paid = std::any_of(events[e].visits.begin(), events[e].visits.end(),
                                 [&](std::size_t i) { return paid.count({staff, repo.visits[i].id}) > 0; });
            if (part == DayPart::Partial) {
                w.status = VisitPayStatus::Held;
            } else {
                w.sequence = ++counted[staff];
                if (w.paid || !cap)
                    w.status = VisitPayStatus::Payable;
                else if (unpaid_taken[staff] + paid_in_year[staff] >= *cap)
                    w.status = VisitPayStatus::OverCap;
                else {
                    ++unpaid_taken[staff];
                    w.status = VisitPayStatus::Payable;
                }
            }
            out.push_back(std::move(w));
        }
    }
    return out;
}

} // namespace pthv::pay
