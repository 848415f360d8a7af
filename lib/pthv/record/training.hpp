#pragma once
// Building trainings.csv rows (docs/data.md, trainings.csv): what refuses
// one (`roster train`).

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <pthv/model/repo.hpp>
#include <pthv/record/apply.hpp>

namespace pthv::record {

// Why `hours_x100` (hundredths of an hour attended) cannot be the hours of
// a training row of session `s` (`session_id` in sessions.csv): hours
// attended may be fewer than the session's (someone left early), never
// more, since the row is paid at the training rate (docs/payroll.md).
// Empty when it can be, or when the session has no hours.
std::string session_hours_refusal(std::int64_t hours_x100, const model::TrainingSession& s,
                                  std::string_view session_id);

// A training row as given (roster train's --date, --kind, --hours,
// --session: each option is named after its column).
struct TrainingCells {
    std::string date, kind, hours, session;
};

// Completes `cells` for `repo` and says why they cannot make a row ("" when
// they can), naming the option of the cell at fault. With sessions.csv,
// `session` names one of its sessions: the date, kind and hours not given
// come from it, a date or kind given must be the session's (trainings.csv's
// session cell must match it, docs/data.md) and hours at most its hours.
// Without the file, the session is free text and every cell is given. Then
// the date must be a date, the hours 0 to 24 (docs/payroll.md: no training
// pays a figure past what a ledger cell holds).
std::string complete_training(TrainingCells& cells, const model::Repo& repo);

// One trainings.csv row of `cells` (complete_training) for each staff id
// of `ids`, appended to trainings.csv as `current` holds it. An id unknown
// to staff.csv is refused as typed ("roster train ID: ..."), not as a line
// of trainings.csv that was never written.
NewRows new_trainings(const Current& current, TrainingCells cells, const std::vector<std::string>& ids,
                      bool dry_run);

} // namespace pthv::record
