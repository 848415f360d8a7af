#pragma once
// pthv roster's parts: the staff table (roster.cpp), staff changes
// (roster_staff.cpp: add, set; roster_train.cpp: train), students (roster_students.cpp) and
// training sessions (roster_sessions.cpp). The tables are model's
// (student_visits.hpp: staff_listing, student_listing, ...).
// Roster output names people: internal use only, never published.

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "common.hpp"
#include "formats.hpp"

namespace pthv::cmd {

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
