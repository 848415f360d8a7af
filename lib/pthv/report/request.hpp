#pragma once
// What `pthv report` and `pthv rollup` are asked for on their command
// lines, checked before any figure is made: each refusal is the sentence
// the command prints (exit 2), "" when there is none.

#include <string>
#include <vector>

#include <pthv/model/repo.hpp>
#include <pthv/report/figures.hpp>

namespace pthv::report {

// report's options, as given.
struct Request {
    std::string period; // "" when not given
    std::string table;  // --table NAME: the csv table, or the census
    std::string format;
    bool is_public = false;
    bool attendance = false; // --attendance FILE given
    bool scores = false;     // --scores FILE given
};

// --table NAME when `names` (the tables there are) has no such table: the
// closest name, else the list.
std::string unknown_table(const std::string& table, const std::vector<std::string>& names);

// --table with the formats it works with and the files it needs, the
// census for the whole school year only; --period given (but for the
// census), before the repo is read.
std::string request_refusal(const Request& r);

// A table of an optional file (events.csv, sessions.csv, surveys.csv) that
// `repo` lacks.
std::string missing_file_table(const std::string& table, const model::Repo& repo);

// rollup's --table: with --format csv only, one of rollup_table_names().
std::string rollup_table_refusal(const std::string& table, const std::string& format);

// The report in `format` (text, md, html, csv with `table`, json), or the
// census row (`table` "census": text, csv or json).
std::string render_report(const Figures& figures, const std::string& format, const std::string& table);

} // namespace pthv::report
