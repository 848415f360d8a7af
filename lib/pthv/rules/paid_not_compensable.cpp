// paid-not-compensable (docs/rules.md): a closed ledger pays a visit that is no
// longer compensable.

#include <algorithm>
#include <fmt/format.h>

#include <pthv/rules/checks.hpp>

namespace pthv::rules {

using namespace pthv::model;

namespace {

// Payroll pays a visit event as a whole, for its longest row (docs/data.md), so a
// paid visit is judged by its event, exactly as pay::visit_work judges it.
bool compensable_event(const Context& ctx, const Visit& v)
{
    const auto row = ctx.repo.row(v.id);
    const auto event = row ? ctx.facts.event_of(*row) : std::nullopt;
    if (!event)
        return false;
    const auto& e = ctx.facts.events()[*event];
    return ctx.facts.calendar().classify(*v.date, *v.start_time, e.minutes) == DayPart::Outside;
}

} // namespace

void check_paid_not_compensable(const Context& ctx, Findings& out)
{
    const Repo& repo = ctx.repo;
    for (const auto& l : repo.ledger) {
        if (l.item != ItemKind::Visit)
            continue;
        const Visit* v = repo.find(l.visit);
        const std::string_view staff = repo.id(l.staff);
        std::string why;
        if (!v)
            why = "is no longer in visits.csv";
        else if (!v->completed())
            why = fmt::format("is now {}", v->status ? std::string(enum_name(*v->status)) : std::string("without a status"));
        else if (!compensable_event(ctx, *v))
            why = "is not wholly outside the school day";
        else if (const auto set = ctx.facts.visit_payees(*repo.row(v->id));
                 !l.staff || std::find(set.begin(), set.end(), l.staff) == set.end())
            why = fmt::format("no longer lists {} among its educators", staff);
        else
            continue;
        out.add("paid-not-compensable", l.file, l.line, l.item_id,
                fmt::format("{} paid {} {} for visit {}, which {}", l.period, staff,
                            l.amount ? l.amount->str() : std::string("?"), l.item_id, why),
                "a closed pay period is never rewritten: restore the visit, or settle the payment with payroll");
    }
}

} // namespace pthv::rules
