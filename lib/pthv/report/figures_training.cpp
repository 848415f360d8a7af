// Training (core practice 2, trained): how many staff are current, due for
// a refresher, expired or untrained as of --as-of, and the sessions held in
// the period. The status itself comes from model/training_status, the one
// place that decides it for roster and report alike.

#include <pthv/report/figures_detail.hpp>

#include <tuple>

#include <pthv/model/training_status.hpp>

namespace pthv::report {

Training training_figures(const model::Facts& facts, const FigureOptions& o, const std::set<std::string>& site_ids,
                          Figures& f)
{
    const model::Repo& repo = facts.repo();
    const auto in_scope = [&](const std::string& site) { return o.site.empty() || site == o.site; };
    Training out;

    // The staff who take part: active and opted in (core practice 1,
    // participation is voluntary).
    for (const auto& s : repo.staff) {
        if (!s.active || s.opted_in == false || !in_scope(s.site_id))
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
            if (site_ids.count(s.site_id))
                ++out.trained_per_site[s.site_id];
        }
    }

    // Sessions: trainings dated in the period, one per (date, kind, session).
    std::map<std::tuple<std::int32_t, std::string, std::string>, std::set<std::string>> sessions;
    for (const auto& t : repo.trainings) {
        if (!t.date || *t.date < o.period.from || *t.date > o.period.to)
            continue;
        const model::Staff* s = repo.find_staff(t.staff_id);
        if (!s || !in_scope(s->site_id))
            continue;
        const std::string kind = t.kind ? std::string(model::enum_name(*t.kind)) : std::string("unrecorded");
        sessions[{t.date->days(), kind, t.session}].insert(t.staff_id);
    }
    for (const auto& [key, staff] : sessions)
        f.training.sessions.push_back({model::Date::from_days(std::get<0>(key)), std::get<1>(key),
                                       std::get<2>(key), Count{static_cast<std::int64_t>(staff.size()), Shown::Exact}});
    return out;
}

} // namespace pthv::report
