// CSV for spreadsheets: every section, or one (--table NAME). Every cell
// goes through io::csv_safe_row, so no cell is read as a formula.

#include <pthv/report/render.hpp>
#include <pthv/report/tables.hpp>

#include <pthv/io/csv.hpp>

namespace pthv::report {

std::string render_csv(const Figures& f, const std::string& table)
{
    std::string out;
    for (const auto& t : report_tables(f)) {
        if (!table.empty()) {
            if (t.name != table)
                continue;
        } else {
            if (!out.empty())
                out += "\n";
            out += "# " + t.name + "\n";
        }
        out += io::csv_safe_row(t.header, "\n");
        for (const auto& r : t.rows)
            out += io::csv_safe_row(r, "\n");
    }
    return out;
}

} // namespace pthv::report
