#include <pthv/io/table.hpp>

#include <fmt/format.h>
#include <unordered_map>

#include <pthv/util/strings.hpp>

namespace pthv::io {

CheckedTable::CheckedTable(const Schema& schema, CsvTable table, std::string kind, model::Problems& problems)
    : m_schema(schema), m_table(std::move(table))
{
    const std::string& file = m_table.file;
    const auto& header = m_table.header;
    m_index.assign(schema.fields.size(), -1);
    for (std::size_t f = 0; f < schema.fields.size(); ++f)
        for (std::size_t c = 0; c < header.size(); ++c)
            if (header[c] == schema.fields[f].name) {
                m_index[f] = static_cast<int>(c);
                break;
            }
    if (m_table.has_header) {
        for (std::size_t f = 0; f < schema.fields.size(); ++f) {
            const Field& field = schema.fields[f];
            if (m_index[f] >= 0 || !(field.required || !field.required_when_field.empty()))
                continue;
            std::string advice = "add the column " + field.name + " to the header";
            const std::string near = util::closest_match(field.name, header);
            if (!near.empty())
                advice = "is the column " + near + " meant to be " + field.name + "? names must match exactly";
            problems.push_back({"column-missing", model::Severity::Error, file, 1, {},
                                "the required column " + field.name + " is missing", advice});
        }
        for (std::size_t c = 0; c < header.size(); ++c) {
            if (schema.field(header[c]))
                continue;
            m_extra.emplace_back(header[c], c);
            if (!schema.extra_columns_are_attributes) {
                const std::string near = util::closest_match(header[c], schema.column_names());
                problems.push_back({"unknown-column", model::Severity::Warning, file, 1, {},
                                    "the column \"" + header[c] + "\" is not one pthv knows; it is ignored",
                                    near.empty() ? "see `pthv schema " + schema.name + "` for the columns"
                                                 : "did you mean " + near + "?"});
            }
        }
    }

    // The record's id in messages: its primary key, joined with "/". The
    // key's columns are found once, not per row; a one-column key (the
    // usual case) is a view of its cell, so a clean row costs no copy.
    std::vector<std::size_t> key_columns;
    for (const auto& k : schema.primary_key)
        for (std::size_t f = 0; f < schema.fields.size(); ++f)
            if (schema.fields[f].name == k && m_index[f] >= 0)
                key_columns.push_back(static_cast<std::size_t>(m_index[f]));
    std::vector<std::string> joined_keys; // composite keys, for the views below
    joined_keys.reserve(key_columns.size() > 1 ? m_table.rows.size() : 0);
    auto record_id = [&](const CsvRow& row) -> std::string_view {
        if (key_columns.empty())
            return {};
        if (key_columns.size() == 1)
            return row.cells[key_columns[0]];
        std::vector<std::string> parts;
        for (const std::size_t c : key_columns)
            parts.push_back(row.cells[c]);
        joined_keys.push_back(util::join(parts, "/"));
        return joined_keys.back();
    };
    // The column that decides each "required when" field, found once.
    std::vector<int> when_index(schema.fields.size(), -1);
    for (std::size_t f = 0; f < schema.fields.size(); ++f)
        if (!schema.fields[f].required_when_field.empty())
            when_index[f] = index_of(schema.fields[f].required_when_field);

    // Views into m_table's cells, which stay put from here on.
    std::unordered_map<std::string_view, std::size_t> seen_keys; // key -> first line
    seen_keys.reserve(schema.primary_key.empty() ? 0 : m_table.rows.size());
    // A row's flags are allocated only when one of its cells is invalid.
    m_invalid.assign(m_table.rows.size(), {});
    for (std::size_t r = 0; r < m_table.rows.size(); ++r) {
        const CsvRow& row = m_table.rows[r];
        const std::string_view id_view = record_id(row);
        auto mark_invalid = [&](std::size_t f) {
            if (m_invalid[r].empty())
                m_invalid[r].assign(schema.fields.size(), false);
            m_invalid[r][f] = true;
        };
        // Messages only: built when a row has a problem.
        auto who = [&] { return id_view.empty() ? kind : kind + " " + std::string(id_view); };
        for (std::size_t f = 0; f < schema.fields.size(); ++f) {
            if (m_index[f] < 0)
                continue;
            const Field& field = schema.fields[f];
            const std::string& value = row.cells[static_cast<std::size_t>(m_index[f])];
            if (value.empty()) {
                bool required = field.required;
                if (!field.required_when_field.empty())
                    required = (when_index[f] < 0 ? std::string_view{}
                                                  : std::string_view(row.cells[static_cast<std::size_t>(
                                                        when_index[f])])) == field.required_when_value;
                if (required) {
                    const std::string id(id_view);
                    mark_invalid(f);
                    const std::string when =
                        field.required ? "" : " when " + field.required_when_field + " is " + field.required_when_value;
                    problems.push_back({"required-missing", model::Severity::Error, file, row.line, id,
                                        who() + ": " + field.name + " is empty; it is required" + when, {}});
                }
                continue;
            }
            const std::string wrong = check_value(field, value);
            if (!wrong.empty()) {
                mark_invalid(f);
                problems.push_back({"value-invalid", model::Severity::Error, file, row.line, std::string(id_view),
                                    fmt::format("{}: {} \"{}\" is {}", who(), field.name, value, wrong), {}});
            }
        }
        if (!schema.primary_key.empty() && !id_view.empty()) {
            const auto [it, inserted] = seen_keys.emplace(id_view, row.line);
            const std::string id(inserted ? std::string_view{} : id_view);
            if (!inserted)
                problems.push_back({"duplicate-key", model::Severity::Error, file, row.line, id,
                                    fmt::format("{}: {} {} is already used on line {}", who(),
                                                util::join(schema.primary_key, "+"), id, it->second),
                                    "give this record its own id, or remove the repeated row"});
        }
    }
}

int CheckedTable::index_of(std::string_view column) const
{
    for (std::size_t f = 0; f < m_schema.fields.size(); ++f)
        if (m_schema.fields[f].name == column)
            return m_index[f];
    for (const auto& [name, idx] : m_extra)
        if (name == column)
            return static_cast<int>(idx);
    return -1;
}

std::string_view CheckedTable::text(std::size_t row, std::string_view column) const
{
    const int i = index_of(column);
    return i < 0 ? std::string_view{} : std::string_view(m_table.rows[row].cells[static_cast<std::size_t>(i)]);
}

bool CheckedTable::valid(std::size_t row, std::string_view column) const
{
    for (std::size_t f = 0; f < m_schema.fields.size(); ++f)
        if (m_schema.fields[f].name == column)
            return m_index[f] >= 0 && (m_invalid[row].empty() || !m_invalid[row][f]) &&
                   !m_table.rows[row].cells[static_cast<std::size_t>(m_index[f])].empty();
    return !text(row, column).empty();
}

std::optional<model::Date> CheckedTable::date(std::size_t row, std::string_view column) const
{
    return valid(row, column) ? model::Date::parse(text(row, column)) : std::nullopt;
}

std::optional<model::TimeOfDay> CheckedTable::time(std::size_t row, std::string_view column) const
{
    return valid(row, column) ? model::TimeOfDay::parse(text(row, column)) : std::nullopt;
}

std::optional<int> CheckedTable::integer(std::size_t row, std::string_view column) const
{
    if (!valid(row, column))
        return std::nullopt;
    return std::stoi(std::string(text(row, column)));
}

std::optional<model::Money> CheckedTable::money(std::size_t row, std::string_view column) const
{
    return valid(row, column) ? model::Money::parse(text(row, column)) : std::nullopt;
}

std::optional<std::int64_t> CheckedTable::hundredths(std::size_t row, std::string_view column) const
{
    return valid(row, column) ? model::parse_hundredths(text(row, column)) : std::nullopt;
}

std::optional<bool> CheckedTable::boolean(std::size_t row, std::string_view column) const
{
    return valid(row, column) ? model::parse_yes_no(text(row, column)) : std::nullopt;
}

} // namespace pthv::io
