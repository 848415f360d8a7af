#include <doctest/doctest.h>

#include "fixture.hpp"

#include <filesystem>
#include <fstream>
#include <sys/stat.h>

#include <pthv/record/new_repo.hpp>
#include <pthv/util/files.hpp>

namespace fs = std::filesystem;
using pthv::record::NewRepoError;
using pthv::util::NewFile;

namespace {

const std::vector<NewFile> k_repo_files{{"pthv.yaml", "district: Test\n"},
                                        {"sites.csv", "site_id,name\n"},
                                        {".gitignore", "flags.csv\n"}};

void write(const fs::path& path, const std::string& text)
{
    std::ofstream(path) << text;
}

std::string read(const fs::path& path)
{
    return pthv::util::read_file(path);
}

std::string identity(const fs::path& path)
{
    struct stat st {};
    REQUIRE(::lstat(path.c_str(), &st) == 0);
    return std::to_string(st.st_dev) + ' ' + std::to_string(st.st_ino);
}

// What an init killed in the middle of its moves leaves in an existing
// folder: its temporary folder with the manifest and the files not moved
// yet, and the first `moved` entries of the manifest in `dir`.
void leave_killed_init(const fs::path& dir, std::size_t moved)
{
    const fs::path made = dir / ".pthv-new.pthv-Ab12Cd";
    fs::create_directory(made);
    // The order of the moves: by name, pthv.yaml (the first file) last.
    const std::vector<std::string> order{".gitignore", "sites.csv", "pthv.yaml"};
    std::string manifest = "pthv moves 1\n";
    for (const auto& name : order) {
        for (const auto& f : k_repo_files)
            if (f.name == name)
                write(made / name, f.text);
        manifest += identity(made / name) + ' ' + name + '\n';
    }
    write(made / ".pthv-moves", manifest + "end\n");
    for (std::size_t i = 0; i < moved; ++i)
        fs::rename(made / order[i], dir / order[i]);
}


} // namespace

TEST_CASE("create_repo after an init killed in an existing folder takes back what it moved in and makes the repo")
{
    for (std::size_t moved : {1U, 2U}) {
        CAPTURE(moved);
        pthv::test::TempDir tmp;
        leave_killed_init(tmp.path, moved);
        REQUIRE(fs::exists(tmp.path / ".gitignore"));
        pthv::record::create_repo(tmp.path, k_repo_files);
        CHECK(pthv::test::entries(tmp.path) == k_repo_files.size());
        for (const auto& f : k_repo_files)
            CHECK(read(tmp.path / f.name) == f.text);
    }
}

TEST_CASE("create_repo refuses a folder holding a file of the repo, whole or left complete by a killed init")
{
    SUBCASE("a file of the user's")
    {
        pthv::test::TempDir tmp;
        write(tmp.path / "sites.csv", "mine\n");
        CHECK_THROWS_WITH_AS(pthv::record::create_repo(tmp.path, k_repo_files),
                             ((tmp.path / "sites.csv").string() +
                              " already exists; pthv init never overwrites a data repo")
                                 .c_str(),
                             NewRepoError);
        CHECK(read(tmp.path / "sites.csv") == "mine\n");
        CHECK(pthv::test::entries(tmp.path) == 1);
    }
    SUBCASE("every file moved in, the temporary folder not yet removed: the repo is whole and kept")
    {
        pthv::test::TempDir tmp;
        leave_killed_init(tmp.path, 3);
        CHECK_THROWS_AS(pthv::record::create_repo(tmp.path, k_repo_files), NewRepoError);
        CHECK(read(tmp.path / "pthv.yaml") == "district: Test\n");
        CHECK(pthv::test::entries(tmp.path) == k_repo_files.size());
    }
}
