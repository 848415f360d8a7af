#pragma once
// The pay period payroll's options name, and closing it (docs/payroll.md,
// `payroll --close`): what refuses it. The ledger itself is
// pay::ledger_text, written by pay::write_ledger.

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>

#include <pthv/model/problem.hpp>
#include <pthv/model/facts.hpp>
#include <pthv/pay/items.hpp>
#include <pthv/pay/render.hpp>
#include <pthv/record/apply.hpp>

namespace pthv::record {

// A pay period as the options give it: --month YYYY-MM, or --from D --to D
// (the text typed); `close` for --close.
struct PeriodOptions {
    std::string month;
    std::string from;
    std::string to;
    bool close = false;
};

// The period `o` names, or in `refused` the one problem saying why it names
// none (its message names the options): a month and a range both given, a
// month or a date that is not one, --close without --month (a closed period
// is one month), no period at all, --to before --from.
struct PeriodChoice {
    pay::Period period;
    std::optional<model::Problem> refused;
};
PeriodChoice choose_period(const PeriodOptions& o);

// The refusal of a second close of `month` (YYYY-MM): its ledger exists,
// and a closed period is never rewritten.
model::Problem period_closed(const std::string& month);

// What stops a close: each error of `problems` (validate's findings) that
// no review covers. Empty when the period may be closed.
model::Problems close_blockers(const model::Problems& problems);

// What unblocks a close stopped by `blockers`: fixing the data, or, for a
// practice or other finding that stands as it happened, a review naming
// the first such finding (`pthv review RULE RECORD`); data-integrity
// errors cannot be reviewed.
std::string unblock_advice(const model::Problems& blockers);

// The refusal of closing `month` when validate finds `errors` errors, of
// which `blockers` (close_blockers) are listed: "cannot close 2026-10:
// validate finds 3 errors (listed above); " and unblock_advice.
std::string close_refusal(const std::string& month, std::size_t errors, const model::Problems& blockers);

// The refusal of closing `month` when validate's findings, `problems`,
// hold an error: its blockers (close_blockers) listed, close_refusal the
// message. nullopt when the period may be closed.
std::optional<Refusal> close_refused(const std::string& month, const model::Problems& problems);

// The payroll of `period` as it is shown: `items` (pay_items) with the
// findings of `problems` beside them (pay::attach_findings), the spending
// to the period's end, validate's tally and the budget warnings. The view
// refers to `items` and the repo of `facts`.
pay::PayrollView payroll_view(const model::Facts& facts, const pay::Period& period,
                              std::vector<pay::PayItem>& items, const model::Problems& problems);

// Writes the closed period's ledger of `view` under `root` and names it in
// view.closed_file. Returns the refusal (period_closed) when the ledger is
// there already, having written nothing; throws util::FileError when the
// system refuses.
std::string write_closed_period(const std::filesystem::path& root, pay::PayrollView& view);

} // namespace pthv::record
