#include <doctest/doctest.h>

#include <pthv/util/encoding.hpp>

using namespace pthv;

TEST_CASE("util::windows_1252_char")
{
    CHECK(util::windows_1252_char(0xE9) == "é");
    CHECK(util::windows_1252_char(0xF1) == "ñ");
    CHECK(util::windows_1252_char(0x80) == "€");
    CHECK(util::windows_1252_char(0x93) == "“");
    CHECK(util::windows_1252_char(0x81).empty()); // undefined in Windows-1252
    CHECK(util::windows_1252_char('a').empty());
}

TEST_CASE("util::looks_windows_1252")
{
    CHECK(util::looks_windows_1252("Jos\xE9,Mu\xF1oz"));
    CHECK(util::looks_windows_1252("\x93quoted\x94"));
    CHECK_FALSE(util::looks_windows_1252("plain ASCII"));
    CHECK_FALSE(util::looks_windows_1252("Jos\xC3\xA9 and Ren\xE9")); // partly UTF-8: not one encoding
    CHECK_FALSE(util::looks_windows_1252("\x81\x8D"));                 // bytes Windows-1252 does not define
}
