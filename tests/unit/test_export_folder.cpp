#include <doctest/doctest.h>

#include "fixture.hpp"

#include <cstdlib>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <set>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <pthv/export/folder.hpp>
#include <pthv/util/files.hpp>

using namespace pthv::exporting;
namespace fs = std::filesystem;

namespace {

using Parent = pthv::test::TempDir;

std::set<std::string> names(const fs::path& dir)
{
    std::set<std::string> out;
    for (const auto& e : fs::directory_iterator(dir))
        out.insert(e.path().filename().string());
    return out;
}

const std::vector<ExportFile> k_first = {{"students.csv", "student_id\naa\n"},
                                         {"trainings.csv", "staff_id\naa\n"},
                                         {"README.md", "first\n"}};
const std::vector<ExportFile> k_second = {{"students.csv", "student_id\nbb\n"}, {"README.md", "second\n"}};

} // namespace

TEST_CASE("write_folder makes a private folder holding exactly the export")
{
    Parent p;
    const fs::path dir = p.path / "evaluation" / "2025-26";
    write_folder(dir, k_first, 1);
    CHECK(names(dir) == std::set<std::string>{"README.md", "students.csv", "trainings.csv"});
    CHECK(pthv::util::read_file(dir / "students.csv") == "student_id\naa\n");
    struct stat st {};
    REQUIRE(::stat(dir.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0700);
    CHECK(names(dir.parent_path()) == std::set<std::string>{"2025-26"}); // nothing left beside it
}

TEST_CASE("write_folder replaces an earlier export whole, so no file of it stays")
{
    Parent p;
    const fs::path dir = p.path / "out";
    write_folder(dir, k_first, 1);
    ::chmod(dir.c_str(), 0750);
    write_folder(dir, k_second, 1);
    CHECK(names(dir) == std::set<std::string>{"README.md", "students.csv"});
    CHECK(pthv::util::read_file(dir / "README.md") == "second\n");
    struct stat st {};
    REQUIRE(::stat(dir.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0750);
    CHECK(names(p.path) == std::set<std::string>{"out"});
}

TEST_CASE("write_folder refuses a folder holding what an export does not write, and changes nothing")
{
    Parent p;
    const fs::path dir = p.path / "out";
    fs::create_directories(dir);
    std::ofstream(dir / "notes.txt") << "mine\n";
    CHECK_THROWS_WITH_AS(write_folder(dir, k_first, 1),
                         doctest::Contains("holds notes.txt, which an export does not write"), FolderError);
    CHECK(names(dir) == std::set<std::string>{"notes.txt"});
    CHECK(names(p.path) == std::set<std::string>{"out"});
}

TEST_CASE("write_folder that fails midway leaves the folder as it was and nothing beside it")
{
    Parent p;
    const fs::path dir = p.path / "out";
    write_folder(dir, k_first, 1);
    const std::vector<ExportFile> broken = {{"students.csv", "student_id\nbb\n"}, {"no/such/README.md", "x"}};
    CHECK_THROWS_AS(write_folder(dir, broken, 1), FolderError);
    CHECK(names(dir) == std::set<std::string>{"README.md", "students.csv", "trainings.csv"});
    CHECK(pthv::util::read_file(dir / "students.csv") == "student_id\naa\n");
    CHECK(names(p.path) == std::set<std::string>{"out"});
}

TEST_CASE("write_folder removes what a killed export left beside the folder")
{
    Parent p;
    const fs::path stale = p.path / ".out.pthv-Ab12Cd";
    fs::create_directories(stale);
    std::ofstream(stale / "visits.csv") << "half";
    write_folder(p.path / "out", k_second, 1);
    CHECK(names(p.path) == std::set<std::string>{"out"});
}

TEST_CASE("write_folder waits for another export into the same place, then gives up saying so")
{
    Parent p;
    const int fd = ::open(p.path.c_str(), O_RDONLY | O_DIRECTORY);
    REQUIRE(fd >= 0);
    REQUIRE(::flock(fd, LOCK_EX) == 0);
    CHECK_THROWS_WITH_AS(write_folder(p.path / "out", k_first, 0.2),
                         doctest::Contains("another pthv export is writing beside it"), FolderError);
    CHECK(names(p.path).empty());
    ::close(fd);
    write_folder(p.path / "out", k_first, 0.2);
    CHECK(fs::exists(p.path / "out" / "README.md"));
}
