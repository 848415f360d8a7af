#include <pthv/model/money.hpp>

#include <fmt/format.h>
#include <limits>

#include <pthv/util/strings.hpp>

namespace pthv::model {

// 128-bit intermediates: cents x minutes cannot overflow before dividing.
__extension__ using Wide = __int128;

std::string format_hundredths(std::int64_t hundredths)
{
    std::string text = Money::from_cents(hundredths).str();
    while (text.back() == '0')
        text.pop_back();
    if (text.back() == '.')
        text.pop_back();
    return text;
}

std::optional<std::int64_t> parse_hundredths(std::string_view text)
{
    bool negative = false;
    std::size_t i = 0;
    if (!text.empty() && (text[0] == '-' || text[0] == '+')) {
        negative = text[0] == '-';
        i = 1;
    }
    std::int64_t whole = 0;
    std::size_t whole_digits = 0;
    for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i, ++whole_digits) {
        if (whole > (std::numeric_limits<std::int64_t>::max() / 100 - 9) / 10)
            return std::nullopt;
        whole = whole * 10 + (text[i] - '0');
    }
    std::int64_t frac = 0;
    std::size_t frac_digits = 0;
    if (i < text.size() && text[i] == '.') {
        ++i;
        for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i, ++frac_digits)
            frac = frac * 10 + (text[i] - '0');
        if (frac_digits == 0 || frac_digits > 2)
            return std::nullopt;
        if (frac_digits == 1)
            frac *= 10;
    }
    if (i != text.size() || whole_digits == 0)
        return std::nullopt;
    const std::int64_t v = whole * 100 + frac;
    return negative ? -v : v;
}

std::optional<Money> Money::parse(std::string_view text)
{
    const auto v = parse_hundredths(text);
    if (!v)
        return std::nullopt;
    return from_cents(*v);
}

namespace {

// "-1234.50", or with `grouped` "-1,234.50".
std::string money_text(std::int64_t cents, bool grouped)
{
    const std::int64_t a = cents < 0 ? -cents : cents;
    const std::string whole = grouped ? util::with_thousands(a / 100) : std::to_string(a / 100);
    return fmt::format("{}{}.{:02}", cents < 0 ? "-" : "", whole, a % 100);
}

} // namespace

std::string Money::str() const { return money_text(m_cents, false); }

std::string Money::grouped() const { return money_text(m_cents, true); }

void Money::overflow(const char* what)
{
    throw MoneyOverflow(fmt::format("{} of money is too large to hold (past {}): an amount in the data is far too "
                                    "large; pthv validate names it",
                                    what, util::with_thousands(std::numeric_limits<std::int64_t>::max() / 100)));
}

Money Money::scaled(std::int64_t numerator, std::int64_t denominator) const
{
    // cents * num / den, half up: (2 * x + den) / (2 * den) for x >= 0. An
    // int64 times an int64 fits in 127 bits; doubling it could not, so the
    // halves are added separately.
    const Wide x = static_cast<Wide>(m_cents) * numerator;
    const Wide den = denominator < 0 ? -static_cast<Wide>(denominator) : denominator;
    const Wide mag = x < 0 ? -x : x;
    const Wide rounded = mag / den + (2 * (mag % den) >= den ? 1 : 0);
    const bool negative = (x < 0) != (denominator < 0);
    if (rounded > std::numeric_limits<std::int64_t>::max())
        overflow("a product");
    return from_cents(static_cast<std::int64_t>(negative ? -rounded : rounded));
}

} // namespace pthv::model
