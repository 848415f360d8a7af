#pragma once
// The renderers of `pthv report`: each lays out the Figures (and the
// tables.hpp sections built from them) in one format, computes nothing, and
// is deterministic: the same Figures give the same bytes.

#include <string>

#include <pthv/report/figures.hpp>

namespace pthv::report {

std::string render_text(const Figures& f); // for the terminal
std::string render_md(const Figures& f);   // for git and email
std::string render_html(const Figures& f); // one self-contained file, inline CSS and SVG, no scripts
// The tidy table of one section, `table` (a name of table_names()): plain
// values and a last column `suppressed` naming the columns a public report
// hides in that row. Cells are spreadsheet-safe (io::csv_safe_row).
std::string render_csv(const Figures& f, const std::string& table);
std::string render_json(const Figures& f); // nlohmann::ordered_json, 2-space indent

} // namespace pthv::report
