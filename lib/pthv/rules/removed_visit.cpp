// removed-visit-present (docs/rules.md): a visit that `log-visit --remove`
// took out is in visits.csv again. A merge line by line (a clone without
// pthv's merge driver) brings back a row one branch removed when the other
// changed it, without a conflict; removed_visits.csv is what remembers it.

#include <fmt/format.h>
#include <unordered_map>

#include <pthv/rules/checks.hpp>

namespace pthv::rules {

using namespace pthv::model;

void check_removed_visit_present(const Context& ctx, Findings& out)
{
    const Repo& repo = ctx.repo;
    if (repo.removed_visits.empty())
        return;
    // The removed ids that name a visit row, by handle (a removed id no row
    // has is not interned: it is not a reference).
    std::unordered_map<std::uint32_t, const RemovedVisit*> removed;
    for (const auto& r : repo.removed_visits) {
        const VisitId id = repo.names.visits.find(r.visit_id);
        if (repo.find(id))
            removed.emplace(id.value(), &r);
    }
    if (removed.empty())
        return;
    for (const Visit& v : repo.visits) {
        const auto it = removed.find(v.id.value());
        if (it == removed.end())
            continue;
        const RemovedVisit& r = *it->second;
        out.on_visit("removed-visit-present", ctx.repo, v,
                fmt::format("visit {} was removed{} (removed_visits.csv line {}: {}) but is in visits.csv again",
                            repo.id(v.id), r.removed_on ? " on " + r.removed_on->str() : std::string(), r.line,
                            r.reason),
                fmt::format("remove it again (pthv log-visit --remove {} --reason ...); if removing it was the "
                            "mistake, delete its line from removed_visits.csv",
                            repo.id(v.id)));
    }
}

} // namespace pthv::rules
