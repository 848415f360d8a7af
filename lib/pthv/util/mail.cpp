#include <pthv/util/mail.hpp>

#include <array>
#include <cstdio>
#include <cstring>

#include <pthv/util/strings.hpp>

namespace pthv::util {

namespace {

constexpr std::string_view k_atext_specials = "!#$%&'*+/=?^_`{|}~-";
constexpr const char* k_hex = "0123456789ABCDEF";
constexpr std::size_t k_qp_line = 76;

bool is_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

bool is_atext(char c) { return is_alnum(c) || k_atext_specials.find(c) != std::string_view::npos; }

bool is_ascii(std::string_view s)
{
    for (const char c : s)
        if (static_cast<unsigned char>(c) >= 0x80)
            return false;
    return true;
}

// Calls `f` with every piece of `s` between `sep`s, as it is (empty and
// untrimmed pieces included: for_each_part would drop them); stops when
// `f` returns false and says so.
template <typename F> bool each_piece(std::string_view s, char sep, F&& f)
{
    while (true) {
        const auto pos = s.find(sep);
        if (!f(s.substr(0, pos)))
            return false;
        if (pos == std::string_view::npos)
            return true;
        s.remove_prefix(pos + 1);
    }
}

bool is_label_char(char c) { return is_alnum(c) || c == '-'; }

bool dot_atoms(std::string_view s, bool (*ok)(char))
{
    return each_piece(s, '.', [&](std::string_view atom) {
        if (atom.empty())
            return false;
        for (const char c : atom)
            if (!ok(c))
                return false;
        return true;
    });
}

// The length of the UTF-8 character led by byte `c` (1 for a stray byte).
std::size_t utf8_length(unsigned char c)
{
    return c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
}

} // namespace

bool is_email_address(std::string_view text)
{
    if (text.size() > 254 || !is_ascii(text))
        return false;
    const std::size_t at = text.rfind('@');
    if (at == std::string_view::npos || at > 64)
        return false;
    const std::string_view local = text.substr(0, at);
    const std::string_view domain = text.substr(at + 1);
    if (!dot_atoms(local, is_atext) || !dot_atoms(domain, is_label_char))
        return false;
    // A typo such as "ana@example" has no dot: every address mail reaches has one.
    if (domain.find('.') == std::string_view::npos)
        return false;
    return each_piece(domain, '.', [](std::string_view label) {
        return label.size() <= 63 && label.front() != '-' && label.back() != '-';
    });
}

Mailbox parse_mailbox(std::string_view text)
{
    Mailbox m;
    const std::string_view t = trim(text);
    const std::size_t open = t.rfind('<');
    if (open == std::string_view::npos) {
        m.address = std::string(t);
    } else {
        if (t.back() != '>')
            return m;
        m.address = std::string(trim(t.substr(open + 1, t.size() - open - 2)));
        std::string_view name = trim(t.substr(0, open));
        if (name.size() >= 2 && name.front() == '"' && name.back() == '"')
            name = name.substr(1, name.size() - 2);
        m.name = std::string(name);
    }
    m.ok = is_email_address(m.address) && !has_control(m.name);
    return m;
}

std::string base64(std::string_view bytes, bool wrap)
{
    static constexpr const char* k_alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    std::size_t line = 0;
    for (std::size_t i = 0; i < bytes.size(); i += 3) {
        const std::size_t n = std::min<std::size_t>(3, bytes.size() - i);
        std::uint32_t v = 0;
        for (std::size_t k = 0; k < 3; ++k)
            v = (v << 8) | (k < n ? static_cast<unsigned char>(bytes[i + k]) : 0U);
        for (std::size_t k = 0; k < 4; ++k)
            out += k <= n ? k_alphabet[(v >> (18 - 6 * k)) & 0x3F] : '=';
        line += 4;
        if (wrap && line >= 76) {
            out += "\r\n";
            line = 0;
        }
    }
    if (wrap && line > 0)
        out += "\r\n";
    return out;
}

std::string quoted_printable(std::string_view text)
{
    std::string out;
    bool first = true;
    each_piece(text, '\n', [&](std::string_view line) {
        if (!first)
            out += "\r\n";
        first = false;
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        std::size_t width = 0;
        for (std::size_t i = 0; i < line.size();) {
            const auto c = static_cast<unsigned char>(line[i]);
            // A character is encoded whole, so a soft break never splits it.
            const std::size_t n = c >= 0x80 ? std::min(utf8_length(c), line.size() - i) : 1;
            std::string piece;
            for (std::size_t k = 0; k < n; ++k) {
                const auto b = static_cast<unsigned char>(line[i + k]);
                const bool last = i + n == line.size();
                const bool plain = (b >= 33 && b <= 126 && b != '=') || ((b == ' ' || b == '\t') && !last);
                if (plain)
                    piece += static_cast<char>(b);
                else
                    piece += {'=', k_hex[b >> 4], k_hex[b & 0xF]};
            }
            // Room for the "=" of a soft break at the end of the line.
            if (width + piece.size() > k_qp_line - 1) {
                out += "=\r\n";
                width = 0;
            }
            out += piece;
            width += piece.size();
            i += n;
        }
        return true;
    });
    return out;
}

std::string encode_header_text(std::string_view value)
{
    if (is_ascii(value) && !has_control(value))
        return std::string(value);
    // 36 bytes are 48 characters of base64, a word of 60: after any header
    // name of up to 16 characters, or alone on a folded line, a line stays
    // within 78 characters. A word never splits a UTF-8 character.
    constexpr std::size_t k_chunk = 36;
    std::string out;
    for (std::size_t i = 0; i < value.size();) {
        std::size_t end = i;
        while (end < value.size()) {
            const std::size_t n = utf8_length(static_cast<unsigned char>(value[end]));
            if (end + n - i > k_chunk)
                break;
            end += n;
        }
        if (end == i)
            end = std::min(value.size(), i + k_chunk);
        if (!out.empty())
            out += "\r\n ";
        out += "=?UTF-8?B?" + base64(value.substr(i, end - i), false) + "?=";
        i = end;
    }
    return out;
}

std::string format_mailbox(std::string_view name, std::string_view address)
{
    if (name.empty())
        return std::string(address);
    std::string shown;
    if (!is_ascii(name) || has_control(name)) {
        shown = encode_header_text(name);
    } else {
        bool plain = true;
        for (const char c : name)
            plain = plain && (is_atext(c) || c == ' ');
        if (plain) {
            shown = std::string(name);
        } else {
            shown = "\"";
            for (const char c : name) {
                if (c == '"' || c == '\\')
                    shown += '\\';
                shown += c;
            }
            shown += '"';
        }
    }
    return shown + " <" + std::string(address) + ">";
}

std::string rfc5322_date(std::time_t t)
{
    std::tm local{};
    localtime_r(&t, &local);
    std::array<char, 64> buf{};
    // The day and month names are English whatever the locale: RFC 5322 says so.
    static constexpr std::array<const char*, 7> k_days = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static constexpr std::array<const char*, 12> k_months = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                             "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const long offset = local.tm_gmtoff / 60;
    const long magnitude = offset < 0 ? -offset : offset;
    std::snprintf(buf.data(), buf.size(), "%s, %02d %s %04d %02d:%02d:%02d %c%02ld%02ld",
                  k_days[static_cast<std::size_t>(local.tm_wday)], local.tm_mday,
                  k_months[static_cast<std::size_t>(local.tm_mon)], local.tm_year + 1900, local.tm_hour,
                  local.tm_min, local.tm_sec, offset < 0 ? '-' : '+', magnitude / 60, magnitude % 60);
    return buf.data();
}

bool is_7bit(std::string_view text)
{
    if (!is_ascii(text))
        return false;
    return each_piece(text, '\n', [](std::string_view line) { return line.size() <= 998; });
}

} // namespace pthv::util
