#include "dates.hpp"

#include <pthv/model/date.hpp>

namespace pthv::exporting {

namespace {

// A date of a visit, counted from the visit's date: `sign` +1 for a date
// after the visit (days after), -1 for one before it (days before).
struct Relative {
    const char* from;
    const char* to;
    int sign;
};

const Relative k_relative[] = {
    {"arranged_on", "arranged_days_before", -1},
    {"reflected_on", "reflected_days_after", +1},
    {"confirmed_on", "confirmed_days_after", +1},
    {"logged_on", "logged_days_after", +1},
};

std::string days_from(std::string_view visit_date, std::string_view other, int sign)
{
    const auto visit = model::Date::parse(visit_date);
    const auto day = model::Date::parse(other);
    if (!visit || !day)
        return {};
    return std::to_string(sign * (*day - *visit));
}

} // namespace

std::string month_of(std::string_view date)
{
    const auto d = model::Date::parse(date);
    return d ? d->str().substr(0, 7) : std::string();
}

std::vector<Renamed> coarsen_visit_dates(Table& visits)
{
    const std::size_t date = visits.column("date");
    std::vector<std::pair<std::size_t, Relative>> relative;
    for (const Relative& r : k_relative)
        if (const std::size_t at = visits.column(r.from); at != Table::k_none)
            relative.emplace_back(at, r);
    for (auto& row : visits.rows) {
        const std::string visit_date = date == Table::k_none ? std::string() : row[date];
        for (const auto& [at, r] : relative)
            row[at] = days_from(visit_date, row[at], r.sign);
        if (date != Table::k_none)
            row[date] = month_of(visit_date);
    }
    std::vector<Renamed> renamed;
    for (std::size_t c = 0; c < visits.header.size(); ++c) {
        if (c == date)
            renamed.push_back({"date", "month"});
        for (const auto& [at, r] : relative)
            if (at == c)
                renamed.push_back({r.from, r.to});
    }
    for (const auto& r : renamed)
        visits.rename(r.from, r.to);
    return renamed;
}

} // namespace pthv::exporting
