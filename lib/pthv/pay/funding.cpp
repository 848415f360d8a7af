#include <pthv/pay/funding.hpp>

#include <pthv/pay/committed.hpp>

#include <algorithm>
#include <fmt/format.h>
#include <map>
#include <set>

namespace pthv::pay {

using namespace pthv::model;

DateRange funding_period(const Config& config, const FundingSource& f)
{
    return f.period.value_or(DateRange{config.school_year.start, config.school_year.end});
}

bool funding_pays(const Config& config, const FundingSource& f, std::string_view site_id, Date date)
{
    const DateRange days = funding_period(config, f);
    if (date < days.first || days.last < date)
        return false;
    return !f.sites || std::find(f.sites->begin(), f.sites->end(), site_id) != f.sites->end();
}

std::string_view funding_source(const Config& config, std::string_view site_id, Date date)
{
    for (const auto& f : config.funding)
        if (funding_pays(config, f, site_id, date))
            return f.source;
    return {};
}

namespace {

// Sums by source and by site, then lays them out in the documented order.
// Sites are summed by handle (a million items a year), sources, a handful,
// by name.
class SourceTally {
public:
    SourceTally(const Repo& repo, Date last) : m_repo(repo), m_last(last), m_sites(repo.names.sites.size() + 1) {}

    void add_closed(std::string_view source, SiteId site, Money amount)
    {
        sums(source).closed += amount;
        m_sites[slot(site)].closed += amount;
        m_sites[slot(site)].used = true;
    }
    void add_period(std::string_view source, SiteId site, Money amount)
    {
        sums(source).period += amount;
        m_sites[slot(site)].period += amount;
        m_sites[slot(site)].used = true;
    }
    // Spending that counts against `left` but is neither closed nor period
    // in the range (a report's earlier months).
    void add_earlier(std::string_view source, Money amount)
    {
        const auto it = m_earlier.find(source);
        if (it == m_earlier.end())
            m_earlier.emplace(std::string(source), amount);
        else
            it->second += amount;
    }

    Spending result() const
    {
        Spending out;
        std::set<std::string> done;
        const auto push = [&](const std::string& source, Money budget, std::optional<DateRange> days) {
            if (!done.insert(source).second)
                return;
            SourceBudget b;
            b.source = source;
            b.budget = budget;
            b.days = days;
            if (const auto it = m_sources.find(source); it != m_sources.end()) {
                b.closed = it->second.closed;
                b.period = it->second.period;
            }
            const auto earlier = m_earlier.find(source);
            b.left = budget - b.closed - b.period - (earlier == m_earlier.end() ? Money{} : earlier->second);
            out.sources.push_back(std::move(b));
        };
        for (const auto& f : m_repo.config.funding)
            push(f.source, f.amount, funding_period(m_repo.config, f));
        for (const auto& [source, sums] : m_sources)
            if (!source.empty())
                push(source, Money{}, std::nullopt);
        if (m_sources.count("") || m_earlier.count(""))
            push("", Money{}, std::nullopt);

        // By site id: every active site, and every other with spending.
        std::vector<std::size_t> slots;
        for (const auto& s : m_repo.sites)
            if (s.status == SiteStatus::Active)
                slots.push_back(slot(s.id));
        for (std::size_t i = 0; i < m_sites.size(); ++i)
            if (m_sites[i].used)
                slots.push_back(i);
        const auto text = [&](std::size_t slot) {
            return slot == 0 ? std::string_view{} : m_repo.id(SiteId(static_cast<std::uint32_t>(slot - 1)));
        };
        std::sort(slots.begin(), slots.end(), [&](std::size_t a, std::size_t b) { return text(a) < text(b); });
        slots.erase(std::unique(slots.begin(), slots.end(), [&](std::size_t a, std::size_t b) {
                        return text(a) == text(b);
                    }),
                    slots.end());
        for (const std::size_t i : slots) {
            SiteSpend s;
            s.site_id = std::string(text(i));
            s.source = std::string(funding_source(m_repo.config, s.site_id, m_last));
            s.closed = m_sites[i].closed;
            s.period = m_sites[i].period;
            out.sites.push_back(std::move(s));
        }
        return out;
    }

private:
    struct Sums {
        Money closed;
        Money period;
        bool used = false;
    };
    // Slot 0 is spending with no site; site h is slot h + 1.
    static std::size_t slot(SiteId site) { return site ? site.index() + 1 : 0; }
    Sums& sums(std::string_view source)
    {
        const auto it = m_sources.find(source);
        return it != m_sources.end() ? it->second : m_sources[std::string(source)];
    }

    const Repo& m_repo;
    Date m_last;
    std::map<std::string, Sums, std::less<>> m_sources;
    std::vector<Sums> m_sites;
    std::map<std::string, Money, std::less<>> m_earlier;
};

std::string_view ledger_source(const Repo& repo, const LedgerLine& l)
{
    if (!l.source.empty() || !l.date)
        return l.source;
    return funding_source(repo.config, repo.id(l.site), *l.date);
}

} // namespace

Spending payroll_spending(const Repo& repo, const std::vector<PayItem>& items, Date last)
{
    SourceTally tally(repo, last);
    for (const auto& l : repo.ledger)
        tally.add_closed(ledger_source(repo, l), l.site, l.amount.value_or(Money{}));
    for (const auto& item : items)
        if (is_paid(item.status))
            tally.add_period(item.source, item.site, item.amount);
    return tally.result();
}

Spending spending_between(const Facts& facts, const std::vector<VisitWork>& work, Date from, Date to)
{
    const Repo& repo = facts.repo();
    SourceTally tally(repo, to);
    for (const auto& l : repo.ledger) {
        if (!l.date || to < *l.date)
            continue;
        const Money amount = l.amount.value_or(Money{});
        if (*l.date < from)
            tally.add_earlier(ledger_source(repo, l), amount);
        else
            tally.add_closed(ledger_source(repo, l), l.site, amount);
    }
    for_each_pay_item(facts, work, range_period(from, to), [&](PayItem&& item) {
        if (!is_paid(item.status))
            return;
        if (item.date < from)
            tally.add_earlier(item.source, item.amount);
        else
            tally.add_period(item.source, item.site, item.amount);
    });
    Spending out = tally.result();
    for (const auto& c : committed_scheduled(facts, work, repo.as_of)) {
        auto it = std::find_if(out.sources.begin(), out.sources.end(),
                               [&](const SourceBudget& b) { return b.source == c.source; });
        if (it == out.sources.end()) {
            // Scheduled visits no source would pay, with nothing spent
            // unfunded yet: the "(no source)" row, last as always.
            out.sources.emplace_back();
            it = std::prev(out.sources.end());
        }
        it->committed = c.cost;
        it->committed_visits = c.visits;
    }
    return out;
}

std::vector<std::string> budget_warnings(const Spending& spending)
{
    std::vector<std::string> out;
    for (const auto& s : spending.sources) {
        if (s.source.empty() && (s.closed != model::Money{} || s.period != model::Money{}))
            out.push_back(fmt::format("no funding source pays for {} of this spending (unfunded): give funding in "
                                      "pthv.yaml a source without a sites list, list every site, or widen a "
                                      "period to the items' dates",
                                      (s.closed + s.period).grouped()));
        else if (!s.source.empty() && s.over())
            out.push_back(fmt::format("funding source {} would go {} below zero (budget {}, closed {}, this period {})",
                                      s.source, (model::Money{} - s.left).grouped(), s.budget.grouped(),
                                      s.closed.grouped(), s.period.grouped()));
    }
    return out;
}

} // namespace pthv::pay
