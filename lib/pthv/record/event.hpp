#pragma once
// Building events.csv rows (docs/data.md, events.csv).

#include <string>
#include <vector>

#include <pthv/model/date.hpp>
#include <pthv/model/repo.hpp>
#include <pthv/record/apply.hpp>

namespace pthv::record {

// A new event's id: E<yyyymmdd>-<n> with the lowest n from 1 that no event
// of `repo` has.
std::string next_event_id(const model::Repo& repo, model::Date date);

// Why an event dated `date` cannot be recorded as of `today`: events.csv
// records what took place (event-missing and the report count an event as
// held), so one dated ahead (a plan, or a mistyped year) would count before
// it happened. Empty when it can be.
std::string future_event_refusal(model::Date date, model::Date today);

// Why a new event's cells as given (event add's --date, --kind, --title,
// --attendees, named by their option) cannot make a row: not a date, not an
// event kind, no title, not a number of people (0 to 1000000). "" when they
// can; the date is then a date.
std::string event_cells_refusal(const std::string& date, const std::string& kind, const std::string& title,
                                const std::string& attendees);

// A new event as `event add` gives it: its cells, each named by its option.
struct EventCells {
    std::string date, kind, title, site, attendees;
    std::vector<std::string> staff;
    std::string notes;
};

// The events.csv row of `cells` (checked by event_cells_refusal, the
// ids they name known) under a new id (next_event_id), appended to
// events.csv as `current` holds it; `done` prints the id.
NewRows new_event(const Current& current, const EventCells& cells, bool dry_run);

} // namespace pthv::record
