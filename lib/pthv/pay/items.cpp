#include <pthv/pay/items.hpp>

#include <functional>

#include <algorithm>
#include <fmt/format.h>
#include <map>
#include <tuple>

#include <pthv/pay/events.hpp>
#include <pthv/pay/funding.hpp>
#include <pthv/pay/ledger.hpp>
#include <pthv/pay/rates.hpp>
#include <pthv/util/order.hpp>

namespace pthv::pay {

using namespace pthv::model;

std::string_view item_status_name(ItemStatus s)
{
    switch (s) {
    case ItemStatus::Paid: return "paid";
    case ItemStatus::Late: return "late";
    case ItemStatus::Held: return "held";
    case ItemStatus::OverCap: return "over_cap";
    case ItemStatus::SchoolDay: return "school_day";
    case ItemStatus::Unconfirmed: return "unconfirmed";
    }
    return "paid";
}

std::optional<Period> month_period(std::string_view yyyy_mm)
{
    const auto first = parse_month(yyyy_mm);
    if (!first)
        return std::nullopt;
    Period p;
    p.label = std::string(yyyy_mm);
    p.from = *first;
    p.to = first->add_months(1).add_days(-1);
    p.month = true;
    return p;
}

Period range_period(Date from, Date to)
{
    Period p;
    p.label = from.str() + ".." + to.str();
    p.from = from;
    p.to = to;
    return p;
}

std::string hours_str(std::int64_t hours_x100) { return Money::from_cents(hours_x100).str(); }

namespace {

// Why a staff member has no pay rule, in the words of CP2-compensation.
std::string no_rule_reason(const Staff* s)
{
    if (!s)
        return "held: not in staff.csv, so no pay rule applies";
    if (!s->staff_class)
        return "held: no pay rule (no class in staff.csv)";
    return fmt::format("held: no pay rule (compensation.{} is not set in pthv.yaml)", enum_name(*s->staff_class));
}

// One payment is at most what a ledger cell holds (docs/data.md, payroll
// safety): past it, the rate or the hours are a typo, and the close must not
// write a figure it could not read back.
void check_amount(const Repo& repo, const PayItem& item, const std::string& file, std::size_t line)
{
    if (item.amount.within_limit())
        return;
    throw MoneyOverflow(fmt::format("{}:{}: {} {} would pay {} {} ({}), more than the {} one payment may be; check "
                                    "the rate in pthv.yaml or staff.csv{}",
                                    file, line, item_kind_name(item.kind), item_id(repo, item), repo.id(item.staff),
                                    item.amount.grouped(), item.rule, Money::max_amount().grouped(),
                                    item.kind == ItemKind::Training ? " and the hours" : ""));
}

void mark_late(PayItem& item, const Period& period)
{
    if (item.status == ItemStatus::Paid && item.date < period.from) {
        item.status = ItemStatus::Late;
        item.note = fmt::format("late: dated {}, before this period, and never paid", item.date.str());
    }
}

// What all the items of one educator, or of one site, share: looked up and
// written once, not per item (a year at state scale has over a million),
// in tables indexed by handle. The rule texts are kept in `texts`, which
// the items' owner keeps with them.
class Lookups {
public:
    struct StaffPay {
        bool done = false;
        const Staff* staff = nullptr;
        std::optional<PayRule> rule;
        std::string_view rule_text;
        std::optional<Money> training_rate;
        std::string_view training_rule; // "training 40.00/h"
    };

    Lookups(const Repo& repo, RuleTexts& texts)
        : m_repo(repo), m_texts(texts), m_staff(repo.names.staff.size()), m_sources(repo.names.sites.size()),
          m_source_done(repo.names.sites.size(), 0)
    {
    }

    const StaffPay& staff(StaffId id)
    {
        static const StaffPay k_nobody{true, nullptr, std::nullopt, {}, std::nullopt, {}};
        if (!id)
            return k_nobody;
        StaffPay& p = m_staff[id.index()];
        if (!p.done) {
            p.done = true;
            p.staff = m_repo.find(id);
            if (p.staff)
                look_up_rates(*p.staff, p);
        }
        return p;
    }

    // funding_source, with each site's candidates (the sources that list
    // it or list none) found once: a year has a million items and a few sites.
    std::string_view source(SiteId site, Date date)
    {
        if (!site)
            return funding_source(m_repo.config, {}, date);
        auto& candidates = m_sources[site.index()];
        if (!m_source_done[site.index()]) {
            m_source_done[site.index()] = 1;
            const std::string_view id = m_repo.id(site);
            for (const auto& f : m_repo.config.funding)
                if (!f.sites || std::find(f.sites->begin(), f.sites->end(), id) != f.sites->end())
                    candidates.push_back(&f);
        }
        for (const FundingSource* f : candidates) {
            const DateRange days = funding_period(m_repo.config, *f);
            if (!(date < days.first) && !(days.last < date))
                return f->source;
        }
        return {};
    }

private:
    void look_up_rates(const Staff& staff, StaffPay& p)
    {
        p.rule = pay_rule(m_repo.config, staff);
        if (p.rule)
            p.rule_text = m_texts.keep(rule_text(*p.rule, staff));
        p.training_rate = training_rate(m_repo.config, staff);
        if (p.training_rate)
            p.training_rule = m_texts.keep(fmt::format("training {}/h", p.training_rate->str()));
    }

    const Repo& m_repo;
    RuleTexts& m_texts;
    std::vector<StaffPay> m_staff;
    std::vector<std::vector<const FundingSource*>> m_sources;
    std::vector<char> m_source_done;
};

// compensation.require_confirmation: an event is paid in the period that
// holds its confirmed_on; until then it waits, listed at 0.00. Confirmed in
// this period but dated before it, it is paid now, as late.
void hold_until_confirmed(const Repo& repo, const VisitEvent& e, const Period& period, PayItem& item)
{
    if (!repo.config.compensation.require_confirmation)
        return;
    if (!e.confirmed_on || period.to < *e.confirmed_on) {
        item.status = ItemStatus::Unconfirmed;
        item.note = e.confirmed_on
                        ? fmt::format("unconfirmed: confirmed on {}, after this period; paid in the period that "
                                      "holds that day",
                                      e.confirmed_on->str())
                        : "unconfirmed: no confirmed_on yet (pthv log-visit --confirm VISIT_ID); paid in the period "
                          "in which it is confirmed";
    } else if (item.date < period.from) {
        item.status = ItemStatus::Late;
        item.note = fmt::format("late: dated {}, confirmed on {}, and never paid", item.date.str(),
                                e.confirmed_on->str());
    }
}

PayItem visit_item(const Facts& facts, const VisitWork& w, const Period& period, Lookups& lookups)
{
    const Repo& repo = facts.repo();
    const VisitEvent& e = facts.events()[w.event];
    const Visit& v = repo.visits[e.first];
    PayItem item;
    item.kind = ItemKind::Visit;
    item.staff = w.staff;
    item.visit = v.id;
    item.date = w.date;
    item.minutes = e.minutes;
    item.event = w.event;
    item.site = repo.visit_site(v);
    item.source = lookups.source(item.site, item.date);

    const auto& pay = lookups.staff(w.staff);
    const Staff* staff = pay.staff;
    const auto& rule = pay.rule;
    if (rule && rule->per_visit) {
        item.rate = rule->per_visit;
        item.rule = pay.rule_text;
        item.amount = *rule->per_visit;
    } else if (rule && rule->hourly) {
        // docs/guide.md: hourly x max(minutes, minimum_minutes) / 60, half up to the cent.
        item.rate = rule->hourly;
        item.paid_minutes = std::max(e.minutes, rule->minimum_minutes);
        item.rule = pay.rule_text;
        item.amount = rule->hourly->scaled(item.paid_minutes, 60);
    }

    if (w.status == VisitPayStatus::Held) {
        const int end = v.start_time->minutes() + e.minutes;
        item.status = ItemStatus::Held;
        item.note = fmt::format("held: {}-{} partly overlaps the school day ({}-{}); decide, then fix start_time "
                                "or minutes if they are wrong",
                                v.start_time->str(), TimeOfDay::from_minutes(end % (24 * 60)).str(),
                                repo.config.calendar.day_start.str(), repo.config.calendar.day_end.str());
    } else if (!item.rate) {
        item.status = ItemStatus::Held;
        item.note = no_rule_reason(staff);
    } else if (w.status == VisitPayStatus::OverCap) {
        item.status = ItemStatus::OverCap;
        item.note = fmt::format("over the cap: visit {} of the school year, past max_paid_visits_per_staff ({})",
                                w.sequence, *repo.config.compensation.max_paid_visits_per_staff);
    }
    if (item.status == ItemStatus::Paid)
        hold_until_confirmed(repo, e, period, item);
    if (!is_paid(item.status))
        item.amount = Money{};
    check_amount(repo, item, "visits.csv", v.line);
    mark_late(item, period);
    return item;
}

std::string training_id(const Training& t) { return t.date->str() + "/" + std::string(enum_name(*t.kind)); }

std::optional<PayItem> training_item(const Facts& facts, std::size_t index, const Period& period, Lookups& lookups)
{
    const Repo& repo = facts.repo();
    const Training& t = repo.trainings[index];
    if (!t.date || !t.kind || !t.hours_x100 || !facts.in_school_year(*t.date) || period.to < *t.date)
        return std::nullopt;
    PayItem item;
    item.kind = ItemKind::Training;
    item.staff = t.staff;
    if (ledger_holds(repo, ItemKind::Training, t.staff, training_id(t)))
        return std::nullopt;
    item.date = *t.date;
    item.hours_x100 = t.hours_x100;
    item.training = index;
    const auto& pay = lookups.staff(t.staff);
    const Staff* staff = pay.staff;
    // A training is paid from the staff member's home site (docs/data.md, funding).
    item.site = staff ? staff->site : SiteId{};
    item.source = lookups.source(item.site, item.date);
    item.rate = pay.training_rate;
    if (item.rate) {
        item.rule = pay.training_rule;
        item.amount = item.rate->scaled(*t.hours_x100, 100);
        check_amount(repo, item, "trainings.csv", t.line);
    } else {
        item.status = ItemStatus::Held;
        item.note = !staff ? "held: not in staff.csv, so no training rate applies"
                    : !staff->staff_class
                        ? "held: no training rate (no class in staff.csv)"
                        : fmt::format("held: no training rate (compensation.training.{}_hourly is not set in pthv.yaml)",
                                      enum_name(*staff->staff_class));
    }
    mark_late(item, period);
    return item;
}

} // namespace

PayTotals pay_totals(model::Span<PayItem> items)
{
    PayTotals t;
    for (const auto& item : items) {
        ++t.items;
        if (is_paid(item.status)) {
            ++t.paid;
            t.amount += item.amount;
        }
        t.late += item.status == ItemStatus::Late ? 1 : 0;
        t.held += item.status == ItemStatus::Held ? 1 : 0;
        t.over_cap += item.status == ItemStatus::OverCap ? 1 : 0;
        t.school_day += item.status == ItemStatus::SchoolDay ? 1 : 0;
        t.unconfirmed += item.status == ItemStatus::Unconfirmed ? 1 : 0;
    }
    return t;
}

namespace {

// Visit work that becomes a pay item of `period`: not paid by a closed
// ledger, and dated up to the period's end (earlier work still unpaid is
// paid late).
bool listed(const VisitWork& w, const Period& period)
{
    return !w.paid && w.date <= period.to;
}

} // namespace

std::string item_id(const Repo& repo, const PayItem& item)
{
    if (item.training)
        return training_id(repo.trainings[*item.training]);
    return std::string(repo.id(item.visit));
}

namespace {

// for_each_pay_item, keeping the rule texts in `texts`.
void each_pay_item(const Facts& facts, const std::vector<VisitWork>& work, const Period& period, RuleTexts& texts,
                   const std::function<void(PayItem&&)>& fn)
{
    Lookups lookups(facts.repo(), texts);
    // The work is in time order, its events and visits in file order: each
    // is fetched a few items ahead (as visit_work does), so making an item
    // does not wait on main memory.
    const auto& events = facts.events();
    const auto& visits = facts.repo().visits;
    util::for_each_fetched_ahead(
        work.size(), [&](std::size_t i) { util::prefetch(&events[work[i].event]); },
        [&](std::size_t i) { util::prefetch(&visits[events[work[i].event].first]); },
        [&](std::size_t i) {
            if (listed(work[i], period))
                fn(visit_item(facts, work[i], period, lookups));
        });
    for (std::size_t i = 0; i < facts.repo().trainings.size(); ++i)
        if (auto item = training_item(facts, i, period, lookups))
            fn(std::move(*item));
}

// Completed visit events of the period wholly inside the school day: one
// line per educator at 0.00 (docs/payroll.md: no completed visit
// of the period disappears without a line saying why).
void for_each_school_day_item(const Facts& facts, const Period& period, RuleTexts& texts,
                              const std::function<void(PayItem&&)>& fn)
{
    const Repo& repo = facts.repo();
    // (educator, visit) pairs a closed ledger pays, sorted.
    std::vector<std::pair<StaffId, VisitId>> closed;
    for (const auto& l : repo.ledger)
        if (l.item == ItemKind::Visit)
            closed.emplace_back(l.staff, l.visit);
    std::sort(closed.begin(), closed.end());
    Lookups lookups(repo, texts);
    for (std::size_t e = 0; e < facts.events().size(); ++e) {
        const VisitEvent& event = facts.events()[e];
        const Visit& v = repo.visits[event.first];
        if (!v.date || !v.start_time || *v.date < period.from || period.to < *v.date ||
            !facts.in_school_year(*v.date) ||
            facts.calendar().classify(*v.date, *v.start_time, event.minutes) != DayPart::Inside)
            continue;
        const int end = v.start_time->minutes() + event.minutes;
        for (const StaffId staff : facts.event_payees(event)) {
            if (std::binary_search(closed.begin(), closed.end(), std::make_pair(staff, v.id)))
                continue;
            PayItem item;
            item.kind = ItemKind::Visit;
            item.staff = staff;
            item.visit = v.id;
            item.date = *v.date;
            item.minutes = event.minutes;
            item.event = e;
            item.site = repo.visit_site(v);
            item.source = lookups.source(item.site, item.date);
            const auto& pay = lookups.staff(staff);
            if (pay.rule) {
                item.rate = pay.rule->per_visit ? pay.rule->per_visit : pay.rule->hourly;
                item.rule = pay.rule_text;
            }
            item.status = ItemStatus::SchoolDay;
            item.note = fmt::format("not paid: {}-{} is wholly inside the school day ({}-{})", v.start_time->str(),
                                    TimeOfDay::from_minutes(end % (24 * 60)).str(),
                                    repo.config.calendar.day_start.str(), repo.config.calendar.day_end.str());
            fn(std::move(item));
        }
    }
}

} // namespace

void for_each_pay_item(const Facts& facts, const std::vector<VisitWork>& work, const Period& period,
                       const std::function<void(PayItem&&)>& fn)
{
    RuleTexts texts;
    each_pay_item(facts, work, period, texts, fn);
}

PayItems pay_items(const Facts& facts, const std::vector<VisitWork>& work, const Period& period)
{
    // At state scale the items are hundreds of megabytes: room for all of
    // them at once (no regrowing copies), and the sort below moves them in
    // place (no second list).
    std::size_t expected = facts.repo().trainings.size(); // at most one item each
    for (const auto& w : work)
        expected += listed(w, period) ? std::size_t{1} : std::size_t{0};
    PayItems out;
    std::vector<PayItem>& items = out.list;
    items.reserve(expected);
    const auto add = [&](PayItem&& item) { items.push_back(std::move(item)); };
    each_pay_item(facts, work, period, out.rule_texts, add);
    for_each_school_day_item(facts, period, out.rule_texts, add);
    const Repo& repo = facts.repo();
    // Sorting by staff id is sorting by its rank among the ids (no id first).
    const std::vector<std::uint32_t> staff_rank = repo.names.staff.ranks();
    const auto rank_of = [&](StaffId s) { return s ? std::int64_t{staff_rank[s.index()]} : std::int64_t{-1}; };
    // By staff, date, visits before trainings; one educator's two visits
    // of a day by their visit ids, other ties by item id.
    util::sort_by_key(
        items,
        [&](const PayItem& i) {
            return std::make_tuple(rank_of(i.staff), i.date.days(), i.kind == ItemKind::Visit ? 0u : 1u);
        },
        [&](const PayItem& a, const PayItem& b) {
            if (a.kind == ItemKind::Visit)
                return repo.id(a.visit) < repo.id(b.visit);
            return item_id(repo, a) < item_id(repo, b);
        });
    return out;
}

void attach_findings(std::vector<PayItem>& items, const Facts& facts, const Problems& problems)
{
    const Repo& repo = facts.repo();
    std::multimap<std::size_t, const Problem*> on_visit_line;
    std::multimap<std::size_t, const Problem*> on_training_line;
    for (const auto& p : problems) {
        if (p.line == 0)
            continue;
        if (p.file == "visits.csv")
            on_visit_line.emplace(p.line, &p);
        else if (p.file == "trainings.csv")
            on_training_line.emplace(p.line, &p);
    }
    for (auto& item : items) {
        if (item.training) {
            const auto range = on_training_line.equal_range(repo.trainings[*item.training].line);
            for (auto it = range.first; it != range.second; ++it)
                item.findings.push_back(*it->second);
            continue;
        }
        if (!item.event || on_visit_line.empty())
            continue;
        const auto rows = facts.event_visits(facts.events()[*item.event]);
        // A finding about some of the event's people goes to those people
        // only; one about none of them (the visit as a whole) to every
        // payee. Who the event's rows name is gathered only for an item
        // with a finding on one of its rows (few of a million).
        std::vector<StaffId> people;
        const auto gather = [&] {
            for (const std::uint32_t i : rows) {
                for (const StaffId e : repo.educators(repo.visits[i]))
                    people.push_back(e);
                if (repo.visits[i].interpreter)
                    people.push_back(repo.visits[i].interpreter);
            }
        };
        const std::string_view staff = repo.id(item.staff);
        for (const std::uint32_t i : rows) {
            const auto range = on_visit_line.equal_range(repo.visits[i].line);
            if (range.first != range.second && people.empty())
                gather();
            for (auto it = range.first; it != range.second; ++it) {
                const std::vector<std::string>& about = it->second->staff;
                const auto names = [&](std::string_view id) {
                    return std::find(about.begin(), about.end(), id) != about.end();
                };
                const bool about_any =
                    std::any_of(people.begin(), people.end(), [&](StaffId e) { return names(repo.id(e)); });
                if (!about_any || names(staff))
                    item.findings.push_back(*it->second);
            }
        }
    }
}

} // namespace pthv::pay
