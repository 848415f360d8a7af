// What each option's values are, for the shell completion (completion.hpp):
// one row per option or positional that takes a value, its spec read from
// the table that checks the value (the rule registry, the enums of
// docs/data.md, the report's tables, the schemas, formats.cpp) wherever
// there is one. Options with a CLI11 IsMember check need no row: the
// check's own list is read (completion.cpp).

#include <functional>

#include <pthv/cli/completion.hpp>
#include <pthv/cli/formats.hpp>

#include <pthv/io/schema.hpp>
#include <pthv/model/enums.hpp>
#include <pthv/model/training_status.hpp>
#include <pthv/report/rollup.hpp>
#include <pthv/report/tables.hpp>
#include <pthv/rules/registry.hpp>
#include <pthv/rules/reviews.hpp>
#include <pthv/util/strings.hpp>

namespace pthv::cli {

namespace {

ValueSpec words(const std::vector<std::string>& list) { return "w:" + util::join(list, " "); }

// Every name of enum E (model/enums.hpp), in declaration order.
template <typename E> ValueSpec enum_words() { return words(model::enum_names<E>()); }

ValueSpec training_statuses() { return words(model::training_status_names()); }

ValueSpec rule_ids() { return words(rules::rule_ids()); }

// review refuses data-integrity rules (review-invalid): only the others.
ValueSpec reviewable_rule_ids() { return words(rules::reviewable_rule_ids()); }

// What `pthv schema FILE` accepts: a schema's name (with or without .csv)
// or pthv.yaml.
ValueSpec schema_names()
{
    std::vector<std::string> names;
    for (const auto& s : io::all_schemas())
        names.push_back(s.name);
    names.emplace_back("pthv.yaml");
    return words(names);
}

ValueSpec report_tables() { return words(report::table_names()); }
ValueSpec rollup_tables() { return words(report::rollup_table_names()); }
ValueSpec yes_no() { return "w:yes no"; }

ValueSpec spec(const char* s) { return s; }

const char* const k_student_ids = "i:students.csv:student_id";
const char* const k_staff_ids = "i:staff.csv:staff_id";
const char* const k_site_ids = "i:sites.csv:site_id";
const char* const k_visit_ids = "i:visits.csv:visit_id";
const char* const k_session_ids = "i:sessions.csv:session_id";

struct ValueRow {
    std::string_view command; // "*": any command
    std::string_view name;
    std::function<ValueSpec()> values;
};

// A fixed spec, for the rows below.
std::function<ValueSpec()> is(const char* s)
{
    return [s] { return spec(s); };
}

const std::vector<ValueRow>& value_rows()
{
    static const std::vector<ValueRow> k_rows = {
        // Options of several commands that mean the same everywhere.
        {"*", "--data", is("d")},
        {"*", "--as-of", is("t")},
        {"*", "--output", is("f")},
        {"*", "--date", is("t")},
        {"*", "--site", is(k_site_ids)},
        {"*", "--flags", is("f")},
        {"*", "--attendance", is("f")},
        {"*", "--scores", is("f")},
        {"*", "--subgroups", is("f")},
        {"*", "--key-file", is("f")},
        {"*", "--map", is("f")},
        {"*", "--period", is("p")},
        {"*", "--lock-timeout", is("-")},
        {"*", "--notes", is("-")},
        {"*", "--class", enum_words<model::StaffClass>},
        {"*", "--opted-in", yes_no},
        {"*", "--active", yes_no},
        {"*", "--name", is("-")},
        {"*", "--role", is("-")},
        {"*", "--hourly-rate", is("-")},

        {"init", "DIR", is("d")},
        {"init", "--district", is("-")},
        {"init", "--from", is("d")},
        {"validate", "--rule", rule_ids},
        {"explain", "RULE", rule_ids},
        {"schema", "FILE", schema_names},

        {"log-visit", "--student", is(k_student_ids)},
        {"log-visit", "--educators", is("l:staff.csv:staff_id")},
        {"log-visit", "--time", is("-")},
        {"log-visit", "--minutes", is("-")},
        {"log-visit", "--arranged-on", is("t")},
        {"log-visit", "--reflected-on", is("t")},
        {"log-visit", "--focus", enum_words<model::Focus>},
        {"log-visit", "--mode", enum_words<model::Mode>},
        {"log-visit", "--status", enum_words<model::VisitStatus>},
        {"log-visit", "--cancelled-by", enum_words<model::CancelledBy>},
        {"log-visit", "--language", is("-")},
        {"log-visit", "--update", is(k_visit_ids)},
        {"log-visit", "--remove", is(k_visit_ids)},
        {"log-visit", "--confirm", is(k_visit_ids)},
        {"log-visit", "--reason", is("-")},
        // A staff id, or an outside interpreter's name.
        {"log-visit", "--interpreter", is(k_staff_ids)},
        {"log-visit", "--by", is(k_staff_ids)},
        {"log-visit", "--import", is("f")},

        {"roster", "--status", training_statuses},
        {"roster add", "--id", is("-")},
        {"roster set", "ID", is(k_staff_ids)},
        {"roster train", "--kind", enum_words<model::TrainingKind>},
        {"roster train", "--hours", is("-")},
        {"roster train", "--session", is(k_session_ids)},
        {"roster train", "ID", is(k_staff_ids)},
        {"roster students", "--homeroom", is(k_staff_ids)},
        {"roster student", "ID", is(k_student_ids)},

        {"payroll", "--month", is("m")},
        {"payroll", "--from", is("t")},
        {"payroll", "--to", is("t")},

        {"hooks merge", "files", is("f")},

        {"review", "rule", reviewable_rule_ids},
        {"review", "record", is("-")},
        {"review", "--note", is("-")},
        {"review", "--by", is(k_staff_ids)},

        {"event add", "--kind", enum_words<model::EventKind>},
        {"event add", "--title", is("-")},
        {"event add", "--attendees", is("-")},
        {"event add", "--staff", is("l:staff.csv:staff_id")},

        {"remind", "--days", is("-")},
        {"remind", "--to", is(k_staff_ids)},
        {"remind", "--send", is("-")},

        {"survey import", "FILE", is("f")},

        {"report", "--table", report_tables},
        {"rollup", "repos", is("d")},
        {"trend", "repos", is("d")},
        {"rollup", "--table", rollup_tables},
        {"export", "--k", is("-")},

    };
    return k_rows;
}

} // namespace

std::optional<ValueSpec> value_spec(std::string_view path, std::string_view name)
{
    // --format: the formats of the command, or of any before one is named.
    if (name == "--format")
        return words(path.empty() ? all_formats() : formats_of(path));
    const ValueRow* any = nullptr;
    for (const auto& row : value_rows()) {
        if (row.name != name)
            continue;
        if (row.command == path)
            return row.values();
        if (row.command == "*" && !any)
            any = &row;
    }
    if (any)
        return any->values();
    return std::nullopt;
}

} // namespace pthv::cli
