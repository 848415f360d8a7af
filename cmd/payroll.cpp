// pthv payroll (docs/guide.md): what to pay whom for which visits and trainings,
// against the budget; --close writes the period's ledger once.

#include <cstdio>
#include <memory>

#include "commands.hpp"

#include <pthv/io/repo_files.hpp>
#include <pthv/model/facts.hpp>
#include <pthv/pay/funding.hpp>
#include <pthv/pay/ledger.hpp>
#include <pthv/pay/render.hpp>
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
    if (o.period.close) {
        try {
            lock = std::make_unique<util::RepoLock>(root, o.lock_timeout);
        } catch (const util::FileError& e) {
            throw UsageError(e.what());
        }
    }
    if (o.period.close && util::file_exists(root / pay::ledger_name(period.label)))
        throw UsageError(record::period_closed(period.label).message);

    auto& loaded = session.load();
    // Data that cannot be read cannot be paid from (docs/guide.md: exit 2).
    refuse_unreadable(io::unreadable(loaded), loaded.repo.config_ok, "compute pay");
    const model::Repo& repo = loaded.repo;
    const model::Facts& facts = session.facts();
    // The visit work is made beside the rules that do not need it, and the
    // items, which do not depend on the findings, on a thread of their own
    // once it is done; the findings are attached when all is done.
    const rules::WorkFuture work = session.work_started();
    auto making = util::start_beside([&] { return pay::pay_items(facts, *work.get(), period); });
    const auto problems = rules::check_repo(facts, work, std::move(loaded.problems));
    const auto tally = rules::tally(problems);
    if (o.period.close && tally.errors > 0) {
        const model::Problems blockers = record::close_blockers(problems);
        for (const auto& p : blockers)
            std::fputs(format_problem_line(p, false).c_str(), stderr);
        throw UsageError(record::close_refusal(period.label, tally.errors, blockers));
    }

    pay::PayItems items = making.get(); // rethrows what the thread threw
    pay::attach_findings(items.list, facts, problems);
    pay::PayrollView view{repo, period, items.list, pay::payroll_spending(repo, items.list, period.to), tally.errors,
                          tally.warnings, {}, {}};
    view.warnings = pay::budget_warnings(view.spending);

    if (o.period.close) {
        try {
            if (pay::write_ledger(root, period.label, pay::ledger_text(repo, view.items, period.label)) ==
                pay::CloseOutcome::Exists)
                throw UsageError(record::period_closed(period.label).message);
        } catch (const util::FileError& e) {
            throw UsageError(e.what());
        }
        view.closed_file = pay::ledger_name(period.label);
    }

    if (format == "csv")
        session.out() = pay::render_csv(view);
    else if (format == "json")
        session.out() = pay::render_json(view);
    else
        session.out() = pay::render_text(view, session.global().quiet);
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
    sub.footer("Lists every visit and training no closed period has paid, dated in the school year up to the\n"
               "period's end: visits outside the school day (each educator once per visit event), trainings at\n"
               "the class's training rate. Held (partly in the school day, or no pay rule) and over-the-cap\n"
               "visits, and the period's visits wholly inside the school day, are listed at 0.00 with their\n"
               "status; earlier items logged late are paid now and marked late. Practice findings are shown\n"
               "beside the items and never stop pay.\n\n"
               "--close holds the repo's lock from reading the closed periods to writing its own, so two\n"
               "closes at once never pay one item twice.\n\n"
               "Examples:\n"
               "  pthv payroll --month 2026-10                      # what to pay for October\n"
               "  pthv payroll --month 2026-10 --format csv -o 2026-10.csv   # for the payroll office\n"
               "  pthv payroll --month 2026-10 --close              # write payroll/2026-10.csv, once\n\n"
               "--from D --to D lists any other range (summer, a pay cycle) without closing it.\n"
               "Formats: text (default), csv, json. Exit 1 when a funding source would go below zero;\n"
               "exit 2, nothing written, when --close is refused.");
    return [o](Session& s) { return run_payroll(*o, s); };
}

} // namespace pthv::cmd
