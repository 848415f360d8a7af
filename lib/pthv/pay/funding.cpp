#include <pthv/pay/funding.hpp>

#include <algorithm>
#include <map>
#include <set>

namespace pthv::pay {

using namespace pthv::model;

std::string funding_source(const Config& config, const std::string& site_id)
{
    for (const auto& f : config.funding)
        if (f.sites && std::find(f.sites->begin(), f.sites->end(), site_id) != f.sites->end())
            return f.source;
    for (const auto& f : config.funding)
        if (!f.sites)
            return f.source;
    return {};
}

namespace {

// Sums by source and by site, then lays them out in the documented order.
class Tally {
public:
    explicit Tally(const Repo& repo) : m_repo(repo) {}

    void add_closed(const std::string& source, const std::string& site, Money amount)
    {
        m_sources[source].closed += amount;
        m_sites[site].closed += amount;
    }
    void add_period(const std::string& source, const std::string& site, Money amount)
    {
        m_sources[source].period += amount;
        m_sites[site].period += amount;
    }
    // Spending that counts against `left` but is neither closed nor period
    // in the range (a report's earlier months).
    void add_earlier(const std::string& source, Money amount) { m_earlier[source] += amount; }

    Spending result() const
    {
        Spending out;
        std::set<std::string> done;
        const auto push = [&](const std::string& source, Money budget) {
            if (!done.insert(source).second)
                return;
            SourceBudget b;
            b.source = source;
            b.budget = budget;
            if (const auto it = m_sources.find(source); it != m_sources.end()) {
                b.closed = it->second.closed;
                b.period = it->second.period;
            }
            const auto earlier = m_earlier.find(source);
            b.left = budget - b.closed - b.period - (earlier == m_earlier.end() ? Money{} : earlier->second);
            out.sources.push_back(std::move(b));
        };
        for (const auto& f : m_repo.config.funding)
            push(f.source, f.amount);
        for (const auto& [source, sums] : m_sources)
            if (!source.empty())
                push(source, Money{});
        if (m_sources.count("") || m_earlier.count(""))
            push("", Money{});

        std::set<std::string> site_ids;
        for (const auto& s : m_repo.sites)
            if (s.status == SiteStatus::Active)
                site_ids.insert(s.id);
        for (const auto& [site, sums] : m_sites)
            site_ids.insert(site);
        for (const auto& id : site_ids) {
            SiteSpend s;
            s.site_id = id;
            s.source = funding_source(m_repo.config, id);
            if (const auto it = m_sites.find(id); it != m_sites.end()) {
                s.closed = it->second.closed;
                s.period = it->second.period;
            }
            out.sites.push_back(std::move(s));
        }
        return out;
    }

private:
    struct Sums {
        Money closed;
        Money period;
    };
    const Repo& m_repo;
    std::map<std::string, Sums> m_sources;
    std::map<std::string, Sums> m_sites;
    std::map<std::string, Money> m_earlier;
};

std::string ledger_source(const Repo& repo, const LedgerLine& l)
{
    return l.source.empty() ? funding_source(repo.config, l.site_id) : l.source;
}

} // namespace

Spending payroll_spending(const Repo& repo, const std::vector<PayItem>& items)
{
    Tally tally(repo);
    for (const auto& l : repo.ledger)
        tally.add_closed(ledger_source(repo, l), l.site_id, l.amount.value_or(Money{}));
    for (const auto& item : items)
        if (is_paid(item.status))
            tally.add_period(item.source, item.site_id, item.amount);
    return tally.result();
}

Spending spending_between(const Facts& facts, Date from, Date to)
{
    const Repo& repo = facts.repo();
    Tally tally(repo);
    for (const auto& l : repo.ledger) {
        if (!l.date || to < *l.date)
            continue;
        const Money amount = l.amount.value_or(Money{});
        if (*l.date < from)
            tally.add_earlier(ledger_source(repo, l), amount);
        else
            tally.add_closed(ledger_source(repo, l), l.site_id, amount);
    }
    for_each_pay_item(facts, range_period(from, to), [&](PayItem&& item) {
        if (!is_paid(item.status))
            return;
        if (item.date < from)
            tally.add_earlier(item.source, item.amount);
        else
            tally.add_period(item.source, item.site_id, item.amount);
    });
    return tally.result();
}

} // namespace pthv::pay
