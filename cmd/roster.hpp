#pragma once
// pthv roster's parts: the tables (roster.cpp: staff, students, one
// student, sessions) and the changes to staff.csv and trainings.csv
// (roster_staff.cpp: add, set, train). The tables are model's
// (student_visits.hpp: staff_listing, student_listing, ...).
// Roster output names people: internal use only, never published.

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "common.hpp"
#include "formats.hpp"

namespace pthv::cmd {

// Each sets up one nested command of `roster` that changes the data and
// returns its runner.
std::function<int(Session&)> setup_roster_add(CLI::App& sub);
std::function<int(Session&)> setup_roster_set(CLI::App& sub);
std::function<int(Session&)> setup_roster_train(CLI::App& sub);

} // namespace pthv::cmd
