#include <pthv/pay/events.hpp>

#include <algorithm>
#include <cstdint>
#include <tuple>

#include <pthv/util/order.hpp>

namespace pthv::pay {

using namespace pthv::model;

namespace {

// What one educator has so far: the counts the cap is judged by.
struct CapCount {
    int paid_in_year = 0; // distinct visits a closed ledger pays, dated in the school year
    int counted = 0;      // outside-the-day events seen, in date order
    int unpaid_taken = 0; // unpaid events given a place under the cap
};

// The (educator, visit) pairs closed ledgers pay, sorted, and each
// educator's count of them dated in the school year (the first line naming
// a pair decides its date).
struct Paid {
    std::vector<std::pair<StaffId, VisitId>> pairs;

    bool holds(StaffId staff, VisitId visit) const
    {
        return std::binary_search(pairs.begin(), pairs.end(), std::make_pair(staff, visit));
    }
};

Paid paid_visits(const Facts& facts, std::vector<CapCount>& cap_counts)
{
    const Repo& repo = facts.repo();
    std::vector<std::tuple<StaffId, VisitId, std::size_t>> lines;
    for (std::size_t i = 0; i < repo.ledger.size(); ++i) {
        const LedgerLine& l = repo.ledger[i];
        if (l.item == ItemKind::Visit && l.staff && l.visit)
            lines.emplace_back(l.staff, l.visit, i);
    }
    std::sort(lines.begin(), lines.end());
    Paid paid;
    for (std::size_t k = 0; k < lines.size(); ++k) {
        const auto& [staff, visit, line] = lines[k];
        if (k > 0 && std::get<0>(lines[k - 1]) == staff && std::get<1>(lines[k - 1]) == visit)
            continue;
        paid.pairs.emplace_back(staff, visit);
        const LedgerLine& l = repo.ledger[line];
        if (l.date && facts.in_school_year(*l.date))
            ++cap_counts[staff.index()].paid_in_year;
    }
    return paid;
}

} // namespace

std::vector<VisitWork> visit_work(const Facts& facts)
{
    const Repo& repo = facts.repo();
    const auto& events = facts.events();

    // The events of the school year in time order, a visit id breaking a
    // tie (compared as numbers where it can be, util::sort_by_text).
    std::vector<std::uint32_t> in_year;
    for (std::size_t e = 0; e < events.size(); ++e) {
        const Visit& v = repo.visits[events[e].first];
        if (v.date && facts.in_school_year(*v.date))
            in_year.push_back(static_cast<std::uint32_t>(e));
    }
    const auto order = util::order_by_key_then_text<std::pair<std::int32_t, int>>(
        in_year,
        [&](std::uint32_t e) {
            const Visit& v = repo.visits[events[e].first];
            return std::pair<std::int32_t, int>{v.date->days(), v.start_time->minutes()};
        },
        [&](std::uint32_t e) { return repo.id(repo.visits[events[e].first].id); });

    std::vector<CapCount> cap_counts(repo.names.staff.size());
    const Paid paid = paid_visits(facts, cap_counts);

    const auto cap = repo.config.compensation.max_paid_visits_per_staff;
    std::vector<VisitWork> out;
    out.reserve(order.size() * 2);
    // Events in time order are in no order in memory: each is fetched ahead.
    const auto fetch_event = [&](std::size_t i) { util::prefetch(&events[order[i].at]); };
    const auto fetch_payees = [&](std::size_t i) { util::prefetch(facts.event_payees(events[order[i].at]).begin()); };
    util::for_each_fetched_ahead(order.size(), fetch_event, fetch_payees, [&](std::size_t i) {
        const std::size_t e = order[i].at;
        const VisitEvent& event = events[e];
        const Date date = Date::from_days(order[i].key.first);
        const TimeOfDay start = TimeOfDay::from_minutes(order[i].key.second);
        const DayPart part = facts.calendar().classify(date, start, event.minutes);
        if (part == DayPart::Inside)
            return;
        for (const StaffId staff : facts.event_payees(event)) {
            CapCount& t = cap_counts[staff.index()];
            VisitWork w;
            w.event = e;
            w.staff = staff;
            w.date = date;
            const auto rows = facts.event_visits(event);
            w.paid = !paid.pairs.empty() && std::any_of(rows.begin(), rows.end(), [&](std::uint32_t row) {
                         return paid.holds(staff, repo.visits[row].id);
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
            out.push_back(w);
        }
    });
    return out;
}

} // namespace pthv::pay
