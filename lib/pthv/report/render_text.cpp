// The terminal format: a title, the preamble, then each section as a table
// with aligned columns (numbers right-aligned). Every string from the data
// goes through util::printable first: a name holding ESC or CR must not
// reach the terminal as a control sequence.

#include <pthv/report/render.hpp>
#include <pthv/report/tables.hpp>

#include <algorithm>

#include <pthv/util/strings.hpp>

namespace pthv::report {

namespace {

std::string pad(const std::string& s, std::size_t w, bool right)
{
    const std::size_t used = util::display_width(s);
    const std::string fill(w > used ? w - used : 0, ' ');
    return right ? fill + s : s + fill;
}

void render_table(Table t, std::string& out)
{
    for (auto& c : t.header)
        c = util::printable(c);
    for (auto& r : t.rows)
        for (auto& c : r)
            c = util::printable(c);
    out += util::printable(t.title) + "\n";
    std::vector<std::size_t> w(t.header.size(), 0);
    for (std::size_t i = 0; i < t.header.size(); ++i) {
        w[i] = util::display_width(t.header[i]);
        for (const auto& r : t.rows)
            w[i] = std::max(w[i], util::display_width(r[i]));
    }
    auto line = [&](const std::vector<std::string>& cells) {
        std::string l = " ";
        for (std::size_t i = 0; i < cells.size(); ++i)
            l += " " + pad(cells[i], w[i], t.numeric[i]);
        while (!l.empty() && l.back() == ' ')
            l.pop_back();
        out += l + "\n";
    };
    if (t.rows.empty()) {
        out += "  (none)\n";
    } else {
        line(t.header);
        for (const auto& r : t.rows)
            line(r);
    }
    if (!t.note.empty())
        out += "  " + util::printable(t.note) + "\n";
    out += "\n";
}

} // namespace

std::string text_document(const Document& d)
{
    const std::string title = util::printable(d.title);
    std::string out = title + "\n" + std::string(util::display_width(title), '=') + "\n";
    for (const auto& l : d.preamble)
        out += util::printable(l) + "\n";
    out += "\n";
    for (const auto& t : d.tables)
        render_table(t, out);
    out.pop_back(); // one newline at the end
    return out;
}

std::string render_text(const Figures& f)
{
    return text_document(report_document(f));
}

std::string render_census_text(const Figures& f)
{
    std::string out;
    render_table(census_table(f), out);
    out.pop_back();
    return out;
}

} // namespace pthv::report
