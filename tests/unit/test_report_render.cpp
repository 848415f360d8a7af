// The report's renderers (report/render_*.cpp) never let a name become a
// terminal control sequence, markup, a link or an image, nor invalid UTF-8.

#include <doctest/doctest.h>

#include <string>

#include <pthv/report/figures.hpp>
#include <pthv/report/render.hpp>
#include <pthv/report/svg.hpp>
#include <pthv/util/strings.hpp>

using namespace pthv;

namespace {

const char* const k_escape_name = "Evil\x1b[2J\x1b]0;pwned\x07 School\r\b\x7F\xC2\x9B";
const char* const k_link_name = "[click](javascript:alert(1)) ![t](http://track/p.png) `code` <b>";

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
    f.sites = {a, b};
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
             {report::render_text(f), report::render_md(f), report::render_html(f), report::render_csv(f)}) {
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
        CHECK(out.find("\\!\\[t\\]\\(http://track/p.png\\)") != std::string::npos);
        CHECK(out.find("\\`code\\`") != std::string::npos);
        CHECK(out.find("\\<b\\>") != std::string::npos);
        CHECK(out.find("](") == std::string::npos);
        CHECK(out.find("![") == std::string::npos);
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
