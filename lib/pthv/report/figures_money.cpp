// Spending per funding source against its budget. Computed by the payroll
// code (pay::spending_between), never here, so `pthv payroll` and the
// report show the same money.

#include <pthv/report/figures_detail.hpp>

#include <pthv/pay/funding.hpp>

namespace pthv::report {

void money_figures(const model::Facts& facts, const std::vector<pay::VisitWork>& work, const FigureOptions& o,
                   Figures& f)
{
    if (!facts.repo().config_ok)
        return;
    const pay::Spending& spending = o.basis->spending(work, o.period.from, o.period.to);
    std::string site_source;
    for (const auto& s : spending.sites) {
        if (!o.site.empty() && s.site_id != o.site)
            continue;
        f.site_money.push_back({s.site_id, s.source, s.closed + s.period});
        site_source = s.source;
    }
    for (const auto& s : spending.sources) {
        // One site's report shows the source that pays for it.
        if (!o.site.empty() && s.source != site_source)
            continue;
        f.money.push_back({s.source, s.budget, s.closed, s.period, s.left});
    }
}

} // namespace pthv::report
