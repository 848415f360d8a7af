#pragma once
// Money as integer cents (docs/data.md: money is exact, never floating point).
// Arithmetic is checked: a sum, difference or scaling that would not fit in
// 64 bits throws MoneyOverflow instead of wrapping, so no figure pthv prints
// or writes is ever a wrapped number. Settings and cells are held to
// k_max_amount, far below that, so only an absurd count of items could reach it.

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace pthv::model {

// Thrown by Money's arithmetic when a result would not fit (never wraps).
struct MoneyOverflow : std::overflow_error {
    using std::overflow_error::overflow_error;
};

class Money {
public:
    // 9,999,999.99: the largest amount a setting, a cell or one pay item may
    // hold (one payment or budget line larger than that is a typo).
    static constexpr std::int64_t k_max_cents = 999'999'999;

    constexpr Money() = default;
    static constexpr Money from_cents(std::int64_t cents) { Money m; m.m_cents = cents; return m; }
    static constexpr Money max_amount() { return from_cents(k_max_cents); }
    // Within -k_max_cents..k_max_cents.
    bool within_limit() const { return m_cents <= k_max_cents && m_cents >= -k_max_cents; }
    // "50", "27.5", "27.50", "-3.10"; at most two fractional digits; no
    // exponent, no thousands separators. nullopt on anything else.
    static std::optional<Money> parse(std::string_view text);

    std::int64_t cents() const { return m_cents; }
    std::string str() const; // always two decimals: "27.50", "-0.05"
    // For people to read, with thousands separators: "12,345.67", "-1,000.00".
    std::string grouped() const;

    // rate x numerator / denominator, rounded half up (away from zero) to the
    // cent, in integer arithmetic: 27.35/h x 75 min / 60 = 34.19. Throws
    // MoneyOverflow when the result does not fit.
    Money scaled(std::int64_t numerator, std::int64_t denominator) const;

    // Checked: MoneyOverflow rather than a wrapped result.
    friend Money operator+(Money a, Money b)
    {
        std::int64_t r = 0;
        if (__builtin_add_overflow(a.m_cents, b.m_cents, &r))
            overflow("a sum");
        return from_cents(r);
    }
    friend Money operator-(Money a, Money b)
    {
        std::int64_t r = 0;
        if (__builtin_sub_overflow(a.m_cents, b.m_cents, &r))
            overflow("a difference");
        return from_cents(r);
    }
    Money& operator+=(Money o) { return *this = *this + o; }
    Money& operator-=(Money o) { return *this = *this - o; }
    friend bool operator==(Money a, Money b) { return a.m_cents == b.m_cents; }
    friend bool operator!=(Money a, Money b) { return a.m_cents != b.m_cents; }
    friend bool operator<(Money a, Money b) { return a.m_cents < b.m_cents; }

private:
    [[noreturn]] static void overflow(const char* what);

    std::int64_t m_cents = 0;
};

// Hours as integer hundredths ("2.5" -> 250), for training hours; at most two
// fractional digits.
std::optional<std::int64_t> parse_hundredths(std::string_view text);
// Hundredths of an hour as written in a data file, shortest form: 600 ->
// "6", 250 -> "2.5", 125 -> "1.25".
std::string format_hundredths(std::int64_t hundredths);

} // namespace pthv::model
