#pragma once
// What the writing commands (log-visit, roster add/set/train) share: the
// locked check-then-write of docs/guide.md ("writes never lose data") and how its
// outcome is printed. The whole sequence runs under util::RepoLock, so two
// pthv processes never build on the same old file.

#include <functional>
#include <map>
#include <memory>
#include <string>

#include <CLI/CLI.hpp>

#include "common.hpp"

#include <pthv/io/csv.hpp>
#include <pthv/record/edit.hpp>
#include <pthv/record/import_map.hpp>
#include <pthv/record/visit_import.hpp>
#include <pthv/record/row.hpp>
#include <pthv/util/files.hpp>

namespace pthv::cmd {

constexpr double k_default_lock_timeout = 10.0;
constexpr double k_max_lock_timeout = 3600.0; // an hour: longer is a typo, and nan or inf is refused too

// --lock-timeout SECONDS and --dry-run on a writing command.
struct WriteOptions {
    double lock_timeout = k_default_lock_timeout;
    bool dry_run = false;
};
void add_write_options(CLI::App& sub, WriteOptions& o);
// The check of every --lock-timeout SECONDS: a number from 0 to
// k_max_lock_timeout. It adds nothing to the help's SECONDS.
CLI::Validator lock_timeout_check();

// Loads the repo for a change: the sources as text (read under the lock the
// caller holds) and their load. Throws UsageError when `file` cannot take
// rows (missing, no header, a row that is not well-formed), listing why.
// With a scope, only the records it names are loaded (io::Scope), and the
// change is checked in that scope too.
struct Loaded {
    io::Sources sources;
    io::LoadResult loaded;
    std::shared_ptr<const io::Scope> scope;
    bool created = false; // `file` was absent: loaded as its header alone
};
Loaded load_for_edit(Session& session, const std::string& file, std::shared_ptr<const io::Scope> scope = nullptr);
// The same for an optional file (reviews.csv, events.csv) that the first
// row creates: an absent file is loaded as its schema's header alone.
Loaded load_for_append(Session& session, const std::string& file);
// An append of `rows` to `file`; a file the load created is written whole
// (header and rows), atomically.
record::Edit append_rows(const Loaded& current, const std::string& file, const std::string& rows,
                         std::size_t row_count);

// A cell may hold no control character (ESC, backspace, DEL, C1, ...): a
// name or note printed later could rewrite the terminal. Line breaks are
// the exception: they are written as spaces (a data file holds one record a
// line).
bool holds_control(std::string value);
// UsageError naming `option` when `value` holds_control: nothing written.
void refuse_control(const std::string& option, const std::string& value);

// Problem lines in the validate format, to `out`.
void print_problems(std::string& out, const model::Problems& problems, bool color);

// Checks `edit` and, unless refused or a dry run, writes it. Refused: the
// integrity problems go to stderr and the exit is 2 with the file untouched.
// Otherwise the findings are added to session.out() after `done` (what was
// written, e.g. the visit id) and the exit is 1 when one is an error.
// `write`, when given, writes the change instead of write_edit (a change of
// more files than `edit`'s one).
//
// `options` maps a field to the command-line option that gave its value
// (start_time -> --time): a refusal of such a cell of the changed row names
// the option and the value given, not a line of the file that was never
// written.
using OptionOfField = std::map<std::string, std::string>;
int check_and_write(Session& session, const Loaded& current, const record::Edit& edit, const WriteOptions& o,
                    const std::string& done, const std::string& what, const OptionOfField& options = {},
                    const std::function<void()>& write = {});

// record::write_edit under the repo's root; a file that cannot be written
// ends the command (UsageError).
void write_edit(const Session& session, const record::Edit& edit);

// The lock, with the repo's root; UsageError if another pthv holds it past
// the timeout.
std::unique_ptr<util::RepoLock> lock_repo(const Session& session, double timeout);

// log-visit's two other modes (log_visit_import.cpp, log_visit.cpp).
struct ImportOptions {
    std::string file;
    std::string map;
    record::Fields defaults; // fields given as flags: defaults for every row
};
int run_import(const ImportOptions& io, const WriteOptions& w, Session& session);

// What an import from an export (log-visit --import, survey import) shares
// (log_visit_import.cpp). The export, read whole as RFC 4180 CSV (quoted
// cells may hold line breaks); UsageError when it is missing or not CSV.
io::CsvTable read_export(const std::string& file, const char* option);
// --map MAP.yaml parsed for `target`, or, without it, each column of the
// export as the target's field of its name. UsageError listing what is wrong.
record::ImportMap load_import_map(const std::string& export_file, const std::string& map_file,
                                  const io::CsvTable& table, const record::ImportTarget& target);
// Prints `problems` to stderr and ends the command with exit 2 and `why`.
[[noreturn]] void refuse(const model::Problems& problems, const std::string& why);
// A value-invalid problem at FILE:line for each cell of the rows that holds
// a control character (refuse_control for imports).
void refuse_control_in_rows(const std::string& file, const std::vector<record::ImportRow>& rows,
                            model::Problems& problems);
// Advice on value-invalid problems of an import that one line of the map
// fixes for every row: how the export writes dates, a translation of its answers.
void advise_map(model::Problems& problems, const record::ImportMap& map, const record::ImportTarget& target);
// `first` and the problems of `more` on lines and rules `first` has not
// reported (a cell the import already reported is one problem, not two), sorted.
model::Problems merge_problems(model::Problems first, const model::Problems& more);

} // namespace pthv::cmd
