#pragma once
// A CSV table checked against its schema: header, required cells, types,
// unique keys. Gives typed access to cells for the loaders of each file.

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <pthv/io/csv.hpp>
#include <pthv/io/schema.hpp>
#include <pthv/model/date.hpp>
#include <pthv/model/money.hpp>
#include <pthv/model/names.hpp>
#include <pthv/model/problem.hpp>

namespace pthv::io {

class CheckedTable {
public:
    // Checks the reader's header against `schema` (column-missing,
    // unknown-column); next() then reads and checks one row at a time
    // (required-missing, value-invalid, duplicate-key), appending problems.
    // `kind` names a record in messages ("visit", "student").
    CheckedTable(const Schema& schema, CsvReader& reader, std::string kind, model::Problems& problems);

    // Only rows whose cells `keep` accepts are checked and handed out by
    // next(); the others are still read, so their CSV syntax is checked.
    using RowFilter = std::function<bool(const std::vector<std::string_view>& cells)>;
    void keep_only(RowFilter keep) { m_keep = std::move(keep); }

    // Reads and checks the next row; false at the end of the file.
    bool next();
    std::size_t rows() const { return m_lines.size(); } // rows read so far
    std::size_t line() const { return m_reader.line(); }
    const std::string& file() const { return m_reader.file(); }
    // Header columns the schema does not name, with their index.
    const std::vector<std::pair<std::string, std::size_t>>& extra_columns() const { return m_extra; }

    // The current row's cells. The cell's text ("" if the column is absent).
    // Columns are named by string literals: a read that names the column
    // expected next by the same literal compares no text.
    std::string_view text(std::string_view column) const;
    std::string_view cell(std::size_t index) const { return m_reader.cells()[index]; }
    // Typed reads: nullopt when empty or invalid (already reported).
    std::optional<model::Date> date(std::string_view column) const;
    std::optional<model::TimeOfDay> time(std::string_view column) const;
    std::optional<int> integer(std::string_view column) const;
    std::optional<model::Money> money(std::string_view column) const;
    std::optional<std::int64_t> hundredths(std::string_view column) const;
    std::optional<bool> boolean(std::string_view column) const;
    template <typename E> std::optional<E> enumeration(std::string_view column) const;

    // For a one-column primary key: the ids are defined in `ids` as the rows
    // are read (a repeated one is duplicate-key), so each id is hashed once,
    // into the handle the record keeps (key_handle()).
    void define_keys_in(model::IdTable& ids) { m_ids = &ids; }
    // The current row's key handle (IdTable::k_none for an empty key).
    std::uint32_t key_handle() const { return m_key_handle; }

    // Room for about `rows` rows in the key index (no regrowing).
    void reserve(std::size_t rows);

private:
    // Where a column is: its schema field (or -1) and its cell (or -1).
    struct Column {
        std::string_view name;
        const char* asked = nullptr; // the caller's text of the name, a literal
        int field = -1;
        int cell = -1;
    };
    const Column& column(std::string_view name) const;
    bool valid(const Column& c) const;
    std::string_view text(const Column& c) const;
    int index_of(std::string_view column) const;
    std::string_view record_id();
    void check_row();

    const Schema& m_schema;
    CsvReader& m_reader;
    std::string m_kind;
    model::Problems& m_problems;
    std::vector<int> m_index;      // per schema field: column index or -1
    std::vector<int> m_when_index; // per schema field: the column deciding "required when", or -1
    std::vector<std::size_t> m_key_columns;
    std::vector<std::pair<std::string, std::size_t>> m_extra;
    std::vector<std::size_t> m_checked_extra; // cells of the schema's prefixed extra columns
    std::vector<bool> m_invalid;           // the current row, per schema field
    std::vector<std::optional<model::Date>> m_dates; // the current row's date fields, as parsed
    std::string m_joined_key;              // the current row's composite key
    std::vector<std::size_t> m_lines;      // per row read: its line
    // The keys when no m_ids is given (a composite key): row of first use by handle.
    model::IdTable m_own_keys;
    model::IdTable* m_ids = nullptr;
    std::uint32_t m_key_handle = model::IdTable::k_none;
    RowFilter m_keep;
    // Columns looked up so far, in the order the loader reads them, and the
    // one expected next: each row reads the same columns in the same order,
    // so a read costs one comparison, not a search of the schema.
    mutable std::vector<Column> m_columns;
    mutable std::size_t m_next_column = 0;
    Column m_missing; // a column neither the schema nor the header has
};

} // namespace pthv::io

#include <pthv/model/enums.hpp>

template <typename E>
std::optional<E> pthv::io::CheckedTable::enumeration(std::string_view column) const
{
    const Column& c = this->column(column);
    if (!valid(c))
        return std::nullopt;
    return model::parse_enum<E>(text(c));
}
