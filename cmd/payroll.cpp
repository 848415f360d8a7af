// pthv payroll (docs/guide.md): what to pay whom for which visits and trainings,
// against the budget; --close writes the period's ledger once.

#include <memory>

#include "commands.hpp"

#include <pthv/io/repo_files.hpp>
#include <pthv/model/facts.hpp>
#include <pthv/pay/ledger.hpp>
#include <pthv/pay/render.hpp>
#include <pthv/record/help.hpp>
#include <pthv/record/pay_close.hpp>
#include <pthv/rules/registry.hpp>
#include <pthv/util/files.hpp>
#include <pthv/util/parallel.hpp>

namespace pthv::cmd {

namespace {

struct PayrollOptions {
    record::PeriodOptions period;
    double lock_timeout = 10.0;
};

int run_payroll(const PayrollOptions& o, Session& session)
{
    const std::string format = session.format(formats_of("payroll"));
    const record::PeriodChoice choice = record::choose_period(o.period);
    if (choice.refused)
        throw UsageError(choice.refused->message);
    const pay::Period& period = choice.period;
    const auto root = session.root();
    // A close holds the repo lock from before it reads the ledgers until its
    // own is written: the items are computed from the ledgers as they are
    // when it writes, so two closes at once (of one month or of two) never
    // pay one item twice. Log-visit and roster wait for it too.
    std::unique_ptr<util::RepoLock> lock;
    if (o.period.close)
        lock = std::make_unique<util::RepoLock>(root, o.lock_timeout);
    if (o.period.close && util::file_exists(root / pay::ledger_name(period.label)))
        throw UsageError(record::period_closed(period.label).message);

    auto& loaded = session.load();
    // Data that cannot be read cannot be paid from (docs/guide.md: exit 2).
    refuse_unreadable(io::unreadable(loaded), loaded.repo.config_ok, "compute pay");
    const model::Facts& facts = session.facts();
    // The visit work is made beside the rules that do not need it, and the
    // items, which do not depend on the findings, on a thread of their own
    // once it is done; the findings are attached when all is done.
    const rules::WorkFuture work = session.work_started();
    auto making = util::start_beside([&] { return pay::pay_items(facts, *work.get(), period); });
    const auto problems = rules::check_repo(facts, work, std::move(loaded.problems));
    if (o.period.close)
        refuse_if(record::close_refused(period.label, problems), ProblemLines::plain);

    pay::PayItems items = making.get(); // rethrows what the thread threw
    pay::PayrollView view = record::payroll_view(facts, period, items.list, problems);
    if (o.period.close)
        refuse_if(record::write_closed_period(root, view));
    session.out() = pay::render(view, format, session.global().quiet);
    session.finish();
    return view.warnings.empty() ? k_exit_ok : k_exit_findings;
}

} // namespace

Runner setup_payroll(CLI::App& sub)
{
    auto o = std::make_shared<PayrollOptions>();
    sub.add_option("--month", o->period.month, "The pay period: a calendar month")->type_name("YYYY-MM");
    sub.add_option("--from", o->period.from, "The pay period's first day (with --to)")->type_name("DATE");
    sub.add_option("--to", o->period.to, "The pay period's last day (with --from)")->type_name("DATE");
    sub.add_flag("--close", o->period.close,
                 "Write payroll/YYYY-MM.csv with the paid items (--month only); refused if the file exists or "
                 "validate finds errors");
    sub.add_option("--lock-timeout", o->lock_timeout,
                   "With --close: seconds to wait for another pthv writing to this repo (default 10)")
        ->type_name("SECONDS")
        ->check(lock_timeout_check());
    sub.footer(record::help_footer("payroll"));
    return [o](Session& s) { return run_payroll(*o, s); };
}

} // namespace pthv::cmd
