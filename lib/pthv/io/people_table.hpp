#pragma once
// A table for people (roster, event list): the rows a listing keeps
// (model::Listing), as text, spreadsheet-safe CSV or JSON, and each
// command's whole output around it.

#include <string>
#include <vector>

#include <pthv/model/student_visits.hpp>

namespace pthv::io {

// `format` "csv": `keys` then the rows, each cell printable and csv_safe_row
// (no cell read as a formula); "json": an array of objects keyed by `keys`;
// anything else, text: columns padded to the widest cell, counted in
// characters, not bytes, for names like "Adrián", a control character shown
// as \xNN.
std::string render_table(const std::string& format, const std::vector<std::string>& header,
                         const std::vector<std::string>& keys, const std::vector<std::vector<std::string>>& rows);

// Each listing command's output in `format` (render_table); as text it
// ends with a line of counts ("12 staff members as of 2026-11-20: ...",
// "3 events"), left out when `quiet`.
std::string staff_table(const model::StaffListing& l, model::Date as_of, const std::string& format, bool quiet);
std::string students_table(const model::StudentListing& l, model::Date as_of, const std::string& format,
                           bool quiet);
std::string events_table(const model::Listing& l, const std::string& format, bool quiet);

// One student's visits (roster student): as text under a line saying who
// the student is, "(no visits logged)" for none.
std::string student_table(const model::Repo& repo, const model::Student& s, const model::Listing& l,
                          const std::string& format);

// The training sessions of `site` ("" for all): as text with none, only a
// sentence saying so (no sessions.csv, none in it, none at the site), and
// nothing when `quiet`; csv and json still give their empty table, for
// scripts.
std::string sessions_table(const model::Repo& repo, const model::Listing& l, const std::string& site,
                           const std::string& format, bool quiet);

} // namespace pthv::io
