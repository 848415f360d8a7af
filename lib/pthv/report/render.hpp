#pragma once
// The renderers of `pthv report`: each lays out the Figures (and the
// tables.hpp sections built from them) in one format, computes nothing, and
// is deterministic: the same Figures give the same bytes.

#include <string>

#include <pthv/report/figures.hpp>
#include <pthv/report/tables.hpp>

namespace pthv::report {

std::string render_text(const Figures& f); // for the terminal
std::string render_md(const Figures& f);   // for git and email
std::string render_html(const Figures& f); // one self-contained file, inline CSS and SVG, no scripts
// The tidy table of one section, `table` (a name of table_names()): plain
// values and a last column `suppressed` naming the columns a public report
// hides in that row. Cells are spreadsheet-safe (io::csv_safe_row).
std::string render_csv(const Figures& f, const std::string& table);
std::string render_json(const Figures& f); // nlohmann::ordered_json, 2-space indent

// A document of tables in one format, for the period report and for
// reports built of other tables (rollup): the renderers above are these
// with report_document(f) (and, for html, the report's charts).
std::string text_document(const Document& d);
std::string md_document(const Document& d);
std::string html_document(const Document& d, const std::string& charts_html);
// `d` as HTML with one chart: the coverage of enrolment of each labelled
// row (a hidden share, no bar), titled `title` (rollup, trend).
std::string html_with_coverage(const Document& d, const std::string& title,
                               const std::vector<std::pair<std::string, const Share*>>& rows);
std::string csv_table(const Table& t); // one tidy table: its keys, a `suppressed` column, its tidy rows

// The census row alone (report --table census): a titled table for the
// terminal, a header and one row for spreadsheets, one JSON object with the
// row's fields (numbers as numbers; suppressed counts as in render_json).
std::string render_census_text(const Figures& f);
std::string render_census_csv(const Figures& f);
std::string render_census_json(const Figures& f);

} // namespace pthv::report
