// Spending per funding source against its budget. Computed by the payroll
// code (pay::spending_between), never here, so `pthv payroll` and the
// report show the same money.

#include <pthv/report/figures_detail.hpp>

#include <pthv/pay/funding.hpp>

#include <algorithm>

namespace pthv::report {

void money_figures(const model::Facts& facts, const std::vector<pay::VisitWork>& work, const FigureOptions& o,
                   Figures& f)
{
    if (!facts.repo().config_ok)
        return;
    const pay::Spending& spending = o.basis->spending(work, o.period.from, o.period.to);
    const model::Config& config = facts.repo().config;
    std::string site_source;
    for (const auto& s : spending.sites) {
        if (!o.site.empty() && s.site_id != o.site)
            continue;
        f.site_money.push_back({s.site_id, s.source, s.closed + s.period});
        site_source = s.source;
    }
    // One site's report shows the sources that may pay for it: its source
    // on the period's last day, and every other that lists it or lists none
    // (a grant ending in March hands the site on to the next).
    const auto may_pay_site = [&](const std::string& source) {
        if (o.site.empty() || source == site_source)
            return true;
        return std::any_of(config.funding.begin(), config.funding.end(), [&](const model::FundingSource& fs) {
            return fs.source == source &&
                   (!fs.sites || std::find(fs.sites->begin(), fs.sites->end(), o.site) != fs.sites->end());
        });
    };
    for (const auto& s : spending.sources) {
        if (!may_pay_site(s.source))
            continue;
        FundingRow row;
        row.source = s.source;
        row.budget = s.budget;
        row.closed = s.closed;
        row.pending = s.period;
        row.left = s.left;
        row.days = s.days;
        row.committed = s.committed;
        row.committed_visits = s.committed_visits;
        row.left_after_scheduled = s.left - s.committed;
        f.money.push_back(std::move(row));
    }
}

} // namespace pthv::report
