// pthv init: create a data repo that validates clean.

#include <fmt/format.h>
#include <memory>

#include "commands.hpp"

#include <pthv/record/new_repo.hpp>
#include <pthv/util/git.hpp>

namespace pthv::cmd {

namespace fs = std::filesystem;

namespace {

struct InitOptions {
    std::string dir = ".";
    std::string district = "Our School District";
    std::string from; // the previous year's data repo
    bool git = false;
};

int run_init(const InitOptions& o, Session& session)
{
    // -C DIR is where the command runs, as with git: DIR, or DIR/FOLDER.
    const std::string& base = session.global().data_dir;
    const fs::path dir = base.empty() ? fs::path(o.dir) : fs::path(base) / o.dir;
    if (o.git && !util::git_available())
        throw UsageError("--git: git is not installed");
    std::error_code same;
    if (!o.from.empty() && fs::equivalent(o.from, dir, same))
        throw UsageError("--from names the folder being created; give the new year its own folder");
    bool git_init = false;
    try {
        const auto files = o.from.empty() ? record::new_repo_files(o.district, session.as_of())
                                          : record::next_year_files(o.from, session.as_of());
        git_init = record::create_repo_in_git(dir, files, o.git, util::this_binary());
    } catch (const record::NewRepoError& e) {
        throw UsageError(e.what());
    }

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
    sub.add_option("DIR", o->dir, "Folder to create the data repo in (default: here, or the -C folder)");
    sub.add_option("--district", o->district, "The district's name, for pthv.yaml and reports")->type_name("NAME");
    sub.add_option("--from", o->from,
                   "Start the next school year from last year's repo: pthv.yaml a year on (holidays emptied; funding "
                   "periods and dated reports.publish entries moved too), "
                   "sites, staff and trainings carried over, students and visits empty")
        ->type_name("PREV_REPO");
    sub.add_flag("--git", o->git, "Also run `git init` there (unless already in a git work tree); no commit");
    sub.footer("Examples:\n"
               "  pthv init riverbend --district \"Riverbend Unified School District\"\n"
               "  pthv init            # in the current folder\n"
               "  pthv init riverbend --git && cd riverbend && pthv hooks install\n"
               "  pthv init riverbend-2027 --from riverbend   # the next school year\n\n"
               "Refuses to overwrite any file that is already there. The repo is made whole or not at all:\n"
               "an init that fails or is killed leaves nothing to stand in the way of a second try.");
    return [o](Session& s) { return run_init(*o, s); };
}

} // namespace pthv::cmd
