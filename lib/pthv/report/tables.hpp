#pragma once
// The report's sections as tables of display strings, built from Figures
// by formatting only (counts, shares, money): the text, md, csv and html
// renderers lay out the same tables, so every format says the same thing.

#include <string>
#include <vector>

#include <pthv/report/figures.hpp>

namespace pthv::report {

struct Table {
    std::string name;  // the csv section name (--table NAME): "sites", "fidelity", ...
    std::string title; // "Visits by site"
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
    std::vector<bool> numeric; // per column: right-aligned
    std::string note;          // one line under the table, or empty
};

std::vector<Table> report_tables(const Figures& f);

// A titled document: its preamble lines, then its tables.
struct Document {
    std::string title;
    std::vector<std::string> preamble;
    std::vector<Table> tables;
    std::size_t alert_line = static_cast<std::size_t>(-1); // a preamble line to stress (html)
};

// The period report as a Document: report_title, report_preamble (the
// validate line stressed when there are errors), report_tables.
Document report_document(const Figures& f);
// The sentence that goes with the attendance comparison in every format:
// what chronic absence means, that it is a comparison and not proof of
// cause, and how many students were left out for too few days enrolled.
std::string attendance_caution(const Figures& f);

// The census row alone (report --table census): one row for the period.
Table census_table(const Figures& f);

// The names report_tables can give, in order, for --table's help and check.
const std::vector<std::string>& table_names();

// The lines that head every format: title, period, as-of, validate's count.
std::string report_title(const Figures& f);
std::vector<std::string> report_preamble(const Figures& f);

// Display strings: "1,139", "<10" (under min_cell), "*" (withheld).
std::string count_str(const Count& c, int min_cell);
// "54.2%" (half up, integer arithmetic), "-" with no denominator, "*"
// hidden, ">=93.9%" / "<=5.2%" for public bounds.
std::string share_str(const Share& s);
// Tenths of a percent, rounded half up: 0 .. 1000+.
std::int64_t per_mille(std::int64_t num, std::int64_t den);

} // namespace pthv::report
