// Training (core practice 2, trained): how many staff are current, due for
// a refresher, expired or untrained as of --as-of, and the sessions held in
// the period. The status itself comes from model/training_status, the one
// place that decides it for roster and report alike.

#include <pthv/report/figures_detail.hpp>

#include <algorithm>
#include <climits>
#include <tuple>

#include <pthv/model/training_status.hpp>

namespace pthv::report {

namespace {

// Sessions: trainings dated in the period, one per (date, kind, session),
// counting distinct staff: the attendances sorted, then counted in runs.
void training_sessions(const model::Repo& repo, const FigureOptions& o, const SiteScope& scope, Figures& f)
{
    // kind 2: no kind recorded ("unrecorded" sorts after intro and refresher)
    using Attendance = std::tuple<std::int32_t, int, std::string_view, model::StaffId>;
    std::vector<Attendance> seen;
    for (const std::size_t i : scope.trainings(*o.basis)) {
        const model::Training& t = repo.trainings[i];
        if (!t.date || *t.date < o.period.from || *t.date > o.period.to)
            continue;
        seen.emplace_back(t.date->days(), t.kind ? static_cast<int>(*t.kind) : 2, t.session, t.staff);
    }
    std::sort(seen.begin(), seen.end());
    seen.erase(std::unique(seen.begin(), seen.end()), seen.end());
    for (std::size_t begin = 0, end = 0; begin < seen.size(); begin = end) {
        const auto& [days, kind, session, staff] = seen[begin];
        end = begin + 1;
        while (end < seen.size() && std::get<0>(seen[end]) == days && std::get<1>(seen[end]) == kind &&
               std::get<2>(seen[end]) == session)
            ++end;
        const std::string kind_name =
            kind == 2 ? std::string("unrecorded") : std::string(model::enum_name(static_cast<model::TrainingKind>(kind)));
        f.training.sessions.push_back({model::Date::from_days(days), kind_name, std::string(session),
                                       Count{static_cast<std::int64_t>(end - begin), Shown::Exact}});
    }
}

// Staff whose first intro training is dated in the period (the census's
// newly trained staff): every staff member of the scope, whatever their
// status now.
void trained_new(const model::Repo& repo, const FigureOptions& o, const SiteScope& scope, Figures& f)
{
    const std::vector<std::int32_t>& first = o.basis->first_intro;
    for (const std::size_t i : scope.staff(*o.basis)) {
        const model::Staff& s = repo.staff[i];
        if (first[s.id.index()] >= o.period.from.days() && first[s.id.index()] <= o.period.to.days())
            ++f.training.trained_new.value;
    }
}

} // namespace

Training training_figures(const model::Facts& facts, const FigureOptions& o, Figures& f)
{
    const model::Repo& repo = facts.repo();
    const SiteScope scope(repo, o.site);
    Training out;
    out.trained_per_site.assign(repo.names.sites.size() + 1, 0);

    // The staff who take part: active and opted in (core practice 1,
    // participation is voluntary).
    for (const std::size_t i : scope.staff(*o.basis)) {
        const model::Staff& s = repo.staff[i];
        if (!s.active || s.opted_in == false)
            continue;
        const auto st = model::training_status(repo, facts, s.id, repo.as_of).status;
        TrainingFigures& t = f.training;
        ++t.staff.value;
        switch (st) {
        case model::TrainingStatus::Current: ++t.current.value; break;
        case model::TrainingStatus::DueSoon: ++t.due_soon.value; break;
        case model::TrainingStatus::Expired: ++t.expired.value; break;
        case model::TrainingStatus::Untrained: ++t.untrained.value; break;
        }
        if (st == model::TrainingStatus::Current || st == model::TrainingStatus::DueSoon) {
            ++out.trained_all;
            ++out.trained_per_site[site_slot(s.site)];
        }
    }
    training_sessions(repo, o, scope, f);
    trained_new(repo, o, scope, f);
    return out;
}

} // namespace pthv::report
