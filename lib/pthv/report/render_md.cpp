// Markdown for git and email: one pipe table per section.

#include <pthv/report/render.hpp>
#include <pthv/report/tables.hpp>
#include <pthv/util/strings.hpp>

namespace pthv::report {

namespace {

// A cell must not break the table nor become markup: control characters
// and bad bytes are shown as \xNN (util::printable), and every character
// that could start emphasis, html, a link or image ([t](url), ![t](url)),
// code or an entity is escaped, so a name is always shown as it is written.
std::string md_cell(const std::string& s)
{
    static const std::string_view k_special = "\\|<>*_[]()!`&~#";
    std::string out;
    for (const char c : util::printable(s)) {
        if (k_special.find(c) != std::string_view::npos)
            out += '\\';
        out += c;
    }
    return out;
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
