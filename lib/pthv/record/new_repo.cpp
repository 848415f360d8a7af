// The files `pthv init` writes, and making a repo of them whole (new_repo.hpp).

#include <pthv/record/new_repo.hpp>

#include <fmt/format.h>

#include <pthv/io/config.hpp>
#include <pthv/io/config_next_year.hpp>
#include <pthv/io/csv.hpp>
#include <pthv/io/loader.hpp>
#include <pthv/io/schema.hpp>
#include <pthv/record/merge_driver.hpp>
#include <pthv/util/files.hpp>
#include <pthv/util/git.hpp>

namespace pthv::record {

namespace fs = std::filesystem;

namespace {

// The logs merge by key once `pthv hooks install` has run, else line by line.
constexpr const char* k_gitattributes =
    "# The logs (visits, trainings, events, sessions, surveys, removed visits) merge without\n"
    "# losing a row: by key once `pthv hooks install` has run (a row changed on one branch\n"
    "# takes the change), else line by line (union). See docs/guide.md, working on branches.\n"
    "visits.csv merge=union\n"
    "trainings.csv merge=union\n"
    "events.csv merge=union\n"
    "sessions.csv merge=union\n"
    "surveys.csv merge=union\n"
    "removed_visits.csv merge=union\n"
    "# One record a line, LF endings, whatever the editor's platform (docs/data.md).\n"
    "*.csv text eol=lf\n";

// What identifies families beyond pseudonymous ids stays out of the shared
// history (FERPA): concern flags, exports, working copies.
constexpr const char* k_gitignore = "# Private files never go into git (docs/guide.md, privacy).\n"
                                    "# Concern flags, passed with --flags FILE:\n"
                                    "flags*.csv\n"
                                    "# Attendance, passed to pthv report with --attendance FILE:\n"
                                    "attendance*.csv\n"
                                    "# Test scores, passed to pthv report with --scores FILE:\n"
                                    "scores*.csv\n"
                                    "*.private.csv\n"
                                    "# Reports and payroll exports written with -o:\n"
                                    "exports/\n"
                                    "# pthv's lock file, the journal of a write under way, and the temporary\n"
                                    "# copies a replace makes (full copies of a file, notes included):\n"
                                    ".pthv.lock\n"
                                    ".pthv-journal\n"
                                    ".*.pthv-??????\n";

std::string header_of(const std::string& file)
{
    return io::csv_row(io::schema(file.substr(0, file.find('.'))).column_names(), "\n");
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

void add_git_files(std::vector<util::NewFile>& files)
{
    files.push_back({".gitattributes", k_gitattributes});
    files.push_back({".gitignore", k_gitignore});
}

} // namespace

std::vector<util::NewFile> new_repo_files(const std::string& district, const model::Date& today)
{
    const int start_year = today.month() >= 7 ? today.year() : today.year() - 1;
    std::vector<util::NewFile> files{{"pthv.yaml", io::default_config_text(yaml_quoted_body(district), start_year)}};
    for (const auto& f : io::data_files())
        files.push_back({f, header_of(f)});
    add_git_files(files);
    return files;
}

// docs/data.md, a new school year: the training history goes on (CP2-refresher
// needs it); events, reviews and payroll belong to their year.
std::vector<util::NewFile> next_year_files(const fs::path& prev, const model::Date& today)
{
    if (!util::file_exists(prev / "pthv.yaml"))
        throw NewRepoError("--from " + prev.string() + ": no pthv.yaml there; name last year's data repo");
    std::string why;
    const auto config = io::next_year_config(util::read_file(prev / "pthv.yaml"), why);
    if (!config)
        throw NewRepoError("--from " + prev.string() + ": cannot move pthv.yaml on a year: " + why +
                           "; nothing was written");
    std::vector<util::NewFile> files{
        {"pthv.yaml", fmt::format("# Carried over from {} by `pthv init --from` on {}: school_year and calendar\n"
                                  "# moved one year on, holidays emptied. Check first_day and last_day.\n",
                                  prev.string(), today.str()) +
                          *config}};
    for (const auto& f : io::data_files()) {
        const fs::path old = prev / f;
        if (!util::file_exists(old)) {
            files.push_back({f, header_of(f)});
        } else if (f == "students.csv" || f == "visits.csv") {
            const std::string text = util::read_file(old);
            const auto end = text.find('\n');
            files.push_back({f, end == std::string::npos ? text + "\n" : text.substr(0, end + 1)});
        } else {
            files.push_back({f, util::read_file(old)}); // sites, staff, trainings
        }
    }
    // sessions.csv goes on whole: the sessions still to come, and the past
    // ones the carried training history names (its session cells must
    // still name a session).
    if (util::file_exists(prev / "sessions.csv"))
        files.push_back({"sessions.csv", util::read_file(prev / "sessions.csv")});
    add_git_files(files);
    return files;
}

void create_repo(const fs::path& dir, const std::vector<util::NewFile>& files, const std::vector<std::string>& prepared,
                 const std::function<void(const fs::path&)>& prepare)
{
    // put_new_files looks for what is there only after taking back what a
    // killed init left, so a second try works.
    try {
        util::put_new_files(dir, files, prepared, prepare);
    } catch (const util::AlreadyThere& e) {
        throw NewRepoError(e.path.string() + " already exists; pthv init never overwrites a data repo");
    }
}

bool create_repo_in_git(const fs::path& dir, const std::vector<util::NewFile>& files, bool git,
                        const std::string& binary)
{
    bool git_init = false;
    const auto prepare = [&](const fs::path& built) {
        if (!git || util::inside_git_work_tree(built))
            return;
        if (!util::git_output(built, {"init", "--quiet"}))
            throw NewRepoError("git init failed in " + dir.string());
        if (const auto why = install_merge_driver(built, binary); !why.empty())
            throw NewRepoError(why);
        git_init = true;
    };
    create_repo(dir, files, {".git"}, prepare);
    return git_init;
}

std::string init_refusal(const fs::path& dir, const std::string& from, bool git)
{
    if (git && !util::git_available())
        return "--git: git is not installed";
    std::error_code same;
    if (!from.empty() && fs::equivalent(from, dir, same))
        return "--from names the folder being created; give the new year its own folder";
    return {};
}

std::string next_steps(const std::string& dir, const std::string& from, bool git, bool git_init)
{
    if (!from.empty())
        return fmt::format(
            "Started the next school year in {} from {}.\n\n"
            "Next:\n"
            "  1. pthv.yaml: list the new year's holidays, check first_day and last_day.\n"
            "  2. students.csv: this year's enrolment (it starts empty, with last year's columns).\n"
            "  3. sites.csv and staff.csv were carried over: update who is active and opted in.\n"
            "  4. trainings.csv keeps its history, so refreshers fall due on time.\n",
            dir, from);
    return fmt::format(
        "Created a pthv data repo in {}.\n\n"
        "Next:\n"
        "  1. Edit pthv.yaml: the school year, calendar, pay and funding.\n"
        "  2. Fill sites.csv, staff.csv and students.csv (`pthv schema` lists the columns).\n"
        "  3. Record trainings (trainings.csv) and log visits (visits.csv).\n"
        "  4. Run `pthv validate` to check everything against the five core practices.\n"
        "  5. {}\n",
        dir,
        git_init ? "It is a git repository now: `git add . && git commit -m \"pthv data repo\"`, then "
                   "`pthv hooks install`."
        : git    ? "It lies in a git work tree already: `git add` it and commit."
                 : "Keep it in git: `git init && git add . && git commit -m \"pthv data repo\"` "
                   "(or `pthv init --git`).");
}

} // namespace pthv::record
