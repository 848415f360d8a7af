#include <pthv/model/date.hpp>

#include <ctime>
#include <fmt/format.h>

namespace pthv::model {

namespace {

// Howard Hinnant's days_from_civil / civil_from_days: exact for the
// proleptic Gregorian calendar, no tables, no time zones.
std::int32_t days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = y - era * 400;
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

struct Ymd {
    int y, m, d;
};

Ymd civil_from_days(std::int32_t z)
{
    z += 719468;
    const int era = (z >= 0 ? z : z - 146096) / 146097;
    const int doe = z - era * 146097;
    const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int y = yoe + era * 400;
    const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int mp = (5 * doy + 2) / 153;
    const int d = doy - (153 * mp + 2) / 5 + 1;
    const int m = mp + (mp < 10 ? 3 : -9);
    return {y + (m <= 2), m, d};
}

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m)
{
    static const int k_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : k_days[m - 1];
}

// Reads exactly `n` ASCII digits.
bool digits(std::string_view s, std::size_t pos, std::size_t n, int& out)
{
    out = 0;
    for (std::size_t i = pos; i < pos + n; ++i) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        out = out * 10 + (s[i] - '0');
    }
    return true;
}

} // namespace

std::optional<Date> Date::from_ymd(int year, int month, int day)
{
    if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1 ||
        day > days_in_month(year, month))
        return std::nullopt;
    return from_days(days_from_civil(year, month, day));
}

std::optional<Date> Date::parse(std::string_view text)
{
    if (text.size() != 10 || text[4] != '-' || text[7] != '-')
        return std::nullopt;
    int y = 0, m = 0, d = 0;
    if (!digits(text, 0, 4, y) || !digits(text, 5, 2, m) || !digits(text, 8, 2, d))
        return std::nullopt;
    return from_ymd(y, m, d);
}

int Date::year() const { return civil_from_days(m_days).y; }
int Date::month() const { return civil_from_days(m_days).m; }
int Date::day() const { return civil_from_days(m_days).d; }

int Date::weekday() const
{
    // 1970-01-01 was a Thursday (index 3 with Monday = 0).
    const int w = (m_days % 7 + 7 + 3) % 7;
    return w;
}

std::string Date::str() const
{
    const Ymd c = civil_from_days(m_days);
    if (c.y < 0 || c.y > 9999)
        return fmt::format("{:04}-{:02}-{:02}", c.y, c.m, c.d);
    // By hand: reports and payroll print a date on nearly every line.
    std::string out = "0000-00-00";
    const auto put = [&](std::size_t end, int value, int width) {
        for (int k = 0; k < width; ++k, value /= 10)
            out[end - static_cast<std::size_t>(k)] = static_cast<char>('0' + value % 10);
    };
    put(3, c.y, 4);
    put(6, c.m, 2);
    put(9, c.d, 2);
    return out;
}

Date Date::add_months(int n) const
{
    const Ymd c = civil_from_days(m_days);
    int total = c.y * 12 + (c.m - 1) + n;
    const int y = total / 12;
    const int m = total % 12 + 1;
    const int d = std::min(c.d, days_in_month(y, m));
    return from_days(days_from_civil(y, m, d));
}

std::optional<TimeOfDay> TimeOfDay::parse(std::string_view text)
{
    if (text.size() != 5 || text[2] != ':')
        return std::nullopt;
    int h = 0, m = 0;
    if (!digits(text, 0, 2, h) || !digits(text, 3, 2, m) || h > 23 || m > 59)
        return std::nullopt;
    return from_minutes(h * 60 + m);
}

std::string TimeOfDay::str() const { return fmt::format("{:02}:{:02}", m_minutes / 60, m_minutes % 60); }

Date today()
{
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return *Date::from_ymd(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday);
}

std::optional<Date> parse_month(std::string_view text)
{
    if (text.size() != 7 || text[4] != '-')
        return std::nullopt;
    int y = 0, m = 0;
    if (!digits(text, 0, 4, y) || !digits(text, 5, 2, m))
        return std::nullopt;
    return Date::from_ymd(y, m, 1);
}

} // namespace pthv::model
