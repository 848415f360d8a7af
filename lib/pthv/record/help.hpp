#pragma once
// The examples and notes under the --help of the commands that write or
// list the data repo (log-visit, roster, event, review, survey, payroll,
// init, validate): the program's own words on what each does, kept with
// the code that does it rather than with the option parsing.

#include <string>
#include <string_view>

namespace pthv::record {

// The text under `command`'s --help ("roster add": a nested command by its
// path). Roster's tables name people: their texts end with the note that
// they are for internal use only. Throws std::logic_error for a command
// with none (a programming error).
std::string help_footer(std::string_view command);

} // namespace pthv::record
