// Core practice 4: no targeting. Visit all students or a cross-section, so
// no one is stigmatised. The analysis lives in stats/targeting; this rule
// reports each group found to over-represent a concern flag.

#include <fmt/format.h>

#include <pthv/rules/checks.hpp>
#include <pthv/stats/targeting.hpp>

namespace pthv::rules {

using namespace pthv::model;

void check_cp4_targeting(const Context& ctx, Findings& out)
{
    if (ctx.repo.flag_names.empty())
        return;
    stats::TargetingOptions options;
    options.from = ctx.repo.config.school_year.start;
    options.to = std::min(ctx.repo.config.school_year.end, ctx.repo.as_of);
    const auto result = stats::analyse_targeting(ctx.facts, options);
    for (const auto& g : result.groups)
        for (const auto& t : g.flags)
            if (t.over)
                out.add("CP4-targeting", "visits.csv", 0, g.key,
                        fmt::format("homeroom {}: {} of the {} students visited have {}, against {} of the {} on "
                                    "the roster (adjusted p = {:.2g}): core practice 4, visit all students or a "
                                    "cross-section",
                                    g.key, t.flagged_visited, g.visited, t.flag, t.flagged_roster, g.roster,
                                    t.q_over),
                        "widen the visits in this class to a cross-section (pthv check-targeting --by homeroom)");
}

} // namespace pthv::rules
