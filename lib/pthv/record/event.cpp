#include <pthv/record/event.hpp>

#include <algorithm>
#include <vector>

#include <fmt/format.h>

#include <pthv/model/enums.hpp>
#include <pthv/util/strings.hpp>

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

std::string event_cells_refusal(const std::string& date, const std::string& kind, const std::string& title,
                                const std::string& attendees)
{
    if (!model::Date::parse(date))
        return "--date " + date + ": not a date (YYYY-MM-DD)";
    if (!model::parse_enum<model::EventKind>(kind)) {
        std::vector<std::string> names;
        for (const model::EventKind k : model::k_event_kinds)
            names.emplace_back(model::enum_name(k));
        return "--kind " + kind + ": not an event kind (" + util::join(names, ", ") + ")";
    }
    if (util::trim(title).empty())
        return "--title: give the event a title, e.g. \"Fall family night\"";
    if (!attendees.empty()) {
        const bool digits = attendees.size() <= 7 && attendees.find_first_not_of("0123456789") == std::string::npos;
        if (!digits || std::stol(attendees) > 1000000)
            return "--attendees " + attendees + ": not a number of people (0 to 1000000)";
    }
    return {};
}

NewRows new_event(const Current& current, const EventCells& cells, bool dry_run)
{
    const char* file = "events.csv";
    const model::Repo& repo = current.loaded.repo;
    const std::string id = next_event_id(repo, *model::Date::parse(cells.date));
    const Fields fields = {{"event_id", id},         {"date", cells.date},
                           {"site_id", cells.site},  {"kind", cells.kind},
                           {"title", cells.title},   {"attendees", cells.attendees},
                           {"staff_ids", util::join(cells.staff, ";")}, {"notes", cells.notes}};
    NewRows out;
    out.what = "event " + id;
    out.refused = columns_refusal(file, repo.files.at(file).header, fields);
    if (!out.refused.empty())
        return out;
    out.edit = append_records(current, file, {fields});
    out.done = dry_run ? fmt::format("would add {} to {}:\n  {}\n", id, file, util::trim(out.edit.rows)) : id + "\n";
    return out;
}

} // namespace pthv::record
