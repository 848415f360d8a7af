#pragma once
// The pay period payroll's options name, and closing it (docs/payroll.md,
// `payroll --close`): what refuses it. The ledger itself is
// pay::ledger_text, written by pay::write_ledger.

#include <cstddef>
#include <optional>
#include <string>

#include <pthv/model/problem.hpp>
#include <pthv/pay/items.hpp>

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

} // namespace pthv::record
