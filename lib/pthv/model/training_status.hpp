#pragma once
// Where each staff member stands with training on a date (core practice 2:
// educators are trained before they visit, and kept current). Shared by
// `pthv roster` and the reports, so they always agree with each other and
// with CP2-trained / CP2-refresher.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <pthv/model/date.hpp>
#include <pthv/model/facts.hpp>
#include <pthv/model/repo.hpp>

namespace pthv::model {

enum class TrainingStatus {
    Current,   // trained, refresher not due within k_due_soon_days
    DueSoon,   // trained, refresher due within k_due_soon_days of the date
    Expired,   // the latest training is older than refresher_months (CP2-refresher would fire)
    Untrained, // no intro training on or before the date (CP2-trained would fire)
};

// "Due soon" looks this many days ahead: time to book a refresher session.
constexpr int k_due_soon_days = 60;

std::string_view training_status_name(TrainingStatus s); // current, due-soon, expired, untrained
std::optional<TrainingStatus> parse_training_status(std::string_view text);
// Every status's name, in declaration order.
std::vector<std::string> training_status_names();

struct StaffTraining {
    std::optional<Date> intro;         // earliest intro training on or before the date
    std::optional<Date> latest;        // latest training of any kind on or before the date
    std::optional<Date> refresher_due; // latest + refresher_months
    TrainingStatus status = TrainingStatus::Untrained;
};

// One staff member's training as of `as_of`; trainings dated later do not
// count yet. A staff id with no trainings is Untrained.
StaffTraining training_status(const Repo& repo, const Facts& facts, StaffId staff, Date as_of);

} // namespace pthv::model
