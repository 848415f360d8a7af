#pragma once
// Calendar dates and times of day as small value types. Parsing is strict
// (docs/data.md: dates YYYY-MM-DD, times HH:MM 24 h) and never throws: a failed
// parse returns std::nullopt and the caller reports value-invalid.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <pthv/util/compact_optional.hpp>

namespace pthv::model {

class Date {
public:
    constexpr Date() = default;
    static Date from_days(std::int32_t days) { Date d; d.m_days = days; return d; }
    static std::optional<Date> from_ymd(int year, int month, int day);
    static std::optional<Date> parse(std::string_view text);

    std::int32_t days() const { return m_days; } // days since 1970-01-01
    int year() const;
    int month() const;
    int day() const;
    int weekday() const; // 0 = Monday ... 6 = Sunday
    std::string str() const; // YYYY-MM-DD

    Date add_days(std::int32_t n) const { return from_days(m_days + n); }
    // Same day of month n months later, clamped to the month's last day.
    Date add_months(int n) const;

    friend bool operator==(Date a, Date b) { return a.m_days == b.m_days; }
    friend bool operator!=(Date a, Date b) { return a.m_days != b.m_days; }
    friend bool operator<(Date a, Date b) { return a.m_days < b.m_days; }
    friend bool operator<=(Date a, Date b) { return a.m_days <= b.m_days; }
    friend bool operator>(Date a, Date b) { return a.m_days > b.m_days; }
    friend bool operator>=(Date a, Date b) { return a.m_days >= b.m_days; }
    friend std::int32_t operator-(Date a, Date b) { return a.m_days - b.m_days; }

private:
    std::int32_t m_days = 0;
};

// Minutes since midnight.
class TimeOfDay {
public:
    constexpr TimeOfDay() = default;
    static TimeOfDay from_minutes(int minutes) { TimeOfDay t; t.m_minutes = minutes; return t; }
    static std::optional<TimeOfDay> parse(std::string_view text);
    int minutes() const { return m_minutes; }
    std::string str() const; // HH:MM
    friend bool operator==(TimeOfDay a, TimeOfDay b) { return a.m_minutes == b.m_minutes; }
    friend bool operator<(TimeOfDay a, TimeOfDay b) { return a.m_minutes < b.m_minutes; }

private:
    int m_minutes = 0;
};

// The real today, local time.
Date today();

// Parses "YYYY-MM" into the first day of that month.
std::optional<Date> parse_month(std::string_view text);

} // namespace pthv::model

namespace pthv::util {

// A date in its four bytes: no date is the lowest day number, some five
// million years before any date pthv reads (Date::from_ymd takes years
// 1900 to 9999).
template <> struct CompactOptionalTraits<model::Date> {
    using Stored = std::int32_t;
    static constexpr Stored k_none = std::numeric_limits<std::int32_t>::min();
    static model::Date load(Stored days) { return model::Date::from_days(days); }
    static Stored store(model::Date date) { return date.days(); }
};

// A time of day in two bytes: its minutes since midnight (0 to 1439 for
// every time TimeOfDay::parse reads) fit a 16-bit number; no time is the
// lowest one.
template <> struct CompactOptionalTraits<model::TimeOfDay> {
    using Stored = std::int16_t;
    static constexpr Stored k_none = std::numeric_limits<std::int16_t>::min();
    static model::TimeOfDay load(Stored minutes) { return model::TimeOfDay::from_minutes(minutes); }
    static Stored store(model::TimeOfDay time) { return static_cast<Stored>(time.minutes()); }
};

} // namespace pthv::util
