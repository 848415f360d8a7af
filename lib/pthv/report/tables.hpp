#pragma once
// The report's sections as tables of display strings, built from Figures
// by formatting only (counts, shares, money): the text, md, csv and html
// renderers lay out the same tables, so every format says the same thing.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <pthv/model/money.hpp>
#include <pthv/report/figures.hpp>

namespace pthv::report {

// One value of a table, typed, so each format can print it its own way:
// for people ("1,139", "54.2%", "<10") or for programs (tidy CSV: "1139",
// "54.2", an empty cell marked suppressed).
struct Cell {
    enum class Kind { Text, Number, Decimal, CountOf, ShareOf, MoneyOf, Missing, Suppressed };
    Kind kind = Kind::Text;
    std::string text;      // Text: shown to people; Decimal: the number as written
    std::optional<std::string> tidy_text; // Text: in tidy CSV, when it differs ("completed_visits")
    std::int64_t number = 0;
    Count count;
    Share share;
    model::Money money;
    bool withheld = false; // MoneyOf: public suppression

    static Cell of(std::string text);
    static Cell of(std::string text, std::string tidy);
    static Cell num(std::int64_t n);
    static Cell decimal(std::string text); // a figure already written as a number: "-8.6"
    static Cell of(const Count& c);
    static Cell of(const Share& s);
    static Cell of(const model::Money& m, bool withheld = false);
    static Cell missing(); // no value (a site with no goal): "-" for people, empty in tidy CSV
    static Cell suppressed(); // a value a public report hides: "*" for people, empty and named in tidy CSV
    // A hidden value printed as a true bound (">=0.94"); in tidy CSV as suppressed().
    static Cell bound(std::string text);
};

// A cell in tidy CSV: plain text, whether it is empty because suppressed,
// and whether it is a figure (a number a spreadsheet must read as one:
// "-8.6" is written bare, where text starting with "-" is guarded).
// A ratio kept in hundredths as text: 94 is "0.94".
std::string hundredths_str(std::int64_t hundredths);
// A representation ratio's true bound (SubgroupRow::representation_bound) as
// text: ">=0.94".
std::string representation_bound_str(const SubgroupRow& r);

struct TidyValue {
    std::string value;
    bool suppressed = false;
    bool numeric = false;
};

// Which formats show a row: the district's total row of a by-site table is
// for people only (tidy CSV keeps one kind of record per table).
enum class RowFor { All, People, Programs };

struct Table {
    std::string name;  // the csv section name (--table NAME): "sites", "fidelity", ...
    std::string title; // "Visits by site"
    std::vector<std::string> header; // for people: "2nd-visit rate"
    std::vector<std::string> keys;   // for programs (tidy CSV): "second_visit_rate_pct"
    std::vector<std::vector<std::string>> rows;   // display strings, for people
    std::vector<std::vector<TidyValue>> tidy;      // the same values, for programs
    std::vector<bool> numeric; // per column: right-aligned
    std::string note;          // one line under the table, or empty
    int min_cell = 10;

    void add(const std::vector<Cell>& cells, RowFor rf = RowFor::All);
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
// The same for the test scores comparison: what proficient means, and
// that it is a comparison.
std::string scores_caution(const Figures& f);

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
// A share for programs: "54.2" (percent, one decimal, half up), empty with
// no denominator or when hidden.
TidyValue share_tidy(const Share& s);

// A month key ("2025-07", as Tally and VisitOrderMonth hold it) as people
// read it: "Jul 2025"; a key that is no month is shown as written.
std::string month_name(const std::string& key);
// Whether `period` covers only part of the month `key`: it starts after the
// month's first day or ends before its last (a report as of mid-month).
bool month_is_partial(const std::string& key, const model::Period& period);
// month_name, with " (partial)" when month_is_partial.
std::string month_label(const std::string& key, const model::Period& period);
// The line under a months table or chart whose first or last month is
// partial: which days the period holds, so a short month is not read as a drop.
std::string partial_month_note(const model::Period& period);
// An id shown as a label ("site_visit" -> "site visit", "pthv_week" ->
// "PTHV week"); the id stays the key for programs.
std::string human_label(std::string_view id);

// A language code as people read it: "es" -> "Spanish"; a code it does not
// know, or a name already, is shown as written.
std::string language_name(const std::string& code);

} // namespace pthv::report
