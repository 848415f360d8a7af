#pragma once
// The files `pthv init` writes (docs/guide.md, starting out; docs/data.md, a
// new school year) and putting them in place whole: a data repo is made
// complete or not at all (util::put_new_files), so a killed or failed init
// leaves nothing to refuse a second try.

#include <filesystem>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include <pthv/model/date.hpp>
#include <pthv/util/new_files.hpp>

namespace pthv::record {

// A reason the repo cannot be made, said for a person; nothing was written.
struct NewRepoError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// A new, empty data repo for `district`, in the school year that holds
// `today` (it turns on July 1): pthv.yaml with commented defaults, each data
// file with its header, .gitattributes and .gitignore. pthv.yaml comes
// first: it goes into place last, and makes the folder a data repo.
std::vector<util::NewFile> new_repo_files(const std::string& district, const model::Date& today);

// The next school year's repo from the previous year's at `prev`: pthv.yaml
// a year on, the roster, training history and sessions carried over,
// students and visits empty with the same columns. Throws NewRepoError when
// `prev` holds no pthv.yaml or it cannot be moved on a year.
std::vector<util::NewFile> next_year_files(const std::filesystem::path& prev, const model::Date& today);

// Makes `dir` a data repo holding `files`, whole or not at all. Throws
// NewRepoError, having written nothing, when one of the files is already
// there (pthv init never overwrites); util::FileError when the system
// refuses. `prepare` runs on the finished repo in its temporary folder
// (git init); `prepared` names what it adds there.
void create_repo(const std::filesystem::path& dir, const std::vector<util::NewFile>& files,
                 const std::vector<std::string>& prepared = {},
                 const std::function<void(const std::filesystem::path&)>& prepare = {});

// create_repo, and with `git` the new repo a git repository, made in its
// temporary folder (git init and pthv's merge driver, `binary` running it,
// so the logs merge by key from the first merge on; no commit) unless a git
// work tree holds the folder already (a data repo may live inside a larger
// repository). Returns whether git init ran; NewRepoError, nothing written,
// when git init or the driver fails.
bool create_repo_in_git(const std::filesystem::path& dir, const std::vector<util::NewFile>& files, bool git,
                        const std::string& binary);

// Why `pthv init` cannot make a repo in `dir` (starting the year `from`
// the previous one's, "" for a new repo; with `git`): git asked for and not
// installed, or --from naming the folder being created. "" when it can.
std::string init_refusal(const std::filesystem::path& dir, const std::string& from, bool git);

// What `pthv init` says once it made the repo in `dir`: the next steps,
// for a new repo (where `git` asked for git and `git_init` says whether git
// init ran) or for a school year started `from` the previous one.
std::string next_steps(const std::string& dir, const std::string& from, bool git, bool git_init);

} // namespace pthv::record
