#pragma once
// The check-then-write every writing command makes of a change (docs/guide.md,
// "writes never lose data"), as values: opening the file to change, checking
// the change, writing it, and the text each outcome is said in. Nothing here
// prints or ends a command: a refusal is a value the command says and exits
// on. The caller holds the repo's util::RepoLock from open_change to the write.

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <pthv/model/date.hpp>
#include <pthv/model/problem.hpp>
#include <pthv/record/change.hpp>

namespace pthv::record {

// A change that will not be made, nothing written: the problems behind it
// (said first, one line each) and the one line saying why.
struct Refusal {
    model::Problems problems;
    std::string message;
};

// load_current for a change of `file`, or why it cannot take one: a file
// that cannot be read (util::FileError's message), or one that cannot take
// rows safely (unwritable: missing, no header, a row that is not
// well-formed), its problems listed.
struct Opened {
    Current current;
    std::optional<Refusal> refused;
};
Opened open_change(const std::filesystem::path& root, const std::string& file, model::Date as_of,
                   std::shared_ptr<const io::Scope> scope, bool create);

// The refusal of `doing` something ("compute pay") from data of which
// `unreadable` (io::unreadable) cannot be read, or whose config did not
// load: figures computed from part of the data would mislead. "cannot
// DOING: N file problems cannot be read (listed above)TAIL", the problems
// listed; nullopt when everything was read.
std::optional<Refusal> unreadable_refusal(const model::Problems& unreadable, bool config_ok, const std::string& doing,
                                          const std::string& tail);

// Why a row setting `fields` cannot be written to `file` (column_refusals),
// said as "MESSAGE; ADVICE. Nothing was written."; "" when it can.
std::string columns_refusal(const std::string& file, const std::vector<std::string>& header, const Fields& fields,
                            bool add_optional = false);

// check_change of `edit`, its refusals of a cell an option gave named by
// the option (`option_of`, field -> option: name_options).
EditCheck check_named(const Current& current, const Edit& edit, model::Date as_of,
                      const std::map<std::string, std::string>& option_of);

// Rows a command appends to one file: the edit, what to print once it is
// written (`done`: in a dry run, the rows it would add), what a refusal or
// a finding calls the change (`what`: "event E20261015-1"), or why it
// cannot be made (`refused`, ending "Nothing was written.").
struct NewRows {
    Edit edit;
    std::string done;
    std::string what;
    std::string refused;
};

// Problem lines in the validate format, each with its advice as a hint
// unless `hints` is false.
std::string problem_lines(const model::Problems& problems, bool color, bool hints = true);

// What a refused change prints: only the refusals (a practice finding of a
// row that was not written would bury the reason), then "pthv: error: WHAT
// refused: N data-integrity errors; FILE is unchanged".
std::string refused_text(const model::Problems& refused, const std::string& what, const std::string& file,
                         bool color);

// The line naming the columns an older file gained (or would gain, dry
// run), empty in the rows before; "" when the change adds none.
std::string added_columns_note(const Edit& edit, bool dry_run);

// How a change that was written (or would be, dry run) is said: `done`
// (what was written, e.g. the visit id; left out when quiet, never in a dry
// run), the findings of the changed rows under a line saying the change was
// recorded all the same (so that a finding is not taken for a refusal and
// the row logged again), and the dry run's closing line.
struct Recorded {
    std::string done;
    std::string what; // "visit V20260914-ST0107"
    std::string file;
    bool dry_run = false;
    bool quiet = false;
};
std::string recorded_text(const Recorded& r, const model::Problems& findings, bool color);

} // namespace pthv::record
