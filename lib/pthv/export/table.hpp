#pragma once
// One file of the export while it is being made (deidentify.cpp): the
// columns that may leave, ids already keyed, as rows of cells that the
// protections (dates.hpp, protect.hpp) change in place before it is written.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace pthv::exporting {

struct Table {
    static constexpr std::size_t k_none = static_cast<std::size_t>(-1);

    std::string name; // "visits.csv"
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;

    // The index of column `column`, or k_none.
    std::size_t column(std::string_view column) const;
    // Renames a column, if the table has it.
    void rename(std::string_view from, std::string to);
};

// Sorts the rows by their cells, first column first. Every exported file
// begins with its keyed id (or a site id), so rows end up in the order of
// the new ids, which says nothing of the source's order: row i of the
// district's file is not row i of the export.
void sort_rows(Table& table);

// The table as CSV: spreadsheet-safe text cells (io::csv_safe_cell), and a
// number (-?[0-9]+(.[0-9]+)?) written bare, so "-3 days" is not "'-3".
std::string render(const Table& table);

} // namespace pthv::exporting
