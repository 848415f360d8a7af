#pragma once
// Shell completion made from the command line itself. cmd/ hands over the
// commands, options and positionals of the CLI11 app that parses the
// command line (CommandInfo); the values each one takes come from the
// tables that check them (the rule registry, the enums of docs/data.md, the
// report's tables, the schemas, formats.cpp), so the completion never
// drifts from the binary. `pthv completion bash` prints it; the build
// writes it for `make install`.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pthv::cli {

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

// One option or positional of a command, as the parser declares it.
struct OptionInfo {
    std::vector<std::string> short_names; // "C" of -C
    std::vector<std::string> long_names;  // "data" of --data
    std::string positional;               // a positional's name; "" for an option
    std::string type_name;                // "WHEN:{auto,always,never}" with a check of its words
    int items_max = 0;                    // the values it takes: 0 a flag; more than 16 any number
};

// A command: its name, options and the commands under it, each shown in
// the help (hidden ones are left out by the caller).
struct CommandInfo {
    std::string name;
    std::vector<OptionInfo> options;
    std::vector<CommandInfo> commands;
};

// The bash completion script for pthv's whole command line, `root` being
// pthv itself, followed by `functions` (completion/pthv.bash). An option
// with a value that neither the table nor a check of its words describes
// completes file names, and the script names it in an "# unclassified:"
// comment (tests/e2e fails on it).
std::string bash_completion(const CommandInfo& root, std::string_view functions);

} // namespace pthv::cli
