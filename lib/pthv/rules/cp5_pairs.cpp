// Core practice 5: educators visit in pairs, and reflect together afterwards.

#include <fmt/format.h>

#include <pthv/rules/checks.hpp>
#include <pthv/util/strings.hpp>

namespace pthv::rules {

using namespace pthv::model;

void check_cp5_pair(const Context& ctx, Findings& out)
{
    for (const auto& v : ctx.repo.visits) {
        if (!v.completed())
            continue;
        const auto educators = Facts::educator_set(v);
        if (educators.size() >= 2)
            continue;
        out.add("CP5-pair", "visits.csv", v.line, v.id,
                educators.empty()
                    ? fmt::format("visit {} has no educators: core practice 5, educators visit in pairs", v.id)
                    : fmt::format("visit {} has one educator ({}): core practice 5, educators visit in pairs", v.id,
                                  educators.front()),
                "list both educators in educators, joined by \";\" (like T014;T022)");
    }
}

void check_cp5_reflection(const Context& ctx, Findings& out)
{
    const int within = ctx.repo.config.practices.reflection_within_days;
    for (const auto& v : ctx.repo.visits) {
        if (!v.completed() || !v.date)
            continue;
        std::string what;
        if (!v.reflected_on)
            what = "has no reflected_on date";
        else if (*v.reflected_on < *v.date)
            what = fmt::format("was reflected on {}, before the visit", v.reflected_on->str());
        else if (*v.reflected_on - *v.date > within)
            what = fmt::format("was reflected on {}, {} days after it", v.reflected_on->str(),
                               *v.reflected_on - *v.date);
        else
            continue;
        out.add("CP5-reflection", "visits.csv", v.line, v.id,
                fmt::format("visit {} {}: core practice 5, the pair reflects together within {} days", v.id, what,
                            within),
                "record the day the pair reflected in reflected_on");
    }
}

} // namespace pthv::rules
