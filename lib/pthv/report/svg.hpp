#pragma once
// Inline SVG bar charts for the HTML report: plain shapes and text, integer
// geometry (so the bytes never vary), no scripts, no external resources.

#include <cstdint>
#include <string>
#include <vector>

namespace pthv::report {

struct Bar {
    std::string label;       // under or beside the bar
    std::int64_t value = 0;  // the bar's length; < 0: no bar (a hidden figure)
    std::string value_label; // printed at the bar's end: "132", "54.2%", "<10"
};

// Columns, for counts over time (visits per month); scaled to the largest.
std::string svg_columns(const std::string& title, const std::vector<Bar>& bars);
// Rows, for shares: value in tenths of a percent, 0..1000 (coverage per
// site, fidelity per practice).
std::string svg_rows(const std::string& title, const std::vector<Bar>& bars);

// Escapes & < > " for HTML and SVG text and double-quoted attributes (the
// only kind written), after util::printable: no control character and no
// invalid UTF-8 reaches the page.
std::string html_escape(const std::string& s);

} // namespace pthv::report
