// Core practice 3: the first visit is about relationships, hopes and
// dreams, not grades.

#include <fmt/format.h>

#include <pthv/rules/checks.hpp>

namespace pthv::rules {

using namespace pthv::model;

void check_cp3_first_focus(const Context& ctx, Findings& out)
{
    for (std::size_t i = 0; i < ctx.repo.visits.size(); ++i) {
        const Visit& v = ctx.repo.visits[i];
        if (!v.completed() || !v.focus || *v.focus == Focus::HopesAndDreams || !ctx.facts.is_first_visit(i))
            continue;
        out.on_visit("CP3-first-focus", ctx.repo, v,
                fmt::format("visit {} is student {}'s first visit this year, with focus {}: core practice 3, "
                            "the first visit is about hopes and dreams",
                            ctx.repo.id(v.id), ctx.repo.id(v.student), enum_name(*v.focus)),
                "keep academics for a later visit; if this was the conversation, set focus to hopes_and_dreams");
    }
}

} // namespace pthv::rules
