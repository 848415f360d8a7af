// The report's renderers (report/render_*.cpp) never let a name become a
// terminal control sequence, markup, a link or an image, nor invalid UTF-8.

#include <doctest/doctest.h>

#include <regex>
#include <string>

#include <pthv/report/figures.hpp>
#include <pthv/report/render.hpp>

#include "report_helpers.hpp"
#include <pthv/report/svg.hpp>
#include <pthv/util/strings.hpp>

using namespace pthv;

namespace {

const char* const k_escape_name = "Evil\x1b[2J\x1b]0;pwned\x07 School\r\b\x7F\xC2\x9B";
const char* const k_link_name = "[click](javascript:alert(1)) ![t](http://track/p.png) `code` <b>";
// Every shape GitHub links without any markup: a scheme, www., an e-mail.
const char* const k_url_name = "https://evil.example/x www.evil.example WWW.Evil.example a.b+c@evil.example "
                               "ftp://files.example mailto:x@evil.example http://www.evil.example/?q=1";

report::Figures figures()
{
    report::Figures f;
    f.district = "District \xE9t\xE9 \x1b[31mred";
    f.period = {model::Date::parse("2026-07-01").value(), model::Date::parse("2026-12-01").value(), "mid-year"};
    f.as_of = f.period.to;
    report::Summary a;
    a.site_id = "S01";
    a.name = k_escape_name;
    report::Summary b;
    b.site_id = "S02";
    b.name = k_link_name;
    report::Summary c;
    c.site_id = "S03";
    c.name = k_url_name;
    f.sites = {a, b, c};
    f.languages = {{"es\x1b[5m", report::Count{3, report::Shown::Exact}}};
    return f;
}

// C0 but the line break; with `all`, DEL and C1 too. JSON keeps names
// exact for scripts: its own escapes cover C0, and DEL and C1 stay the
// valid UTF-8 characters they are.
bool has_raw_control(const std::string& s, bool all = true)
{
    for (char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && c != '\n') || (all && u == 0x7F))
            return true;
    }
    return all && s.find("\xC2\x9B") != std::string::npos;
}

} // namespace

TEST_CASE("report renderers escape what they print")
{
    const report::Figures f = figures();
    SUBCASE("no format holds a raw control character or invalid UTF-8")
    {
        for (const std::string& out :
             {report::render_text(f), report::render_md(f), report::render_html(f), test::every_csv_table(f)}) {
            CHECK_FALSE(has_raw_control(out));
            CHECK(util::find_invalid_utf8(out) == std::string::npos);
        }
        const std::string json = report::render_json(f);
        CHECK_FALSE(has_raw_control(json, false));
        CHECK(util::find_invalid_utf8(json) == std::string::npos);
        CHECK(json.find("\\u001b[2J") != std::string::npos);
    }
    SUBCASE("text shows control characters as \\xNN")
    {
        const std::string out = report::render_text(f);
        CHECK(out.find("Evil\\x1B[2J\\x1B]0;pwned\\x07 School\\x0D\\x08\\x7F\\xC2\\x9B") != std::string::npos);
        CHECK(out.find("District \\xE9t\\xE9 \\x1B[31mred") != std::string::npos);
        CHECK(out.find("es\\x1B[5m") != std::string::npos);
    }
    SUBCASE("markdown forms no link, image, code or html")
    {
        const std::string out = report::render_md(f);
        CHECK(out.find("\\[click\\]\\(javascript:alert\\(1\\)\\)") != std::string::npos);
        CHECK(out.find("\\!\\[t\\]\\(http\xE2\x81\xA0://track/p.png\\)") != std::string::npos);
        CHECK(out.find("\\`code\\`") != std::string::npos);
        CHECK(out.find("\\<b\\>") != std::string::npos);
        CHECK(out.find("](") == std::string::npos);
        CHECK(out.find("![") == std::string::npos);
    }
    SUBCASE("markdown keeps a bare address from becoming a link, and shows it as written")
    {
        std::string out = report::render_md(f);
        // What GitHub's autolinker looks for: a scheme then ://, www., a
        // character of an address's local part then @.
        for (const char* shape : {"[a-z]://", "www\\.", "[a-z0-9._+-]@"})
            CHECK_MESSAGE(!std::regex_search(out, std::regex(shape, std::regex::icase)), shape);
        // Only invisible word joiners were added: without them, the name as written.
        for (std::size_t at; (at = out.find("\xE2\x81\xA0")) != std::string::npos;)
            out.erase(at, 3);
        CHECK(out.find(k_url_name) != std::string::npos);
    }
    SUBCASE("html escapes markup and quotes, in tables and charts")
    {
        const std::string out = report::render_html(f);
        CHECK(out.find("<b>") == std::string::npos);
        CHECK(out.find("&lt;b&gt;") != std::string::npos);
        CHECK(out.find("Evil\\x1B[2J") != std::string::npos);
        CHECK(report::html_escape("a<b\"c&\x1b") == "a&lt;b&quot;c&amp;\\x1B");
    }
}

TEST_CASE("tidy values and language names")
{
    SUBCASE("figures are numbers in tidy CSV, negative ones too; text beginning with - is still guarded")
    {
        report::Table t;
        t.keys = {"name", "difference_pp", "left", "count", "share"};
        report::Share share{1, 3, report::ShareShown::Exact, 0};
        t.add({report::Cell::of("-foo"), report::Cell::decimal("-8.6"),
               report::Cell::of(model::Money::from_cents(-5292877)), report::Cell::num(-3),
               report::Cell::of(share)});
        t.add({report::Cell::of("=1+1"), report::Cell::decimal("=1+1"), report::Cell::missing(),
               report::Cell::suppressed(), report::Cell::missing()});
        CHECK(report::csv_table(t) == "name,difference_pp,left,count,share,suppressed\n"
                                      "'-foo,-8.6,-52928.77,-3,33.3,\n"
                                      "'=1+1,'=1+1,,,,count\n");
        CHECK(t.rows[0][1] == "-8.6"); // shown to people as written
    }
    SUBCASE("a share for programs is a plain percent, empty when undefined or hidden")
    {
        CHECK(report::share_tidy({1, 3, report::ShareShown::Exact, 0}).value == "33.3");
        CHECK(report::share_tidy({2, 3, report::ShareShown::Exact, 0}).value == "66.7");
        const auto none = report::share_tidy({0, 0, report::ShareShown::None, 0});
        CHECK(none.value.empty());
        CHECK_FALSE(none.suppressed);
        for (const auto shown : {report::ShareShown::Hidden, report::ShareShown::AtLeast, report::ShareShown::AtMost}) {
            const auto v = report::share_tidy({95, 100, shown, 940});
            CHECK(v.value.empty());
            CHECK(v.suppressed);
        }
    }
    SUBCASE("an ISO 639 code is shown by name; anything else as written")
    {
        CHECK(report::language_name("es") == "Spanish");
        CHECK(report::language_name("ES") == "Spanish");
        CHECK(report::language_name("hmn") == "Hmong");
        CHECK(report::language_name("zh") == "Chinese");
        CHECK(report::language_name("am") == "Amharic"); // the first entry
        CHECK(report::language_name("zz") == "zz");
        CHECK(report::language_name("Spanish") == "Spanish");
        CHECK(report::language_name("") == "");
    }
}
