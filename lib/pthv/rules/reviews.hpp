#pragma once
// Reviewed findings (reviews.csv): a practice finding records what really
// happened, so the coordinator says "seen, decided" instead of falsifying the
// log or turning a rule off for the whole district.

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <pthv/model/problem.hpp>
#include <pthv/model/repo.hpp>

namespace pthv::rules {

// Marks every finding in `problems` whose (rule, record) reviews.csv lists
// as reviewed, and appends review-invalid for a review that names an unknown
// or data-integrity rule, and review-stale for one whose rule was checked in
// full (`checked(rule)`) yet matches no finding: the data changed.
void apply_reviews(const model::Repo& repo, model::Problems& problems,
                   const std::function<bool(std::string_view rule)>& checked);

// The rules a finding of which can be reviewed: every rule but the
// data-integrity ones (mistakes in the data, fixed there), in table order.
std::vector<std::string> reviewable_rule_ids();

// Why a finding of `rule` cannot be reviewed, "" when it can: no rule has
// that id, or it is a data-integrity rule.
std::string review_rule_refusal(const std::string& rule);

// Why a review of `record` by `by` with `note` cannot be written, "" when
// it can: a review says why the finding stands, so the note is required,
// and none of the three may hold a control character (it is printed later).
std::string review_cells_refusal(const std::string& record, const std::string& note, const std::string& by);

// The finding of `rule` naming `record` among `problems` (the repo's
// findings today) that a review would cover; nullptr with `why` set when
// there is none (a typo in RECORD would be a review of nothing) or it is
// reviewed already.
const model::Problem* finding_to_review(const model::Problems& problems, const std::string& rule,
                                        const std::string& record, std::string& why);

} // namespace pthv::rules
