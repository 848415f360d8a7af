// CSV for spreadsheets: every section, or one (--table NAME). Every cell
// goes through io::csv_safe_row, so no cell is read as a formula.

#include <pthv/report/render.hpp>
#include <pthv/report/tables.hpp>

#include <pthv/io/csv.hpp>
#include <pthv/util/strings.hpp>

namespace pthv::report {

namespace {

// A name holding ESC or a bad byte is shown as \xNN, as in every format:
// the file may be printed on a terminal and must be UTF-8.
std::vector<std::string> printable_cells(const std::vector<std::string>& cells)
{
    std::vector<std::string> out;
    out.reserve(cells.size());
    for (const auto& c : cells)
        out.push_back(util::printable(c));
    return out;
}

// A table's header and rows.
std::string csv_rows(const Table& t)
{
    std::string out = io::csv_safe_row(t.header, "\n");
    for (const auto& r : t.rows)
        out += io::csv_safe_row(printable_cells(r), "\n");
    return out;
}

} // namespace

std::string render_census_csv(const Figures& f)
{
    return csv_rows(census_table(f));
}

std::string render_csv(const Figures& f, const std::string& table)
{
    return csv_document(report_tables(f), table);
}

std::string csv_document(const std::vector<Table>& tables, const std::string& table)
{
    std::string out;
    for (const auto& t : tables) {
        if (!table.empty()) {
            if (t.name != table)
                continue;
        } else {
            if (!out.empty())
                out += "\n";
            out += "# " + t.name + "\n";
        }
        out += csv_rows(t);
    }
    return out;
}

} // namespace pthv::report
