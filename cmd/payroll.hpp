#pragma once
// pthv payroll: what payroll.cpp computes (through lib/pthv/pay) and the
// renderers of payroll_render.cpp print. Renderers only lay out figures.

#include <string>
#include <vector>

#include <pthv/model/repo.hpp>
#include <pthv/pay/funding.hpp>
#include <pthv/pay/items.hpp>
#include <pthv/rules/registry.hpp>

namespace pthv::cmd {

struct PayrollView {
    const model::Repo& repo;
    pay::Period period;
    std::vector<pay::PayItem> items; // pay::pay_items order: by staff, date, kind, item_id
    pay::Spending spending;
    rules::Tally validate; // validate's errors and warnings over the whole repo
    std::vector<std::string> warnings; // budget warnings, one sentence each
    std::string closed_file;           // set when --close wrote the period's file
};

// For people: per staff member the items, rule, amount and total; then by
// site and by funding source. `quiet` prints only the warnings.
std::string render_payroll_text(const PayrollView& view, bool quiet);
// For the payroll office: one line per item, the ledger columns first, then
// status, note, staff_name, rule, paid_minutes, findings; spreadsheet-safe.
std::string render_payroll_csv(const PayrollView& view);
// One deterministic object (nlohmann::ordered_json); money as "50.00" strings.
std::string render_payroll_json(const PayrollView& view);

} // namespace pthv::cmd
