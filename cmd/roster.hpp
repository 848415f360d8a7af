#pragma once
// pthv roster's parts: the staff table (roster.cpp), staff changes
// (roster_edit.cpp: add, set, train), students (roster_students.cpp) and
// training sessions (roster_sessions.cpp).
// Roster output names people: internal use only, never published.

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "common.hpp"
#include "formats.hpp"

#include <pthv/model/names.hpp>

namespace pthv::cmd {

// A table for people: columns padded to the widest cell (counted in
// characters, not bytes, for names like "Adrián").
std::string text_table(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows);

// The same table as text, spreadsheet-safe CSV (io::csv_safe_row) or a JSON
// array of objects keyed by `keys`.
std::string render_table(const std::string& format, const std::vector<std::string>& header,
                         const std::vector<std::string>& keys, const std::vector<std::vector<std::string>>& rows);

// The handle of an id given on the command line; none for an empty one.
template <typename Id>
Id check_ref(const model::Ids<Id>& ids, const std::string& id, const std::string& option, const char* what)
{
    const Id h = ids.find(id);
    if (id.empty() || ids.defined(h))
        return h;
    throw UsageError(option + " " + id + ": no " + what + " has this id" + model::did_you_mean(ids.closest(id)));
}

// Each sets up one nested command of `roster` and returns its runner.
std::function<int(Session&)> setup_roster_add(CLI::App& sub);
std::function<int(Session&)> setup_roster_set(CLI::App& sub);
std::function<int(Session&)> setup_roster_train(CLI::App& sub);
std::function<int(Session&)> setup_roster_students(CLI::App& sub);
std::function<int(Session&)> setup_roster_student(CLI::App& sub);
std::function<int(Session&)> setup_roster_sessions(CLI::App& sub);

constexpr const char* k_internal_note =
    "Roster output names staff and students: it is for the program's internal use and must not be\n"
    "published or shared outside the district (FERPA). Public figures come from `pthv report --public`.";

} // namespace pthv::cmd
