#include <pthv/pay/events.hpp>

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace pthv::pay {

using namespace pthv::model;

namespace {

// What one educator has so far: the ledger's paid visits and the counts the
// cap is judged by.
struct Tally {
    std::unordered_set<std::string_view> paid_visits; // visit ids a closed ledger pays
    int paid_in_year = 0;                              // distinct ones dated in the school year
    int counted = 0;                                   // outside-the-day events seen, in date order
    int unpaid_taken = 0;                              // unpaid events given a place under the cap
};

} // namespace

namespace {

std::vector<VisitWork> make_visit_work(const Facts& facts)
{
    const Repo& repo = facts.repo();
    const auto& events = facts.events();

    // Sort on a flat (minute of the school year, event) key; the visit id
    // breaks ties. Reading each event's first row once keeps the sort's
    // comparisons in cache at state scale.
    struct Key {
        std::int64_t when;
        std::size_t event;
    };
    std::vector<Key> order;
    order.reserve(events.size());
    for (std::size_t e = 0; e < events.size(); ++e) {
        const Visit& v = repo.visits[events[e].first];
        if (v.date && facts.in_school_year(*v.date))
            order.push_back({static_cast<std::int64_t>(v.date->days()) * 1440 + v.start_time->minutes(), e});
    }
    std::sort(order.begin(), order.end(), [&](const Key& a, const Key& b) {
        if (a.when != b.when)
            return a.when < b.when;
        return repo.visits[events[a.event].first].id < repo.visits[events[b.event].first].id;
    });

    std::unordered_map<std::string_view, Tally> tallies;
    for (const auto& l : repo.ledger) {
        if (l.item != "visit")
            continue;
        Tally& t = tallies[l.staff_id];
        if (t.paid_visits.insert(l.item_id).second && l.date && facts.in_school_year(*l.date))
            ++t.paid_in_year;
    }

    const auto cap = repo.config.compensation.max_paid_visits_per_staff;
    std::vector<VisitWork> out;
    out.reserve(order.size() * 2);
    for (const Key& k : order) {
        const std::size_t e = k.event;
        const Visit& v = repo.visits[events[e].first];
        const DayPart part = facts.calendar().classify(*v.date, *v.start_time, events[e].minutes);
        if (part == DayPart::Inside)
            continue;
        for (const auto& staff : events[e].educators) {
            Tally& t = tallies[staff];
            VisitWork w;
            w.event = e;
            w.staff_id = staff;
            w.date = *v.date;
            w.paid = !t.paid_visits.empty() &&
                     std::any_of(events[e].visits.begin(), events[e].visits.end(), [&](std::size_t i) {
                         return t.paid_visits.count(repo.visits[i].id) > 0;
                     });
            if (part == DayPart::Partial) {
                w.status = VisitPayStatus::Held;
            } else {
                w.sequence = ++t.counted;
                if (w.paid || !cap)
                    w.status = VisitPayStatus::Payable;
                else if (t.unpaid_taken + t.paid_in_year >= *cap)
                    w.status = VisitPayStatus::OverCap;
                else {
                    ++t.unpaid_taken;
                    w.status = VisitPayStatus::Payable;
                }
            }
            out.push_back(std::move(w));
        }
    }
    return out;
}

} // namespace

const std::vector<VisitWork>& visit_work(const Facts& facts)
{
    return facts.derived<std::vector<VisitWork>>([&] { return make_visit_work(facts); });
}

} // namespace pthv::pay
