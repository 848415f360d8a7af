#include "common.hpp"

#include <cstdio>
#include <cstdlib>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <pthv/io/option_file.hpp>
#include <pthv/io/repo_files.hpp>
#include <pthv/io/subgroups.hpp>
#include <pthv/util/files.hpp>
#include <pthv/util/strings.hpp>

namespace pthv::cmd {

namespace fs = std::filesystem;

Session::Session(const GlobalOptions& g) : m_g(g)
{
    check_output_target();
}

io::LoadResult load_named_repo(const std::string& dir, model::Date as_of)
{
    if (const auto why = io::named_repo_refusal(dir); !why.empty())
        throw std::runtime_error(why);
    io::LoadOptions options;
    options.as_of = as_of;
    auto loaded = [&] {
        const auto lock = take_repo_lock(dir, k_read_lock_timeout, util::LockMode::Shared);
        return io::load_repo(dir, options);
    }();
    if (const auto why = io::config_failure(loaded); !why.empty())
        throw std::runtime_error(why);
    return loaded;
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
    for (const auto& name : io::remove_interrupted_writes(root))
        std::fprintf(stderr, "pthv: removed %s, a temporary file an interrupted write left\n",
                     util::printable(name).c_str());
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
    std::error_code ec;
    io::RepoRoot found = io::repo_root(m_g.data_dir, fs::current_path(ec));
    if (!found.refused.empty())
        throw UsageError(found.refused);
    return found.dir;
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
        m_space = std::make_unique<rules::Workspace>(io::load_repo(dir, options));
    } catch (const util::FileError& e) {
        throw UsageError(e.what());
    }
    return m_space->loaded();
}

rules::Workspace& Session::space()
{
    if (!m_space)
        throw std::logic_error("Session::facts before Session::load");
    return *m_space;
}

void Session::keep_until_exit() { rules::keep_until_exit(std::move(m_space)); }

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

void read_option_file(const char* option, const std::string& file, bool color,
                      const std::function<void(const std::string& text, model::Problems&)>& read)
{
    const io::OptionFile read_file = io::read_option_file(option, file, read);
    for (const auto& p : read_file.problems)
        std::fputs(model::format_problem_line(p, color).c_str(), stderr);
    if (!read_file.refusal.empty())
        throw UsageError(read_file.refusal);
}

std::vector<io::AttendanceRow> read_attendance_option(const std::string& file, const model::Repo& repo, bool color)
{
    std::vector<io::AttendanceRow> rows;
    read_option_file("--attendance", file, color, [&](const std::string& text, model::Problems& problems) {
        rows = io::read_attendance(file, text, repo, problems);
    });
    return rows;
}

void merge_subgroups_option(const std::string& file, model::Repo& repo, bool color)
{
    if (repo.subgroups.empty())
        throw UsageError("--subgroups: pthv.yaml names no subgroups; list the columns in reports.subgroups first "
                         "(docs/data.md)");
    read_option_file("--subgroups", file, color, [&](const std::string& text, model::Problems& problems) {
        io::merge_subgroups(file, text, repo, problems);
    });
}

model::Date parse_date_option(const std::string& text, const std::string& option)
{
    const auto d = model::Date::parse(text);
    if (!d)
        throw UsageError(option + " " + text + ": not a date (YYYY-MM-DD)");
    return *d;
}

} // namespace pthv::cmd
