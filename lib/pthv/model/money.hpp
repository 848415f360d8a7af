#pragma once
// Money as integer cents (data.md: money is exact, never floating point).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace pthv::model {

class Money {
public:
    constexpr Money() = default;
    static constexpr Money from_cents(std::int64_t cents) { Money m; m.m_cents = cents; return m; }
    // "50", "27.5", "27.50", "-3.10"; at most two fractional digits; no
    // exponent, no thousands separators. nullopt on anything else.
    static std::optional<Money> parse(std::string_view text);

    std::int64_t cents() const { return m_cents; }
    std::string str() const; // always two decimals: "27.50", "-0.05"
    // For people to read, with thousands separators: "12,345.67", "-1,000.00".
    std::string grouped() const;

    // rate x numerator / denominator, rounded half up (away from zero) to the
    // cent, in integer arithmetic: 27.35/h x 75 min / 60 = 34.19.
    Money scaled(std::int64_t numerator, std::int64_t denominator) const;

    friend Money operator+(Money a, Money b) { return from_cents(a.m_cents + b.m_cents); }
    friend Money operator-(Money a, Money b) { return from_cents(a.m_cents - b.m_cents); }
    Money& operator+=(Money o) { m_cents += o.m_cents; return *this; }
    Money& operator-=(Money o) { m_cents -= o.m_cents; return *this; }
    friend bool operator==(Money a, Money b) { return a.m_cents == b.m_cents; }
    friend bool operator!=(Money a, Money b) { return a.m_cents != b.m_cents; }
    friend bool operator<(Money a, Money b) { return a.m_cents < b.m_cents; }

private:
    std::int64_t m_cents = 0;
};

// Hours as integer hundredths ("2.5" -> 250), for training hours; at most two
// fractional digits.
std::optional<std::int64_t> parse_hundredths(std::string_view text);

} // namespace pthv::model
