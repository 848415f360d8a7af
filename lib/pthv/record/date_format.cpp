// Dates and times as form exports write them (docs/guide.md, --map date_format).

#include <pthv/record/import_map.hpp>

#include <array>
#include <cctype>

#include <pthv/util/strings.hpp>

namespace pthv::record {

namespace {

const std::array<const char*, 12> k_months = {"january", "february", "march",     "april",   "may",      "june",
                                              "july",    "august",   "september", "october", "november", "december"};

bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

// Reads 1..max_digits digits at `pos`.
bool read_number(std::string_view text, std::size_t& pos, std::size_t max_digits, int& out)
{
    std::size_t n = 0;
    out = 0;
    while (pos < text.size() && n < max_digits && is_digit(text[pos])) {
        out = out * 10 + (text[pos] - '0');
        ++pos;
        ++n;
    }
    return n > 0;
}

// A month name, full or its first three letters, any case.
bool read_month_name(std::string_view text, std::size_t& pos, int& out)
{
    for (std::size_t m = 0; m < k_months.size(); ++m) {
        const std::string_view full = k_months[m];
        for (const std::size_t len : {full.size(), std::size_t{3}}) {
            if (pos + len > text.size())
                continue;
            if (util::to_lower(text.substr(pos, len)) == full.substr(0, len)) {
                pos += len;
                out = static_cast<int>(m) + 1;
                return true;
            }
        }
    }
    return false;
}

// " 18:02:41", "T18:02", " 6:02:41 PM MST": the time of a timestamp after
// its date, which a date field leaves out (survey tools stamp each answer).
bool is_time_after(std::string_view rest)
{
    if (rest.size() < 5 || (rest[0] != ' ' && rest[0] != 'T'))
        return false;
    std::size_t pos = 1;
    int hours = 0, minutes = 0;
    return read_number(rest, pos, 2, hours) && pos < rest.size() && rest[pos++] == ':' &&
           read_number(rest, pos, 2, minutes) && hours < 24 && minutes < 60;
}

} // namespace

std::string check_date_format(std::string_view format)
{
    bool year = false, month = false, day = false;
    for (std::size_t i = 0; i < format.size(); ++i) {
        if (format[i] != '%')
            continue;
        if (++i >= format.size())
            return "ends with a lone %";
        switch (format[i]) {
        case 'Y': case 'y': year = true; break;
        case 'm': case 'b': case 'B': month = true; break;
        case 'd': case 'e': day = true; break;
        case '%': break;
        default: return std::string("%") + format[i] + " is not supported (use %Y %y %m %b %B %d %e)";
        }
    }
    if (!year || !month || !day)
        return "needs a year (%Y or %y), a month (%m, %b or %B) and a day (%d or %e)";
    return {};
}

std::optional<model::Date> parse_date_as(std::string_view text, std::string_view format)
{
    text = util::trim(text);
    int year = -1, month = -1, day = -1;
    std::size_t pos = 0;
    for (std::size_t i = 0; i < format.size(); ++i) {
        if (format[i] != '%' || i + 1 >= format.size()) {
            if (pos >= text.size() || text[pos] != format[i])
                return std::nullopt;
            ++pos;
            continue;
        }
        const char d = format[++i];
        bool ok = true;
        switch (d) {
        case 'Y': ok = read_number(text, pos, 4, year); break;
        case 'y':
            // Two-digit years are this century's: the program runs now.
            ok = read_number(text, pos, 2, year);
            year += 2000;
            break;
        case 'm': ok = read_number(text, pos, 2, month); break;
        case 'b': case 'B': ok = read_month_name(text, pos, month); break;
        case 'd': case 'e':
            if (d == 'e' && pos < text.size() && text[pos] == ' ')
                ++pos;
            ok = read_number(text, pos, 2, day);
            break;
        case '%': ok = pos < text.size() && text[pos++] == '%'; break;
        default: return std::nullopt;
        }
        if (!ok)
            return std::nullopt;
    }
    if (year < 0 || month < 0 || day < 0 || (pos != text.size() && !is_time_after(text.substr(pos))))
        return std::nullopt;
    return model::Date::from_ymd(year, month, day);
}

std::string normalise_time(std::string_view text)
{
    const std::string_view t = util::trim(text);
    std::size_t pos = 0;
    int hour = 0, minute = 0;
    if (!read_number(t, pos, 2, hour) || pos >= t.size() || t[pos] != ':')
        return std::string(text);
    ++pos;
    const std::size_t minute_start = pos;
    if (!read_number(t, pos, 2, minute) || pos - minute_start != 2)
        return std::string(text);
    // Seconds, as some spreadsheets add them: "16:30:00".
    if (pos + 3 <= t.size() && t[pos] == ':' && is_digit(t[pos + 1]) && is_digit(t[pos + 2]))
        pos += 3;
    const std::string suffix = util::to_lower(util::trim(t.substr(pos)));
    if (suffix == "pm" || suffix == "p.m.") {
        if (hour < 1 || hour > 12)
            return std::string(text);
        hour = hour % 12 + 12;
    } else if (suffix == "am" || suffix == "a.m.") {
        if (hour < 1 || hour > 12)
            return std::string(text);
        hour %= 12;
    } else if (!suffix.empty()) {
        return std::string(text);
    }
    if (hour > 23 || minute > 59)
        return std::string(text);
    return model::TimeOfDay::from_minutes(hour * 60 + minute).str();
}

} // namespace pthv::record
