#pragma once
// The renderers of `pthv payroll`: text for people, CSV for the payroll
// office, JSON for scripts. Each lays out a PayrollView and computes no
// figure: the items, totals and spending come from items, funding and ledger.

#include <cstddef>
#include <string>
#include <vector>

#include <pthv/model/repo.hpp>
#include <pthv/pay/funding.hpp>
#include <pthv/pay/items.hpp>

namespace pthv::pay {

struct PayrollView {
    const model::Repo& repo;
    Period period;
    const std::vector<PayItem>& items; // pay_items order: by staff, date, kind, item_id
    Spending spending;
    std::size_t validate_errors = 0;   // validate's errors over the whole repo
    std::size_t validate_warnings = 0; // and its warnings
    std::vector<std::string> warnings; // budget warnings, one sentence each
    std::string closed_file;           // set when --close wrote the period's file
};

// For people: per staff member the items, rule, amount and total; then by
// site and by funding source. `quiet` prints only the warnings. Text from
// the data is made printable (util::printable_text): no raw ESC reaches a
// terminal.
std::string render_text(const PayrollView& view, bool quiet);
// For the payroll office: one line per item, the ledger columns first, then
// status, note, staff_name, rule, paid_minutes, findings; spreadsheet-safe.
std::string render_csv(const PayrollView& view);
// One deterministic object (nlohmann::ordered_json); money as "50.00" strings.
std::string render_json(const PayrollView& view);
// The view in `format`: "csv", "json", else text (render_text).
std::string render(const PayrollView& view, const std::string& format, bool quiet);

} // namespace pthv::pay
