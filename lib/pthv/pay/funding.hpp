#pragma once
// Who pays, and what each funding source has left (docs/data.md, funding; docs/guide.md,
// payroll and report). A site's spending goes to the first source that lists
// the site, else to the source with no sites list. A visit is spent at the
// visit's site (Repo::visit_site), a training at the staff member's home site.
// All figures are model::Money (integer cents); nothing here reads files.

#include <string>
#include <string_view>
#include <vector>

#include <pthv/model/facts.hpp>
#include <pthv/pay/items.hpp>

namespace pthv::pay {

// The funding source paying for `site_id`; empty when no source does (no
// source lists it and every source has a sites list).
// A view of pthv.yaml's text, as long as `config` lives.
std::string_view funding_source(const model::Config& config, std::string_view site_id);

struct SourceBudget {
    std::string source;  // as named in pthv.yaml; empty: spending no source pays
    model::Money budget; // funding[].amount; 0.00 for a source that is not in pthv.yaml
    model::Money closed; // paid in closed ledgers (payroll/*.csv)
    model::Money period; // paid by items not yet in a closed ledger
    model::Money left;   // budget - closed - period (see each function for the dates counted)
    bool over() const { return left < model::Money{}; }
};

struct SiteSpend {
    std::string site_id;
    std::string source; // who pays for it (funding_source)
    model::Money closed;
    model::Money period;
};

struct Spending {
    std::vector<SourceBudget> sources; // pthv.yaml order, then sources only ledgers name, then "" (none)
    std::vector<SiteSpend> sites;      // by site_id: every active site, and every other site with spending
};

// Payroll's figures: `closed` sums every line of every closed ledger (its
// own source column, else the site's source today); `period` sums the paid
// and late `items`; left = budget - closed - period.
Spending payroll_spending(const model::Repo& repo, const std::vector<PayItem>& items);


// A report's figures for the dates from..to: `closed` sums closed-ledger
// lines dated in the range, `period` the compensable items dated in the range
// that no closed ledger holds yet (what the next payroll will pay), and
// `left` is the budget minus everything spent, closed or not, dated up to
// `to` (so for the whole school year, or a range from its start, left =
// budget - closed - period).
Spending spending_between(const model::Facts& facts, const std::vector<VisitWork>& work, model::Date from,
                          model::Date to);

// Payroll's warnings on `spending` (payroll_spending), one sentence each:
// spending that no funding source pays for, and each source that would go
// below zero. Empty when every source covers what it pays.
std::vector<std::string> budget_warnings(const Spending& spending);

} // namespace pthv::pay
