#pragma once
// Pay items for a period (docs/guide.md, payroll): every compensable item no closed
// ledger holds, dated in the school year up to the period's end, each with
// its pay rule, amount, site, funding source and status. Pure: computed from
// the loaded Repo and its Facts, never from files.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <pthv/model/facts.hpp>
#include <pthv/model/names.hpp>
#include <pthv/model/problem.hpp>
#include <pthv/pay/events.hpp>
#include <pthv/util/optional_index.hpp>

namespace pthv::pay {

using model::ItemKind;

enum class ItemStatus : std::uint8_t {
    Paid,    // paid in this period
    Late,    // dated before the period's start, never paid: paid now, marked late
    Held,    // not paid: partly in the school day, or no pay rule (the note says which)
    OverCap, // not paid: past max_paid_visits_per_staff in the school year
    SchoolDay, // not paid: wholly inside the school day (listed so no visit goes unexplained)
    Unconfirmed, // not paid yet: compensation.require_confirmation and no confirmed_on by the period's end
};

inline std::string_view item_kind_name(ItemKind k) { return model::enum_name(k); } // visit | training
std::string_view item_status_name(ItemStatus s);  // paid | late | held | over_cap | school_day | unconfirmed
// Paid and late items are paid; held, over-the-cap and school-day ones are not.
inline bool is_paid(ItemStatus s) { return s == ItemStatus::Paid || s == ItemStatus::Late; }

// A pay period: --month YYYY-MM (label "2026-10") or --from/--to (label
// "2026-10-01..2026-10-15").
struct Period {
    std::string label;
    model::Date from;
    model::Date to; // inclusive
    bool month = false;
};
std::optional<Period> month_period(std::string_view yyyy_mm);
Period range_period(model::Date from, model::Date to);

// A month at state scale lists most of a million items, so the fields are
// ordered to leave no padding, and the indexes are four bytes each.
struct PayItem {
    ItemKind kind = ItemKind::Visit;
    ItemStatus status = ItemStatus::Paid;
    model::StaffId staff;
    model::Date date;
    int minutes = 0;      // visits: the event's longest row
    int paid_minutes = 0; // visits under an hourly rule: max(minutes, minimum_minutes); else 0
    model::SiteId site;
    std::optional<std::int64_t> hours_x100; // trainings: hours in hundredths
    std::optional<model::Money> rate;       // per visit, or per hour
    model::Money amount;                    // 0.00 unless paid or late
    std::string_view rule;                  // "50.00 per visit", "training 40.00/h", ...: in RuleTexts
    std::string_view source;                // funding source (pthv.yaml's text); empty when none pays the site
    std::string note;                       // why held, over the cap or late; else empty
    util::OptionalIndex event;              // visits: index into Facts::events()
    model::VisitId visit;                   // visits: the event's first visit
    util::OptionalIndex training;           // index into Repo::trainings
    model::Problems findings;               // validate's findings on the item's rows (never stop pay)
};

// The texts of the pay rules that items name (PayItem::rule), each kept
// once however many items share it (an IdTable's text: interned once,
// held in its arena): a year at state scale has over a million items and a
// handful of rules. Like the table it cannot be copied, so no copy of the
// items can view a copy of the texts that dies first; a move keeps every
// view valid.
class RuleTexts {
public:
    // The kept copy of `text`, valid as long as this object.
    std::string_view keep(std::string_view text) { return m_texts.text(m_texts.intern(text)); }

private:
    model::IdTable m_texts;
};

// A period's pay items with the texts their `rule` views: the items may
// be copied out, but must not outlive `rule_texts`.
struct PayItems {
    std::vector<PayItem> list;
    RuleTexts rule_texts;
};

// The item's id: the event's first visit_id, or "<date>/<kind>" for a
// training.
std::string item_id(const model::Repo& repo, const PayItem& item);

// Every unpaid item dated from school_year.start to period.to, sorted by
// staff_id, date, kind (visits first) and item_id. Visits come from
// visit_work(); trainings from trainings.csv (rows whose date, kind or hours
// could not be read are left to validate). Items dated before period.from
// are late. Rows dated before the school year belong to an earlier year's
// payroll and are not listed. Completed visit events of the period (from..to)
// wholly inside the school day are listed too, for each educator, at 0.00
// with status SchoolDay, so no completed visit of the period goes without a
// line saying why it is or is not paid (a closed ledger's are left out).
// `work` is visit_work(facts), made once by the caller.
//
// With compensation.require_confirmation, a payable visit event is paid in
// the period that holds its confirmed_on (late when dated before the
// period); until then, and in any period ending before it was confirmed,
// it is listed Unconfirmed at 0.00.
//
// No item may come to more than Money::max_amount() (what a ledger cell can
// hold): one that would throws model::MoneyOverflow naming its row's file
// and line. Sums are checked (model::Money), never wrapped.
PayItems pay_items(const model::Facts& facts, const std::vector<VisitWork>& work, const Period& period);

// The same items, unsorted, handed to `fn` one at a time: for totals that
// need no list (a year's items at state scale are over a million). The
// school-day lines, which pay nothing, are not among them. An item's `rule`
// views text that lives only until for_each_pay_item returns.
void for_each_pay_item(const model::Facts& facts, const std::vector<VisitWork>& work, const Period& period,
                       const std::function<void(PayItem&&)>& fn);

// Adds to each item the problems (from rules::check_repo) found on its rows:
// visits.csv lines of its event, or its trainings.csv line. A problem about
// some of the event's people (model::Problem::staff: CP2-trained for T022,
// say) goes only beside their items; one about none of them goes beside
// every payee's. The message is never read.
void attach_findings(std::vector<PayItem>& items, const model::Facts& facts, const model::Problems& problems);

// Counts and the amount paid over some items (a staff member's, or all).
struct PayTotals {
    model::Money amount; // paid and late items
    std::size_t items = 0;
    std::size_t paid = 0; // paid and late
    std::size_t late = 0;
    std::size_t held = 0;
    std::size_t over_cap = 0;
    std::size_t school_day = 0;
    std::size_t unconfirmed = 0;
};
PayTotals pay_totals(model::Span<PayItem> items);
inline PayTotals pay_totals(const std::vector<PayItem>& items) { return pay_totals({items.data(), items.size()}); }

// "4.00" from 400 hundredths: hours as written in ledgers and listings.
std::string hours_str(std::int64_t hours_x100);

} // namespace pthv::pay
