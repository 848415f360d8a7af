#pragma once
// Who pays, and what each funding source has left (docs/data.md, funding;
// docs/payroll.md, which source pays). An item goes to the first source, in
// pthv.yaml's order, that lists its site (or lists no sites) and whose
// period holds the item's date; an item no source pays is unfunded. A visit
// is spent at the visit's site (Repo::visit_site), a training at the staff
// member's home site. All figures are model::Money (integer cents); nothing
// here reads files.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <pthv/model/facts.hpp>
#include <pthv/pay/items.hpp>

namespace pthv::pay {

// The days `f` may pay for: funding[].period, else the school year.
model::DateRange funding_period(const model::Config& config, const model::FundingSource& f);

// Whether `f` may pay for an item at `site_id` (empty: no site) dated `date`:
// it lists the site or lists none, and its period holds the date.
bool funding_pays(const model::Config& config, const model::FundingSource& f, std::string_view site_id,
                  model::Date date);

// The funding source paying for an item at `site_id` dated `date`: the
// first of pthv.yaml's that funding_pays; empty when none does (the item is
// unfunded). A view of pthv.yaml's text, as long as `config` lives.
std::string_view funding_source(const model::Config& config, std::string_view site_id, model::Date date);

struct SourceBudget {
    std::string source;  // as named in pthv.yaml; empty: spending no source pays
    model::Money budget; // funding[].amount; 0.00 for a source that is not in pthv.yaml
    model::Money closed; // paid in closed ledgers (payroll/*.csv)
    model::Money period; // paid by items not yet in a closed ledger
    model::Money left;   // budget - closed - period (see each function for the dates counted)
    std::optional<model::DateRange> days; // funding_period; none for a source not in pthv.yaml
    model::Money committed;           // spending_between: scheduled visits it would pay (committed.hpp)
    std::size_t committed_visits = 0; // ... and how many visits those are
    bool over() const { return left < model::Money{}; }
};

struct SiteSpend {
    std::string site_id;
    std::string source; // who pays for it on the last day counted (funding_source)
    model::Money closed;
    model::Money period;
};

struct Spending {
    std::vector<SourceBudget> sources; // pthv.yaml order, then sources only ledgers name, then "" (none)
    std::vector<SiteSpend> sites;      // by site_id: every active site, and every other site with spending
};

// Payroll's figures: `closed` sums every line of every closed ledger (its
// own source column, else the source that pays its site on its date);
// `period` sums the paid and late `items`; left = budget - closed - period.
// A site's source is the one paying it on `last` (the pay period's end).
Spending payroll_spending(const model::Repo& repo, const std::vector<PayItem>& items, model::Date last);


// A report's figures for the dates from..to: `closed` sums closed-ledger
// lines dated in the range, `period` the compensable items dated in the range
// that no closed ledger holds yet (what the next payroll will pay), and
// `left` is the budget minus everything spent, closed or not, dated up to
// `to` (so for the whole school year, or a range from its start, left =
// budget - closed - period). `committed` and `committed_visits` are the
// scheduled visits dated after the as-of date that each source would pay
// (committed_scheduled, committed.hpp), whatever from..to is.
Spending spending_between(const model::Facts& facts, const std::vector<VisitWork>& work, model::Date from,
                          model::Date to);

// Payroll's warnings on `spending` (payroll_spending), one sentence each:
// spending that no funding source pays for, and each source that would go
// below zero. Empty when every source covers what it pays.
std::vector<std::string> budget_warnings(const Spending& spending);

} // namespace pthv::pay
