#pragma once
// Shell completion made from the command line itself. The commands,
// options and positionals come from the CLI11 app that parses the command
// line, the values each one takes from the tables that check them (the
// rule registry, the enums of docs/data.md, the report's tables, the
// schemas, formats.cpp), so the completion never drifts from the binary.
// `pthv completion bash` prints it; the build writes it for `make install`.

#include <optional>
#include <string>
#include <string_view>

#include <CLI/CLI.hpp>

#include "commands.hpp"

namespace pthv::cmd {

// What the values of an option or positional are, as one word the script
// reads (completion/pthv.bash, _pthv_offer):
//   "x"              a flag: takes no value
//   "w:a b c"        one of these words
//   "f", "d"         a file, a folder
//   "i:FILE:COLUMN"  an id from that column of the data repo's FILE
//   "l:FILE:COLUMN"  a comma-separated list of them
//   "t", "m", "p"    a date, a month (YYYY-MM), a report period
//   "-"              free text: nothing to offer
// A "+" before it: the option takes several values, one a word.
using ValueSpec = std::string;

// The spec of option `name` (its long name, else its short one, else a
// positional's name) of the command at `path` ("" for the global options,
// "roster add"), from the table of completion_values.cpp; nullopt when the
// table has no row for it.
std::optional<ValueSpec> value_spec(std::string_view path, std::string_view name);

// The bash completion script for pthv's whole command line: `app` is the
// root, with every command set up. An option with a value that neither the
// table nor a CLI11 IsMember check describes completes file names, and the
// script names it in an "# unclassified:" comment (tests/e2e fails on it).
std::string bash_completion(CLI::App& app);

// `pthv completion bash` (a hidden command: it prints the script).
Runner setup_completion(CLI::App& sub);

} // namespace pthv::cmd
