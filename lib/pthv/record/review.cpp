#include <pthv/record/review.hpp>

#include <fmt/format.h>

#include <pthv/rules/registry.hpp>
#include <pthv/rules/reviews.hpp>

namespace pthv::record {

NewRows new_review(const Current& current, const std::string& rule, const std::string& record,
                   const std::string& note, const std::string& by, model::Date today)
{
    NewRows out;
    out.what = "the review";
    const auto problems = rules::check_repo(current.loaded.repo, current.loaded.problems);
    const model::Problem* found = rules::finding_to_review(problems, rule, record, out.refused);
    if (!found)
        return out;
    out.refused.clear();
    out.edit = append_records(
        current, "reviews.csv",
        {{{"rule", rule}, {"record", record}, {"reviewed_on", today.str()}, {"by", by}, {"note", note}}});
    out.done = fmt::format(
        "Reviewed: {}{} stays in the log and the reports; it no longer blocks payroll or commits.\n",
        model::format_problem_line(*found, false), rule);
    return out;
}

} // namespace pthv::record
