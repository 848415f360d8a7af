#include <pthv/pay/committed.hpp>

#include <algorithm>
#include <map>
#include <tuple>

#include <pthv/pay/funding.hpp>
#include <pthv/pay/rates.hpp>
#include <pthv/util/order.hpp>

namespace pthv::pay {

using namespace pthv::model;

namespace {

// A rule's pay for one visit of `minutes`, as payroll pays it (items.cpp).
Money visit_pay(const PayRule& rule, int minutes)
{
    if (rule.per_visit)
        return *rule.per_visit;
    if (rule.hourly)
        return rule.hourly->scaled(std::max(minutes, rule.minimum_minutes), 60);
    return Money{};
}

// Siblings scheduled together are one event, as completed ones are
// (model::VisitEvent): one date, start_time and list of educators.
using EventKey = std::tuple<std::int32_t, int, std::vector<StaffId>>;

struct Scheduled
{
    std::uint32_t first = 0; // the row naming the event (the earliest in date order)
    int minutes = 0;         // the longest among its rows
    std::size_t rows = 0;
};

} // namespace

std::vector<CommittedCost> committed_scheduled(const Facts& facts,
                                               const std::vector<VisitWork>& work, Date after)
{
    const Repo& repo = facts.repo();
    const Config& config = repo.config;

    std::vector<std::uint32_t> rows;
    for (std::uint32_t i = 0; i < repo.visits.size(); ++i) {
        const Visit& v = repo.visits[i];
        if (v.status == VisitStatus::Scheduled && v.date && after < *v.date)
            rows.push_back(i);
    }
    // Date order (the cap is taken in date order), then start time, then id.
    const auto order = util::order_by_key_then_text<std::pair<std::int32_t, int>>(
        rows,
        [&](std::uint32_t i) {
            const Visit& v = repo.visits[i];
            return std::pair<std::int32_t, int>{v.date->days(),
                                                v.start_time ? v.start_time->minutes() : -1};
        },
        [&](std::uint32_t i) { return repo.id(repo.visits[i].id); });

    std::vector<Scheduled> events;
    std::map<EventKey, std::size_t> event_of;
    for (const auto& o : order) {
        const Visit& v = repo.visits[o.at];
        const auto educators = repo.educators(v);
        const int minutes = v.minutes.value_or(0);
        if (educators.empty() || !v.start_time) {
            // Without educators or a time, nothing says two rows are one event.
            events.push_back({o.at, minutes, 1});
            continue;
        }
        std::vector<StaffId> set(educators.begin(), educators.end());
        std::sort(set.begin(), set.end());
        const auto [it, added] =
            event_of.emplace(EventKey{o.key.first, o.key.second, std::move(set)}, events.size());
        if (added) {
            events.push_back({o.at, minutes, 1});
        } else {
            Scheduled& e = events[it->second];
            e.minutes = std::max(e.minutes, minutes);
            ++e.rows;
        }
    }

    // The cap: what the year already pays takes its places first.
    const auto cap = config.compensation.max_paid_visits_per_staff;
    std::vector<int> used(repo.names.staff.size(), 0);
    for (const auto& w : work)
        if (w.status == VisitPayStatus::Payable)
            ++used[w.staff.index()];

    std::map<std::string_view, CommittedCost> by_source;
    for (const auto& e : events) {
        const Visit& v = repo.visits[e.first];
        Money cost;
        const auto educators = repo.educators(v);
        if (educators.empty()) {
            if (config.compensation.certificated)
                cost = visit_pay(*config.compensation.certificated, e.minutes) +
                       visit_pay(*config.compensation.certificated, e.minutes);
        } else {
            std::vector<StaffId> seen;
            for (const StaffId id : educators) {
                if (!id || std::find(seen.begin(), seen.end(), id) != seen.end())
                    continue;
                seen.push_back(id);
                const Staff* staff = repo.find(id);
                const auto rule = staff ? pay_rule(config, *staff) : std::nullopt;
                if (!rule)
                    continue;
                if (cap && used[id.index()] >= *cap)
                    continue;
                ++used[id.index()];
                cost += visit_pay(*rule, e.minutes);
            }
        }
        const SiteId site = repo.visit_site(v);
        const std::string_view source =
            funding_source(config, site ? repo.id(site) : std::string_view{}, *v.date);
        CommittedCost& c = by_source[source];
        c.source = std::string(source);
        c.cost += cost;
        c.visits += e.rows;
    }

    std::vector<CommittedCost> out;
    for (const auto& f : config.funding)
        if (const auto it = by_source.find(f.source); it != by_source.end() && it->second.visits) {
            out.push_back(it->second);
            it->second.visits = 0; // a source named twice is listed once
        }
    if (const auto it = by_source.find(std::string_view{}); it != by_source.end())
        out.push_back(it->second);
    return out;
}

} // namespace pthv::pay
