#include "table.hpp"

#include <algorithm>
#include <cctype>

#include <pthv/io/csv.hpp>

namespace pthv::exporting {

std::size_t Table::column(std::string_view column) const
{
    const auto at = std::find(header.begin(), header.end(), column);
    return at == header.end() ? k_none : static_cast<std::size_t>(at - header.begin());
}

void Table::rename(std::string_view from, std::string to)
{
    const std::size_t at = column(from);
    if (at != k_none)
        header[at] = std::move(to);
}

void sort_rows(Table& table)
{
    std::sort(table.rows.begin(), table.rows.end());
}

namespace {

void add_row(std::string& out, const std::vector<std::string>& cells)
{
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i)
            out += ',';
        // A plain number (a day offset may be negative) is written bare, any other cell guarded.
        out += io::csv_safe_cell(cells[i], io::CellKind::Number);
    }
    out += '\n';
}

} // namespace

std::string render(const Table& table)
{
    std::string out;
    add_row(out, table.header);
    for (const auto& row : table.rows)
        add_row(out, row);
    return out;
}

} // namespace pthv::exporting
