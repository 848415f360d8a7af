#include <pthv/record/import_map.hpp>

#include <algorithm>
#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <pthv/io/schema.hpp>
#include <pthv/io/yaml_keys.hpp>
#include <pthv/record/visit.hpp>
#include <pthv/util/strings.hpp>

namespace pthv::record {

const std::vector<std::string>& import_date_fields()
{
    static const std::vector<std::string> k_fields = [] {
        std::vector<std::string> out;
        for (const char* name : {"visits", "surveys"})
            for (const auto& f : io::schema(name).fields)
                if (f.type == io::FieldType::Date && std::find(out.begin(), out.end(), f.name) == out.end())
                    out.push_back(f.name);
        return out;
    }();
    return k_fields;
}

namespace {

std::size_t line_of(const YAML::Node& node)
{
    return node.Mark().line >= 0 ? static_cast<std::size_t>(node.Mark().line) + 1 : 0;
}

class MapReader {
public:
    MapReader(const std::string& file, model::Problems& problems, const ImportTarget& target)
        : m_file(file), m_problems(problems), m_target(target)
    {
    }

    void fail(const YAML::Node& node, std::string message, std::string advice = {})
    {
        m_problems.push_back({"", model::Severity::Error, m_file, line_of(node), {}, std::move(message),
                              std::move(advice)});
    }

    // A field of the target as a key; reported when unknown. `values` may
    // also name <prefix>*.
    bool field(const YAML::Node& key, const std::string& section)
    {
        const std::string name = key.Scalar();
        if (m_target.accepts(name) ||
            (section == "values" && !m_target.open_prefix.empty() && name == m_target.any_open()))
            return true;
        const auto& names = m_target.fields;
        const std::string near = util::closest_match(name, names);
        const std::string open = m_target.open_prefix.empty()
                                     ? std::string()
                                     : ", and any " + m_target.open_prefix + "<name>";
        fail(key, fmt::format("{}: \"{}\" is not a {} field", section, name, m_target.file),
             near.empty() ? "the fields are: " + util::join(names, ", ") + open : "did you mean " + near + "?");
        return false;
    }

    std::optional<std::string> scalar(const YAML::Node& node, const std::string& what)
    {
        if (node.IsScalar())
            return node.Scalar();
        fail(node, what + " must be a single value");
        return std::nullopt;
    }

    bool is_map(const YAML::Node& node, const std::string& what)
    {
        if (node.IsMap())
            return true;
        fail(node, what + " must be a mapping (name: value)");
        return false;
    }

private:
    std::string m_file;
    model::Problems& m_problems;
    const ImportTarget& m_target;
};

void read_columns(MapReader& r, const YAML::Node& node, ImportMap& map)
{
    if (!r.is_map(node, "columns"))
        return;
    for (const auto& kv : node) {
        if (!r.field(kv.first, "columns"))
            continue;
        const std::string field = kv.first.Scalar();
        map.column_lines[field] = line_of(kv.first);
        map.column_order.push_back(field);
        if (kv.second.IsSequence()) {
            for (const auto& c : kv.second)
                if (const auto s = r.scalar(c, "columns." + field + " entry"))
                    map.columns[field].push_back(*s);
        } else if (const auto s = r.scalar(kv.second, "columns." + field)) {
            map.columns[field].push_back(*s);
        }
    }
}

void read_values(MapReader& r, const YAML::Node& node, ImportMap& map)
{
    if (!r.is_map(node, "values"))
        return;
    for (const auto& kv : node) {
        if (!r.field(kv.first, "values") || !r.is_map(kv.second, "values." + kv.first.Scalar()))
            continue;
        for (const auto& tr : kv.second) {
            const auto from = r.scalar(tr.first, "a value to translate");
            const auto to = r.scalar(tr.second, "values." + kv.first.Scalar() + "." + tr.first.Scalar());
            if (from && to)
                map.values[kv.first.Scalar()][*from] = *to;
        }
    }
}

void read_defaults(MapReader& r, const YAML::Node& node, ImportMap& map)
{
    if (!r.is_map(node, "defaults"))
        return;
    for (const auto& kv : node)
        if (r.field(kv.first, "defaults"))
            if (const auto s = r.scalar(kv.second, "defaults." + kv.first.Scalar()))
                map.defaults[kv.first.Scalar()] = *s;
}

// Translates one value: exact match first, then ignoring case and spaces
// around it, as form answers vary in both.
std::string translate(const std::map<std::string, std::string>* table, const std::string& value)
{
    if (!table)
        return value;
    if (const auto it = table->find(value); it != table->end())
        return it->second;
    const std::string want = util::to_lower(util::trim(value));
    for (const auto& [from, to] : *table)
        if (util::to_lower(util::trim(from)) == want)
            return to;
    return value;
}

// A hint for YAML's "illegal map value": a value holding ": " (a question
// title, "Welcome: I feel at home") must be quoted, or YAML reads a second
// key. The line as it would be quoted, when it is one `key: value` line.
std::string quote_hint(const std::string& text, std::size_t line)
{
    std::size_t begin = 0;
    for (std::size_t l = 1; l < line && begin != std::string::npos; ++l) {
        begin = text.find('\n', begin);
        begin = begin == std::string::npos ? begin : begin + 1;
    }
    if (begin == std::string::npos)
        return {};
    const std::string_view whole = util::trim(std::string_view(text).substr(begin, text.find('\n', begin) - begin));
    const auto colon = whole.find(": ");
    if (colon == std::string_view::npos)
        return {};
    const std::string_view key = whole.substr(0, colon);
    const std::string_view value = util::trim(whole.substr(colon + 2));
    const char quote = value.find('"') == std::string_view::npos ? '"' : '\'';
    return fmt::format("a value holding \": \" must be quoted: {}: {}{}{}", key, quote, value, quote);
}

} // namespace

// The values table of `field`: its own, else a <prefix>* table for any
// field of that prefix ("q_*": one answer scale for every question).
const std::map<std::string, std::string>* values_of(const ImportMap& map, const std::string& field)
{
    if (const auto it = map.values.find(field); it != map.values.end())
        return &it->second;
    for (const auto& [name, table] : map.values)
        if (name.size() > 1 && name.back() == '*' && util::starts_with(field, name.substr(0, name.size() - 1)))
            return &table;
    return nullptr;
}

namespace {

std::string swap_day_month(std::string_view format)
{
    std::string swapped(format);
    const auto m = swapped.find("%m");
    const auto d = swapped.find("%d");
    if (m == std::string::npos || d == std::string::npos)
        return {};
    swapped[m + 1] = 'd';
    swapped[d + 1] = 'm';
    return swapped;
}

constexpr std::string_view k_fix_date = "fix the cell, or date_format in the map; see docs/import.md";

} // namespace

std::string date_format_advice(std::string_view value, std::string_view format)
{
    const std::string swapped = swap_day_month(format);
    if (!swapped.empty() && parse_date_as(value, swapped))
        return fmt::format("the file seems to write the day first: use date_format: \"{}\" in the map; see "
                           "docs/import.md",
                           swapped);
    return std::string(k_fix_date);
}

void settle_date_advice(model::Problems& problems, const ImportMap& map, const io::CsvTable& table)
{
    const std::string swapped = swap_day_month(map.date_format);
    if (swapped.empty())
        return;
    std::map<std::string, bool> month_first; // by field, worked out once
    const auto is_month_first = [&](const std::string& field) {
        const auto known = month_first.find(field);
        if (known != month_first.end())
            return known->second;
        bool seen = false;
        const auto columns = map.columns.find(field);
        for (const auto& c : columns == map.columns.end() ? std::vector<std::string>{} : columns->second) {
            const auto it = std::find(table.header.begin(), table.header.end(), c);
            if (it == table.header.end())
                continue;
            const auto index = static_cast<std::size_t>(it - table.header.begin());
            for (const auto& row : table.rows) {
                const std::string_view cell = util::trim(row.cells[index]);
                if (parse_date_as(cell, map.date_format) && !parse_date_as(cell, swapped)) {
                    seen = true;
                    break;
                }
            }
        }
        return month_first[field] = seen;
    };
    for (auto& p : problems)
        if (p.rule == "value-invalid" && !p.column.empty() && p.advice != k_fix_date &&
            std::find(import_date_fields().begin(), import_date_fields().end(), p.column) !=
                import_date_fields().end() &&
            is_month_first(p.column))
            p.advice = std::string(k_fix_date);
}

std::string entry_time_column(const io::CsvTable& table, const ImportMap& map)
{
    if (map.columns.count("logged_on"))
        return {};
    for (const auto& column : table.header) {
        const std::string name = util::to_lower(util::trim(column));
        if (name != "timestamp" && name != "completion time" && name != "submission date" &&
            name != "submitted at" && name != "submitted" && name != "date submitted" && name != "end time")
            continue;
        const bool mapped = std::any_of(map.columns.begin(), map.columns.end(), [&](const auto& field) {
            return std::find(field.second.begin(), field.second.end(), column) != field.second.end();
        });
        if (!mapped)
            return column;
    }
    return {};
}

bool ImportTarget::accepts(const std::string& field) const
{
    return std::find(fields.begin(), fields.end(), field) != fields.end() ||
           (!open_prefix.empty() && field.size() > open_prefix.size() && util::starts_with(field, open_prefix) &&
            field.find_first_of(" ,;\"*") == std::string::npos);
}

const ImportTarget& visit_target()
{
    static const ImportTarget k_target{"visits.csv", visit_field_names(), {}};
    return k_target;
}

std::optional<ImportMap> parse_import_map(const std::string& file, const std::string& text,
                                          model::Problems& problems, const ImportTarget& target)
{
    YAML::Node root;
    try {
        root = YAML::Load(text);
    } catch (const YAML::Exception& e) {
        const std::size_t line = e.mark.line >= 0 ? static_cast<std::size_t>(e.mark.line) + 1 : 0;
        problems.push_back({"", model::Severity::Error, file, line, {}, "not valid YAML: " + e.msg,
                            e.msg == YAML::ErrorMsg::MAP_VALUE ? quote_hint(text, line) : std::string()});
        return std::nullopt;
    }
    const std::size_t before = problems.size();
    MapReader r(file, problems, target);
    ImportMap map;
    map.file = file;
    if (!root.IsMap()) {
        r.fail(root, "the map must be a YAML mapping with columns, values, date_format, defaults");
        return std::nullopt;
    }
    // yaml-cpp keeps both of a key written twice, and which one a reader
    // takes is an accident of the code: refuse, naming both lines.
    for (const auto& d : io::duplicate_keys(text))
        problems.push_back({"", model::Severity::Error, file, d.line, {}, io::duplicate_message(d),
                            "keep one of the two and delete the other"});
    for (const auto& kv : root) {
        const std::string key = kv.first.Scalar();
        if (key == "columns")
            read_columns(r, kv.second, map);
        else if (key == "values")
            read_values(r, kv.second, map);
        else if (key == "defaults")
            read_defaults(r, kv.second, map);
        else if (key == "date_format") {
            if (const auto s = r.scalar(kv.second, "date_format")) {
                const std::string wrong = check_date_format(*s);
                if (!wrong.empty())
                    r.fail(kv.second, "date_format \"" + *s + "\": " + wrong);
                map.date_format = *s;
            }
        } else {
            const std::string near =
                util::closest_match(key, {"columns", "values", "date_format", "defaults"});
            r.fail(kv.first, "unknown key \"" + key + "\"",
                   near.empty() ? "the keys are columns, values, date_format, defaults"
                                : "did you mean " + near + "?");
        }
    }
    if (problems.size() != before)
        return std::nullopt;
    return map;
}

ImportMap identity_map(const io::CsvTable& table, model::Problems& problems, const ImportTarget& target)
{
    ImportMap map;
    for (const auto& column : table.header) {
        if (target.accepts(column)) {
            map.columns[column].push_back(column);
            map.column_order.push_back(column);
            continue;
        }
        const std::string near = util::closest_match(column, target.fields);
        problems.push_back({"", model::Severity::Error, table.file, 1, {},
                            "the column \"" + column + "\" is not a " + target.file + " field",
                            near.empty() ? "name the columns after " + target.file + " fields, or give --map MAP.yaml"
                                         : "did you mean " + near + "? or give --map MAP.yaml"});
    }
    return map;
}

void check_map_columns(const std::string& map_file, const ImportMap& map, const io::CsvTable& table,
                       model::Problems& problems)
{
    for (const auto& [field, columns] : map.columns)
        for (const auto& c : columns)
            if (std::find(table.header.begin(), table.header.end(), c) == table.header.end()) {
                const std::string near = util::closest_match(c, table.header);
                problems.push_back({"", model::Severity::Error, map_file, map.column_lines.count(field)
                                                                              ? map.column_lines.at(field)
                                                                              : 0,
                                    {}, fmt::format("columns.{}: {} has no column \"{}\"", field, table.file, c),
                                    near.empty() ? "its columns are: " + util::join(table.header, ", ")
                                                 : "did you mean \"" + near + "\"?"});
            }
}

bool is_blank_row(const io::CsvRow& row)
{
    return std::all_of(row.cells.begin(), row.cells.end(), [](const std::string& c) { return util::trim(c).empty(); });
}

Fields map_row(const ImportMap& map, const io::CsvTable& table, const io::CsvRow& row, model::Problems& problems)
{
    Fields fields;
    for (const auto& [field, columns] : map.columns) {
        const auto* table_of = values_of(map, field);
        std::vector<std::string> parts;
        for (const auto& c : columns) {
            const auto it = std::find(table.header.begin(), table.header.end(), c);
            if (it == table.header.end())
                continue;
            const std::string value(util::trim(row.cells[static_cast<std::size_t>(it - table.header.begin())]));
            if (field == "educators") {
                // Each educator translates on its own (a name -> a staff id).
                const std::string ids = join_ids(value);
                for (const auto& id : ids.empty() ? std::vector<std::string>{} : util::split(ids, ';'))
                    parts.push_back(translate(table_of, id));
            } else if (!value.empty()) {
                parts.push_back(translate(table_of, value));
            }
        }
        fields[field] = util::join(parts, ";");
    }
    for (const auto& [field, value] : map.defaults)
        if (fields[field].empty())
            fields[field] = value;
    for (const auto& field : import_date_fields()) {
        const auto it = fields.find(field);
        if (it == fields.end() || it->second.empty())
            continue;
        if (map.date_format.empty()) { // ISO, and an ISO timestamp as its day
            if (const auto d = parse_date_as(it->second, "%Y-%m-%d"))
                it->second = d->str();
            continue;
        }
        if (const auto d = parse_date_as(it->second, map.date_format))
            it->second = d->str();
        else if (!model::Date::parse(it->second)) { // ISO is always understood
            problems.push_back({"value-invalid", model::Severity::Error, table.file, row.line, {},
                                fmt::format("{} \"{}\" is not a date written as {}", field, it->second,
                                            map.date_format),
                                date_format_advice(it->second, map.date_format)});
            problems.back().column = field;
            problems.back().value = it->second;
        }
    }
    if (auto it = fields.find("start_time"); it != fields.end())
        it->second = normalise_time(it->second);
    return fields;
}

} // namespace pthv::record
