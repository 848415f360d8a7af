#include <pthv/pay/events.hpp>

#include <algorithm>
#include <cstdint>
#include <tuple>

#include <pthv/util/text_order.hpp>

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

    // Sort on a flat (day, minute, event) key; the visit id breaks ties,
    // compared as numbers where it can be (util::sort_by_text): at state
    // scale hundreds of events share each minute. The key holds all the
    // loop below reads of a visit, and the id's first bytes, so neither the
    // sort nor the loop goes back to the visits in time order.
    struct Key {
        std::int32_t day;
        std::int32_t minute;
        std::uint32_t event;
        std::uint32_t size; // of the visit id
        char head[24];      // its first bytes
    };
    std::vector<Key> order;
    order.reserve(events.size());
    for (std::size_t e = 0; e < events.size(); ++e) {
        const Visit& v = repo.visits[events[e].first];
        if (!v.date || !facts.in_school_year(*v.date))
            continue;
        Key k{v.date->days(), v.start_time->minutes(), static_cast<std::uint32_t>(e), 0, {}};
        const std::string_view id = repo.id(v.id);
        k.size = static_cast<std::uint32_t>(id.size());
        id.copy(k.head, sizeof k.head);
        order.push_back(k);
    }
    std::sort(order.begin(), order.end(), [](const Key& a, const Key& b) {
        return std::tie(a.day, a.minute, a.event) < std::tie(b.day, b.minute, b.event);
    });
    const auto id_of = [&](const Key& k) {
        return k.size <= sizeof k.head ? std::string_view(k.head, k.size)
                                       : repo.id(repo.visits[events[k.event].first].id);
    };
    for (auto run = order.begin(); run != order.end();) {
        const auto end = std::find_if(run, order.end(),
                                      [&](const Key& k) { return k.day != run->day || k.minute != run->minute; });
        util::sort_by_text(run, end, id_of);
        run = end;
    }

    std::vector<CapCount> cap_counts(repo.names.staff.size());
    const Paid paid = paid_visits(facts, cap_counts);

    const auto cap = repo.config.compensation.max_paid_visits_per_staff;
    std::vector<VisitWork> out;
    out.reserve(order.size() * 2);
    // Events in time order are in no order in memory: each is fetched a few
    // steps ahead, and its payees a few steps after that, so the loop does
    // not wait on main memory twice per event.
    constexpr std::size_t k_ahead = 8;
    for (std::size_t i = 0; i < order.size(); ++i) {
        if (i + 2 * k_ahead < order.size())
            __builtin_prefetch(&events[order[i + 2 * k_ahead].event]);
        if (i + k_ahead < order.size())
            __builtin_prefetch(facts.event_payees(events[order[i + k_ahead].event]).begin());
        const Key& k = order[i];
        const std::size_t e = k.event;
        const VisitEvent& event = events[e];
        const Date date = Date::from_days(k.day);
        const DayPart part = facts.calendar().classify(date, TimeOfDay::from_minutes(k.minute), event.minutes);
        if (part == DayPart::Inside)
            continue;
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
    }
    return out;
}

} // namespace pthv::pay
