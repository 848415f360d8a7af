// pthv review RULE RECORD --note TEXT: the coordinator has seen a finding
// and lets it stand (reviews.csv). A review explains a breach, it does not
// erase it: the finding is still printed (reviewed[RULE]) and still counts
// in the report's fidelity figures, but it stops neither `payroll --close`
// nor the pre-commit hook.

#include <memory>

#include "commands.hpp"

#include <pthv/record/help.hpp>
#include <pthv/record/review.hpp>
#include <pthv/rules/registry.hpp>
#include <pthv/rules/review_list.hpp>
#include <pthv/rules/reviews.hpp>

namespace pthv::cmd {

namespace {

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
    refuse_if(rules::review_rule_refusal(o.rule));
    refuse_if(rules::review_cells_refusal(o.record, o.note, o.by));
    const auto lock = lock_repo(session, o.write.lock_timeout);
    // The first review creates reviews.csv (written whole, header and row).
    const record::Current current = open_change(session, "reviews.csv", nullptr, true);
    const auto review = record::new_review(current, o.rule, o.record, o.note, o.by, session.as_of());
    return check_and_write(session, current, review, o.write);
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
    sub.footer(record::help_footer("review"));
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
