#include <pthv/model/calendar.hpp>

#include <algorithm>

namespace pthv::model {

bool SchoolCalendar::is_holiday(Date d) const
{
    for (const auto& h : m_calendar.holidays)
        if (h.first <= d && d <= h.last)
            return true;
    return false;
}

bool SchoolCalendar::is_school_day(Date d) const
{
    if (d < m_calendar.first_day || m_calendar.last_day < d)
        return false;
    if (!m_calendar.weekdays[static_cast<std::size_t>(d.weekday())])
        return false;
    return !is_holiday(d);
}

int SchoolCalendar::overlap(Date d, int begin, int end) const
{
    if (!is_school_day(d))
        return 0;
    const int lo = std::max(begin, m_calendar.day_start.minutes());
    const int hi = std::min(end, m_calendar.day_end.minutes());
    return std::max(0, hi - lo);
}

DayPart SchoolCalendar::classify(Date date, TimeOfDay start, int minutes) const
{
    const int begin = start.minutes();
    const int end = begin + std::max(minutes, 0);
    constexpr int k_day = 24 * 60;
    int inside = overlap(date, begin, std::min(end, k_day));
    if (end > k_day)
        inside += overlap(date.add_days(1), 0, end - k_day);
    if (inside == 0)
        return DayPart::Outside;
    return inside >= end - begin ? DayPart::Inside : DayPart::Partial;
}

} // namespace pthv::model
