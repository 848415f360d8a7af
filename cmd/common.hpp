#pragma once
// What every command shares: global options, loading the repo, "today",
// colour, output (to -o FILE atomically, once the command has succeeded),
// printing the library's check-then-write of writing commands. Commands
// include this and their own header, never another's.

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include <pthv/io/attendance.hpp>
#include <pthv/io/csv.hpp>
#include <pthv/io/loader.hpp>
#include <pthv/io/people_table.hpp>
#include <pthv/model/date.hpp>
#include <pthv/model/names.hpp>
#include <pthv/model/problem.hpp>
#include <pthv/record/apply.hpp>
#include <pthv/rules/workspace.hpp>
#include <pthv/record/change.hpp>
#include <pthv/record/import_map.hpp>
#include <pthv/util/files.hpp>

namespace pthv::cmd {

// Exit codes (docs/guide.md).
constexpr int k_exit_ok = 0;
constexpr int k_exit_findings = 1;
constexpr int k_exit_usage = 2;

// A usage error or data that cannot be read: exit 2, nothing written.
struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct GlobalOptions {
    std::string data_dir;
    std::string as_of;
    std::string format = "text";
    std::string output;
    bool quiet = false;
    std::string color = "auto";
};

// Registers -C/--data, --as-of, --format, -o, -q, --color on `app`.
void add_global_options(CLI::App& app, GlobalOptions& g);

class Session {
public:
    // Refuses (UsageError) an -o FILE that would overwrite the data repo's
    // own files, before the command does anything.
    explicit Session(const GlobalOptions& g);

    const GlobalOptions& global() const { return m_g; }
    // The data repo root: -C DIR, else walk up to pthv.yaml. UsageError if none.
    std::filesystem::path root() const;
    // --as-of, else the real today. UsageError on a bad date.
    model::Date as_of() const;
    // Loads the repo (problems included, never thrown for bad content)
    // under a shared repo lock, so no write is under way while it reads and
    // an interrupted one is rolled back first (take_repo_lock). The session
    // keeps it: see keep_until_exit().
    io::LoadResult& load(const std::optional<std::filesystem::path>& flags_file = std::nullopt);
    // The --format value, checked against what the command supports.
    std::string format(const std::vector<std::string>& supported) const;
    bool color() const;

    // Output is gathered and written by finish(), so a failing command
    // writes nothing. -o FILE replaces a regular file atomically (through a
    // link to one, the link kept), and writes into a device or FIFO as it is.
    std::string& out() { return m_out; }
    void finish();

    // What load() read, built from it on first use and kept with it
    // (rules::Workspace): the facts and the visit work, which work_started()
    // begins on a second thread while the rules that do not need it run.
    const model::Facts& facts() { return space().facts(); }
    const std::vector<pay::VisitWork>& work() { return space().work(); }
    rules::WorkFuture work_started() { return space().work_started(); }

    // Called once the command is done: what load() read is left for the
    // system to reclaim at exit (rules::keep_until_exit).
    void keep_until_exit();

private:
    void check_output_target() const;
    rules::Workspace& space(); // std::logic_error before load()

    const GlobalOptions& m_g;
    std::string m_out;
    std::unique_ptr<rules::Workspace> m_space;
};

constexpr double k_read_lock_timeout = 10.0; // how long a reader waits for a writer

// The repo lock (util::RepoLock) on `root`, as a UsageError when it cannot
// be had. Taking it repairs what an interrupted command left: an append is
// rolled back and the temporary files of a replace of the repo's own files
// are removed; each repair is said on stderr.
std::unique_ptr<util::RepoLock> take_repo_lock(const std::filesystem::path& root, double timeout_seconds,
                                               util::LockMode mode);

// A repo named on the command line (rollup, trend), loaded under a shared
// lock; std::runtime_error saying why not (no folder, no pthv.yaml, its error).
io::LoadResult load_named_repo(const std::string& dir, model::Date as_of);

// `option` FILE (--attendance, --scores), read by `read` against the loaded repo: every bad row
// printed (file:line); any error a UsageError, since figures built on part of it would mislead.
void read_option_file(const char* option, const std::string& file, bool color,
                      const std::function<void(const std::string& text, model::Problems&)>& read);
std::vector<io::AttendanceRow> read_attendance_option(const std::string& file, const model::Repo& repo, bool color);
// --subgroups FILE (report, export), merged into the loaded repo's subgroup
// values (its values win) before any figure is made.
void merge_subgroups_option(const std::string& file, model::Repo& repo, bool color);

// Parses a date option; UsageError naming the option otherwise.
model::Date parse_date_option(const std::string& text, const std::string& option);

// Prints `unreadable` (io::unreadable) to stderr and ends the command with exit 2 ("cannot
// <doing>: N file problems cannot be read (listed above)<tail>") when there is any or the
// config did not load: figures computed from part of the data would mislead.
void refuse_unreadable(const model::Problems& unreadable, bool config_ok, const std::string& doing,
                       const std::string& tail = "");

// The handle of an id given on the command line; none for an empty one.
// UsageError naming `option`, with a "did you mean", for an unknown one.
// filter_ref: the same as a filter, nullopt (no filter) for an empty id.
template <typename Id>
Id check_ref(const model::Ids<Id>& ids, const std::string& id, const std::string& option, const char* what)
{
    const Id h = ids.find(id);
    if (id.empty() || ids.defined(h))
        return h;
    throw UsageError(option + " " + id + ": no " + what + " has this id" + model::did_you_mean(ids.closest(id)));
}
template <typename Id>
std::optional<Id> filter_ref(const model::Ids<Id>& ids, const std::string& id, const std::string& option,
                             const char* what)
{
    return id.empty() ? std::nullopt : std::optional<Id>(check_ref(ids, id, option, what));
}

// ---- Writing commands (common_write.cpp): the locked check-then-write of
// docs/guide.md ("writes never lose data"), record/apply.hpp's, and how its
// outcome is printed. The whole sequence runs under util::RepoLock, so two
// pthv processes never build on the same old file.
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

// The lock, with the repo's root; UsageError if another pthv holds it past
// the timeout.
std::unique_ptr<util::RepoLock> lock_repo(const Session& session, double timeout);

// How a refusal's problems are said on stderr: validate's lines with their
// advice as hints, without, or as an import says them (record/import_read.hpp).
enum class ProblemLines { hinted, plain, import };

// Ends the command when there is a refusal (exit 2, nothing written): its
// problems on stderr, then its message. The string form is a refusal of no
// problems, "" for none.
void refuse_if(const std::optional<record::Refusal>& refusal, ProblemLines lines = ProblemLines::hinted);
void refuse_if(const std::string& refusal);

// record::open_change of `file` under the session's root and as-of date
// (read under the lock the caller holds), or the end of the command, its
// problems listed. With a scope, only the records it names are loaded
// (io::Scope), and the change is checked in that scope too; with `create`,
// an optional file (reviews.csv, events.csv, surveys.csv) the first row
// creates.
record::Current open_change(Session& session, const std::string& file,
                            std::shared_ptr<const io::Scope> scope = nullptr, bool create = false);

// UsageError naming `option` when `value` holds a control character (ESC,
// backspace, DEL, C1, ...): a name or note printed later could rewrite the
// terminal. Line breaks are allowed (written as spaces).
void refuse_control(const std::string& option, const std::string& value);

// The fields whose flag `sub` was given, from `flags` (flag, field) and
// `values` (field -> the flag's text); refuse_control on each.
using FlagFields = std::vector<std::pair<const char*, const char*>>;
record::Fields given_flags(const CLI::App& sub, const FlagFields& flags,
                           const std::map<std::string, std::string>& values);

// Checks `edit` (record::check_named) and, unless refused or a dry run,
// writes it. Refused: the integrity problems go to stderr and the exit is 2
// with the file untouched. Otherwise session.out() gets record::recorded_text
// (`done`, then the findings) and the exit is 1 when one is an error.
// Columns the edit adds to the file's header are said in one line on
// stderr. `write`, when given, writes the change instead of
// record::write_edit (a change of more files than `edit`'s one).
//
// `options` maps a field to the command-line option that gave its value
// (start_time -> --time): a refusal of such a cell of the changed row names
// the option and the value given, not a line of the file that was never
// written.
using OptionOfField = std::map<std::string, std::string>;
int check_and_write(Session& session, const record::Current& current, const record::Edit& edit,
                    const WriteOptions& o, const std::string& done, const std::string& what,
                    const OptionOfField& options = {}, const std::function<void()>& write = {});
// The same for rows a command appends, ended first when they are refused.
int check_and_write(Session& session, const record::Current& current, const record::NewRows& rows,
                    const WriteOptions& o);

} // namespace pthv::cmd
