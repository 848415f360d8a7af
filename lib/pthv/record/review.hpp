#pragma once
// A new row of reviews.csv (`pthv review RULE RECORD`, docs/data.md): the
// coordinator has seen a finding and lets it stand.

#include <string>

#include <pthv/model/date.hpp>
#include <pthv/record/apply.hpp>

namespace pthv::record {

// The review of the finding of `rule` naming `record` by `by` with `note`
// on `today`, appended to reviews.csv as `current` holds it (created when
// absent). Only a finding that stands today can be reviewed: a typo in
// RECORD would otherwise be a review of nothing (review-stale), so
// `refused` says when the repo has no such finding (rules::finding_to_review).
// `done` names the finding reviewed.
NewRows new_review(const Current& current, const std::string& rule, const std::string& record,
                   const std::string& note, const std::string& by, model::Date today);

} // namespace pthv::record
