#include "common.hpp"

#include <cstdio>
#include <cstdlib>
#include <fmt/format.h>
#include <unistd.h>

#include <pthv/util/files.hpp>
#include <pthv/util/strings.hpp>

namespace pthv::cmd {

namespace fs = std::filesystem;

void add_global_options(CLI::App& app, GlobalOptions& g)
{
    app.add_option("-C,--data", g.data_dir, "The data repo (default: walk up from here to pthv.yaml)")
        ->type_name("DIR");
    app.add_option("--as-of", g.as_of, "\"Today\" for every rule and report (default: the real today)")
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
    return m_g.as_of.empty() ? model::today() : parse_date_option(m_g.as_of, "--as-of");
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
    try {
        m_loaded = std::make_unique<io::LoadResult>(io::load_repo(root(), options));
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

// What keep_until_exit() leaves to the operating system. Globals are where
// leak checkers look for live pointers, so nothing here counts as leaked.
struct Kept {
    std::unique_ptr<io::LoadResult> loaded;
    std::unique_ptr<model::Facts> facts;
};
Kept* g_kept_until_exit = nullptr;

void Session::keep_until_exit()
{
    if (g_kept_until_exit)
        return;
    g_kept_until_exit = new Kept{std::move(m_loaded), std::move(m_facts)};
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
        try {
            util::atomic_write(m_g.output, m_out);
        } catch (const util::FileError& e) {
            throw UsageError(e.what());
        }
    } else {
        std::fwrite(m_out.data(), 1, m_out.size(), stdout);
        std::fflush(stdout);
    }
    m_out.clear();
}

std::string format_problem_line(const model::Problem& p, bool color)
{
    const std::string_view sev = p.reviewed ? "reviewed" : model::severity_name(p.severity);
    // A message may echo a cell or a broken file: printable() keeps its
    // bytes from reaching the terminal as control sequences.
    const std::string file = util::printable(p.file);
    const std::string where = p.line > 0 ? fmt::format("{}:{}", file, p.line) : file;
    const std::string message = util::printable(
        p.reviewed ? fmt::format("{} (reviewed {}{}: {})", p.message, p.reviewed->on,
                                 p.reviewed->by.empty() ? "" : " by " + p.reviewed->by, p.reviewed->note)
                   : p.message);
    if (!color)
        return fmt::format("{}: {}[{}]: {}\n", where, sev, p.rule, message);
    const char* c = p.reviewed                               ? "\x1b[1;36m"
                     : p.severity == model::Severity::Error ? "\x1b[1;31m"
                                                            : "\x1b[1;33m";
    return fmt::format("\x1b[1m{}:\x1b[0m {}{}[{}]\x1b[0m: {}\n", where, c, sev, p.rule, message);
}

model::Date parse_date_option(const std::string& text, const std::string& option)
{
    const auto d = model::Date::parse(text);
    if (!d)
        throw UsageError(option + " " + text + ": not a date (YYYY-MM-DD)");
    return *d;
}

} // namespace pthv::cmd
