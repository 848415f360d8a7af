#pragma once
// The table schemas (Frictionless-style Table Schema in YAML, compiled in):
// the one place that says which columns a file has, their types, which are
// required and which are keys. The loader checks every cell against them.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pthv::io {

enum class FieldType {
    String,     // text, or an enum when `values` is not empty
    Id,         // string with format id: no spaces, no ";"
    Integer,
    Money,      // number with format money: decimal, at most 2 fractional digits
    Hundredths, // number with format hundredths (hours)
    Boolean,    // yes / no
    Date,       // YYYY-MM-DD
    Time,       // HH:MM
    IdList,     // array with format ids: ids joined by ";"
    Email,      // string with format email: an address (util::is_email_address)
};

// What a de-identified export (docs/export.md) does with a column: its
// `export:` in the schema. A column that says nothing is dropped, so a new
// column never leaves the district until its schema says how.
enum class Export {
    Drop,   // left out
    Keep,   // copied as it is: a code, a number, a site id
    Key,    // an id (or ids joined by ";"), replaced by its keyed pseudonym
    Date,   // a visit's date: copied, then coarsened when --k protects the export
    Coarse, // exported only when --k protects the export, which may recode it
};
// "drop", "keep", "key", "date", "coarse".
std::string_view export_name(Export e);

struct Field {
    std::string name;
    FieldType type = FieldType::String;
    std::string type_name; // as written in the schema, for `pthv schema`
    std::string description;
    bool required = false;
    // Required only when another field has a value, e.g. status: completed.
    std::string required_when_field;
    std::string required_when_value;
    bool unique = false;
    std::vector<std::string> values; // enum
    std::optional<long long> minimum;
    std::optional<long long> maximum;
    std::string references; // name of the schema whose key this names
    Export exported = Export::Drop;
};

struct Schema {
    std::string name;
    std::string path;
    std::string title;
    std::string description;
    std::vector<Field> fields;
    std::vector<std::string> primary_key;
    bool extra_columns_are_attributes = false;
    // Other columns named extra_prefix + a name are read and checked as
    // extra_field (its name unused): surveys.csv's q_<question> answers.
    std::string extra_prefix;
    Field extra_field;
    // Attribute columns an export lets through (`exportAttributes:`), each
    // with its treatment; every other attribute is dropped.
    std::vector<Field> exported_attributes;
    std::string source_text; // the YAML as compiled in

    const Field* field(std::string_view name) const;
    // Columns that must be present in the header (required or required-when).
    std::vector<std::string> required_columns() const;
    std::vector<std::string> column_names() const;
    // Whether an export writes this file: some column's treatment is not Drop.
    bool exported() const;
    // Whether `column` is one of the extra_prefix columns.
    bool is_prefixed_extra(std::string_view column) const;
};

// Every compiled-in schema, parsed once. Throws std::logic_error if a
// compiled-in schema is malformed (a build defect, not a user error).
const std::vector<Schema>& all_schemas();
const Schema& schema(std::string_view name);

// Checks one cell's text against a field's type and constraints. Returns an
// empty string when fine, else what is wrong ("not a date (YYYY-MM-DD)").
std::string check_value(const Field& field, std::string_view text);

// `pthv schema`'s text of one schema: each column's type (its values, range
// or referenced table) and whether it is required, with its description.
std::string schema_text(const Schema& s);

// The schemas `pthv schema FILE` prints: every one for an empty `file`, else
// the one named by `file` with or without .csv. None, with `why` set (a
// "did you mean", or the names there are), for a name no schema has;
// "pthv.yaml" (the settings, io/settings.hpp) is the caller's to handle.
std::vector<const Schema*> schemas_named(const std::string& file, std::string& why);

} // namespace pthv::io
