#include <doctest/doctest.h>

#include "fixture.hpp"

#include <pthv/io/repo_files.hpp>
#include <pthv/util/files.hpp>

#include <cstdlib>
#include <filesystem>
#include <unistd.h>

using namespace pthv;
namespace fs = std::filesystem;

namespace {

// A data repo on disk (pthv.yaml, visits.csv, payroll/2026-09.csv), removed afterwards.
struct RepoOnDisk {
    test::TempDir dir;
    fs::path root = fs::canonical(dir.path);
    RepoOnDisk()
    {
        util::atomic_write(root / "pthv.yaml", "district: Test\n");
        util::atomic_write(root / "visits.csv", test::k_visits_header);
        fs::create_directories(root / "payroll");
        util::atomic_write(root / "payroll" / "2026-09.csv", "period\n");
    }
};

} // namespace

TEST_CASE("io::is_repo_file")
{
    CHECK(io::is_repo_file("pthv.yaml"));
    CHECK(io::is_repo_file("visits.csv"));
    CHECK(io::is_repo_file("reviews.csv"));
    CHECK_FALSE(io::is_repo_file("report.html"));
    CHECK_FALSE(io::is_repo_file("payroll"));
}

TEST_CASE("io::repo_file_at")
{
    RepoOnDisk repo;
    SUBCASE("the repo's own files are named relative to its root")
    {
        CHECK(io::repo_file_at(repo.root / "visits.csv", repo.root) == "visits.csv");
        CHECK(io::repo_file_at(repo.root / ".pthv.lock", repo.root) == ".pthv.lock");
        CHECK(io::repo_file_at(repo.root / "payroll" / "2026-10.csv", repo.root) == "payroll/2026-10.csv");
    }
    SUBCASE("other files in or out of the repo are none of its own")
    {
        CHECK(io::repo_file_at(repo.root / "report.html", repo.root).empty());
        CHECK(io::repo_file_at(repo.root / "exports" / "visits.csv", repo.root).empty());
        CHECK(io::repo_file_at(fs::temp_directory_path() / "elsewhere.csv", repo.root).empty());
    }
    SUBCASE("a hard link elsewhere to one of its files is found by its inode")
    {
        const fs::path link = repo.root.parent_path() / (repo.root.filename().string() + "-link.csv");
        REQUIRE(::link((repo.root / "visits.csv").c_str(), link.c_str()) == 0);
        CHECK(io::repo_file_at(link, repo.root) == "visits.csv");
        fs::remove(link);
    }
}

TEST_CASE("io::unreadable")
{
    auto src = test::tiny_repo();
    SUBCASE("a clean repo has nothing unreadable")
    {
        CHECK(io::unreadable(io::load_sources(src, test::as_of())).empty());
    }
    SUBCASE("a missing required column leaves the file half read")
    {
        src["sites.csv"] = "site_id,name,level,coordinator_id,visit_goal\n"
                           "S01,Cedar Grove Elementary,elementary,T01,20\n";
        const auto bad = io::unreadable(io::load_sources(src, test::as_of()));
        REQUIRE(bad.size() == 1);
        CHECK(bad.front().rule == "column-missing");
        CHECK(io::leaves_unread(bad.front()));
    }
}

TEST_CASE("io::holds_repo_files and io::output_file_refusal")
{
    RepoOnDisk repo;
    CHECK(io::holds_repo_files(repo.root));
    test::TempDir empty;
    CHECK_FALSE(io::holds_repo_files(empty.path));
    // The repo's own files, found from root or from the folder holding them.
    CHECK(test::contains(io::output_file_refusal((repo.root / "visits.csv").string(), repo.root),
                         "that is the data repo's visits.csv"));
    CHECK(test::contains(io::output_file_refusal((repo.root / "payroll" / "2026-09.csv").string(), std::nullopt),
                         "payroll/2026-09.csv"));
    CHECK(io::output_file_refusal((repo.root / "report.html").string(), repo.root).empty());
    CHECK(io::output_file_refusal((empty.path / "visits.csv").string(), std::nullopt).empty());
}

TEST_CASE("io::repo_root: -C DIR, else the first folder up holding pthv.yaml")
{
    RepoOnDisk repo;
    fs::create_directories(repo.root / "payroll" / "deeper");
    CHECK(io::repo_root("", repo.root / "payroll" / "deeper").dir == repo.root);
    CHECK(io::repo_root(repo.root.string(), "/").dir == repo.root);
    test::TempDir empty;
    const std::string e = empty.path.string();
    CHECK(io::repo_root(e, repo.root).refused ==
          "-C " + e + ": not a pthv data repo (no pthv.yaml); run `pthv init " + e + "` to make one");
    CHECK(io::repo_root(e + "/none", repo.root).refused == "-C " + e + "/none: no such folder");
    CHECK(io::repo_root("", empty.path).refused ==
          "no pthv.yaml in this folder or any folder above it; run `pthv init`, or pass -C DIR");
}

TEST_CASE("io::named_repo_refusal and io::config_failure: a repo named on the command line")
{
    RepoOnDisk repo;
    CHECK(io::named_repo_refusal(repo.root).empty());
    CHECK(io::named_repo_refusal(repo.root / "none") == "no such folder");
    CHECK(io::named_repo_refusal(repo.root / "payroll") == "not a pthv data repo (no pthv.yaml)");
    const auto good = test::tiny_repo();
    CHECK(io::config_failure(io::load_sources(good, test::as_of())).empty());
    auto broken = test::tiny_repo();
    broken["pthv.yaml"] = "district: [\n";
    CHECK(io::config_failure(io::load_sources(broken, test::as_of())).rfind("pthv.yaml: ", 0) == 0);
}

TEST_CASE("io::sort_flags_load: what leaves check-targeting unread, what of the flags file it goes on without")
{
    const auto problem = [](const char* rule, const char* file, model::Severity severity) {
        return model::Problem{rule, severity, file, 2, "ST01", "x", {}};
    };
    const model::Problems problems = {problem("csv-syntax", "students.csv", model::Severity::Error),
                                      problem("duplicate-key", "flags.csv", model::Severity::Error),
                                      problem("unknown-ref", "flags.csv", model::Severity::Error),
                                      problem("CP2-trained", "visits.csv", model::Severity::Error),
                                      problem("CP5-pair", "visits.csv", model::Severity::Warning),
                                      problem("duplicate-key", "students.csv", model::Severity::Error)};
    const io::FlagsLoad sorted = io::sort_flags_load(problems, "flags.csv");
    REQUIRE(sorted.unreadable.size() == 2);
    CHECK(sorted.unreadable[0].rule == "csv-syntax");
    CHECK(sorted.unreadable[1].file == "flags.csv");
    REQUIRE(sorted.flags.size() == 1);
    CHECK(sorted.flags[0].rule == "unknown-ref");
    CHECK(sorted.other_errors == 2);
    CHECK(io::sort_flags_load(problems, "").unreadable.size() == 1);
}

TEST_CASE("io::remove_interrupted_writes: the temporary files of the repo's own files and of payroll/")
{
    RepoOnDisk repo;
    util::atomic_write(repo.root / ".visits.csv.pthv-abc123", "half");
    util::atomic_write(repo.root / "payroll" / ".2026-10.csv.pthv-abc123", "half");
    util::atomic_write(repo.root / ".notes.txt.pthv-abc123", "not the repo's");
    const auto removed = io::remove_interrupted_writes(repo.root);
    CHECK(removed == std::vector<std::string>{".visits.csv.pthv-abc123", "payroll/.2026-10.csv.pthv-abc123"});
    CHECK_FALSE(fs::exists(repo.root / ".visits.csv.pthv-abc123"));
    CHECK(fs::exists(repo.root / ".notes.txt.pthv-abc123"));
}
