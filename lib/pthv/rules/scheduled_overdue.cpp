// scheduled-overdue (docs/rules.md): a scheduled visit whose day has passed
// happened, was cancelled, or needs a new date; left as it is, it vanishes
// from every count without a trace.

#include <fmt/format.h>

#include <pthv/rules/checks.hpp>

namespace pthv::rules {

using namespace pthv::model;

void check_scheduled_overdue(const Context& ctx, Findings& out)
{
    for (const auto& v : ctx.repo.visits)
        if (v.status == VisitStatus::Scheduled && v.date && *v.date < ctx.repo.as_of) {
            const std::string_view id = ctx.repo.id(v.id);
            out.on_visit("scheduled-overdue", ctx.repo, v,
                    fmt::format("visit {} is still scheduled for {}, which has passed", id, v.date->str()),
                    fmt::format("record what happened: pthv log-visit --update {} --status completed (with its "
                                "time, minutes and focus), cancelled or no_show; or give it a new date",
                                id));
        }
}

} // namespace pthv::rules
