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

bool is_number(std::string_view cell)
{
    std::size_t i = !cell.empty() && cell[0] == '-' ? 1 : 0;
    const auto digits = [&] {
        const std::size_t from = i;
        while (i < cell.size() && std::isdigit(static_cast<unsigned char>(cell[i])))
            ++i;
        return i > from;
    };
    if (!digits())
        return false;
    if (i < cell.size() && cell[i] == '.') {
        ++i;
        if (!digits())
            return false;
    }
    return i == cell.size();
}

void add_row(std::string& out, const std::vector<std::string>& cells)
{
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i)
            out += ',';
        out += is_number(cells[i]) ? io::csv_cell(cells[i]) : io::csv_safe_cell(cells[i]);
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
