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

    // The record's id in messages: its primary key, joined with "/".
    auto record_id = [&](const CsvRow& row) {
        std::vector<std::string> parts;
        for (const auto& k : schema.primary_key)
            for (std::size_t f = 0; f < schema.fields.size(); ++f)
                if (schema.fields[f].name == k && m_index[f] >= 0)
                    parts.push_back(row.cells[static_cast<std::size_t>(m_index[f])]);
        return util::join(parts, "/");
    };

    std::unordered_map<std::string, std::size_t> seen_keys; // key -> first line
    m_invalid.assign(m_table.rows.size(), std::vector<bool>(schema.fields.size(), false));
    for (std::size_t r = 0; r < m_table.rows.size(); ++r) {
        const CsvRow& row = m_table.rows[r];
        const std::string id = record_id(row);
        const std::string who = id.empty() ? kind : kind + " " + id;
        for (std::size_t f = 0; f < schema.fields.size(); ++f) {
            if (m_index[f] < 0)
                continue;
            const Field& field = schema.fields[f];
            const std::string& value = row.cells[static_cast<std::size_t>(m_index[f])];
            if (value.empty()) {
                bool required = field.required;
                if (!field.required_when_field.empty())
                    required = text(r, field.required_when_field) == field.required_when_value;
                if (required) {
                    m_invalid[r][f] = true;
                    const std::string when =
                        field.required ? "" : " when " + field.required_when_field + " is " + field.required_when_value;
                    problems.push_back({"required-missing", model::Severity::Error, file, row.line, id,
                                        who + ": " + field.name + " is empty; it is required" + when, {}});
                }
                continue;
            }
            const std::string wrong = check_value(field, value);
            if (!wrong.empty()) {
                m_invalid[r][f] = true;
                problems.push_back({"value-invalid", model::Severity::Error, file, row.line, id,
                                    fmt::format("{}: {} \"{}\" is {}", who, field.name, value, wrong), {}});
            }
        }
        if (!schema.primary_key.empty() && !id.empty()) {
            const auto [it, inserted] = seen_keys.emplace(id, row.line);
            if (!inserted)
                problems.push_back({"duplicate-key", model::Severity::Error, file, row.line, id,
                                    fmt::format("{}: {} {} is already used on line {}", who,
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

bool CheckedTable::has_column(std::string_view name) const { return index_of(name) >= 0; }

std::string_view CheckedTable::text(std::size_t row, std::string_view column) const
{
    const int i = index_of(column);
    return i < 0 ? std::string_view{} : std::string_view(m_table.rows[row].cells[static_cast<std::size_t>(i)]);
}

bool CheckedTable::valid(std::size_t row, std::string_view column) const
{
    for (std::size_t f = 0; f < m_schema.fields.size(); ++f)
        if (m_schema.fields[f].name == column)
            return m_index[f] >= 0 && !m_invalid[row][f] && !text(row, column).empty();
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
