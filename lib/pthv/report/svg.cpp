#include <pthv/report/svg.hpp>

#include <algorithm>

#include <fmt/format.h>

#include <pthv/util/strings.hpp>

namespace pthv::report {

std::string html_escape(const std::string& s)
{
    std::string out;
    for (const char c : util::printable(s)) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        default: out += c;
        }
    }
    return out;
}

std::string svg_columns(const std::string& title, const std::vector<Bar>& bars)
{
    const int n = std::max(1, static_cast<int>(bars.size()));
    const int width = 640, height = 250, top = 24, base = 200, left = 8;
    const int slot = (width - 2 * left) / n, bar = std::max(4, slot * 7 / 10);
    std::int64_t max = 1;
    for (const auto& b : bars)
        max = std::max(max, b.value);
    std::string out = fmt::format(
        "<svg class=\"chart\" viewBox=\"0 0 {} {}\" role=\"img\" aria-label=\"{}\" xmlns=\"http://www.w3.org/2000/svg\">"
        "<title>{}</title>\n<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" class=\"axis\"/>\n",
        width, height, html_escape(title), html_escape(title), left, base, width - left, base);
    for (std::size_t i = 0; i < bars.size(); ++i) {
        const Bar& b = bars[i];
        const int x = left + static_cast<int>(i) * slot + (slot - bar) / 2, mid = x + bar / 2;
        const int h = b.value < 0 ? 0 : static_cast<int>(b.value * (base - top) / max);
        if (h > 0)
            out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" class=\"bar\"/>\n", x, base - h,
                               bar, h);
        out += fmt::format("<text x=\"{}\" y=\"{}\" class=\"val\">{}</text>\n", mid, base - h - 4,
                           html_escape(b.value_label));
        // "Jul 2025": the month above its year, so twelve of them fit.
        const auto space = b.label.find(' ');
        if (space == std::string::npos)
            out += fmt::format("<text x=\"{}\" y=\"{}\" class=\"lab\">{}</text>\n", mid, base + 16,
                               html_escape(b.label));
        else
            out += fmt::format("<text x=\"{0}\" y=\"{1}\" class=\"lab\"><tspan x=\"{0}\">{2}</tspan>"
                               "<tspan x=\"{0}\" dy=\"1.15em\">{3}</tspan></text>\n",
                               mid, base + 16, html_escape(b.label.substr(0, space)),
                               html_escape(b.label.substr(space + 1)));
    }
    return out + "</svg>\n";
}

std::string svg_rows(const std::string& title, const std::vector<Bar>& bars)
{
    // Room for the longest label at the narrow screens' larger text (about
    // 11 units a character at 20 units; render_html.cpp), within reason.
    std::size_t longest = 0;
    for (const auto& b : bars)
        longest = std::max(longest, util::display_width(b.label));
    const int label_w = std::clamp(static_cast<int>(longest) * 11 + 16, 120, 330);
    const int width = 640, row = 26, top = 8, room = width - label_w - 80;
    const int height = top * 2 + row * std::max(1, static_cast<int>(bars.size()));
    std::string out = fmt::format(
        "<svg class=\"chart\" viewBox=\"0 0 {} {}\" role=\"img\" aria-label=\"{}\" xmlns=\"http://www.w3.org/2000/svg\">"
        "<title>{}</title>\n",
        width, height, html_escape(title), html_escape(title));
    for (std::size_t i = 0; i < bars.size(); ++i) {
        const Bar& b = bars[i];
        const int y = top + static_cast<int>(i) * row;
        const int w = b.value < 0 ? 0 : static_cast<int>(std::min<std::int64_t>(b.value, 1000) * room / 1000);
        out += fmt::format("<text x=\"{}\" y=\"{}\" class=\"rlab\">{}</text>\n", label_w - 8, y + 17,
                           html_escape(b.label));
        out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"18\" class=\"track\"/>\n", label_w, y + 4,
                           room);
        if (w > 0)
            out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"18\" class=\"bar\"/>\n", label_w, y + 4,
                               w);
        out += fmt::format("<text x=\"{}\" y=\"{}\" class=\"rval\">{}</text>\n", label_w + room + 6, y + 17,
                           html_escape(b.value_label));
    }
    return out + "</svg>\n";
}

} // namespace pthv::report
