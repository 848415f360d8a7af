#pragma once
// Building events.csv rows (docs/data.md, events.csv).

#include <string>

#include <pthv/model/date.hpp>
#include <pthv/model/repo.hpp>

namespace pthv::record {

// A new event's id: E<yyyymmdd>-<n> with the lowest n from 1 that no event
// of `repo` has.
std::string next_event_id(const model::Repo& repo, model::Date date);

// Why an event dated `date` cannot be recorded as of `today`: events.csv
// records what took place (event-missing and the report count an event as
// held), so one dated ahead (a plan, or a mistyped year) would count before
// it happened. Empty when it can be.
std::string future_event_refusal(model::Date date, model::Date today);

} // namespace pthv::record
