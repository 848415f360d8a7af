// The checks of report's and rollup's options (request.hpp) and the
// renderer a report's format picks.

#include <pthv/report/request.hpp>

#include <algorithm>
#include <utility>

#include <pthv/report/render.hpp>
#include <pthv/report/rollup.hpp>
#include <pthv/report/tables.hpp>
#include <pthv/util/strings.hpp>

namespace pthv::report {

namespace {

constexpr const char* k_census = "census";

bool has(const std::vector<std::string>& names, const std::string& name)
{
    return std::find(names.begin(), names.end(), name) != names.end();
}

// The tables made from an optional input file: none without it.
std::string input_file_refusal(const Request& r)
{
    if ((r.table == "attendance" || r.table == "subgroup_attendance") && !r.attendance)
        return "--table " + r.table + " needs --attendance FILE";
    if ((r.table == "scores" || r.table == "subgroup_scores") && !r.scores)
        return "--table " + r.table + " needs --scores FILE";
    return "";
}

std::string census_refusal(const Request& r)
{
    if (r.format != "text" && r.format != "csv" && r.format != "json")
        return "--table census works with --format text, csv or json";
    if (!r.period.empty() && r.period != "end-of-year")
        return "--period " + r.period + ": the census is for the whole school year; "
                                        "leave --period out (or give end-of-year)";
    return "";
}

std::string table_refusal(const Request& r)
{
    if (r.format == "csv" && r.table.empty())
        return "--format csv gives one table: name it with --table (" + util::join(table_names(), ", ") +
               "); docs/reports.md describes each";
    if (r.table.empty())
        return "";
    if (auto why = unknown_table(r.table, table_names()); !why.empty())
        return why;
    if (auto why = input_file_refusal(r); !why.empty())
        return why;
    if (r.table == k_census)
        return census_refusal(r);
    if (r.format != "csv")
        return "--table works with --format csv";
    if (r.is_public && r.table == "educators")
        return "--table educators: a public report has no per-educator table";
    return "";
}

} // namespace

std::string unknown_table(const std::string& table, const std::vector<std::string>& names)
{
    if (has(names, table))
        return "";
    const std::string near = util::closest_match(table, names);
    return "--table " + table + ": no such table" +
           (near.empty() ? "; the tables are " + util::join(names, ", ") : "; did you mean " + near + "?");
}

std::string request_refusal(const Request& r)
{
    if (auto why = table_refusal(r); !why.empty())
        return why;
    if (r.period.empty() && r.table != k_census)
        return "--period is required (mid-year, end-of-year, YYYY-MM or YYYY-MM-DD..YYYY-MM-DD)";
    return "";
}

std::string missing_file_table(const std::string& table, const model::Repo& repo)
{
    static const std::vector<std::pair<const char*, std::vector<std::string>>> k_tables = {
        {"events.csv", {"events", "event_list"}}, {"sessions.csv", {"session_plan"}}, {"surveys.csv", {"surveys"}}};
    for (const auto& [file, tables] : k_tables)
        if (has(tables, table) && !repo.has_file(file))
            return "--table " + table + ": this repo has no " + file + ", so the report has no such table";
    return "";
}

std::string rollup_table_refusal(const std::string& table, const std::string& format)
{
    if (table.empty())
        return "";
    if (format != "csv")
        return "--table works with --format csv; the other formats give every table";
    return unknown_table(table, rollup_table_names());
}

std::string render_report(const Figures& figures, const std::string& format, const std::string& table)
{
    if (table == k_census)
        return format == "json" ? render_census_json(figures)
               : format == "csv" ? render_census_csv(figures)
                                 : render_census_text(figures);
    if (format == "json")
        return render_json(figures);
    if (format == "csv")
        return render_csv(figures, table);
    if (format == "md")
        return render_md(figures);
    if (format == "html")
        return render_html(figures);
    return render_text(figures);
}

} // namespace pthv::report
