#include <pthv/record/training.hpp>

#include <fmt/format.h>

#include <pthv/model/money.hpp>
#include <pthv/model/names.hpp>
#include <pthv/util/strings.hpp>

namespace pthv::record {

std::string session_hours_refusal(std::int64_t hours_x100, const model::TrainingSession& s,
                                  std::string_view session_id)
{
    if (!s.hours_x100 || hours_x100 <= *s.hours_x100)
        return {};
    return fmt::format("session {} lasts {} hours; a training row pays at most the session's hours", session_id,
                       model::format_hundredths(*s.hours_x100));
}

namespace {

// The session's value of a cell, or why the value given cannot be its.
std::string fill_from_session(std::string& value, const std::string& session_value, const char* option,
                              const model::TrainingSession& s, const std::string& id)
{
    if (value.empty()) {
        value = session_value;
        return {};
    }
    if (std::string(option) == "--hours") {
        const auto h = model::parse_hundredths(value);
        if (!h)
            return {}; // the hours check names it
        if (const auto why = session_hours_refusal(*h, s, id); !why.empty())
            return "--hours " + value + ": " + why +
                   ". Give the hours attended, or leave --hours out. Nothing was written.";
        return {};
    }
    if (value != session_value)
        return fmt::format("{} {}: session {} has {} {}; nothing was written", option, value, id, option + 2,
                           session_value);
    return {};
}

std::string session_refusal(TrainingCells& c, const model::Repo& repo)
{
    if (c.session.empty() || !repo.has_file("sessions.csv"))
        return {};
    const model::SessionId id = repo.names.sessions.find(c.session);
    if (!repo.names.sessions.defined(id))
        return "--session " + c.session + ": no session of sessions.csv has this id" +
               model::did_you_mean(repo.names.sessions.closest(c.session));
    const model::TrainingSession* found = repo.find(id);
    if (!found)
        return {};
    const model::TrainingSession& s = *found;
    for (const auto& why :
         {fill_from_session(c.date, s.date ? s.date->str() : "", "--date", s, c.session),
          fill_from_session(c.kind, s.kind ? std::string(model::enum_name(*s.kind)) : "", "--kind", s, c.session),
          fill_from_session(c.hours, s.hours_x100 ? model::format_hundredths(*s.hours_x100) : "", "--hours", s,
                            c.session)})
        if (!why.empty())
            return why;
    return {};
}

} // namespace

std::string complete_training(TrainingCells& c, const model::Repo& repo)
{
    if (auto why = session_refusal(c, repo); !why.empty())
        return why;
    for (const auto& [option, value] : {std::pair<const char*, const std::string&>{"--date", c.date},
                                        {"--kind", c.kind}, {"--hours", c.hours}})
        if (value.empty())
            return std::string(option) + " is required (or --session naming a session of sessions.csv)";
    if (!model::Date::parse(c.date))
        return "--date " + c.date + ": not a date (YYYY-MM-DD)";
    const auto h = model::parse_hundredths(c.hours);
    if (!h || *h < 0)
        return "--hours " + c.hours + ": not a number of hours (like 3 or 2.5)";
    if (*h > 24 * 100)
        return "--hours " + c.hours + ": at most 24 hours a training row";
    return {};
}

NewRows new_trainings(const Current& current, TrainingCells cells, const std::vector<std::string>& ids,
                      bool dry_run)
{
    const char* file = "trainings.csv";
    const model::Repo& repo = current.loaded.repo;
    NewRows out;
    out.what = "training";
    out.refused = complete_training(cells, repo);
    const auto& staff = repo.names.staff;
    for (const auto& id : ids)
        if (out.refused.empty() && !staff.defined(staff.find(id)))
            out.refused = "roster train " + id + ": no staff member has this id in staff.csv" +
                          model::did_you_mean(staff.closest(id)) + " Nothing was written.";
    std::vector<Fields> rows;
    for (const auto& id : ids) {
        rows.push_back({{"staff_id", id}, {"date", cells.date}, {"kind", cells.kind}, {"hours", cells.hours},
                        {"session", cells.session}});
        if (out.refused.empty())
            out.refused = columns_refusal(file, repo.files.at(file).header, rows.back());
    }
    if (!out.refused.empty())
        return out;
    out.edit = append_records(current, file, rows);
    out.done = dry_run ? fmt::format("would add to trainings.csv:\n{}", out.edit.rows)
                       : fmt::format("recorded the {} training of {} for {}\n", cells.kind, cells.date,
                                     util::join(ids, ", "));
    return out;
}

} // namespace pthv::record
