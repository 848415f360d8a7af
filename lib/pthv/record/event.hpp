#pragma once
// Building events.csv rows (docs/data.md, events.csv).

#include <string>

#include <pthv/model/date.hpp>
#include <pthv/model/repo.hpp>

namespace pthv::record {

// A new event's id: E<yyyymmdd>-<n> with the lowest n from 1 that no event
// of `repo` has.
std::string next_event_id(const model::Repo& repo, model::Date date);

} // namespace pthv::record
