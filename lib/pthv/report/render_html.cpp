// HTML for the school board: one self-contained file (docs/guide.md, report):
// inline CSS with print styles and a narrow-screen layout, inline SVG
// charts (visits per month, coverage per site, fidelity per practice), no
// scripts and nothing fetched from anywhere.

#include <pthv/report/render.hpp>

#include <algorithm>

#include <fmt/format.h>
#include <pthv/report/svg.hpp>
#include <pthv/report/tables.hpp>

namespace pthv::report {

namespace {

const char* const k_css = R"(
:root { --ink: #1d2733; --muted: #5b6675; --line: #d5dbe3; --bar: #2f6f9f; --track: #eef2f6; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #fff; }
main { max-width: 980px; margin: 0 auto; padding: 24px 20px 40px; }
h1 { font-size: 1.5rem; margin: 0 0 6px; }
h2 { font-size: 1.1rem; margin: 28px 0 8px; padding-bottom: 4px; border-bottom: 2px solid var(--line); }
p.meta { color: var(--muted); margin: 2px 0; }
p.alert { background: #fff4e5; border-left: 4px solid #e08a00; padding: 8px 12px; margin: 10px 0; }
.charts { display: grid; grid-template-columns: 1fr; gap: 16px; }
.charts figure { margin: 0; }
.charts figure { max-width: 760px; }
figcaption { font-weight: 600; margin-bottom: 4px; }
svg.chart { width: 100%; height: auto; display: block; }
svg .bar { fill: var(--bar); } svg .track { fill: var(--track); } svg .axis { stroke: var(--line); }
svg text { font: 12px system-ui, sans-serif; fill: var(--ink); }
caption { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
svg .val, svg .lab { text-anchor: middle; } svg .rlab { text-anchor: end; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: 0.85rem; }
th, td { padding: 4px 4px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: bottom; }
td, th { overflow-wrap: anywhere; }
td.n { white-space: nowrap; }
th { background: #f5f7fa; font-weight: 600; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
tr:last-child td { border-bottom: none; }
p.note { color: var(--muted); font-size: 0.85rem; margin: 4px 0 0; }
@media (max-width: 640px) {
  main { padding: 12px 10px 24px; }
  table { font-size: 0.8rem; }
  th, td { padding: 3px 5px; }
  /* A chart is drawn 640 wide and shrinks to the screen: its text is drawn
     larger so it stays about 11 px or more on a phone. */
  svg text { font-size: 20px; }
  /* A table of many columns cannot fit a phone: each row becomes a card,
     a line per column with the column's name beside the value. */
  table.wide, table.wide tbody, table.wide tr { display: block; width: 100%; }
  table.wide thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  table.wide tr { border-bottom: 2px solid var(--line); padding: 4px 0; }
  table.wide td { display: flex; justify-content: space-between; gap: 12px; border: none; padding: 2px 4px;
                  text-align: right; white-space: normal; }
  table.wide td::before { content: attr(data-label); text-align: left; color: var(--muted); font-weight: 600; }
}
@media print {
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  section, figure, table { break-inside: avoid; }
  .scroll { overflow: visible; }
  th { background: none; }
  svg .bar { fill: #444; } svg .track { fill: #eee; }
}
)";

// A hidden share has no bar. A public bound (">=99.1%", printed beside it)
// is drawn at the bound: the coarser true statement the report makes, and
// no more than "<10" says, rather than a chart with every bar withheld.
std::int64_t share_bar(const Share& s)
{
    if (s.shown == ShareShown::Exact)
        return per_mille(s.num, s.den);
    return s.shown == ShareShown::AtLeast ? s.bound_per_mille : -1;
}

// A count's bar: a withheld one printed as at least a bound (">=21") is
// drawn at it, as shares are; any other hidden one has none.
std::int64_t count_bar(const Count& c)
{
    if (!c.hidden())
        return c.value;
    return c.shown == Shown::Withheld && c.at_least > 0 ? c.at_least : -1;
}

// One chart, or one line saying why there is none: a chart whose every bar
// is suppressed, or that has nothing to draw, is not drawn empty.
std::string chart(const Figures& f, const std::string& title, const std::vector<Bar>& bars, bool columns)
{
    std::string out = "<figure><figcaption>" + html_escape(title) + "</figcaption>\n";
    const bool any = std::any_of(bars.begin(), bars.end(), [](const Bar& b) { return b.value >= 0; });
    if (!any)
        return out +
               (bars.empty() ? std::string("<p class=\"note\">Nothing to show for the period.</p>\n")
                             : fmt::format("<p class=\"note\">Not drawn: every figure of this chart is suppressed "
                                           "in a public report (counts under {}).</p>\n",
                                           f.min_cell)) +
               "</figure>\n";
    return out + (columns ? svg_columns(title, bars) : svg_rows(title, bars)) + "</figure>\n";
}

// Chronic absence rates, visited beside not visited, for the district and
// each site; a hidden rate has no bar.
std::string attendance_chart(const Figures& f)
{
    std::vector<Bar> bars;
    for (const auto& r : f.attendance.rows) {
        if (!f.site_filter.empty() && &r != &f.attendance.rows.front())
            continue;
        const std::string who = r.site_id.empty() ? "all sites" : r.site_id;
        bars.push_back({who + " visited", share_bar(r.visited.rate), share_str(r.visited.rate)});
        bars.push_back({who + " not visited", share_bar(r.not_visited.rate), share_str(r.not_visited.rate)});
    }
    std::string out = chart(f, "Chronic absence, visited and not visited students", bars, false);
    out.insert(out.rfind("</figure>"), "<p class=\"note\">" + html_escape(attendance_caution(f)) + "</p>");
    return out;
}

// Proficiency rates per subject, visited beside not visited, for the
// district (or the --site); a hidden rate has no bar.
std::string scores_chart(const Figures& f)
{
    std::vector<Bar> bars;
    for (const auto& r : f.scores.rows) {
        if (!r.whole)
            continue;
        bars.push_back({r.subject + " visited", share_bar(r.visited.rate), share_str(r.visited.rate)});
        bars.push_back({r.subject + " not visited", share_bar(r.not_visited.rate), share_str(r.not_visited.rate)});
    }
    std::string out = chart(f, "Test score proficiency, visited and not visited students", bars, false);
    out.insert(out.rfind("</figure>"), "<p class=\"note\">" + html_escape(scores_caution(f)) + "</p>");
    return out;
}

std::string charts(const Figures& f)
{
    std::vector<Bar> months;
    for (const auto& m : f.months)
        months.push_back({month_name(m.key), count_bar(m.count), count_str(m.count, f.min_cell)});
    std::string months_chart = chart(f, "Completed visits per month", months, true);
    if (!f.months.empty() && (month_is_partial(f.months.front().key, f.period) ||
                              month_is_partial(f.months.back().key, f.period)))
        months_chart.insert(months_chart.rfind("</figure>"),
                            "<p class=\"note\">" + html_escape(partial_month_note(f.period)) + "</p>\n");
    std::vector<Bar> coverage;
    for (const auto& s : f.sites)
        coverage.push_back({s.site_id + " " + s.name, share_bar(s.coverage), share_str(s.coverage)});
    std::vector<Bar> fidelity;
    if (!f.fidelity.empty())
        for (std::size_t k = 0; k < k_practices; ++k) {
            const Share& s = f.fidelity.front().meeting[k];
            fidelity.push_back({std::string("CP") + k_practice_names[k], share_bar(s), share_str(s)});
        }
    return "<section class=\"charts\">\n" + (f.attendance.given ? attendance_chart(f) : std::string()) +
           (f.scores.given ? scores_chart(f) : std::string()) +
           months_chart +
           chart(f, "Coverage of enrolment by site", coverage, false) +
           chart(f, "Fidelity to each core practice", fidelity, false) + "</section>\n";
}

std::string table_html(const Table& t)
{
    std::string out = "<section>\n<h2>" + html_escape(t.title) + "</h2>\n";
    if (t.rows.empty())
        return out + "<p class=\"note\">None.</p>\n</section>\n";
    // More than three columns do not fit a phone: such a table is laid out
    // as cards there (k_css), each cell labelled by its column.
    const bool wide = t.header.size() > 3;
    out += std::string(wide ? "<div class=\"scroll\"><table class=\"wide\">\n" : "<div class=\"scroll\"><table>\n") +
           "<caption>" + html_escape(t.title) + "</caption>\n<thead><tr>";
    for (std::size_t i = 0; i < t.header.size(); ++i)
        out += (t.numeric[i] ? "<th scope=\"col\" class=\"n\">" : "<th scope=\"col\">") + html_escape(t.header[i]) +
               "</th>";
    out += "</tr></thead>\n<tbody>\n";
    for (const auto& r : t.rows) {
        out += "<tr>";
        for (std::size_t i = 0; i < r.size(); ++i) {
            out += t.numeric[i] ? "<td class=\"n\"" : "<td";
            if (wide)
                out += " data-label=\"" + html_escape(t.header[i]) + "\"";
            out += ">" + html_escape(r[i]) + "</td>";
        }
        out += "</tr>\n";
    }
    out += "</tbody></table></div>\n";
    if (!t.note.empty())
        out += "<p class=\"note\">" + html_escape(t.note) + "</p>\n";
    return out + "</section>\n";
}

} // namespace

std::string html_with_coverage(const Document& d, const std::string& title,
                               const std::vector<std::pair<std::string, const Share*>>& rows)
{
    std::vector<Bar> bars;
    for (const auto& [label, s] : rows)
        bars.push_back({label, s->shown == ShareShown::Exact ? per_mille(s->num, s->den) : -1, share_str(*s)});
    return html_document(d, "<section class=\"charts\">\n<figure><figcaption>" + title + "</figcaption>\n" +
                                svg_rows(title, bars) + "</figure>\n</section>\n");
}

std::string html_document(const Document& d, const std::string& charts_html)
{
    std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
                      html_escape(d.title) + "</title>\n<style>" + k_css + "</style>\n</head>\n<body>\n<main>\n";
    out += "<h1>" + html_escape(d.title) + "</h1>\n";
    for (std::size_t i = 0; i < d.preamble.size(); ++i)
        out += std::string(i == d.alert_line ? "<p class=\"alert\">" : "<p class=\"meta\">") +
               html_escape(d.preamble[i]) + "</p>\n";
    out += charts_html;
    for (const auto& t : d.tables)
        out += table_html(t);
    return out + "</main>\n</body>\n</html>\n";
}

std::string render_html(const Figures& f)
{
    return html_document(report_document(f), charts(f));
}

} // namespace pthv::report
