#include <pthv/util/strings.hpp>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstring>

namespace pthv::util {

std::string_view trim(std::string_view s)
{
    const char* ws = " \t\r\n";
    const auto b = s.find_first_not_of(ws);
    if (b == std::string_view::npos)
        return {};
    const auto e = s.find_last_not_of(ws);
    return s.substr(b, e - b + 1);
}

std::vector<std::string> split(std::string_view s, char sep)
{
    std::vector<std::string> out;
    std::size_t start = 0;
    while (true) {
        const auto pos = s.find(sep, start);
        if (pos == std::string_view::npos) {
            out.emplace_back(s.substr(start));
            return out;
        }
        out.emplace_back(s.substr(start, pos - start));
        start = pos + 1;
    }
}

std::size_t count_byte(std::string_view s, char c)
{
    constexpr std::uint64_t k_low7 = 0x7F7F7F7F7F7F7F7FULL;
    constexpr std::uint64_t k_high = 0x8080808080808080ULL;
    const std::uint64_t pattern = 0x0101010101010101ULL * static_cast<unsigned char>(c);
    std::size_t n = 0;
    std::size_t i = 0;
    for (std::uint64_t word = 0; i + 8 <= s.size(); i += 8) {
        std::memcpy(&word, s.data() + i, 8);
        const std::uint64_t x = word ^ pattern; // a zero byte where c is
        // Exact, with no borrow between bytes: a byte's high bit ends up
        // clear only when the byte was zero.
        const std::uint64_t t = ((x & k_low7) + k_low7) | x;
        // One in the low bit of each byte that was c; the multiply adds
        // the eight bytes up into the top one (no population-count
        // instruction needed).
        n += static_cast<std::size_t>((((~t & k_high) >> 7) * 0x0101010101010101ULL) >> 56);
    }
    for (; i < s.size(); ++i)
        n += s[i] == c ? 1u : 0u;
    return n;
}

std::string join(const std::vector<std::string>& parts, std::string_view sep)
{
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i)
            out += sep;
        out += parts[i];
    }
    return out;
}

bool starts_with(std::string_view s, std::string_view prefix)
{
    return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

bool ends_with(std::string_view s, std::string_view suffix)
{
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string to_lower(std::string_view s)
{
    std::string out(s);
    for (auto& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::size_t find_invalid_utf8(std::string_view s)
{
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const std::size_t n = s.size();
    std::size_t i = 0;
    while (i < n) {
        // Data files are nearly all ASCII: eight bytes at a time while no
        // byte has its high bit set.
        for (std::uint64_t word = 0; i + 8 <= n; i += 8) {
            std::memcpy(&word, p + i, 8);
            if (word & 0x8080808080808080ULL)
                break;
        }
        if (i >= n)
            break;
        const unsigned char c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t len = 0;
        unsigned cp = 0;
        if ((c & 0xE0) == 0xC0) {
            len = 2;
            cp = c & 0x1Fu;
        } else if ((c & 0xF0) == 0xE0) {
            len = 3;
            cp = c & 0x0Fu;
        } else if ((c & 0xF8) == 0xF0) {
            len = 4;
            cp = c & 0x07u;
        } else {
            return i;
        }
        if (i + len > n)
            return i;
        for (std::size_t k = 1; k < len; ++k) {
            if ((p[i + k] & 0xC0) != 0x80)
                return i;
            cp = (cp << 6) | (p[i + k] & 0x3Fu);
        }
        const bool overlong = (len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) ||
                              (len == 4 && cp < 0x10000);
        if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return i;
        i += len;
    }
    return std::string_view::npos;
}

namespace {

// U+061C, U+200E, U+200F, U+202A..U+202E and U+2066..U+2069, in UTF-8: they
// change the direction the rest of a line is drawn in, so a name holding
// one could make a terminal show a row's figures backwards.
bool bidi_control(std::string_view s)
{
    if (s.size() >= 2 && static_cast<unsigned char>(s[0]) == 0xD8 && static_cast<unsigned char>(s[1]) == 0x9C)
        return true;
    if (s.size() < 3 || static_cast<unsigned char>(s[0]) != 0xE2)
        return false;
    const auto b = static_cast<unsigned char>(s[1]), c = static_cast<unsigned char>(s[2]);
    return (b == 0x80 && (c == 0x8E || c == 0x8F || (c >= 0xAA && c <= 0xAE))) ||
           (b == 0x81 && c >= 0xA6 && c <= 0xA9);
}

} // namespace

std::string printable(std::string_view s)
{
    static const char* k_hex = "0123456789ABCDEF";
    std::string out;
    out.reserve(s.size());
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x80) {
            // Keep a valid multibyte sequence whole.
            const std::size_t len = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 1;
            const bool c1 = c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) < 0xA0;
            if (len > 1 && !c1 && !bidi_control(s.substr(i)) && i + len <= s.size() &&
                find_invalid_utf8(s.substr(i, len)) == std::string_view::npos) {
                out.append(s.substr(i, len));
                i += len;
                continue;
            }
        } else if (c >= 0x20 && c != 0x7F) {
            out += static_cast<char>(c);
            ++i;
            continue;
        }
        out += "\\x";
        out += k_hex[c >> 4];
        out += k_hex[c & 0xF];
        ++i;
    }
    return out;
}

// Printable ASCII or a line break: what printable_text keeps as it is.
namespace {
bool plain_text_byte(unsigned char c) { return (c >= 0x20 && c < 0x7F) || c == '\n'; }
} // namespace

std::string printable_text(std::string_view s)
{
    // Runs of printable ASCII and line breaks (nearly all of a report) are
    // copied whole; each run of other bytes is shown by printable(). Such a
    // run ends before the next plain byte, so a multibyte character is never
    // cut: printable() sees it whole, as it would in its line.
    const auto plain = [](unsigned char c) { return plain_text_byte(c); };
    std::string out;
    out.reserve(s.size());
    std::size_t i = 0;
    while (i < s.size()) {
        std::size_t end = i;
        while (end < s.size() && plain(static_cast<unsigned char>(s[end])))
            ++end;
        out.append(s.data() + i, end - i);
        i = end;
        while (end < s.size() && !plain(static_cast<unsigned char>(s[end])))
            ++end;
        if (end > i)
            out += printable(s.substr(i, end - i));
        i = end;
    }
    return out;
}

std::string printable_text(std::string&& s)
{
    const bool plain =
        std::all_of(s.begin(), s.end(), [](char c) { return plain_text_byte(static_cast<unsigned char>(c)); });
    if (plain)
        return std::move(s);
    return printable_text(std::string_view(s));
}

std::size_t display_width(std::string_view s)
{
    std::size_t n = 0;
    for (const char c : s)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) // not a continuation byte
            ++n;
    return n;
}

bool has_control(std::string_view s)
{
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x20 || c == 0x7F)
            return true;
        if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
            static_cast<unsigned char>(s[i + 1]) < 0xA0)
            return true;
    }
    return false;
}

std::size_t edit_distance(std::string_view a, std::string_view b)
{
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j)
        row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diag = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t up = row[j];
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + cost});
            diag = up;
        }
    }
    return row[b.size()];
}

namespace {

// "st2" for "ST002": ids that differ only in zero-padding are the same id
// typed another way.
std::string unpadded(std::string_view s)
{
    std::string out;
    std::size_t i = 0;
    while (i < s.size()) {
        if (!std::isdigit(static_cast<unsigned char>(s[i]))) {
            out += static_cast<char>(std::tolower(static_cast<unsigned char>(s[i++])));
            continue;
        }
        std::size_t end = i;
        while (end < s.size() && std::isdigit(static_cast<unsigned char>(s[end])))
            ++end;
        while (i + 1 < end && s[i] == '0') // "007" -> "7", "0" stays
            ++i;
        out.append(s.substr(i, end - i));
        i = end;
    }
    return out;
}

} // namespace

std::string closest_match(std::string_view name, const std::vector<std::string>& candidates)
{
    // The same id but for zero-padding (ST02 for ST002) beats any typo.
    const std::string bare = unpadded(name);
    for (const auto& c : candidates)
        if (c != name && unpadded(c) == bare)
            return c;
    std::string best;
    std::size_t best_distance = std::string_view::npos;
    const std::string lowered = to_lower(name);
    for (const auto& c : candidates) {
        const std::size_t d = edit_distance(lowered, to_lower(c));
        if (d < best_distance) {
            best_distance = d;
            best = c;
        }
    }
    // A third of the name, at least one edit: close enough to be a typo,
    // far enough that unrelated names are not suggested.
    const std::size_t limit = std::max<std::size_t>(1, name.size() / 3);
    return best_distance <= limit ? best : std::string{};
}

std::string with_thousands(long long n)
{
    std::string digits = std::to_string(n < 0 ? -n : n);
    std::string out;
    const std::size_t len = digits.size();
    for (std::size_t i = 0; i < len; ++i) {
        if (i && (len - i) % 3 == 0)
            out += ',';
        out += digits[i];
    }
    return n < 0 ? "-" + out : out;
}

std::string plural(long long n, std::string_view one, std::string_view many)
{
    return with_thousands(n) + " " + std::string(n == 1 ? one : many);
}

bool has_control_in_line(std::string_view s)
{
    std::string without(s);
    without.erase(std::remove_if(without.begin(), without.end(), [](char c) { return c == '\n' || c == '\r'; }),
                  without.end());
    return has_control(without);
}

} // namespace pthv::util
