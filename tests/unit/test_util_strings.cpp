#include <doctest/doctest.h>

#include <pthv/util/strings.hpp>
#include <pthv/util/text_order.hpp>

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>

using namespace pthv::util;

TEST_CASE("util::trim and split")
{
    SUBCASE("trim drops spaces, tabs and line breaks at both ends only")
    {
        CHECK(trim("  a b \t\r\n") == "a b");
        CHECK(trim(" \t ").empty());
        CHECK(trim("").empty());
    }
    SUBCASE("split keeps empty parts")
    {
        CHECK(split("T1;T2", ';') == std::vector<std::string>{"T1", "T2"});
        CHECK(split(";a;", ';') == std::vector<std::string>{"", "a", ""});
        CHECK(split("", ';') == std::vector<std::string>{""});
    }
    SUBCASE("join is split's inverse")
    {
        CHECK(join({"a", "", "b"}, ";") == "a;;b");
        CHECK(join({}, ",").empty());
    }
    SUBCASE("prefixes, suffixes and case")
    {
        CHECK(starts_with("flag_attendance", "flag_"));
        CHECK_FALSE(starts_with("fla", "flag_"));
        CHECK(ends_with("2026-09.csv", ".csv"));
        CHECK_FALSE(ends_with("csv", ".csv"));
        CHECK(to_lower("CP5-Pair") == "cp5-pair");
    }
}

TEST_CASE("util::find_invalid_utf8")
{
    constexpr auto ok = std::string_view::npos;
    SUBCASE("ASCII and well-formed multibyte text is valid")
    {
        CHECK(find_invalid_utf8("plain") == ok);
        CHECK(find_invalid_utf8("Jos\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80") == ok);
        CHECK(find_invalid_utf8("") == ok);
    }
    SUBCASE("a Latin-1 byte is reported at its offset")
    {
        CHECK(find_invalid_utf8("Jos\xE9") == 3);
    }
    SUBCASE("truncated, overlong, surrogate and out-of-range sequences are invalid")
    {
        CHECK(find_invalid_utf8("ab\xE2\x82") == 2);
        CHECK(find_invalid_utf8("\xC0\xAF") == 0);
        CHECK(find_invalid_utf8("\xE0\x80\xAF") == 0);
        CHECK(find_invalid_utf8("\xED\xA0\x80") == 0);
        CHECK(find_invalid_utf8("\xF4\x90\x80\x80") == 0);
        CHECK(find_invalid_utf8("\x80") == 0);
        CHECK(find_invalid_utf8("\xFF") == 0);
    }
    SUBCASE("a bad byte is found at any offset in a long ASCII text")
    {
        for (std::size_t at = 0; at < 40; ++at) {
            std::string text(40, 'a');
            text[at] = '\xE9';
            CHECK(find_invalid_utf8(text) == at);
            text[at] = '\xC3'; // a good two-byte sequence, wherever it falls
            text.insert(at + 1, 1, '\xA9');
            CHECK(find_invalid_utf8(text) == ok);
        }
    }
}

TEST_CASE("util::display_width counts characters, not bytes")
{
    CHECK(display_width("Layla Le") == 8);
    CHECK(display_width("Adri\xC3\xA1n Ram\xC3\xADrez") == 14); // Adrián Ramírez
    CHECK(display_width("\xE7\x8E\x8B\xE5\xB0\x8F\xE6\x98\x8E") == 3); // three CJK characters, one each
    CHECK(display_width("") == 0);
}

TEST_CASE("util::closest_match")
{
    const std::vector<std::string> commands{"init", "validate", "schema", "report"};
    SUBCASE("a typo gets the command it was meant to be")
    {
        CHECK(closest_match("valdate", commands) == "validate");
        // An id typed without its zero-padding is that id, not a neighbour
        // one edit away.
        CHECK(closest_match("ST02", {"ST012", "ST020", "ST002"}) == "ST002");
        CHECK(closest_match("st2", {"ST012", "ST002"}) == "ST002");
        CHECK(closest_match("T0007", {"T070", "T007"}) == "T007");
        CHECK(closest_match("Schema", commands) == "schema");
    }
    SUBCASE("an unrelated name gets no suggestion")
    {
        CHECK(closest_match("frobnicate", commands).empty());
        CHECK(closest_match("x", {}).empty());
    }
    SUBCASE("edit distance counts insertions, deletions and substitutions")
    {
        CHECK(edit_distance("kitten", "sitting") == 3);
        CHECK(edit_distance("", "abc") == 3);
        CHECK(edit_distance("same", "same") == 0);
    }
}

TEST_CASE("util::with_thousands and plural")
{
    CHECK(with_thousands(0) == "0");
    CHECK(with_thousands(999) == "999");
    CHECK(with_thousands(1204) == "1,204");
    CHECK(with_thousands(1234567) == "1,234,567");
    CHECK(with_thousands(-1204) == "-1,204");
    CHECK(plural(1, "error", "errors") == "1 error");
    CHECK(plural(0, "error", "errors") == "0 errors");
    CHECK(plural(1245, "visit", "visits") == "1,245 visits");
}

TEST_CASE("util::printable")
{
    SUBCASE("plain and multibyte text is kept")
    {
        CHECK(printable("Jos\xC3\xA9, 50.00") == "Jos\xC3\xA9, 50.00");
    }
    SUBCASE("control characters and invalid bytes are shown as \\xNN")
    {
        CHECK(printable("a\x1b[31mb") == "a\\x1B[31mb");
        CHECK(printable("tab\there\n") == "tab\\x09here\\x0A");
        CHECK(printable("Jos\xE9") == "Jos\\xE9");
        CHECK(printable("\xE2\x82") == "\\xE2\\x82");
    }
}

TEST_CASE("util::printable escapes C1 controls and printable_text keeps lines")
{
    SUBCASE("U+009B (CSI) and U+0085 are shown as their bytes; U+00A0 is kept")
    {
        CHECK(printable("a\xC2\x9B" "31mb") == "a\\xC2\\x9B31mb");
        CHECK(printable("\xC2\x85") == "\\xC2\\x85");
        CHECK(printable("\xC2\xA0x") == "\xC2\xA0x");
    }
    SUBCASE("DEL, backspace and CR")
    {
        CHECK(printable("a\x7F\b\rb") == "a\\x7F\\x08\\x0Db");
    }
    SUBCASE("bidirectional controls are shown as their bytes; other marks and scripts are kept")
    {
        CHECK(printable("a\xE2\x80\xAE" "361") == "a\\xE2\\x80\\xAE361");   // U+202E
        CHECK(printable("\xE2\x80\xAA\xE2\x81\xA9") == "\\xE2\\x80\\xAA\\xE2\\x81\\xA9"); // U+202A, U+2069
        CHECK(printable("\xE2\x80\x8F\xD8\x9C") == "\\xE2\\x80\\x8F\\xD8\\x9C"); // U+200F, U+061C
        CHECK(printable("\xE2\x80\x94\xE2\x81\xA0\xD7\xA9") == "\xE2\x80\x94\xE2\x81\xA0\xD7\xA9"); // dash, word joiner, shin
    }
    SUBCASE("printable_text keeps line breaks and escapes the rest")
    {
        CHECK(printable_text("one\x1b]0;x\x07\ntwo\r\n") == "one\\x1B]0;x\\x07\ntwo\\x0D\n");
        CHECK(printable_text("") == "");
        CHECK(printable_text("\n\n") == "\n\n");
        // Line by line with printable(), whatever sits at a line's ends:
        // multibyte characters, broken ones, C1 controls, DEL, tabs.
        const std::string hostile = "Andr\xC3\xA9\n\xC3\n\xA9x\xC2\x85y\x7F\tz\xE2\x82\xAC\n\xF0\x9F\x98\x80\xFF\n\n";
        std::string by_line;
        std::size_t from = 0;
        for (std::size_t nl; (nl = hostile.find('\n', from)) != std::string::npos; from = nl + 1)
            by_line += printable(hostile.substr(from, nl - from)) + "\n";
        by_line += printable(hostile.substr(from));
        CHECK(printable_text(hostile) == by_line);
        CHECK(printable_text(hostile).find("Andr\xC3\xA9") == 0);
    }
    SUBCASE("a text of one's own comes back the same, moved when there is nothing to escape")
    {
        std::string plain(1000, 'x');
        plain += "\nline two\n";
        const std::string copy = plain;
        const char* const bytes = plain.data();
        const std::string kept = printable_text(std::move(plain));
        CHECK(kept == copy);
        CHECK(kept.data() == bytes);
        std::string hostile = "one\x1b]0;x\x07\ntwo\r\n";
        CHECK(printable_text(std::move(hostile)) == "one\\x1B]0;x\\x07\ntwo\\x0D\n");
    }
    SUBCASE("has_control finds C0, DEL and C1, not other text")
    {
        CHECK(has_control("a\x1b"));
        CHECK(has_control("tab\there"));
        CHECK(has_control("del\x7F"));
        CHECK(has_control("c1 \xC2\x9B"));
        CHECK_FALSE(has_control("Jos\xC3\xA9 \xC2\xA0 \xE2\x82\xAC"));
        CHECK_FALSE(has_control(""));
    }
}

TEST_CASE("util::sort_by_text orders as the text does, stable, past a shared prefix")
{
    // Ids sharing a long prefix, some equal, some a prefix of another, some
    // differing only after the first eight bytes past the prefix.
    std::vector<std::string> ids = {"V20251012-ST0000019", "V20251012-ST0000002", "V20251012-ST00000021",
                                    "V20251012-ST0000002", "V20251012-ST000000",  "V20251012-ST0000002\x01",
                                    "V20251012-ST0000001", "V20251012-ST9",       "V20251012-",
                                    "V20251012-ST00000000000000000001", "V20251012-ST00000000000000000000"};
    for (int i = 0; i < 200; ++i)
        ids.push_back("V20251012-ST" + std::to_string((i * 7919) % 1000));
    std::vector<std::pair<std::string, int>> rows;
    for (std::size_t i = 0; i < ids.size(); ++i)
        rows.emplace_back(ids[i], static_cast<int>(i));
    auto expected = rows;
    std::stable_sort(expected.begin(), expected.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    pthv::util::sort_by_text(
        rows.begin(), rows.end(), [](const auto& r) { return std::string_view(r.first); });
    CHECK(rows == expected);

    std::vector<std::pair<std::string, int>> one = {{"x", 0}};
    pthv::util::sort_by_text(one.begin(), one.end(),
                                                           [](const auto& r) { return std::string_view(r.first); });
    CHECK(one.size() == 1);
}

TEST_CASE("util::count_byte counts exactly, eight bytes at a time and in the tail")
{
    std::uint32_t seed = 12345;
    const auto next = [&] {
        seed = seed * 1664525u + 1013904223u;
        return seed >> 8;
    };
    // Bytes next to the one counted (borrows between bytes), NUL and
    // high-bit bytes, at every length around the eight-byte steps.
    const std::string alphabet("\n\x0B\x09\0\x8A\xFF", 6);
    bool all_same = true;
    for (int round = 0; round < 2000; ++round) {
        std::string text(next() % 70, 'x');
        for (char& c : text)
            c = alphabet[next() % alphabet.size()];
        for (const char c : alphabet)
            all_same &= count_byte(text, c) == static_cast<std::size_t>(std::count(text.begin(), text.end(), c));
    }
    CHECK(all_same);
    CHECK(count_byte(std::string(1000, '\n') + "x\n", '\n') == 1001);
    CHECK(count_byte("", '\n') == 0);
}
