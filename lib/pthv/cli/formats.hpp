#pragma once
// The output formats of each command (--format), in one table: a command
// checks --format against its row (cmd's Session::format) and the shell
// completion offers the same row (completion_values.cpp), so the two cannot
// disagree. The first format of a row is the default.

#include <string>
#include <string_view>
#include <vector>

namespace pthv::cli {

// The formats of the command at `path` ("validate", "roster students");
// {"text"} for a command the table does not name (it prints text only).
const std::vector<std::string>& formats_of(std::string_view path);

// Every format some command supports, each once, in table order: what
// --format offers before a command is named.
std::vector<std::string> all_formats();

} // namespace pthv::cli
