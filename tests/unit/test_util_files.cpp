#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <pthv/util/files.hpp>

using namespace pthv::util;
namespace fs = std::filesystem;

namespace {

// A fresh folder under the system's temporary folder, removed afterwards.
struct TempDir {
    fs::path path;
    TempDir()
    {
        std::string tmpl = (fs::temp_directory_path() / "pthv-test-XXXXXX").string();
        REQUIRE(::mkdtemp(tmpl.data()) != nullptr);
        path = tmpl;
    }
    ~TempDir()
    {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

std::size_t entries(const fs::path& dir)
{
    std::size_t n = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir))
        ++n;
    return n;
}

} // namespace

TEST_CASE("util::atomic_write")
{
    TempDir tmp;
    const fs::path file = tmp.path / "visits.csv";

    SUBCASE("creates a file with the content and leaves no temporary file")
    {
        atomic_write(file, "a,b\n1,2\n");
        CHECK(read_file(file) == "a,b\n1,2\n");
        CHECK(entries(tmp.path) == 1);
    }
    SUBCASE("replaces a file whole and keeps its mode")
    {
        atomic_write(file, "old content that is longer\n");
        ::chmod(file.c_str(), 0600);
        atomic_write(file, "new\n");
        CHECK(read_file(file) == "new\n");
        struct stat st {};
        REQUIRE(::stat(file.c_str(), &st) == 0);
        CHECK((st.st_mode & 0777) == 0600);
        CHECK(entries(tmp.path) == 1);
    }
    SUBCASE("fails with the path when the folder does not exist")
    {
        CHECK_THROWS_AS(atomic_write(tmp.path / "no" / "such.csv", "x"), FileError);
    }
}

TEST_CASE("util::read_file and file_exists")
{
    TempDir tmp;
    CHECK_FALSE(file_exists(tmp.path / "missing"));
    CHECK_THROWS_AS(read_file(tmp.path / "missing"), FileError);
    atomic_write(tmp.path / "bytes", std::string("a\0b", 3));
    CHECK(file_exists(tmp.path / "bytes"));
    CHECK(read_file(tmp.path / "bytes") == std::string("a\0b", 3));
}

TEST_CASE("util::append_text")
{
    TempDir tmp;
    const fs::path file = tmp.path / "visits.csv";

    SUBCASE("creates a missing file")
    {
        append_text(file, "a\n", "\n");
        CHECK(read_file(file) == "a\n");
    }
    SUBCASE("appends after a final newline as is")
    {
        atomic_write(file, "h\n1\n");
        append_text(file, "2\n", "\n");
        CHECK(read_file(file) == "h\n1\n2\n");
    }
    SUBCASE("adds a missing final newline first, in the file's style")
    {
        atomic_write(file, "h\r\n1");
        append_text(file, "2\r\n", "\r\n");
        CHECK(read_file(file) == "h\r\n1\r\n2\r\n");
    }
    SUBCASE("an empty file gets no leading newline")
    {
        atomic_write(file, "");
        append_text(file, "h\n", "\n");
        CHECK(read_file(file) == "h\n");
    }
}

TEST_CASE("util::RepoLock")
{
    TempDir tmp;

    SUBCASE("a lock can be taken again once released")
    {
        { RepoLock first(tmp.path, 1.0); }
        RepoLock again(tmp.path, 1.0);
        CHECK(file_exists(tmp.path / ".pthv.lock"));
    }
    SUBCASE("a second holder times out with a clear message while the first holds it")
    {
        RepoLock held(tmp.path, 1.0);
        // flock locks belong to the open file description: a second open in
        // this process conflicts just as another pthv would.
        try {
            RepoLock second(tmp.path, 0.1);
            FAIL("the second lock was granted while the first was held");
        } catch (const FileError& e) {
            CHECK(std::string(e.what()).find("another pthv is writing") != std::string::npos);
        }
    }
    SUBCASE("another process holding the lock keeps us out")
    {
        int ready[2];
        REQUIRE(::pipe(ready) == 0);
        int release[2];
        REQUIRE(::pipe(release) == 0);
        const pid_t child = ::fork();
        REQUIRE(child >= 0);
        if (child == 0) {
            {
                RepoLock held(tmp.path, 1.0);
                char c = 'x';
                (void)!::write(ready[1], &c, 1);
                (void)!::read(release[0], &c, 1);
            }
            std::_Exit(0);
        }
        char c = 0;
        REQUIRE(::read(ready[0], &c, 1) == 1);
        CHECK_THROWS_AS(RepoLock(tmp.path, 0.1), FileError);
        (void)!::write(release[1], &c, 1);
        int status = 0;
        ::waitpid(child, &status, 0);
        CHECK(WIFEXITED(status));
        RepoLock after(tmp.path, 1.0); // released when the child let go
        for (const int fd : {ready[0], ready[1], release[0], release[1]})
            ::close(fd);
    }
}
