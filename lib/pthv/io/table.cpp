#include <pthv/io/table.hpp>

#include <algorithm>
#include <charconv>
#include <fmt/format.h>

#include <pthv/util/strings.hpp>

namespace pthv::io {

CheckedTable::CheckedTable(const Schema& schema, CsvReader& reader, std::string kind, model::Problems& problems)
    : m_schema(schema), m_reader(reader), m_kind(std::move(kind)), m_problems(problems)
{
    const std::string& file = reader.file();
    const auto& header = reader.header();
    m_index.assign(schema.fields.size(), -1);
    for (std::size_t f = 0; f < schema.fields.size(); ++f)
        for (std::size_t c = 0; c < header.size(); ++c)
            if (header[c] == schema.fields[f].name) {
                m_index[f] = static_cast<int>(c);
                break;
            }
    if (reader.has_header()) {
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
            if (schema.is_prefixed_extra(header[c])) {
                m_checked_extra.push_back(c);
            } else if (!schema.extra_columns_are_attributes) {
                const std::string near = util::closest_match(header[c], schema.column_names());
                problems.push_back({"unknown-column", model::Severity::Warning, file, 1, {},
                                    "the column \"" + header[c] + "\" is not one pthv knows; it is ignored",
                                    near.empty() ? "see `pthv schema " + schema.name + "` for the columns"
                                                 : "did you mean " + near + "?"});
            }
        }
    }
    // The key's columns and the column that decides each "required when"
    // field are found once, not per row.
    for (const auto& k : schema.primary_key)
        for (std::size_t f = 0; f < schema.fields.size(); ++f)
            if (schema.fields[f].name == k && m_index[f] >= 0)
                m_key_columns.push_back(static_cast<std::size_t>(m_index[f]));
    m_when_index.assign(schema.fields.size(), -1);
    for (std::size_t f = 0; f < schema.fields.size(); ++f)
        if (!schema.fields[f].required_when_field.empty())
            m_when_index[f] = index_of(schema.fields[f].required_when_field);
    m_invalid.assign(schema.fields.size(), false);
    m_dates.assign(schema.fields.size(), std::nullopt);
}

bool CheckedTable::next()
{
    do {
        if (!m_reader.next())
            return false;
    } while (m_keep && !m_keep(m_reader.cells()));
    m_lines.push_back(m_reader.line());
    check_row();
    return true;
}

// The record's id in messages: its primary key, joined with "/"; a
// one-column key (the usual case) is a view of its cell.
std::string_view CheckedTable::record_id()
{
    const auto& cells = m_reader.cells();
    if (m_key_columns.empty())
        return {};
    if (m_key_columns.size() == 1)
        return cells[m_key_columns[0]];
    m_joined_key.clear();
    for (std::size_t i = 0; i < m_key_columns.size(); ++i) {
        if (i)
            m_joined_key += '/';
        m_joined_key += cells[m_key_columns[i]];
    }
    return m_joined_key;
}

void CheckedTable::check_row()
{
    const Schema& schema = m_schema;
    const std::string& file = m_reader.file();
    const auto& cells = m_reader.cells();
    const std::size_t line = m_reader.line();
    const std::string_view id_view = record_id();
    if (m_ids && !id_view.empty())
        m_ids->prefetch(id_view); // defined below, after the cells are checked
    std::fill(m_invalid.begin(), m_invalid.end(), false);
    // Messages only: built when a row has a problem.
    auto who = [&] { return id_view.empty() ? m_kind : m_kind + " " + std::string(id_view); };
    for (std::size_t f = 0; f < schema.fields.size(); ++f) {
        if (m_index[f] < 0)
            continue;
        const Field& field = schema.fields[f];
        const std::string_view value = cells[static_cast<std::size_t>(m_index[f])];
        if (value.empty()) {
            bool required = field.required;
            if (!field.required_when_field.empty())
                required = (m_when_index[f] < 0 ? std::string_view{}
                                                : cells[static_cast<std::size_t>(m_when_index[f])]) ==
                           field.required_when_value;
            if (required) {
                m_invalid[f] = true;
                const std::string when =
                    field.required ? "" : " when " + field.required_when_field + " is " + field.required_when_value;
                m_problems.push_back({"required-missing", model::Severity::Error, file, line, std::string(id_view),
                                      who() + ": " + field.name + " is empty; it is required" + when, {}});
                m_problems.back().column = field.name;
            }
            continue;
        }
        // A date is parsed once, here; date() hands out what was read.
        if (field.type == FieldType::Date) {
            m_dates[f] = model::Date::parse(value);
            if (m_dates[f])
                continue;
        }
        const std::string wrong = check_value(field, value);
        if (!wrong.empty()) {
            m_invalid[f] = true;
            m_problems.push_back({"value-invalid", model::Severity::Error, file, line, std::string(id_view),
                                  fmt::format("{}: {} \"{}\" is {}", who(), field.name, value, wrong), {}});
            m_problems.back().column = field.name;
            m_problems.back().value = std::string(value);
        }
    }
    for (const std::size_t c : m_checked_extra) {
        const std::string_view value = cells[c];
        if (value.empty())
            continue;
        if (const std::string wrong = check_value(schema.extra_field, value); !wrong.empty()) {
            m_problems.push_back({"value-invalid", model::Severity::Error, file, line, std::string(id_view),
                                  fmt::format("{}: {} \"{}\" is {}", who(), m_reader.header()[c], value, wrong),
                                  {}});
            m_problems.back().column = m_reader.header()[c];
            m_problems.back().value = std::string(value);
        }
    }
    m_key_handle = model::IdTable::k_none;
    if (!schema.primary_key.empty() && !id_view.empty()) {
        std::size_t first = m_lines.size() - 1;
        // A key the loader keeps no handle of (a composite key) is kept
        // here, the same way: hashed once, into a handle.
        model::IdTable& keys = m_ids ? *m_ids : m_own_keys;
        const auto [handle, earlier] = keys.define(id_view, static_cast<std::uint32_t>(first));
        m_key_handle = m_ids ? handle : model::IdTable::k_none;
        if (earlier != model::IdTable::k_none)
            first = earlier;
        if (first != m_lines.size() - 1) {
            const std::string id(id_view);
            m_problems.push_back({"duplicate-key", model::Severity::Error, file, line, id,
                                  fmt::format("{}: {} {} is already used on line {}", who(),
                                              util::join(schema.primary_key, "+"), id, m_lines[first]),
                                  "give this record its own id, or remove the repeated row"});
        }
    }
}

void CheckedTable::reserve(std::size_t rows)
{
    (m_ids ? *m_ids : m_own_keys).reserve(rows);
    m_lines.reserve(rows);
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

const CheckedTable::Column& CheckedTable::column(std::string_view name) const
{
    // The loaders name columns by string literal, so the expected column is
    // usually the very same pointer: no text compared.
    if (m_next_column < m_columns.size()) {
        const Column& expected = m_columns[m_next_column];
        if ((expected.asked == name.data() && expected.name.size() == name.size()) || expected.name == name)
            return m_columns[m_next_column++];
    }
    for (std::size_t i = 0; i < m_columns.size(); ++i)
        if (m_columns[i].name == name) {
            m_next_column = i + 1;
            return m_columns[i];
        }
    Column c;
    c.name = name; // the loaders pass string literals, which outlive the table
    c.asked = name.data();
    for (std::size_t f = 0; f < m_schema.fields.size(); ++f)
        if (m_schema.fields[f].name == name) {
            c.name = m_schema.fields[f].name; // never a caller's temporary
            c.field = static_cast<int>(f);
        }
    c.cell = index_of(name);
    if (c.field < 0) {
        for (const auto& [extra, index] : m_extra)
            if (extra == name)
                c.name = extra;
        if (c.cell < 0)
            return m_missing;
    }
    m_columns.push_back(c);
    m_next_column = m_columns.size();
    return m_columns.back();
}

std::string_view CheckedTable::text(const Column& c) const
{
    return c.cell < 0 ? std::string_view{} : m_reader.cells()[static_cast<std::size_t>(c.cell)];
}

bool CheckedTable::valid(const Column& c) const
{
    if (c.field >= 0)
        return c.cell >= 0 && !m_invalid[static_cast<std::size_t>(c.field)] && !text(c).empty();
    return !text(c).empty();
}

std::string_view CheckedTable::text(std::string_view column) const { return text(this->column(column)); }

std::optional<model::Date> CheckedTable::date(std::string_view column) const
{
    const Column& c = this->column(column);
    if (!valid(c))
        return std::nullopt;
    if (c.field >= 0 && m_schema.fields[static_cast<std::size_t>(c.field)].type == FieldType::Date)
        return m_dates[static_cast<std::size_t>(c.field)]; // parsed by check_row
    return model::Date::parse(text(c));
}

std::optional<model::TimeOfDay> CheckedTable::time(std::string_view column) const
{
    const Column& c = this->column(column);
    return valid(c) ? model::TimeOfDay::parse(text(c)) : std::nullopt;
}

std::optional<int> CheckedTable::integer(std::string_view column) const
{
    const Column& c = this->column(column);
    if (!valid(c))
        return std::nullopt;
    int value = 0;
    const std::string_view t = text(c);
    std::from_chars(t.data(), t.data() + t.size(), value);
    return value;
}

std::optional<model::Money> CheckedTable::money(std::string_view column) const
{
    const Column& c = this->column(column);
    return valid(c) ? model::Money::parse(text(c)) : std::nullopt;
}

std::optional<std::int64_t> CheckedTable::hundredths(std::string_view column) const
{
    const Column& c = this->column(column);
    return valid(c) ? model::parse_hundredths(text(c)) : std::nullopt;
}

std::optional<bool> CheckedTable::boolean(std::string_view column) const
{
    const Column& c = this->column(column);
    return valid(c) ? model::parse_yes_no(text(c)) : std::nullopt;
}

} // namespace pthv::io
