// unfunded (docs/rules.md): an item payroll pays that no funding source
// pays for (pay::funding_source: no source lists its site, or none whose
// sites fit has a period holding its date). Payroll still pays it, with an
// empty source; the coordinator decides where the money comes from.

#include <algorithm>
#include <fmt/format.h>

#include <pthv/pay/funding.hpp>
#include <pthv/pay/ledger.hpp>
#include <pthv/pay/rates.hpp>
#include <pthv/rules/checks.hpp>
#include <pthv/util/strings.hpp>

namespace pthv::rules {

using namespace pthv::model;

namespace {

// Why no source pays: the sources that would pay the site on other days,
// or none at all.
std::string why_unfunded(const Config& config, std::string_view site, Date date)
{
    std::vector<std::string> others;
    for (const auto& f : config.funding)
        if (!f.sites || std::find(f.sites->begin(), f.sites->end(), site) != f.sites->end()) {
            const DateRange days = pay::funding_period(config, f);
            others.push_back(
                fmt::format("{} ({}..{})", f.source, days.first.str(), days.last.str()));
        }
    const std::string where = site.empty() ? "no site" : fmt::format("site {}", site);
    if (others.empty())
        return fmt::format("no funding source pays for {}", where);
    return fmt::format("the sources for {} do not pay on {}: {}", where, date.str(),
                       util::join(others, ", "));
}

} // namespace

void check_unfunded(const Context& ctx, Findings& out)
{
    const Repo& repo = ctx.repo;
    const Config& config = repo.config;
    const auto site_text = [&](SiteId s) { return s ? repo.id(s) : std::string_view{}; };
    const std::string advice =
        "add a funding source in pthv.yaml that lists the site (or lists none) with a period "
        "that holds the date; payroll pays it meanwhile, with no source";

    // A visit event once, however many educators it pays; paid by a closed
    // ledger, its line already says who paid.
    std::vector<char> seen(ctx.facts.events().size(), 0);
    for (const auto& w : ctx.work()) {
        if (w.status != pay::VisitPayStatus::Payable || w.paid || seen[w.event])
            continue;
        seen[w.event] = 1;
        const Visit& v = repo.visits[ctx.facts.events()[w.event].first];
        const SiteId site = repo.visit_site(v);
        if (!pay::funding_source(config, site_text(site), w.date).empty())
            continue;
        Problem& p = out.on_visit("unfunded", repo, v,
                                  fmt::format("visit {} on {} is paid by no funding source: {}",
                                              repo.id(v.id), w.date.str(),
                                              why_unfunded(config, site_text(site), w.date)),
                                  advice);
        p.site = std::string(site_text(site));
    }

    // A training is paid from the staff member's home site (items.cpp).
    for (const auto& t : repo.trainings) {
        if (!t.date || !t.kind || !t.hours_x100 || !ctx.facts.in_school_year(*t.date))
            continue;
        const Staff* staff = repo.find(t.staff);
        if (!staff || !pay::training_rate(config, *staff))
            continue;
        const std::string_view site = site_text(staff->site);
        if (!pay::funding_source(config, site, *t.date).empty())
            continue;
        const std::string id = t.date->str() + "/" + std::string(enum_name(*t.kind));
        if (pay::ledger_holds(repo, ItemKind::Training, t.staff, id))
            continue;
        Problem& p = out.add("unfunded", "trainings.csv", t.line, repo.id(t.staff),
                             fmt::format("training {} of {} is paid by no funding source: {}", id,
                                         repo.id(t.staff), why_unfunded(config, site, *t.date)),
                             advice);
        p.staff = {std::string(repo.id(t.staff))};
        p.site = std::string(site);
    }
}

} // namespace pthv::rules
