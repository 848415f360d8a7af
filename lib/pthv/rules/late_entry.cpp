// late-entry (docs/rules.md): a completed visit logged more than
// practices.log_within_days after it took place. Memories fade and pay
// waits on the log: visits are logged soon after they happen.

#include <fmt/format.h>

#include <pthv/rules/checks.hpp>

namespace pthv::rules {

using namespace pthv::model;

void check_late_entry(const Context& ctx, Findings& out)
{
    const int within = ctx.repo.config.practices.log_within_days;
    for (const auto& v : ctx.repo.visits) {
        if (!v.completed() || !v.date || !v.logged_on || *v.logged_on - *v.date <= within)
            continue;
        const std::string_view id = ctx.repo.id(v.id);
        out.on_visit("late-entry", ctx.repo, v,
                fmt::format("visit {} of {} was logged on {}, {} days after it (log within {} days)", id,
                            v.date->str(), v.logged_on->str(), *v.logged_on - *v.date, within),
                "log visits soon after they happen (pthv log-visit fills logged_on)");
    }
}

} // namespace pthv::rules
