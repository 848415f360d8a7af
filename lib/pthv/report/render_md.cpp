// Markdown for git and email: one pipe table per section.

#include <pthv/report/render.hpp>
#include <pthv/report/tables.hpp>

namespace pthv::report {

namespace {

// A cell must not break the table: escape pipes, keep one line.
std::string md_cell(const std::string& s)
{
    std::string out;
    for (const char c : s) {
        if (c == '|')
            out += "\\|";
        else if (c == '\n' || c == '\r')
            out += ' ';
        else if (c == '<' || c == '>' || c == '*' || c == '_' || c == '\\')
            out += std::string("\\") + c; // "<10" and "*" are literal text, not markup
        else
            out += c;
    }
    return out;
}

} // namespace

std::string render_md(const Figures& f)
{
    std::string out = "# " + md_cell(report_title(f)) + "\n\n";
    for (const auto& l : report_preamble(f))
        out += md_cell(l) + "\n\n";
    for (const auto& t : report_tables(f)) {
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
