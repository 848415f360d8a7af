// util/mail: addresses, base64, quoted-printable and RFC 2047 headers, by
// their RFCs' own rules.

#include <doctest/doctest.h>

#include <pthv/util/mail.hpp>

using namespace pthv;

TEST_CASE("util::is_email_address")
{
    CHECK(util::is_email_address("ana.lopez@example.org"));
    CHECK(util::is_email_address("o'brien+pthv@mail.example.org"));
    CHECK_FALSE(util::is_email_address(""));
    CHECK_FALSE(util::is_email_address("ana.lopez"));
    CHECK_FALSE(util::is_email_address("ana@example"));       // no dot: a typo
    CHECK_FALSE(util::is_email_address("ana lopez@example.org"));
    CHECK_FALSE(util::is_email_address("ana..lopez@example.org"));
    CHECK_FALSE(util::is_email_address(".ana@example.org"));
    CHECK_FALSE(util::is_email_address("ana@-example.org"));
    CHECK_FALSE(util::is_email_address("ana@example..org"));
    CHECK_FALSE(util::is_email_address("adrián@example.org")); // not ASCII
    CHECK_FALSE(util::is_email_address("Ana <ana@example.org>"));
}

TEST_CASE("util::parse_mailbox")
{
    const auto m = util::parse_mailbox("Riverbend PTHV <pthv@example.org>");
    CHECK(m.ok);
    CHECK(m.name == "Riverbend PTHV");
    CHECK(m.address == "pthv@example.org");
    CHECK(util::parse_mailbox("\"Lopez, Ana\" <ana@example.org>").name == "Lopez, Ana");
    CHECK(util::parse_mailbox("pthv@example.org").ok);
    CHECK_FALSE(util::parse_mailbox("nobody").ok);
    CHECK_FALSE(util::parse_mailbox("PTHV <pthv@example.org").ok);
}

TEST_CASE("util::base64")
{
    SUBCASE("the vectors of RFC 4648")
    {
        CHECK(util::base64("", false).empty());
        CHECK(util::base64("f", false) == "Zg==");
        CHECK(util::base64("fo", false) == "Zm8=");
        CHECK(util::base64("foo", false) == "Zm9v");
        CHECK(util::base64("foob", false) == "Zm9vYg==");
        CHECK(util::base64("fooba", false) == "Zm9vYmE=");
        CHECK(util::base64("foobar", false) == "Zm9vYmFy");
    }
    SUBCASE("wrapped in lines of 76 ended by CRLF")
    {
        const std::string out = util::base64(std::string(100, 'x'), true);
        CHECK(out.substr(76, 2) == "\r\n");
        CHECK(out.substr(out.size() - 2) == "\r\n");
        CHECK(out.size() == 136 + 4);
    }
}

TEST_CASE("util::quoted_printable")
{
    CHECK(util::quoted_printable("plain text\n") == "plain text\r\n");
    CHECK(util::quoted_printable("a = b") == "a =3D b");
    CHECK(util::quoted_printable("Adrián\n") == "Adri=C3=A1n\r\n");
    CHECK(util::quoted_printable("trailing space \nnext") == "trailing space=20\r\nnext");
    SUBCASE("no line passes 76 characters; a soft break never splits a character")
    {
        std::string text;
        for (int i = 0; i < 40; ++i)
            text += "王";
        const std::string out = util::quoted_printable(text);
        std::size_t from = 0;
        while (from < out.size()) {
            const std::size_t end = std::min(out.find("\r\n", from), out.size());
            const std::string line = out.substr(from, end - from);
            CHECK(line.size() <= 76);
            if (end < out.size()) {
                REQUIRE(line.back() == '=');
                CHECK((line.size() - 1) % 9 == 0); // whole =E7=8E=8B triples only
            }
            from = end + 2;
        }
    }
}

TEST_CASE("util::encode_header_text")
{
    CHECK(util::encode_header_text("Plain subject") == "Plain subject");
    CHECK(util::encode_header_text("王浩然") == "=?UTF-8?B?546L5rWp54S2?=");
    SUBCASE("long text: several encoded-words of whole characters, folded under 78 columns")
    {
        std::string name;
        for (int i = 0; i < 30; ++i)
            name += "é";
        const std::string out = util::encode_header_text(name);
        CHECK(out.find("\r\n ") != std::string::npos);
        std::size_t from = 0, first = std::string("Subject: ").size();
        while (from < out.size()) {
            const std::size_t end = std::min(out.find("\r\n", from), out.size());
            CHECK(end - from + first <= 78);
            first = 0;
            from = end + 2;
        }
    }
}

TEST_CASE("util::format_mailbox")
{
    CHECK(util::format_mailbox("", "ana@example.org") == "ana@example.org");
    CHECK(util::format_mailbox("Ana Lopez", "ana@example.org") == "Ana Lopez <ana@example.org>");
    CHECK(util::format_mailbox("Lopez, Ana \"A\"", "ana@example.org") == "\"Lopez, Ana \\\"A\\\"\" <ana@example.org>");
    CHECK(util::format_mailbox("Adrián", "a@example.org") == "=?UTF-8?B?QWRyacOhbg==?= <a@example.org>");
}

TEST_CASE("util::rfc5322_date")
{
    const std::string d = util::rfc5322_date(0);
    // "Thu, 01 Jan 1970 00:00:00 +0000" in UTC; the day may differ by zone.
    CHECK(d.size() == 31);
    CHECK(d.substr(3, 2) == ", ");
    CHECK((d[26] == '+' || d[26] == '-'));
}

TEST_CASE("util::is_7bit")
{
    CHECK(util::is_7bit("plain\nlines\n"));
    CHECK_FALSE(util::is_7bit("Adrián"));
    CHECK_FALSE(util::is_7bit(std::string(999, 'x')));
}
