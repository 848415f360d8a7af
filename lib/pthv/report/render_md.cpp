// Markdown for git and email: one pipe table per section.

#include <pthv/report/render.hpp>
#include <pthv/report/tables.hpp>
#include <pthv/util/strings.hpp>

namespace pthv::report {

namespace {

// GitHub turns a bare address into a link by its shape alone, a scheme's
// "://", "www." or an e-mail's "@", both while parsing and again over the
// rendered text (where a backslash escape is already gone). A word joiner
// (U+2060: invisible, and allowed in none of those shapes) inside each
// keeps a name looking as written while matching none of them.
constexpr std::string_view k_word_joiner = "\xE2\x81\xA0";

bool is_w(char c) { return c == 'w' || c == 'W'; }

std::string break_autolinks(std::string_view s)
{
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '@' || (c == ':' && s.substr(i + 1, 2) == "//"))
            out += k_word_joiner;
        out += c;
        if (i >= 2 && is_w(c) && is_w(s[i - 1]) && is_w(s[i - 2]) && i + 1 < s.size() && s[i + 1] == '.')
            out += k_word_joiner;
    }
    return out;
}

// A cell must not break the table nor become markup: control characters
// and bad bytes are shown as \xNN (util::printable), every character
// that could start emphasis, html, a link or image ([t](url), ![t](url)),
// code or an entity is escaped, and a bare address is kept from becoming
// a link (break_autolinks), so a name is always shown as it is written.
std::string md_cell(const std::string& s)
{
    static const std::string_view k_special = "\\|<>*_[]()!`&~#";
    std::string out;
    for (const char c : util::printable(s)) {
        if (k_special.find(c) != std::string_view::npos)
            out += '\\';
        out += c;
    }
    return break_autolinks(out);
}

} // namespace

std::string render_md(const Figures& f)
{
    return md_document(report_document(f));
}

std::string md_document(const Document& d)
{
    std::string out = "# " + md_cell(d.title) + "\n\n";
    for (const auto& l : d.preamble)
        out += md_cell(l) + "\n\n";
    for (const auto& t : d.tables) {
        out += "## " + md_cell(t.title) + "\n\n";
        if (t.rows.empty()) {
            out += "(none)\n\n";
            continue;
        }
        std::string head = "|", rule = "|";
        for (std::size_t i = 0; i < t.header.size(); ++i) {
            head += " " + md_cell(t.header[i]) + " |";
            rule += t.numeric[i] ? " ---: |" : " --- |";
        }
        out += head + "\n" + rule + "\n";
        for (const auto& r : t.rows) {
            std::string line = "|";
            for (const auto& c : r)
                line += " " + md_cell(c) + " |";
            out += line + "\n";
        }
        if (!t.note.empty())
            out += "\n" + md_cell(t.note) + "\n";
        out += "\n";
    }
    out.pop_back();
    return out;
}

} // namespace pthv::report
