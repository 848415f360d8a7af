// pthv review RULE RECORD --note TEXT: the coordinator has seen a finding
// and lets it stand (reviews.csv). A review explains a breach, it does not
// erase it: the finding is still printed (reviewed[RULE]) and still counts
// in the report's fidelity figures, but it stops neither `payroll --close`
// nor the pre-commit hook.

#include <fmt/format.h>
#include <memory>

#include "commands.hpp"

#include <pthv/rules/registry.hpp>
#include <pthv/rules/review_list.hpp>
#include <pthv/rules/reviews.hpp>

namespace pthv::cmd {

namespace {

constexpr const char* k_reviews_file = "reviews.csv";

struct ReviewOptions {
    std::string rule;
    std::string record;
    std::string note;
    std::string by;
    bool list = false;
    WriteOptions write;
};

int run_add(const ReviewOptions& o, Session& session)
{
    if (const auto why = rules::review_rule_refusal(o.rule); !why.empty())
        throw UsageError(why);
    if (const auto why = rules::review_cells_refusal(o.record, o.note, o.by); !why.empty())
        throw UsageError(why);

    const auto lock = lock_repo(session, o.write.lock_timeout);
    // The first review creates reviews.csv (written whole, header and row).
    const record::Current current = load_for_append(session, k_reviews_file);

    // Only a finding that stands today can be reviewed: a typo in RECORD
    // would otherwise be a review of nothing (review-stale).
    const auto problems = rules::check_repo(current.loaded.repo, current.loaded.problems);
    std::string why;
    const model::Problem* found = rules::finding_to_review(problems, o.rule, o.record, why);
    if (!found)
        throw UsageError(why);

    const record::Edit edit = record::append_records(
        current, k_reviews_file,
        {{{"rule", o.rule}, {"record", o.record}, {"reviewed_on", session.as_of().str()}, {"by", o.by}, {"note", o.note}}});
    std::string done = format_problem_line(*found, false);
    done = fmt::format("Reviewed: {}{} stays in the log and the reports; it no longer blocks payroll or commits.\n",
                       done, o.rule);
    return check_and_write(session, current, edit, o.write, done, "the review");
}

int run_list(Session& session)
{
    const std::string format = session.format(formats_of("review"));
    auto& loaded = session.load();
    const auto problems = rules::check_repo(session.facts(), session.work_started(), loaded.problems);
    session.out() = rules::render_reviews(loaded.repo, problems, format);
    session.finish();
    return k_exit_ok;
}

} // namespace

Runner setup_review(CLI::App& sub)
{
    auto o = std::make_shared<ReviewOptions>();
    sub.add_option("rule", o->rule, "The finding's rule id, e.g. CP2-trained")->type_name("RULE");
    sub.add_option("record", o->record, "The record it names: a visit_id, staff_id, site_id, district, ...")
        ->type_name("RECORD");
    sub.add_option("--note", o->note, "Why it stands (required): kept with the review")->type_name("TEXT");
    sub.add_option("--by", o->by, "Who reviewed it: a staff_id or a name")->type_name("ID");
    sub.add_flag("--list", o->list, "List the reviews and the finding each covers");
    add_write_options(sub, o->write);
    sub.footer("Examples:\n"
               "  pthv review CP2-trained V20251001-ST0495 --by C01 \\\n"
               "      --note \"trained the next week; principal approved\"\n"
               "  pthv review --list\n\n"
               "A reviewed finding prints as reviewed[RULE], counts in neither errors nor warnings,\n"
               "and blocks neither payroll --close nor the pre-commit hook; the report still counts\n"
               "it in fidelity. Data-integrity findings cannot be reviewed: fix the data.\n"
               "The review is written to reviews.csv (docs/data.md); a review that no longer matches\n"
               "a finding is reported as review-stale.");
    return [o](Session& s) {
        if (o->list) {
            if (!o->rule.empty())
                throw UsageError("--list takes no RULE or RECORD");
            return run_list(s);
        }
        if (o->rule.empty() || o->record.empty())
            throw UsageError("name the finding: pthv review RULE RECORD --note TEXT (or --list)");
        return run_add(*o, s);
    };
}

} // namespace pthv::cmd
