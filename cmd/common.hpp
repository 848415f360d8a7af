#pragma once
// What every command shares: the global options of docs/guide.md, finding and
// loading the data repo, "today", colour, and writing output (to stdout, or
// atomically to -o FILE only once the command has succeeded).

#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include <pthv/io/attendance.hpp>
#include <pthv/io/loader.hpp>
#include <pthv/model/date.hpp>
#include <pthv/model/facts.hpp>
#include <pthv/rules/rule.hpp>
#include <pthv/pay/events.hpp>
#include <pthv/model/problem.hpp>
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

    // The facts of what load() read, built on first use and kept with it.
    const model::Facts& facts();
    // pay::visit_work(facts()), likewise built once: the over-cap rule,
    // payroll and the report all read it.
    const std::vector<pay::VisitWork>& work();
    // The same, begun on a second thread (once) and handed out before it is
    // done, so the rules that do not need it run meanwhile
    // (rules::check_repo); work() waits for it.
    rules::WorkFuture work_started();

    // Called once the command is done: what load() read is left for the
    // operating system to reclaim at exit. At state scale, freeing millions
    // of records one by one takes seconds and changes nothing; the data
    // stays reachable (from a static), so leak checkers stay quiet.
    void keep_until_exit();

private:
    void check_output_target() const;

    const GlobalOptions& m_g;
    std::string m_out;
    std::unique_ptr<io::LoadResult> m_loaded;
    std::unique_ptr<model::Facts> m_facts;
    std::unique_ptr<std::vector<pay::VisitWork>> m_work;
    rules::WorkFuture m_work_started;
};

// How long a reader waits for a writer to finish.
constexpr double k_read_lock_timeout = 10.0;

// The repo lock (util::RepoLock) on `root`, as a UsageError when it cannot
// be had. Taking it repairs what an interrupted command left: an append is
// rolled back and the temporary files of a replace of the repo's own files
// are removed; each repair is said on stderr.
std::unique_ptr<util::RepoLock> take_repo_lock(const std::filesystem::path& root, double timeout_seconds,
                                               util::LockMode mode);

// A finding as every command prints it (the payroll text in lib/pthv/pay too).
using model::format_problem_line;

// --attendance FILE (report, export), read against the loaded repo. Every
// bad row is printed (file:line); any error is a UsageError, since figures
// or an export built on part of the file would mislead. Rows naming
// students outside students.csv are warnings and left out.
std::vector<io::AttendanceRow> read_attendance_option(const std::string& file, const model::Repo& repo, bool color);

// Parses a date option; UsageError naming the option otherwise.
model::Date parse_date_option(const std::string& text, const std::string& option);

} // namespace pthv::cmd
