// CSV for programs and spreadsheets (docs/reports.md): one tidy table, the
// section --table names. One record a row (no totals row), plain numbers
// (no thousands separators, shares as percent numbers), and where a public
// report hides a value its cell is empty and the row's last cell,
// `suppressed`, names the hidden columns. Every cell goes through
// io::csv_safe_row, so no cell is read as a formula; a figure is marked a
// number there, so a negative one ("-8.6") stays a number.

#include <pthv/report/render.hpp>
#include <pthv/report/tables.hpp>

#include <pthv/io/csv.hpp>
#include <pthv/util/strings.hpp>

namespace pthv::report {

namespace {

// A name holding ESC or a bad byte is shown as \xNN, as in every format:
// the file may be printed on a terminal and must be UTF-8.
std::vector<std::string> tidy_cells(const std::vector<TidyValue>& row, const std::vector<std::string>& keys,
                                    std::vector<io::CellKind>& kinds)
{
    std::vector<std::string> out;
    out.reserve(row.size() + 1);
    kinds.assign(row.size() + 1, io::CellKind::Text);
    std::string suppressed;
    for (std::size_t i = 0; i < row.size(); ++i) {
        out.push_back(util::printable(row[i].value));
        if (row[i].numeric)
            kinds[i] = io::CellKind::Number;
        if (row[i].suppressed)
            suppressed += (suppressed.empty() ? "" : ";") + keys[i];
    }
    out.push_back(std::move(suppressed));
    return out;
}

} // namespace

std::string csv_table(const Table& t)
{
    std::vector<std::string> header = t.keys;
    header.emplace_back("suppressed");
    std::string out = io::csv_safe_row(header, "\n");
    std::vector<io::CellKind> kinds;
    for (const auto& r : t.tidy) {
        const auto cells = tidy_cells(r, t.keys, kinds);
        out += io::csv_safe_row(cells, kinds, "\n");
    }
    return out;
}

std::string render_census_csv(const Figures& f)
{
    return csv_table(census_table(f));
}

std::string render_csv(const Figures& f, const std::string& table)
{
    for (const auto& t : report_tables(f))
        if (t.name == table)
            return csv_table(t);
    return {};
}

} // namespace pthv::report
