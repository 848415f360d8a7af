#include "common.hpp"

#include <cstdio>
#include <cstdlib>
#include <future>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <pthv/util/files.hpp>
#include <pthv/util/strings.hpp>

namespace pthv::cmd {

namespace fs = std::filesystem;

namespace {

// pthv.yaml and the CSV files of the repo's root (docs/data.md).
bool is_repo_file(std::string_view name)
{
    if (name == "pthv.yaml")
        return true;
    for (const auto* files : {&io::data_files(), &io::optional_files()})
        for (const auto& f : *files)
            if (name == f)
                return true;
    return false;
}

bool same_file(const struct stat& a, const fs::path& b)
{
    struct stat st {};
    return ::stat(b.c_str(), &st) == 0 && st.st_dev == a.st_dev && st.st_ino == a.st_ino;
}

// What of the repo at `root` the real path `target` is (its name there), or
// "" when it is none of the repo's own files: pthv.yaml, the CSV files,
// pthv's lock and journal, anything in payroll/. Links are resolved
// already; a hard link to one of them is caught by its inode.
std::string repo_file_at(const fs::path& target, const fs::path& root)
{
    std::error_code ec;
    const fs::path real_root = fs::canonical(root, ec);
    if (ec)
        return {};
    const fs::path rel = target.lexically_relative(real_root);
    if (!rel.empty() && *rel.begin() != "..") {
        const std::string first = rel.begin()->string();
        const bool top = std::next(rel.begin()) == rel.end();
        if ((top && (is_repo_file(first) || first == ".pthv.lock" || first == util::k_journal_name)) ||
            first == "payroll")
            return rel.generic_string();
    }
    const fs::path payroll = fs::canonical(real_root / "payroll", ec);
    if (!ec) {
        const fs::path in_payroll = target.lexically_relative(payroll);
        if (!in_payroll.empty() && *in_payroll.begin() != "..")
            return "payroll/" + in_payroll.generic_string();
    }
    struct stat st {};
    if (::stat(target.c_str(), &st) != 0 || !S_ISREG(st.st_mode))
        return {};
    std::vector<std::string> names = {"pthv.yaml"};
    names.insert(names.end(), io::data_files().begin(), io::data_files().end());
    names.insert(names.end(), io::optional_files().begin(), io::optional_files().end());
    for (const auto& entry : fs::directory_iterator(real_root / "payroll", ec))
        names.push_back("payroll/" + entry.path().filename().string());
    for (const auto& name : names)
        if (same_file(st, real_root / name))
            return name;
    return {};
}

// -o FILE writes a report or an export; it never overwrites the data it
// was made from, whichever repo (this command's or another) holds FILE.
void check_output(const std::string& output, const std::optional<fs::path>& root)
{
    std::error_code ec;
    const fs::path target = fs::weakly_canonical(fs::absolute(output, ec), ec);
    if (ec)
        return; // finish() says what the system says
    std::vector<fs::path> roots;
    if (root)
        roots.push_back(*root);
    if (const auto holder = io::find_repo_root(target.parent_path()))
        roots.push_back(*holder);
    for (const auto& r : roots) {
        const std::string what = repo_file_at(target, r);
        if (!what.empty())
            throw UsageError("-o " + output + ": that is the data repo's " + what +
                             "; -o never writes over the repo's own files (pthv.yaml, the CSV files, payroll/). "
                             "Nothing was written; choose another file, e.g. exports/report.html");
    }
}

bool under_proc(const fs::path& path)
{
    return path.string().rfind("/proc/", 0) == 0;
}

// Writes -o FILE. A device, a FIFO or a /proc file descriptor (/dev/stdout,
// /dev/fd/N) is written into as it is: replacing it would turn /dev/null into
// a regular file and leave a FIFO's reader with nothing. A regular file is
// replaced atomically; through a link, the file it points to is.
void write_output(const std::string& output, std::string_view text)
{
    const fs::path path(output);
    std::error_code ec;
    struct stat st {};
    const bool exists = ::stat(path.c_str(), &st) == 0;
    if (exists && S_ISDIR(st.st_mode))
        throw UsageError("-o " + output + " is a folder; nothing was written");
    const fs::path absolute = fs::absolute(path, ec);
    const fs::path hop = fs::is_symlink(path, ec) ? fs::read_symlink(path, ec) : fs::path();
    const bool fd_link = under_proc(fs::weakly_canonical(absolute.parent_path(), ec)) || under_proc(hop);
    if (exists && (!S_ISREG(st.st_mode) || fd_link))
        util::write_into(path, text);
    else if (exists)
        util::atomic_write(fs::canonical(path), text);
    else
        util::atomic_write(path, text); // a dangling link is refused there
}

} // namespace

Session::Session(const GlobalOptions& g) : m_g(g)
{
    check_output_target();
}

void Session::check_output_target() const
{
    if (m_g.output.empty())
        return;
    std::optional<fs::path> repo;
    try {
        repo = root();
    } catch (const UsageError&) {
        // No repo for this command: only the repo holding FILE, if any.
    }
    check_output(m_g.output, repo);
}

std::unique_ptr<util::RepoLock> take_repo_lock(const fs::path& root, double timeout_seconds, util::LockMode mode)
{
    std::unique_ptr<util::RepoLock> lock;
    try {
        lock = std::make_unique<util::RepoLock>(root, timeout_seconds, mode);
    } catch (const util::FileError& e) {
        throw UsageError(e.what());
    }
    for (const auto& r : lock->rolled_back())
        std::fprintf(stderr, "pthv: %s\n", util::printable(r.message).c_str());
    if (!lock->held())
        return lock;
    // Every replace of these runs under the exclusive lock, so under any
    // lock a temporary file of theirs is one an interrupted command left
    // (with a copy of the data in it: private notes included).
    const auto report = [](const std::string& folder, const std::vector<std::string>& names) {
        for (const auto& name : names)
            std::fprintf(stderr, "pthv: removed %s%s, a temporary file an interrupted write left\n", folder.c_str(),
                         util::printable(name).c_str());
    };
    report("", util::remove_temp_files(root, is_repo_file));
    report("payroll/", util::remove_temp_files(root / "payroll",
                                               [](std::string_view t) { return util::ends_with(t, ".csv"); }));
    return lock;
}

void add_global_options(CLI::App& app, GlobalOptions& g)
{
    app.add_option("-C,--data", g.data_dir, "The data repo (default: walk up from here to pthv.yaml)")
        ->type_name("DIR");
    app.add_option("--as-of", g.as_of,
                   "\"Today\" for every rule and report (default: $PTHV_AS_OF when set, else the real today)")
        ->type_name("DATE");
    app.add_option("--format", g.format, "Output format: text, json, csv, md, html, github (per command)")
        ->type_name("F");
    app.add_option("-o,--output", g.output, "Write the output to FILE (atomically) instead of stdout")
        ->type_name("FILE");
    app.add_flag("-q,--quiet", g.quiet, "Print only problems (for cron)");
    app.add_option("--color", g.color, "Colour: auto (a terminal without NO_COLOR), always, never")
        ->type_name("WHEN")
        ->check(CLI::IsMember({"auto", "always", "never"}));
}

fs::path Session::root() const
{
    if (!m_g.data_dir.empty()) {
        const fs::path dir(m_g.data_dir);
        std::error_code ec;
        if (!fs::is_directory(dir, ec))
            throw UsageError("-C " + m_g.data_dir + ": no such folder");
        // A folder with none of the repo's files is not a data repo (a
        // mistyped -C); one that has its CSV files but lost pthv.yaml is,
        // and validate reports config-invalid for it.
        bool any = util::file_exists(dir / "pthv.yaml");
        for (const auto& f : io::data_files())
            any = any || util::file_exists(dir / f);
        if (!any)
            throw UsageError("-C " + m_g.data_dir +
                             ": not a pthv data repo (no pthv.yaml); run `pthv init " + m_g.data_dir + "` to make one");
        return dir;
    }
    std::error_code ec;
    const auto found = io::find_repo_root(fs::current_path(ec));
    if (!found)
        throw UsageError("no pthv.yaml in this folder or any folder above it; run `pthv init`, or pass -C DIR");
    return *found;
}

model::Date Session::as_of() const
{
    if (!m_g.as_of.empty())
        return parse_date_option(m_g.as_of, "--as-of");
    // For a run that must be repeatable (a guide, a redone report, a test
    // suite): the whole shell session pretends to be one day.
    if (const char* env = std::getenv("PTHV_AS_OF"); env && *env)
        return parse_date_option(env, "PTHV_AS_OF");
    return model::today();
}

io::LoadResult& Session::load(const std::optional<fs::path>& flags_file)
{
    io::LoadOptions options;
    options.as_of = as_of();
    if (flags_file) {
        if (!util::file_exists(*flags_file))
            throw UsageError("--flags " + flags_file->string() + ": no such file");
        options.flags_file = flags_file;
    }
    const fs::path dir = root();
    const auto lock = take_repo_lock(dir, k_read_lock_timeout, util::LockMode::Shared);
    try {
        m_loaded = std::make_unique<io::LoadResult>(io::load_repo(dir, options));
    } catch (const util::FileError& e) {
        throw UsageError(e.what());
    }
    return *m_loaded;
}

const model::Facts& Session::facts()
{
    if (!m_loaded)
        throw std::logic_error("Session::facts before Session::load");
    if (!m_facts)
        m_facts = std::make_unique<model::Facts>(m_loaded->repo);
    return *m_facts;
}

const std::vector<pay::VisitWork>& Session::work() { return *work_started().get(); }

rules::WorkFuture Session::work_started()
{
    if (!m_work_started.valid()) {
        const model::Facts& f = facts();
        m_work_started = std::async(std::launch::async, [this, &f] {
                             m_work = std::make_unique<std::vector<pay::VisitWork>>(pay::visit_work(f));
                             return static_cast<const std::vector<pay::VisitWork>*>(m_work.get());
                         }).share();
    }
    return m_work_started;
}

// What keep_until_exit() leaves to the operating system. Globals are where
// leak checkers look for live pointers, so nothing here counts as leaked.
struct Kept {
    std::unique_ptr<io::LoadResult> loaded;
    std::unique_ptr<model::Facts> facts;
    std::unique_ptr<std::vector<pay::VisitWork>> work;
};
Kept* g_kept_until_exit = nullptr;

void Session::keep_until_exit()
{
    if (g_kept_until_exit)
        return;
    if (m_work_started.valid())
        m_work_started.wait(); // the work is not moved while it is being made
    g_kept_until_exit = new Kept{std::move(m_loaded), std::move(m_facts), std::move(m_work)};
}

std::string Session::format(const std::vector<std::string>& supported) const
{
    for (const auto& f : supported)
        if (f == m_g.format)
            return f;
    throw UsageError("--format " + m_g.format + " is not supported here; use one of " + util::join(supported, ", "));
}

bool Session::color() const
{
    if (m_g.color == "always")
        return true;
    if (m_g.color == "never" || !m_g.output.empty())
        return false;
    const char* no_color = std::getenv("NO_COLOR");
    if (no_color && *no_color)
        return false;
    return ::isatty(STDOUT_FILENO) != 0;
}

void Session::finish()
{
    if (!m_g.output.empty()) {
        check_output_target(); // again: a link may have changed since
        try {
            write_output(m_g.output, m_out);
        } catch (const util::FileError& e) {
            throw UsageError(e.what());
        }
    } else {
        std::fwrite(m_out.data(), 1, m_out.size(), stdout);
        std::fflush(stdout);
    }
    m_out.clear();
}

std::vector<io::AttendanceRow> read_attendance_option(const std::string& file, const model::Repo& repo, bool color)
{
    std::string text;
    try {
        text = util::read_file(file);
    } catch (const util::FileError& e) {
        throw UsageError("--attendance " + file + ": " + e.what());
    }
    model::Problems problems;
    auto rows = io::read_attendance(file, text, repo, problems);
    model::sort_problems(problems);
    std::size_t errors = 0;
    for (const auto& p : problems) {
        std::fputs(format_problem_line(p, color).c_str(), stderr);
        errors += p.severity == model::Severity::Error ? 1 : 0;
    }
    if (errors > 0)
        throw UsageError(fmt::format("--attendance {}: {} cannot be read (listed above); fix them and try "
                                     "again. Nothing was written",
                                     file, util::plural(static_cast<long long>(errors), "row", "rows")));
    return rows;
}

model::Date parse_date_option(const std::string& text, const std::string& option)
{
    const auto d = model::Date::parse(text);
    if (!d)
        throw UsageError(option + " " + text + ": not a date (YYYY-MM-DD)");
    return *d;
}

} // namespace pthv::cmd
