#pragma once
// Building trainings.csv rows (docs/data.md, trainings.csv): what refuses
// one (`roster train`).

#include <cstdint>
#include <string>
#include <string_view>

#include <pthv/model/repo.hpp>

namespace pthv::record {

// Why `hours_x100` (hundredths of an hour attended) cannot be the hours of
// a training row of session `s` (`session_id` in sessions.csv): hours
// attended may be fewer than the session's (someone left early), never
// more, since the row is paid at the training rate (docs/payroll.md).
// Empty when it can be, or when the session has no hours.
std::string session_hours_refusal(std::int64_t hours_x100, const model::TrainingSession& s,
                                  std::string_view session_id);

} // namespace pthv::record
