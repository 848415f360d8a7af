#include <pthv/model/period.hpp>

#include <algorithm>

namespace pthv::model {

namespace {

constexpr std::string_view k_usage = "use mid-year, end-of-year, YYYY-MM or YYYY-MM-DD..YYYY-MM-DD";

// The last day of the month that `first` begins.
Date month_end(Date first)
{
    return first.add_months(1).add_days(-1);
}

} // namespace

std::optional<Period> parse_period(std::string_view text, const Config& config, Date as_of,
                                   std::string& error)
{
    const SchoolYear& year = config.school_year;
    Period p;
    p.label = std::string(text);
    if (text == "mid-year") {
        p.from = year.start;
        p.to = year.mid_year;
    } else if (text == "end-of-year") {
        p.from = year.start;
        p.to = year.end;
    } else if (const auto dots = text.find(".."); dots != std::string_view::npos) {
        const auto from = Date::parse(text.substr(0, dots));
        const auto to = Date::parse(text.substr(dots + 2));
        if (!from || !to) {
            error = "not a period; " + std::string(k_usage);
            return std::nullopt;
        }
        if (*to < *from) {
            error = "ends before it starts";
            return std::nullopt;
        }
        p.from = *from;
        p.to = *to;
    } else if (const auto month = text.size() == 7 ? parse_month(text) : std::nullopt) {
        p.from = *month;
        p.to = month_end(*month);
    } else {
        error = "not a period; " + std::string(k_usage);
        return std::nullopt;
    }

    // One data repo holds one school year: a period outside it would count
    // nothing, which is more likely a typo than a question.
    if (p.to < year.start || year.end < p.from) {
        error = "lies outside the school year " + year.start.str() + ".." + year.end.str();
        return std::nullopt;
    }
    p.from = std::max(p.from, year.start);
    p.to = std::min(p.to, year.end);
    // docs/guide.md: a period never reaches past --as-of; visits after it have not
    // happened yet.
    if (as_of < p.from) {
        error = "starts after the as-of date " + as_of.str();
        return std::nullopt;
    }
    if (as_of < p.to) {
        p.to = as_of;
        p.cut_at_as_of = true;
    }
    return p;
}

std::string describe_period(const Period& period)
{
    std::string out = period.label;
    const std::string range = period.from.str() + ".." + period.to.str();
    if (out != range)
        out += " " + range;
    if (!period.counted_as.empty())
        out += " (the figures of " + period.counted_as + ": it runs to " + period.runs_to.str() + ")";
    else if (period.cut_at_as_of)
        out += " (to the as-of date)";
    return out;
}

} // namespace pthv::model
