#pragma once
// The period a report or check covers (docs/guide.md, report and check-targeting):
//   mid-year                school_year.start .. school_year.mid_year
//   end-of-year             the whole school year
//   YYYY-MM                 that calendar month
//   YYYY-MM-DD..YYYY-MM-DD  those days, both included
// A period never reaches past the as-of date ("today"): its end is cut
// there. It is also kept inside the school year, the only year a data repo
// holds. parse_period never throws: a text that names no period, a range
// that ends before it starts, or a period that starts after the as-of date
// or lies wholly outside the school year gives std::nullopt and a message
// in `error` (lower case, without the option's name, for the caller to
// prefix: "--period 2026-13: ...").

#include <optional>
#include <string>
#include <string_view>

#include <pthv/model/config.hpp>
#include <pthv/model/date.hpp>

namespace pthv::model {

struct Period
{
    Date from;         // first day, included
    Date to;           // last day, included
    std::string label; // the canonical name: "mid-year", "2026-03", "2026-03-01..2026-03-15"
    bool cut_at_as_of = false; // `to` was moved back to the as-of date
    bool cut_at_month = false; // public: not ended by the end of the last month the as-of date has ended
    // Public, when the period has not ended: the label of the period of
    // reports.publish whose figures it shows (it begins on the same day and
    // has ended: `to` is its last day), and the period's own last day.
    std::string counted_as{};
    Date runs_to{};
    Date next_counted{}; // the last day of the next, longer, such period (runs_to when none)

    bool contains(Date d) const { return from <= d && d <= to; }
};

std::optional<Period> parse_period(std::string_view text, const Config& config, Date as_of,
                                   std::string& error);

// "mid-year 2025-07-01..2026-01-31", with " (to the as-of date)" when cut.
std::string describe_period(const Period& period);

} // namespace pthv::model
