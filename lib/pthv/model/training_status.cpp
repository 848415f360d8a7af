#include <pthv/model/training_status.hpp>

namespace pthv::model {

std::string_view training_status_name(TrainingStatus s)
{
    switch (s) {
    case TrainingStatus::Current: return "current";
    case TrainingStatus::DueSoon: return "due-soon";
    case TrainingStatus::Expired: return "expired";
    case TrainingStatus::Untrained: return "untrained";
    }
    return "untrained";
}

std::optional<TrainingStatus> parse_training_status(std::string_view text)
{
    for (const auto s : {TrainingStatus::Current, TrainingStatus::DueSoon, TrainingStatus::Expired,
                         TrainingStatus::Untrained})
        if (training_status_name(s) == text)
            return s;
    return std::nullopt;
}

StaffTraining training_status(const Repo& repo, const Facts& facts, StaffId staff, Date as_of)
{
    StaffTraining out;
    const TrainingTimeline* tl = facts.training(staff);
    if (!tl)
        return out;
    out.intro = tl->intro_on_or_before(as_of);
    out.latest = tl->latest_on_or_before(as_of);
    if (!out.intro)
        return out; // a refresher alone does not make a visitor (CP2-trained asks for an intro)
    out.refresher_due = out.latest->add_months(repo.config.practices.refresher_months);
    // Same comparison as CP2-refresher: a visit on the due date is still fine.
    if (*out.refresher_due < as_of)
        out.status = TrainingStatus::Expired;
    else if (*out.refresher_due <= as_of.add_days(k_due_soon_days))
        out.status = TrainingStatus::DueSoon;
    else
        out.status = TrainingStatus::Current;
    return out;
}

std::vector<std::string> training_status_names()
{
    std::vector<std::string> names;
    for (int i = 0; i < 16; ++i) {
        const auto status = static_cast<TrainingStatus>(i);
        const std::string_view name = training_status_name(status);
        if (parse_training_status(name) != status)
            break;
        names.emplace_back(name);
    }
    return names;
}

} // namespace pthv::model
