// over-cap (docs/rules.md): an educator passes max_paid_visits_per_staff. The
// cap is judged by pay::visit_work, the same work payroll pays from.

#include <fmt/format.h>

#include <pthv/rules/checks.hpp>

namespace pthv::rules {

using namespace pthv::model;

void check_over_cap(const Context& ctx, Findings& out)
{
    const auto cap = ctx.repo.config.compensation.max_paid_visits_per_staff;
    if (!cap)
        return;
    std::vector<char> reported(ctx.repo.names.staff.size(), 0);
    for (const auto& w : ctx.work()) {
        if (w.status != pay::VisitPayStatus::OverCap || reported[w.staff.index()])
            continue;
        reported[w.staff.index()] = 1;
        const Visit& v = ctx.repo.visits[ctx.facts.events()[w.event].first];
        const std::string_view staff = ctx.repo.id(w.staff);
        Problem& p =
            out.add("over-cap", "visits.csv", v.line, staff,
                    fmt::format("staff member {} passes max_paid_visits_per_staff ({}) with visit {} on {}; this "
                                "and later visits this year are not paid",
                                staff, *cap, ctx.repo.id(v.id), v.date->str()),
                    "raise compensation.max_paid_visits_per_staff, or share visits among more educators");
        p.staff = {std::string(staff)};
        p.visit = std::string(ctx.repo.id(v.id));
    }
}

} // namespace pthv::rules
