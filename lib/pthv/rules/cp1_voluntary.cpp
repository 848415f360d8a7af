// Core practice 1: visits are voluntary for educators and families, and
// arranged in advance.

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
        if (!v.arranged_on) {
            out.add("CP1-arranged", "visits.csv", v.line, v.id,
                    fmt::format("visit {} has no arranged_on date: core practice 1, visits are arranged with "
                                "the family in advance",
                                v.id),
                    "record the day the family agreed to the visit in arranged_on");
            continue;
        }
        const int days = *v.date - *v.arranged_on;
        if (days < lead)
            out.add("CP1-arranged", "visits.csv", v.line, v.id,
                    fmt::format("visit {} was arranged on {}, {} before the visit: core practice 1, visits are "
                                "arranged at least {} in advance",
                                v.id, v.arranged_on->str(),
                                days < 0 ? std::string("after it") : fmt::format("{} day{}", days, days == 1 ? "" : "s"),
                                fmt::format("{} day{}", lead, lead == 1 ? "" : "s")),
                    "arrange visits ahead so the family chooses freely; check arranged_on");
    }
}

void check_cp1_opted_in(const Context& ctx, Findings& out)
{
    for (const auto& v : ctx.repo.visits) {
        if (!v.completed())
            continue;
        for (const auto& id : Facts::educator_set(v)) {
            const Staff* s = ctx.repo.find_staff(id);
            if (s && s->opted_in == false)
                out.add("CP1-opted-in", "visits.csv", v.line, v.id,
                        fmt::format("visit {}: educator {} has not opted in: core practice 1, visits are "
                                    "voluntary for educators",
                                    v.id, id),
                        "if " + id + " chose to take part, set opted_in to yes (pthv roster set " + id +
                            " --opted-in yes)");
        }
    }
}

} // namespace pthv::rules
