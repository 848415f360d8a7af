// Core practice 5: educators visit in pairs, and reflect together afterwards.

#include <fmt/format.h>

#include <pthv/rules/checks.hpp>
#include <pthv/util/strings.hpp>

namespace pthv::rules {

using namespace pthv::model;

namespace {

// How many people a visit needs: two, but one educator for a video call
// unless practices.virtual_pair says a virtual visit is paired too.
std::size_t people_needed(const Repo& repo, const Visit& v)
{
    return v.mode == Mode::Virtual && !repo.config.practices.virtual_pair ? 1 : 2;
}

} // namespace

// CP5-pair counts distinct people among the educators and the interpreter
// (an educator and an interpreter are a pair).
void check_cp5_pair(const Context& ctx, Findings& out)
{
    const Repo& repo = ctx.repo;
    for (std::size_t i = 0; i < repo.visits.size(); ++i) {
        const Visit& v = repo.visits[i];
        if (!v.completed())
            continue;
        const auto educators = ctx.facts.educators(i);
        const std::size_t needed = people_needed(repo, v);
        if (ctx.facts.people(i) >= needed && !educators.empty())
            continue;
        const std::string_view id = repo.id(v.id);
        if (needed == 1) {
            out.on_visit("CP5-pair", ctx.repo, v,
                    fmt::format("virtual visit {} has no educators: core practice 5, an educator takes part", id),
                    "list the educator in educators");
            continue;
        }
        auto& p = out.on_visit("CP5-pair", ctx.repo, v,
                educators.empty()
                    ? fmt::format("visit {} has no educators: core practice 5, educators visit in pairs", id)
                    : fmt::format("visit {} has one educator ({}): core practice 5, educators visit in pairs", id,
                                  repo.id(educators.front())),
                "list both educators in educators, joined by \";\" (like T014;T022)");
        if (educators.size() == 1)
            p.staff = {std::string(repo.id(educators.front()))};
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
        out.on_visit("CP5-reflection", ctx.repo, v,
                fmt::format("visit {} {}: core practice 5, the pair reflects together within {} days", ctx.repo.id(v.id), what,
                            within),
                "record the day the pair reflected in reflected_on");
    }
}

} // namespace pthv::rules
