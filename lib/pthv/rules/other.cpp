// Other checks (rules.md): repeated visits, closed ledgers that pay what is
// no longer compensable, and the cap on paid visits.

#include <algorithm>
#include <fmt/format.h>
#include <map>
#include <set>
#include <tuple>

#include <pthv/pay/events.hpp>
#include <pthv/rules/checks.hpp>
#include <pthv/util/strings.hpp>

namespace pthv::rules {

using namespace pthv::model;

namespace {

bool same_visit(const Visit& a, const Visit& b)
{
    return a.student_id == b.student_id && *a.date == *b.date && Facts::educator_set(a) == Facts::educator_set(b);
}

} // namespace

void check_duplicate_visit(const Context& ctx, Findings& out)
{
    // Completed visits by key hash, each hash's visits in file order, so a
    // repeat is told by comparing it only with the few rows of its hash,
    // with no key copied (a state's year is close to a million rows).
    const auto& visits = ctx.repo.visits;
    std::vector<std::pair<std::uint64_t, std::size_t>> keyed;
    std::vector<std::string_view> scratch;
    std::set<std::size_t> reported;
    for (std::size_t i = 0; i < visits.size(); ++i)
        if (visits[i].completed() && visits[i].date)
            // What makes two completed visits the same: student, date, educators.
            keyed.emplace_back(Facts::key_hash({std::hash<std::string>{}(visits[i].student_id),
                                                static_cast<std::uint64_t>(visits[i].date->days())},
                                               visits[i], scratch),
                               i);
    std::sort(keyed.begin(), keyed.end());
    for (std::size_t begin = 0, end = 0; begin < keyed.size(); begin = end) {
        end = begin + 1;
        while (end < keyed.size() && keyed[end].first == keyed[begin].first)
            ++end;
        for (std::size_t i = begin + 1; i < end; ++i) {
            const Visit& v = visits[keyed[i].second];
            for (std::size_t j = begin; j < i; ++j) {
                const Visit& first = visits[keyed[j].second];
                if (!same_visit(first, v))
                    continue;
                out.add("duplicate-visit", "visits.csv", v.line, v.id,
                        fmt::format("visit {} repeats visit {} (line {}): same student {}, date {} and educators",
                                    v.id, first.id, first.line, v.student_id, v.date->str()),
                        "remove the repeated row, or fix its date or educators");
                reported.insert(keyed[i].second);
                break;
            }
        }
    }

    // Widened: one student cannot be visited twice at the same moment, so
    // two completed rows with the same student, date and start time are one
    // visit logged twice whatever their educators (the retry after a
    // CP5-pair finding that named the second educator).
    std::vector<std::tuple<std::string_view, std::int32_t, int, std::size_t>> timed;
    for (std::size_t i = 0; i < visits.size(); ++i)
        if (visits[i].completed() && visits[i].date && visits[i].start_time && !reported.count(i))
            timed.emplace_back(visits[i].student_id, visits[i].date->days(), visits[i].start_time->minutes(), i);
    std::sort(timed.begin(), timed.end());
    for (std::size_t k = 1; k < timed.size(); ++k) {
        const auto& [student, day, minute, i] = timed[k];
        std::size_t first = k - 1;
        while (first > 0 && std::get<0>(timed[first - 1]) == student && std::get<1>(timed[first - 1]) == day &&
               std::get<2>(timed[first - 1]) == minute)
            --first;
        if (std::get<0>(timed[first]) != student || std::get<1>(timed[first]) != day ||
            std::get<2>(timed[first]) != minute)
            continue;
        const Visit& v = visits[i];
        const Visit& f = visits[std::get<3>(timed[first])];
        out.add("duplicate-visit", "visits.csv", v.line, v.id,
                fmt::format("visit {} repeats visit {} (line {}): same student {}, date {} and start time {}, "
                            "educators {} and {}",
                            v.id, f.id, f.line, v.student_id, v.date->str(), v.start_time->str(),
                            util::join(v.educators, ";"), util::join(f.educators, ";")),
                "one student is visited once at a time: keep the row that is right, remove the other "
                "(pthv log-visit --remove ID --reason TEXT)");
    }
}

namespace {

// Payroll pays a visit event as a whole, for its longest row (data.md), so a
// paid visit is judged by its event, exactly as pay::visit_work judges it.
bool compensable_event(const Context& ctx, const Visit& v)
{
    const auto index = ctx.repo.visit_index.find(v.id);
    const auto event = index == ctx.repo.visit_index.end() ? std::nullopt : ctx.facts.event_of(index->second);
    if (!event)
        return false;
    const auto& e = ctx.facts.events()[*event];
    return ctx.facts.calendar().classify(*v.date, *v.start_time, e.minutes) == DayPart::Outside;
}

} // namespace

void check_paid_not_compensable(const Context& ctx, Findings& out)
{
    for (const auto& l : ctx.repo.ledger) {
        if (l.item != "visit")
            continue;
        const Visit* v = ctx.repo.find_visit(l.item_id);
        std::string why;
        if (!v)
            why = "is no longer in visits.csv";
        else if (!v->completed())
            why = fmt::format("is now {}", v->status ? std::string(enum_name(*v->status)) : std::string("without a status"));
        else if (!compensable_event(ctx, *v))
            why = "is not wholly outside the school day";
        else if (const auto set = Facts::educator_set(*v);
                 !std::binary_search(set.begin(), set.end(), l.staff_id))
            why = fmt::format("no longer lists {} among its educators", l.staff_id);
        else
            continue;
        out.add("paid-not-compensable", l.file, l.line, l.item_id,
                fmt::format("{} paid {} {} for visit {}, which {}", l.period, l.staff_id,
                            l.amount ? l.amount->str() : std::string("?"), l.item_id, why),
                "a closed pay period is never rewritten: restore the visit, or settle the payment with payroll");
    }
}

void check_over_cap(const Context& ctx, Findings& out)
{
    const auto cap = ctx.repo.config.compensation.max_paid_visits_per_staff;
    if (!cap)
        return;
    std::set<std::string> reported;
    for (const auto& w : pay::visit_work(ctx.facts)) {
        if (w.status != pay::VisitPayStatus::OverCap || !reported.insert(w.staff_id).second)
            continue;
        const Visit& v = ctx.repo.visits[ctx.facts.events()[w.event].first];
        out.add("over-cap", "visits.csv", v.line, w.staff_id,
                fmt::format("staff member {} passes max_paid_visits_per_staff ({}) with visit {} on {}; this and "
                            "later visits this year are not paid",
                            w.staff_id, *cap, v.id, v.date->str()),
                "raise compensation.max_paid_visits_per_staff, or share visits among more educators");
    }
}

// A scheduled visit whose day has passed happened, was cancelled, or needs
// a new date; left as it is, it vanishes from every count without a trace.
void check_scheduled_overdue(const Context& ctx, Findings& out)
{
    for (const auto& v : ctx.repo.visits)
        if (v.status == VisitStatus::Scheduled && v.date && *v.date < ctx.repo.as_of)
            out.add("scheduled-overdue", "visits.csv", v.line, v.id,
                    fmt::format("visit {} is still scheduled for {}, which has passed", v.id, v.date->str()),
                    fmt::format("record what happened: pthv log-visit --update {} --status completed (with its "
                                "time, minutes and focus), cancelled or no_show; or give it a new date",
                                v.id));
}

} // namespace pthv::rules
