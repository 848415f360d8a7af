#pragma once
// The school calendar: which days are school days, and whether a visit falls
// outside the school day (docs/data.md): on a day that is not a school day, or on
// a school day where [start, start + minutes) does not overlap school_day.

#include <pthv/model/config.hpp>
#include <pthv/model/date.hpp>

namespace pthv::model {

enum class DayPart {
    Outside, // wholly outside the school day: compensable (core practice 2)
    Inside,  // wholly within the school day
    Partial, // overlaps the school day in part: a decision for the coordinator
};

class SchoolCalendar {
public:
    explicit SchoolCalendar(const Calendar& calendar) : m_calendar(calendar) {}

    bool is_holiday(Date d) const;
    // In first_day..last_day, on a school weekday, not a holiday.
    bool is_school_day(Date d) const;
    // A visit running past midnight is checked against both days.
    DayPart classify(Date date, TimeOfDay start, int minutes) const;

private:
    // Minutes of [begin, end) on `d` that fall in the school day.
    int overlap(Date d, int begin, int end) const;

    Calendar m_calendar;
};

} // namespace pthv::model
