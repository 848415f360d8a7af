#pragma once
// A CSV table checked against its schema: header, required cells, types,
// unique keys. Gives typed access to cells for the loaders of each file.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <pthv/io/csv.hpp>
#include <pthv/io/schema.hpp>
#include <pthv/model/date.hpp>
#include <pthv/model/money.hpp>
#include <pthv/model/problem.hpp>

namespace pthv::io {

class CheckedTable {
public:
    // Checks `table` against `schema`, appending problems. `kind` names a
    // record in messages ("visit", "student").
    CheckedTable(const Schema& schema, CsvTable table, std::string kind, model::Problems& problems);

    std::size_t size() const { return m_table.rows.size(); }
    std::size_t line(std::size_t row) const { return m_table.rows[row].line; }
    const CsvTable& csv() const { return m_table; }
    // Header columns the schema does not name, with their index.
    const std::vector<std::pair<std::string, std::size_t>>& extra_columns() const { return m_extra; }

    // The cell's text ("" if the column is absent).
    std::string_view text(std::size_t row, std::string_view column) const;
    const std::string& cell(std::size_t row, std::size_t index) const { return m_table.rows[row].cells[index]; }
    // Typed reads: nullopt when empty or invalid (already reported).
    std::optional<model::Date> date(std::size_t row, std::string_view column) const;
    std::optional<model::TimeOfDay> time(std::size_t row, std::string_view column) const;
    std::optional<int> integer(std::size_t row, std::string_view column) const;
    std::optional<model::Money> money(std::size_t row, std::string_view column) const;
    std::optional<std::int64_t> hundredths(std::size_t row, std::string_view column) const;
    std::optional<bool> boolean(std::size_t row, std::string_view column) const;
    template <typename E> std::optional<E> enumeration(std::size_t row, std::string_view column) const;

private:
    bool valid(std::size_t row, std::string_view column) const;
    int index_of(std::string_view column) const;

    const Schema& m_schema;
    CsvTable m_table;
    std::vector<int> m_index; // per schema field: column index or -1
    std::vector<std::pair<std::string, std::size_t>> m_extra;
    std::vector<std::vector<bool>> m_invalid; // per row, per schema field
};

} // namespace pthv::io

#include <pthv/model/enums.hpp>

template <typename E>
std::optional<E> pthv::io::CheckedTable::enumeration(std::size_t row, std::string_view column) const
{
    if (!valid(row, column))
        return std::nullopt;
    return model::parse_enum<E>(text(row, column));
}
