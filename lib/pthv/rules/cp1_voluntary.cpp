// Core practice 1: visits are voluntary for educators and families, and
// arranged in advance.

#include <algorithm>
#include <fmt/format.h>

#include <pthv/rules/checks.hpp>

namespace pthv::rules {

using namespace pthv::model;

void check_cp1_arranged(const Context& ctx, Findings& out)
{
    const int lead = ctx.repo.config.practices.arrange_lead_days;
    for (const auto& v : ctx.repo.visits) {
        if (!v.completed() || !v.date)
            continue;
        const std::string_view id = ctx.repo.id(v.id);
        if (!v.arranged_on) {
            out.on_visit("CP1-arranged", ctx.repo, v,
                    fmt::format("visit {} has no arranged_on date: core practice 1, visits are arranged with "
                                "the family in advance",
                                id),
                    "record the day the family agreed to the visit in arranged_on");
            continue;
        }
        const int days = *v.date - *v.arranged_on;
        if (days < lead)
            out.on_visit("CP1-arranged", ctx.repo, v,
                    fmt::format("visit {} was arranged on {}, {} before the visit: core practice 1, visits are "
                                "arranged at least {} in advance",
                                id, v.arranged_on->str(),
                                days < 0 ? std::string("after it") : fmt::format("{} day{}", days, days == 1 ? "" : "s"),
                                fmt::format("{} day{}", lead, lead == 1 ? "" : "s")),
                    "arrange visits ahead so the family chooses freely; check arranged_on");
    }
}

void check_cp1_opted_in(const Context& ctx, Findings& out)
{
    const Repo& repo = ctx.repo;
    for (std::size_t i = 0; i < repo.visits.size(); ++i) {
        const Visit& v = repo.visits[i];
        if (!v.completed())
            continue;
        const auto educators = ctx.facts.educators(i);
        // A staff interpreter is held to it too (once, if also an educator).
        if (const StaffId t = v.interpreter; t && !std::binary_search(educators.begin(), educators.end(), t)) {
            const Staff* s = repo.find(t);
            if (s && s->opted_in == false)
                out.on_visit("CP1-opted-in", ctx.repo, v,
                        fmt::format("visit {}: interpreter {} has not opted in: core practice 1, visits are "
                                    "voluntary for staff",
                                    repo.id(v.id), repo.id(t)),
                        fmt::format("if {} chose to take part, set opted_in to yes (pthv roster set {} --opted-in yes)",
                                    repo.id(t), repo.id(t)))
                    .staff = {std::string(repo.id(t))};
        }
        for (const StaffId e : educators) {
            const Staff* s = repo.find(e);
            if (s && s->opted_in == false) {
                const std::string_view id = repo.id(e);
                out.on_visit("CP1-opted-in", ctx.repo, v,
                        fmt::format("visit {}: educator {} has not opted in: core practice 1, visits are "
                                    "voluntary for educators",
                                    repo.id(v.id), id),
                        fmt::format("if {} chose to take part, set opted_in to yes (pthv roster set {} --opted-in yes)",
                                    id, id))
                    .staff = {std::string(id)};
            }
        }
    }
}

} // namespace pthv::rules
