#pragma once
// The settings of pthv.yaml (docs/data.md), with the defaults a new repo gets.

#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <pthv/model/date.hpp>
#include <pthv/model/enums.hpp>
#include <pthv/model/money.hpp>
#include <pthv/model/problem.hpp>

namespace pthv::model {

struct SchoolYear {
    Date start;
    Date end;
    Date mid_year;
};

struct DateRange {
    Date first;
    Date last; // inclusive
};

struct Calendar {
    Date first_day;
    Date last_day;
    std::array<bool, 7> weekdays{true, true, true, true, true, false, false}; // Monday first
    TimeOfDay day_start = TimeOfDay::from_minutes(8 * 60);
    TimeOfDay day_end = TimeOfDay::from_minutes(15 * 60 + 30);
    std::vector<DateRange> holidays;
};

struct Practices {
    int arrange_lead_days = 1;
    int reflection_within_days = 7;
    int refresher_months = 24;
    bool virtual_pair = false; // a virtual visit needs a pair too (CP5-pair); else one educator
    int log_within_days = 7;   // late-entry
    std::map<std::string, Severity> severity; // rule id -> override
};

// A pay rule: per visit, or hourly with a minimum of minutes paid.
struct PayRule {
    std::optional<Money> per_visit;
    std::optional<Money> hourly;
    int minimum_minutes = 0;
};

struct Compensation {
    std::optional<PayRule> certificated;
    std::optional<PayRule> classified;
    std::optional<Money> training_certificated_hourly;
    std::optional<Money> training_classified_hourly;
    std::optional<int> max_paid_visits_per_staff;
    bool require_confirmation = false; // a completed visit is paid once confirmed_on is set
};

struct FundingSource {
    std::string source;
    Money amount;
    std::optional<std::vector<std::string>> sites; // nullopt: takes every other site
    std::vector<std::size_t> site_lines;           // pthv.yaml line of each entry of `sites` (for messages)
    // funding[].period: the days whose items it may pay; nullopt: the school
    // year (funding_period in pay/funding.hpp gives the days either way).
    std::optional<DateRange> period;
};

struct Targeting {
    double full_coverage = 0.9;
    double alpha = 0.05;
    int min_visited = 5;
};

// The events each active site and the district hold in a school year
// (event-missing). Without the `events` key both lists are empty: nothing is
// expected, so nothing is missing.
struct EventsExpected {
    std::vector<EventKind> per_site;
    std::vector<EventKind> district;
    std::optional<Date> due; // none: calendar.last_day
};

// pthv remind (docs/remind.md): the mailbox its messages come from,
// "Name <address>" or a bare address; empty when unset.
struct Remind {
    std::string from;
};

struct Config {
    std::string district;
    SchoolYear school_year;
    Calendar calendar;
    Practices practices;
    Compensation compensation;
    std::vector<FundingSource> funding;
    int min_cell = 10;
    // reports.publish: the periods whose public reports may be posted
    // (docs/reports.md, the publication set): "mid-year", "end-of-year",
    // "monthly" (every month of the school year) or a period as --period
    // takes it.
    std::vector<std::string> publish{"mid-year", "end-of-year", "monthly"};
    // reports.subgroups: attribute columns of students.csv (docs/data.md)
    // whose values group students in the subgroups table; and the line of
    // pthv.yaml that names them, for messages.
    std::vector<std::string> subgroups;
    int subgroups_line = 0;
    Targeting targeting;
    EventsExpected events;
    Remind remind;

    // The day from which missing events are reported.
    Date events_due() const { return events.due.value_or(calendar.last_day); }
};

} // namespace pthv::model
