#pragma once
// `pthv review --list`: each line of reviews.csv with the current findings
// it covers.

#include <string>

#include <pthv/model/problem.hpp>
#include <pthv/model/repo.hpp>

namespace pthv::rules {

// The reviews of `repo`, each with the findings of `problems` (marked by
// mark_reviewed) it covers. `format` "json": an array of objects (rule,
// record, reviewed_on, by, note, line, covers: file, line, message); else
// text: "reviews.csv:LINE: RULE RECORD reviewed DAY by WHO: NOTE", then a
// "covers" line per finding, or the review-stale advice when it covers none;
// a line saying there are none when reviews.csv is empty or absent.
std::string render_reviews(const model::Repo& repo, const model::Problems& problems, const std::string& format);

} // namespace pthv::rules
