#pragma once
// Closing a pay period (docs/payroll.md, `payroll --close`): what refuses
// it. The ledger itself is pay::ledger_text, written by pay::write_ledger.

#include <string>

#include <pthv/model/problem.hpp>

namespace pthv::record {

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

} // namespace pthv::record
