#include <pthv/rules/reviews.hpp>

#include <fmt/format.h>
#include <map>

#include <pthv/rules/registry.hpp>
#include <pthv/util/strings.hpp>

namespace pthv::rules {

using model::Severity;

void apply_reviews(const model::Repo& repo, model::Problems& problems,
                   const std::function<bool(std::string_view rule)>& checked)
{
    if (repo.reviews.empty())
        return;
    // The first review of a (rule, record) counts; a second is duplicate-key.
    std::map<std::pair<std::string_view, std::string_view>, const model::Review*> by_key;
    for (const auto& r : repo.reviews)
        by_key.emplace(std::make_pair(std::string_view(r.rule), std::string_view(r.record)), &r);

    std::map<const model::Review*, bool> matched;
    for (auto& p : problems) {
        const auto it = by_key.find({p.rule, p.record});
        if (it == by_key.end())
            continue;
        const model::Review& r = *it->second;
        const Rule* rule = find_rule(r.rule);
        if (!rule || rule->kind == RuleKind::Integrity)
            continue; // review-invalid below: it marks nothing
        p.reviewed = model::ReviewMark{r.reviewed_on ? r.reviewed_on->str() : std::string(), r.by, r.note};
        matched[&r] = true;
    }

    model::Problems added;
    for (const auto& [key, review] : by_key) {
        const model::Review& r = *review;
        const Rule* rule = find_rule(r.rule);
        if (!rule) {
            const std::string near = util::closest_match(r.rule, rule_ids());
            added.push_back({"review-invalid", Severity::Error, "reviews.csv", r.line, r.record,
                             fmt::format("the review of {} names the rule \"{}\", which does not exist", r.record,
                                         r.rule),
                             near.empty() ? "`pthv explain` lists the rule ids" : "did you mean " + near + "?"});
        } else if (rule->kind == RuleKind::Integrity) {
            added.push_back({"review-invalid", Severity::Error, "reviews.csv", r.line, r.record,
                             fmt::format("the review of {} names {}, a data-integrity rule: such a finding is a "
                                         "mistake in the data and cannot be reviewed",
                                         r.record, r.rule),
                             "fix the data, and remove this review"});
        } else if (!matched.count(&r) && checked(r.rule)) {
            added.push_back({"review-stale", Severity::Warning, "reviews.csv", r.line, r.record,
                             fmt::format("the review of {} for {} matches no current finding: the data changed "
                                         "since it was reviewed",
                                         r.rule, r.record),
                             "remove the review, or fix its rule or record"});
        }
    }
    problems.insert(problems.end(), added.begin(), added.end());
}

std::vector<std::string> reviewable_rule_ids()
{
    std::vector<std::string> ids;
    for (const auto& r : all_rules())
        if (r.kind != RuleKind::Integrity)
            ids.emplace_back(r.id);
    return ids;
}

std::string review_cells_refusal(const std::string& record, const std::string& note, const std::string& by)
{
    if (util::trim(note).empty())
        return "--note: say why the finding stands (it is kept with the review)";
    for (const auto* text : {&note, &by, &record})
        if (util::printable(*text) != *text)
            return "control characters are not allowed in a review: " + util::printable(*text);
    return {};
}

std::string review_rule_refusal(const std::string& id)
{
    const Rule* r = find_rule(id);
    if (!r) {
        const std::string near = util::closest_match(id, rule_ids());
        return "no rule has the id " + id + (near.empty() ? "; `pthv explain` lists them" : "; did you mean " + near + "?");
    }
    if (r->kind == RuleKind::Integrity)
        return id + " is a data-integrity rule: fix the data instead (`pthv explain " + id + "`)";
    return {};
}

const model::Problem* finding_to_review(const model::Problems& problems, const std::string& rule,
                                        const std::string& record, std::string& why)
{
    const model::Problem* found = nullptr;
    std::vector<std::string> records;
    for (const auto& p : problems)
        if (p.rule == rule) {
            records.push_back(p.record);
            if (p.record == record && !found)
                found = &p;
        }
    if (!found) {
        const std::string near = util::closest_match(record, records);
        why = fmt::format("no current {} finding names {}{}; nothing was written", rule, record,
                          !near.empty()     ? " (did you mean " + near + "?)"
                          : records.empty() ? fmt::format(" (validate finds no {} at all)", rule)
                                            : std::string());
        return nullptr;
    }
    if (found->reviewed) {
        why = fmt::format("{} for {} was reviewed on {}{}: {}", rule, record, found->reviewed->on,
                          found->reviewed->by.empty() ? "" : " by " + found->reviewed->by, found->reviewed->note);
        return nullptr;
    }
    return found;
}

} // namespace pthv::rules
