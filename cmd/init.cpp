// pthv init: create a data repo that validates clean.

#include <memory>

#include "commands.hpp"

#include <pthv/record/help.hpp>
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
    refuse_if(record::init_refusal(dir, o.from, o.git));
    const auto files = o.from.empty() ? record::new_repo_files(o.district, session.as_of())
                                      : record::next_year_files(o.from, session.as_of());
    const bool git_init = record::create_repo_in_git(dir, files, o.git, util::this_binary());
    if (!session.global().quiet)
        session.out() = record::next_steps(dir.string(), o.from, o.git, git_init);
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
    sub.footer(record::help_footer("init"));
    return [o](Session& s) { return run_init(*o, s); };
}

} // namespace pthv::cmd
