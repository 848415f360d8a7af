#include <pthv/record/event.hpp>

#include <algorithm>

namespace pthv::record {

std::string next_event_id(const model::Repo& repo, model::Date date)
{
    std::string day = date.str();
    day.erase(std::remove(day.begin(), day.end(), '-'), day.end());
    const std::string stem = "E" + day + "-";
    for (int n = 1;; ++n) {
        const std::string id = stem + std::to_string(n);
        if (!repo.names.events.defined(repo.names.events.find(id)))
            return id;
    }
}

std::string future_event_refusal(model::Date date, model::Date today)
{
    if (date <= today)
        return {};
    return "is after today (" + today.str() + "): record an event once it has taken place";
}

} // namespace pthv::record
