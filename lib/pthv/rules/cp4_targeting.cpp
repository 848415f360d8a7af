// Core practice 4: no targeting. Visit all students or a cross-section, so
// no one is stigmatised. The analysis lives in stats/targeting (the same
// code as `pthv check-targeting`); this rule runs it by homeroom over the
// school year up to the as-of date and reports each (group, flag) found to
// over-represent a concern flag, with line 0 (docs/rules.md: a targeting finding
// belongs to no single row).

#include <fmt/format.h>

#include <pthv/model/period.hpp>
#include <pthv/rules/checks.hpp>
#include <pthv/stats/targeting.hpp>

namespace pthv::rules {

using namespace pthv::model;

void check_cp4_targeting(const Context& ctx, Findings& out)
{
    if (ctx.repo.flag_names.empty())
        return;
    std::string error;
    const auto period = parse_period("end-of-year", ctx.repo.config, ctx.repo.as_of, error);
    if (!period) // the school year has not begun: nobody can have been visited
        return;
    stats::TargetingOptions options;
    options.by = stats::GroupBy::Homeroom;
    options.from = period->from;
    options.to = period->to;
    const auto result = stats::analyse_targeting(ctx.facts, options);
    for (const auto& g : result.groups)
        for (const auto& t : g.flags)
            if (t.over)
                out.add(
                    "CP4-targeting", "visits.csv", 0, g.key,
                    fmt::format(
                        "{}: {} of the {} students visited have {}, against {} of the {} on the "
                        "roster (adjusted p = {:.2g}): core practice 4, visit all students or a "
                        "cross-section",
                        stats::describe_group(result.by, g), t.flagged_visited, t.visited, t.flag,
                        t.flagged_roster, t.roster, t.q_over),
                    fmt::format(
                        "widen the visits to a cross-section (pthv check-targeting --by {})",
                        stats::group_by_name(result.by)));
}

} // namespace pthv::rules
