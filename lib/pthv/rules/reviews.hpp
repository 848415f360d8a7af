#pragma once
// Reviewed findings (reviews.csv): a practice finding records what really
// happened, so the coordinator says "seen, decided" instead of falsifying the
// log or turning a rule off for the whole district.

#include <functional>
#include <string_view>

#include <pthv/model/problem.hpp>
#include <pthv/model/repo.hpp>

namespace pthv::rules {

// Marks every finding in `problems` whose (rule, record) reviews.csv lists
// as reviewed, and appends review-invalid for a review that names an unknown
// or data-integrity rule, and review-stale for one whose rule was checked in
// full (`checked(rule)`) yet matches no finding: the data changed.
void apply_reviews(const model::Repo& repo, model::Problems& problems,
                   const std::function<bool(std::string_view rule)>& checked);

} // namespace pthv::rules
