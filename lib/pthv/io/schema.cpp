#include <pthv/io/schema.hpp>

#include <algorithm>
#include <fmt/format.h>
#include <limits>
#include <stdexcept>
#include <yaml-cpp/yaml.h>

#include <pthv/io/schema_sources.hpp>
#include <pthv/model/date.hpp>
#include <pthv/model/enums.hpp>
#include <pthv/model/money.hpp>
#include <pthv/util/mail.hpp>
#include <pthv/util/strings.hpp>

namespace pthv::io {

namespace {

FieldType field_type(const std::string& type, const std::string& format)
{
    if (type == "string")
        return format == "id" ? FieldType::Id : format == "email" ? FieldType::Email : FieldType::String;
    if (type == "integer")
        return FieldType::Integer;
    if (type == "number")
        return format == "hundredths" ? FieldType::Hundredths : FieldType::Money;
    if (type == "boolean")
        return FieldType::Boolean;
    if (type == "date")
        return FieldType::Date;
    if (type == "time")
        return FieldType::Time;
    if (type == "array")
        return FieldType::IdList;
    throw std::logic_error("schema: unknown field type " + type);
}

Export parse_export(const std::string& name)
{
    for (const Export e : {Export::Drop, Export::Keep, Export::Key, Export::Date, Export::Coarse})
        if (export_name(e) == name)
            return e;
    throw std::logic_error("schema: unknown export treatment " + name);
}

Field parse_field(const YAML::Node& f)
{
    Field field;
    field.name = f["name"].as<std::string>();
    const std::string type = f["type"].as<std::string>();
    const std::string format = f["format"].as<std::string>("");
    field.type = field_type(type, format);
    field.type_name = format.empty() ? type : type + " (" + format + ")";
    field.description = f["description"].as<std::string>("");
    field.references = f["references"].as<std::string>("");
    field.exported = parse_export(f["export"].as<std::string>("drop"));
    if (const auto c = f["constraints"]) {
        field.required = c["required"].as<bool>(false);
        field.unique = c["unique"].as<bool>(false);
        if (c["enum"])
            field.values = c["enum"].as<std::vector<std::string>>();
        if (c["minimum"])
            field.minimum = c["minimum"].as<long long>();
        if (c["maximum"])
            field.maximum = c["maximum"].as<long long>();
        if (const auto when = c["requiredWhen"]) {
            const auto it = when.begin();
            field.required_when_field = it->first.as<std::string>();
            field.required_when_value = it->second.as<std::string>();
        }
    }
    return field;
}

Schema parse_schema(const SchemaSource& src)
{
    const YAML::Node doc = YAML::Load(std::string(src.text));
    Schema s;
    s.name = doc["name"].as<std::string>();
    s.path = doc["path"].as<std::string>();
    s.title = doc["title"].as<std::string>("");
    s.description = doc["description"].as<std::string>("");
    if (const auto extra = doc["extraColumns"]; extra && extra.IsMap()) {
        // Columns named <prefix><anything>, each checked as `field` (surveys' q_*).
        s.extra_prefix = extra["prefix"].as<std::string>();
        s.extra_field = parse_field(extra);
    } else {
        s.extra_columns_are_attributes = extra && extra.as<std::string>() == "attributes";
    }
    for (const auto& a : doc["exportAttributes"]) {
        Field f;
        f.name = a.first.as<std::string>();
        f.exported = parse_export(a.second.as<std::string>());
        s.exported_attributes.push_back(f);
    }
    s.source_text = std::string(src.text);
    if (doc["primaryKey"])
        s.primary_key = doc["primaryKey"].as<std::vector<std::string>>();
    for (const auto& f : doc["fields"])
        s.fields.push_back(parse_field(f));
    return s;
}

bool is_id(std::string_view text)
{
    for (const char c : text)
        if (c == ' ' || c == ';' || c == ',' || c == '\t' || c == '"')
            return false;
    return true;
}

std::string check_integer(const Field& field, std::string_view text)
{
    long long v = 0;
    std::size_t i = text.size() > 1 && text[0] == '-' ? 1 : 0;
    if (i == text.size())
        return "not a whole number";
    for (; i < text.size(); ++i) {
        if (text[i] < '0' || text[i] > '9' || v > 1000000000LL)
            return "not a whole number";
        v = v * 10 + (text[i] - '0');
    }
    // The loader reads the cell as an int: anything larger is not a count
    // pthv can hold (and would otherwise fail far from its cell).
    if (v > std::numeric_limits<int>::max())
        return "too large for a whole number";
    if (text[0] == '-')
        v = -v;
    if (field.minimum && v < *field.minimum)
        return "below the minimum of " + std::to_string(*field.minimum);
    if (field.maximum && v > *field.maximum)
        return "above the maximum of " + std::to_string(*field.maximum);
    return {};
}

} // namespace

std::string_view export_name(Export e)
{
    switch (e) {
    case Export::Keep:
        return "keep";
    case Export::Key:
        return "key";
    case Export::Date:
        return "date";
    case Export::Coarse:
        return "coarse";
    case Export::Drop:
        break;
    }
    return "drop";
}

bool Schema::exported() const
{
    const auto out = [](const Field& f) { return f.exported != Export::Drop; };
    return std::any_of(fields.begin(), fields.end(), out) ||
           std::any_of(exported_attributes.begin(), exported_attributes.end(), out);
}

const Field* Schema::field(std::string_view field_name) const
{
    for (const auto& f : fields)
        if (f.name == field_name)
            return &f;
    return nullptr;
}

std::vector<std::string> Schema::required_columns() const
{
    std::vector<std::string> out;
    for (const auto& f : fields)
        if (f.required || !f.required_when_field.empty())
            out.push_back(f.name);
    return out;
}

std::vector<std::string> Schema::column_names() const
{
    std::vector<std::string> out;
    for (const auto& f : fields)
        out.push_back(f.name);
    return out;
}

bool Schema::is_prefixed_extra(std::string_view column) const
{
    return !extra_prefix.empty() && column.size() > extra_prefix.size() &&
           column.substr(0, extra_prefix.size()) == extra_prefix;
}

const std::vector<Schema>& all_schemas()
{
    static const std::vector<Schema> k_schemas = [] {
        std::vector<Schema> out;
        for (const auto& src : schema_sources())
            out.push_back(parse_schema(src));
        return out;
    }();
    return k_schemas;
}

const Schema& schema(std::string_view name)
{
    for (const auto& s : all_schemas())
        if (s.name == name)
            return s;
    throw std::logic_error("no compiled-in schema named " + std::string(name));
}

std::string check_value(const Field& field, std::string_view text)
{
    using namespace pthv::model;
    switch (field.type) {
    case FieldType::String:
        if (!field.values.empty()) {
            for (const auto& v : field.values)
                if (v == text)
                    return {};
            std::string msg = "not one of " + util::join(field.values, ", ");
            const std::string near = util::closest_match(text, field.values);
            if (!near.empty())
                msg += " (did you mean " + near + "?)";
            return msg;
        }
        return {};
    case FieldType::Email:
        return util::is_email_address(text) ? std::string{} : "not an e-mail address (like ana.lopez@example.org)";
    case FieldType::Id:
        return is_id(text) ? std::string{} : "not an id (no spaces, commas, quotes or \";\")";
    case FieldType::Integer:
        return check_integer(field, text);
    case FieldType::Money: {
        const auto m = Money::parse(text);
        if (!m)
            return "not an amount of money (a decimal with at most two fractional digits, like 27.50)";
        if (field.minimum && m->cents() < *field.minimum * 100)
            return "below the minimum of " + std::to_string(*field.minimum);
        // Every amount is bounded, so no sum of them can overflow (docs/data.md).
        if (!m->within_limit())
            return "more than " + Money::max_amount().grouped() + ", the largest amount pthv accepts";
        return {};
    }
    case FieldType::Hundredths: {
        const auto h = parse_hundredths(text);
        if (!h)
            return "not a decimal number with at most two fractional digits";
        if (field.minimum && *h < *field.minimum * 100)
            return "below the minimum of " + std::to_string(*field.minimum);
        if (field.maximum && *h > *field.maximum * 100)
            return "above the maximum of " + std::to_string(*field.maximum);
        return {};
    }
    case FieldType::Boolean:
        return parse_yes_no(text) ? std::string{} : "not yes or no";
    case FieldType::Date:
        return Date::parse(text) ? std::string{} : "not a date (YYYY-MM-DD)";
    case FieldType::Time:
        return TimeOfDay::parse(text) ? std::string{} : "not a time (HH:MM, 24 h)";
    case FieldType::IdList: {
        // Views of the parts, not copies: this runs for every visit row.
        bool ok = true;
        std::size_t from = 0;
        while (ok) {
            const std::size_t end = std::min(text.find(';', from), text.size());
            const std::string_view part = text.substr(from, end - from); // as written: " T01" is no id
            ok = !part.empty() && is_id(part);
            if (end == text.size())
                break;
            from = end + 1;
        }
        return ok ? std::string{} : "not a list of ids joined by \";\" (like T014;T022)";
    }
    }
    return {};
}

std::string schema_text(const Schema& s)
{
    std::string out = fmt::format("{} ({})\n", s.path, s.title);
    if (!s.primary_key.empty())
        out += fmt::format("  key: {}\n", util::join(s.primary_key, " + "));
    std::vector<Field> fields = s.fields;
    if (!s.extra_prefix.empty())
        fields.push_back(s.extra_field); // any number of columns named <prefix><name>
    for (const auto& f : fields) {
        std::string need = f.required ? "required" : "optional";
        if (!f.required_when_field.empty())
            need = "required when " + f.required_when_field + " is " + f.required_when_value;
        std::string type = f.type_name;
        if (!f.values.empty())
            type = util::join(f.values, " | ");
        else if (f.minimum && f.maximum)
            type += fmt::format(" {}..{}", *f.minimum, *f.maximum);
        if (!f.references.empty())
            type += " -> " + f.references;
        if (s.exported() && s.field(f.name)) // a de-identified export's treatment (docs/export.md)
            need += fmt::format(", export: {}", export_name(f.exported));
        out += fmt::format("  {:<15} {:<40} {}\n", f.name, type, need);
        if (!f.description.empty())
            out += fmt::format("  {:<15} {}\n", "", f.description);
    }
    for (const auto& a : s.exported_attributes)
        out += fmt::format("  {:<15} {:<40} optional, export: {}\n", a.name, "attribute", export_name(a.exported));
    if (!s.description.empty())
        out += "  " + s.description + "\n";
    return out;
}

std::vector<const Schema*> schemas_named(const std::string& file, std::string& why)
{
    const std::string name = file.substr(0, file.find('.'));
    std::vector<const Schema*> chosen;
    if (file.empty()) {
        for (const auto& s : all_schemas())
            chosen.push_back(&s);
    } else {
        std::vector<std::string> names;
        for (const auto& s : all_schemas()) {
            names.push_back(s.name);
            if (s.name == name)
                chosen.push_back(&s);
        }
        if (chosen.empty()) {
            names.emplace_back("pthv");
            const std::string near = util::closest_match(name, names);
            names.back() = "pthv.yaml";
            why = "no schema for " + file +
                  (near.empty() ? "; there are: " + util::join(names, ", ")
                               : "; did you mean " + (near == "pthv" ? "pthv.yaml" : near) + "?");
        }
    }
    return chosen;
}

} // namespace pthv::io
