// pthv init: create a data repo that validates clean.

#include <fmt/format.h>
#include <map>
#include <memory>

#include "commands.hpp"
#include "hooks.hpp"

#include <pthv/io/config.hpp>
#include <pthv/io/config_next_year.hpp>
#include <pthv/io/csv.hpp>
#include <pthv/io/loader.hpp>
#include <pthv/io/schema.hpp>
#include <pthv/util/files.hpp>

namespace pthv::cmd {

namespace fs = std::filesystem;

namespace {

struct InitOptions {
    std::string dir = ".";
    std::string district = "Our School District";
    std::string from; // the previous year's data repo
    bool git = false;
};

// The files of the next year's repo, from the previous year's (docs/data.md,
// a new school year): pthv.yaml a year on, the roster and the training
// history (CP2-refresher needs it) carried over; students and visits start
// empty with the same columns (flag_* and other attributes kept).
std::map<std::string, std::string> next_year_files(const fs::path& prev, const model::Date& today)
{
    if (!util::file_exists(prev / "pthv.yaml"))
        throw UsageError("--from " + prev.string() + ": no pthv.yaml there; name last year's data repo");
    std::map<std::string, std::string> files;
    std::string why;
    const auto config = io::next_year_config(util::read_file(prev / "pthv.yaml"), why);
    if (!config)
        throw UsageError("--from " + prev.string() + ": cannot move pthv.yaml on a year: " + why +
                         "; nothing was written");
    files["pthv.yaml"] = fmt::format("# Carried over from {} by `pthv init --from` on {}: school_year and calendar\n"
                                     "# moved one year on, holidays emptied. Check first_day and last_day.\n",
                                     prev.string(), today.str()) +
                         *config;
    for (const auto& f : io::data_files()) {
        const fs::path old = prev / f;
        const std::string header = io::csv_row(io::schema(f.substr(0, f.find('.'))).column_names(), "\n");
        if (!util::file_exists(old)) {
            files[f] = header;
        } else if (f == "students.csv" || f == "visits.csv") {
            const std::string text = util::read_file(old);
            const auto end = text.find('\n');
            files[f] = end == std::string::npos ? text + "\n" : text.substr(0, end + 1);
        } else {
            files[f] = util::read_file(old); // sites, staff, trainings
        }
    }
    // sessions.csv goes on whole: the sessions still to come, and the past
    // ones the carried training history names (its session cells must
    // still name a session). Events and reviews belong to their year.
    if (util::file_exists(prev / "sessions.csv"))
        files["sessions.csv"] = util::read_file(prev / "sessions.csv");
    return files;
}

// Quotes a value for the double-quoted YAML scalar in the template.
std::string yaml_quoted_body(const std::string& s)
{
    std::string out;
    for (const char c : s) {
        if (c == '"' || c == '\\')
            out += '\\';
        out += c;
    }
    return out;
}

int run_init(const InitOptions& o, Session& session)
{
    const fs::path dir(o.dir);
    std::vector<std::string> files = {"pthv.yaml", ".gitattributes", ".gitignore"};
    for (const auto& f : io::data_files())
        files.push_back(f);
    for (const auto& f : files)
        if (util::file_exists(dir / f))
            throw UsageError((dir / f).string() + " already exists; pthv init never overwrites a data repo");
    if (o.git && !git_available())
        throw UsageError("--git: git is not installed");
    std::error_code same;
    if (!o.from.empty() && fs::equivalent(o.from, dir, same))
        throw UsageError("--from names the folder being created; give the new year its own folder");
    if (!o.from.empty())
        next_year_files(o.from, session.as_of()); // refuses before anything is written

    // The school year that holds "today": it turns on July 1.
    const model::Date today = session.as_of();
    const int start_year = today.month() >= 7 ? today.year() : today.year() - 1;

    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec)
        throw UsageError("cannot create " + dir.string() + ": " + ec.message());
    if (!o.from.empty()) {
        for (const auto& [name, text] : next_year_files(o.from, today))
            util::atomic_write(dir / name, text);
    } else {
        util::atomic_write(dir / "pthv.yaml", io::default_config_text(yaml_quoted_body(o.district), start_year));
        for (const auto& f : io::data_files())
            util::atomic_write(dir / f, io::csv_row(io::schema(f.substr(0, f.find('.'))).column_names(), "\n"));
    }
    util::atomic_write(dir / ".gitattributes",
                       "# The logs (visits, trainings, events, sessions, surveys) merge without losing a row: by key once\n"
                       "# `pthv hooks install` has run (a row changed on one branch takes the change),\n"
                       "# else line by line (union). See docs/guide.md, working on branches.\n"
                       "visits.csv merge=union\n"
                       "trainings.csv merge=union\n"
                       "events.csv merge=union\n"
                       "sessions.csv merge=union\n"
                       "surveys.csv merge=union\n"
                       "# One record a line, LF endings, whatever the editor's platform (docs/data.md).\n"
                       "*.csv text eol=lf\n");
    // What identifies families beyond pseudonymous ids stays out of the
    // shared history (FERPA): concern flags, exports, working copies.
    util::atomic_write(dir / ".gitignore",
                       "# Private files never go into git (docs/guide.md, privacy).\n"
                       "# Concern flags, passed with --flags FILE:\n"
                       "flags*.csv\n"
                       "# Attendance, passed to pthv report with --attendance FILE:\n"
                       "attendance*.csv\n"
                       "*.private.csv\n"
                       "# Reports and payroll exports written with -o:\n"
                       "exports/\n"
                       "# pthv's lock file, the journal of a write under way, and the temporary\n"
                       "# copies a replace makes (full copies of a file, notes included):\n"
                       ".pthv.lock\n"
                       ".pthv-journal\n"
                       ".*.pthv-??????\n");
    // git init only where no work tree holds the folder yet (a data repo may
    // live inside a larger repository); no commit, the coordinator makes it.
    const bool git_init = o.git && !inside_git_work_tree(dir);
    if (git_init && !git_output(dir, {"init", "--quiet"}))
        throw UsageError("git init failed in " + dir.string());
    // The logs merge by key from the first merge on (hooks_merge.cpp).
    if (git_init)
        install_merge_driver(dir, this_binary());

    if (!session.global().quiet && !o.from.empty())
        session.out() = fmt::format(
            "Started the next school year in {} from {}.\n\n"
            "Next:\n"
            "  1. pthv.yaml: list the new year's holidays, check first_day and last_day.\n"
            "  2. students.csv: this year's enrolment (it starts empty, with last year's columns).\n"
            "  3. sites.csv and staff.csv were carried over: update who is active and opted in.\n"
            "  4. trainings.csv keeps its history, so refreshers fall due on time.\n",
            dir.string(), o.from);
    else if (!session.global().quiet)
        session.out() = fmt::format(
            "Created a pthv data repo in {}.\n\n"
            "Next:\n"
            "  1. Edit pthv.yaml: the school year, calendar, pay and funding.\n"
            "  2. Fill sites.csv, staff.csv and students.csv (`pthv schema` lists the columns).\n"
            "  3. Record trainings (trainings.csv) and log visits (visits.csv).\n"
            "  4. Run `pthv validate` to check everything against the five core practices.\n"
            "  5. {}\n",
            dir.string(),
            git_init ? "It is a git repository now: `git add . && git commit -m \"pthv data repo\"`, then "
                       "`pthv hooks install`."
            : o.git  ? "It lies in a git work tree already: `git add` it and commit."
                     : "Keep it in git: `git init && git add . && git commit -m \"pthv data repo\"` "
                       "(or `pthv init --git`).");
    session.finish();
    return k_exit_ok;
}

} // namespace

Runner setup_init(CLI::App& sub)
{
    auto o = std::make_shared<InitOptions>();
    sub.add_option("DIR", o->dir, "Folder to create the data repo in (default: here)");
    sub.add_option("--district", o->district, "The district's name, for pthv.yaml and reports")->type_name("NAME");
    sub.add_option("--from", o->from,
                   "Start the next school year from last year's repo: pthv.yaml a year on (holidays emptied), "
                   "sites, staff and trainings carried over, students and visits empty")
        ->type_name("PREV_REPO");
    sub.add_flag("--git", o->git, "Also run `git init` there (unless already in a git work tree); no commit");
    sub.footer("Examples:\n"
               "  pthv init riverbend --district \"Riverbend Unified School District\"\n"
               "  pthv init            # in the current folder\n"
               "  pthv init riverbend --git && cd riverbend && pthv hooks install\n"
               "  pthv init riverbend-2027 --from riverbend   # the next school year\n\n"
               "Refuses to overwrite any file that is already there.");
    return [o](Session& s) { return run_init(*o, s); };
}

} // namespace pthv::cmd
