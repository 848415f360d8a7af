#include <pthv/util/encoding.hpp>

#include <array>

#include <pthv/util/strings.hpp>

namespace pthv::util {

namespace {

// 0x80..0x9F, where Windows-1252 differs from Latin-1 (0 = undefined);
// 0xA0..0xFF are the Unicode code points of the same number.
constexpr std::array<char32_t, 32> k_cp1252_high = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

char32_t code_point(unsigned char byte)
{
    if (byte < 0x80)
        return 0;
    return byte < 0xA0 ? k_cp1252_high[byte - 0x80] : char32_t{byte};
}

std::string utf8(char32_t cp)
{
    std::string out;
    if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
    } else {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    }
    out += static_cast<char>(0x80 | (cp & 0x3F));
    return out;
}

} // namespace

std::string windows_1252_char(unsigned char byte)
{
    const char32_t cp = code_point(byte);
    return cp == 0 ? std::string() : utf8(cp);
}

bool looks_windows_1252(std::string_view text)
{
    bool high = false;
    std::size_t i = 0;
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            ++i;
            continue;
        }
        high = true;
        // A valid UTF-8 sequence here means the text is (partly) UTF-8.
        const std::size_t len = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
        if (len > 0 && i + len <= text.size() && find_invalid_utf8(text.substr(i, len)) == std::string_view::npos)
            return false;
        if (code_point(c) == 0)
            return false;
        ++i;
    }
    return high;
}

} // namespace pthv::util
