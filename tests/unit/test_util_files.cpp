#include <doctest/doctest.h>

#include "fixture.hpp"

#include <csignal>
#include <cstdlib>
#include <fcntl.h>
#include <filesystem>
#include <sys/file.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <pthv/util/files.hpp>
#include <pthv/util/mapped.hpp>

using namespace pthv::util;
namespace fs = std::filesystem;

namespace {

using TempDir = pthv::test::TempDir;
using pthv::test::entries;

// Whether a fresh open of `lock` (another open file description, as in
// another process) could take flock `op` now; it lets go at once.
bool flock_free(const fs::path& lock, int op)
{
    const int fd = ::open(lock.c_str(), O_RDONLY | O_CLOEXEC);
    REQUIRE(fd >= 0);
    const bool free = ::flock(fd, op | LOCK_NB) == 0;
    ::close(fd);
    return free;
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

TEST_CASE("util::FileText reads a file as read_file does, mapping a large one")
{
    TempDir tmp;
    std::string big;
    for (int i = 0; big.size() < (std::size_t{3} << 20); ++i)
        big += "V" + std::to_string(i) + ",ST" + std::to_string(i * 7) + ",2025-10-12,17:00\n";
    atomic_write(tmp.path / "big.csv", big);
    atomic_write(tmp.path / "small.csv", "a,b\n1,2\n");
    atomic_write(tmp.path / "empty.csv", "");

    FileText text = FileText::open(tmp.path / "big.csv");
    CHECK(text.text() == big);
    CHECK(FileText::open(tmp.path / "small.csv").text() == "a,b\n1,2\n");
    CHECK(FileText::open(tmp.path / "empty.csv").text().empty());
    CHECK_THROWS_AS(FileText::open(tmp.path / "missing"), FileError);

    // Pages given back are read again from the page cache: the text stays whole.
    text.drop_before(std::size_t{2} << 20);
    CHECK(text.text() == big);
    text.drop_before(big.size() + 100);
    CHECK(text.text() == big);

    // A tail after the mapped text, without touching the file or text().
    const auto extended = text.with_tail("V-new,ST-new,2026-05-14,17:00\n");
    REQUIRE(extended);
    CHECK(*extended == big + "V-new,ST-new,2026-05-14,17:00\n");
    CHECK(text.text() == big);
    CHECK(read_file(tmp.path / "big.csv") == big);
    CHECK_FALSE(FileText::open(tmp.path / "small.csv").with_tail("x")); // not mapped: the caller copies

    FileText moved = std::move(text);
    CHECK(moved.text() == big);
    moved.release();
    CHECK(moved.text().empty());
}

TEST_CASE("util::drop_mapped_before: a view of a mapped file gives back pages read; the text and a tail stay whole")
{
    TempDir tmp;
    std::string big;
    for (int i = 0; big.size() < (std::size_t{3} << 20) + 123; ++i)
        big += "V" + std::to_string(i) + ",ST" + std::to_string(i * 7) + ",2025-10-12,17:00\n";
    atomic_write(tmp.path / "big.csv", big);
    const FileText text = FileText::open(tmp.path / "big.csv");
    const std::string tail = "V-new,ST-new,2026-05-14,17:00\n";
    const auto extended = text.with_tail(tail);
    REQUIRE(extended);
    // A view of the file, of part of it, and of the file with its tail.
    drop_mapped_before(text.text(), std::size_t{2} << 20);
    drop_mapped_before(text.text().substr(1000), big.size());
    drop_mapped_before(*extended, extended->size()); // never the page the tail begins on
    CHECK(text.text() == big);
    CHECK(*extended == big + tail);
    // Not a mapped file: nothing happens to it.
    const std::string copy = big;
    drop_mapped_before(copy, copy.size());
    CHECK(copy == big);
}

TEST_CASE("util::FileText: a mapped file cut short while read stops the process with exit 2 and a message")
{
    TempDir tmp;
    const fs::path file = tmp.path / "visits.csv";
    atomic_write(file, std::string(std::size_t{4} << 20, 'x'));
    int err[2];
    REQUIRE(::pipe(err) == 0);
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        ::dup2(err[1], 2);
        const FileText text = FileText::open(file);
        if (::truncate(file.c_str(), 0) != 0) // another program empties the file
            std::_Exit(3);
        volatile char last = text.text().back(); // a page past the new end
        (void)last;
        std::_Exit(0); // not reached: SIGBUS
    }
    ::close(err[1]);
    std::string message;
    char buf[512];
    for (ssize_t n; (n = ::read(err[0], buf, sizeof buf)) > 0;)
        message.append(buf, static_cast<std::size_t>(n));
    ::close(err[0]);
    int status = 0;
    ::waitpid(child, &status, 0);
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 2);
    CHECK(message.find("cut short by another program") != std::string::npos);
    CHECK(message.find("nothing was written") != std::string::npos);
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
    SUBCASE("a second lock in the same process nests instead of waiting for itself")
    {
        RepoLock held(tmp.path, 1.0);
        {
            RepoLock nested(tmp.path, 0.1);
            RepoLock shared(tmp.path, 0.1, LockMode::Shared);
            CHECK(nested.held());
        }
        // Still held after the nested ones are gone: another open file
        // description (as another process would have) cannot take it.
        CHECK_FALSE(flock_free(tmp.path / ".pthv.lock", LOCK_SH));
    }
    SUBCASE("an exclusive lock inside a shared one is a programming error")
    {
        { RepoLock writer(tmp.path, 1.0); } // a writer made the lock file
        RepoLock shared(tmp.path, 1.0, LockMode::Shared);
        CHECK_THROWS_AS(RepoLock(tmp.path, 0.1), std::logic_error);
    }
    SUBCASE("a reader leaves no lock file where no writer made one")
    {
        RepoLock reader(tmp.path, 1.0, LockMode::Shared);
        CHECK_FALSE(reader.held());
        CHECK(entries(tmp.path) == 0);
    }
    SUBCASE("readers share the lock and keep a writer out")
    {
        { RepoLock writer(tmp.path, 1.0); }
        RepoLock reader(tmp.path, 1.0, LockMode::Shared);
        CHECK(reader.held());
        CHECK(flock_free(tmp.path / ".pthv.lock", LOCK_SH));
        CHECK_FALSE(flock_free(tmp.path / ".pthv.lock", LOCK_EX));
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

namespace {

// Runs `body` in a child process with a file size limit of `limit` bytes
// (a full disk, as far as write(2) is concerned); returns its wait status.
// With `ignore_signal`, a write past the limit fails with EFBIG; without, the
// kernel's SIGXFSZ kills the child in the middle of the write.
template <class Body>
int with_size_limit(rlim_t limit, bool ignore_signal, Body body)
{
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        const rlimit rl{limit, limit};
        ::setrlimit(RLIMIT_FSIZE, &rl);
        std::signal(SIGXFSZ, ignore_signal ? SIG_IGN : SIG_DFL);
        std::_Exit(body());
    }
    int status = 0;
    ::waitpid(child, &status, 0);
    return status;
}

std::size_t size_of(const fs::path& path)
{
    return static_cast<std::size_t>(fs::file_size(path));
}

} // namespace

TEST_CASE("util::atomic_write and append_text never write through a link or over a non-file")
{
    TempDir tmp;
    const fs::path outside = tmp.path / "outside.csv";
    const fs::path link = tmp.path / "visits.csv";
    atomic_write(outside, "h\n1\n");
    fs::create_symlink(outside, link);

    SUBCASE("a replace refuses a link and names it")
    {
        try {
            atomic_write(link, "new\n");
            FAIL("a link was replaced");
        } catch (const FileError& e) {
            CHECK(std::string(e.what()).find("visits.csv is a symbolic link") != std::string::npos);
        }
        CHECK(fs::is_symlink(link));
        CHECK(read_file(outside) == "h\n1\n");
        CHECK(entries(tmp.path) == 2); // no temporary file
    }
    SUBCASE("an append refuses a link")
    {
        CHECK_THROWS_AS(append_text(link, "2\n", "\n"), FileError);
        CHECK(read_file(outside) == "h\n1\n");
        CHECK_FALSE(file_exists(tmp.path / k_journal_name));
    }
    SUBCASE("a dangling link is refused too, and nothing is created where it points")
    {
        const fs::path dangling = tmp.path / "ledger.csv";
        fs::create_symlink(tmp.path / "nowhere.csv", dangling);
        CHECK_THROWS_AS(atomic_write(dangling, "x\n"), FileError);
        CHECK_FALSE(file_exists(tmp.path / "nowhere.csv"));
    }
    SUBCASE("a replace refuses a FIFO instead of turning it into a file")
    {
        const fs::path fifo = tmp.path / "fifo";
        REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
        CHECK_THROWS_AS(atomic_write(fifo, "x\n"), FileError);
        CHECK(fs::is_fifo(fifo));
    }
}

TEST_CASE("util::write_into writes a FIFO as it is")
{
    TempDir tmp;
    const fs::path fifo = tmp.path / "fifo";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    const pid_t reader = ::fork();
    REQUIRE(reader >= 0);
    if (reader == 0) {
        // Copies what comes through the FIFO into a file.
        std::string got = read_file(fifo);
        atomic_write(tmp.path / "got", got);
        std::_Exit(0);
    }
    write_into(fifo, "report\n");
    int status = 0;
    ::waitpid(reader, &status, 0);
    CHECK(fs::is_fifo(fifo));
    CHECK(read_file(tmp.path / "got") == "report\n");
    CHECK_THROWS_AS(write_into(tmp.path / "missing", "x"), FileError); // never creates
    CHECK_FALSE(file_exists(tmp.path / "missing"));
}

TEST_CASE("util::append_text is journaled")
{
    TempDir tmp;
    const fs::path file = tmp.path / "visits.csv";
    const std::string before = "h\n" + std::string(1000, 'a') + "\n"; // 1,003 bytes
    atomic_write(file, before);
    const std::string rows = "row one,with cells\nrow two,with cells\n";

    SUBCASE("a write that completes leaves no journal")
    {
        append_text(file, rows, "\n");
        CHECK(read_file(file) == before + rows);
        CHECK_FALSE(file_exists(tmp.path / k_journal_name));
    }
    SUBCASE("a write that fails (a full disk) is cut back before the error: the file is byte-identical")
    {
        const int status = with_size_limit(1024, true, [&] {
            try {
                append_text(file, rows, "\n");
                return 1;
            } catch (const FileError&) {
                return 0;
            }
        });
        CHECK(WIFEXITED(status));
        CHECK(WEXITSTATUS(status) == 0);
        CHECK(read_file(file) == before);
        CHECK_FALSE(file_exists(tmp.path / k_journal_name));
    }
    SUBCASE("a write killed half-way is rolled back by the next lock, which says so")
    {
        const int status = with_size_limit(1024, false, [&] {
            append_text(file, rows, "\n");
            return 0;
        });
        REQUIRE(WIFSIGNALED(status));
        CHECK(WTERMSIG(status) == SIGXFSZ);
        CHECK(size_of(file) == 1024); // a torn row
        CHECK(file_exists(tmp.path / k_journal_name));

        RepoLock lock(tmp.path, 1.0);
        REQUIRE(lock.rolled_back().size() == 1);
        CHECK(lock.rolled_back()[0].file == "visits.csv");
        CHECK(lock.rolled_back()[0].bytes == 21);
        CHECK(lock.rolled_back()[0].message == "visits.csv: an interrupted write was rolled back (21 bytes)");
        CHECK(read_file(file) == before);
        CHECK_FALSE(file_exists(tmp.path / k_journal_name));
        append_text(file, rows, "\n"); // and the next append goes on from there
        CHECK(read_file(file) == before + rows);
    }
    SUBCASE("a shared lock (a reader) rolls back too")
    {
        with_size_limit(1024, false, [&] {
            append_text(file, rows, "\n");
            return 0;
        });
        RepoLock reader(tmp.path, 1.0, LockMode::Shared);
        CHECK(reader.rolled_back().size() == 1);
        CHECK(read_file(file) == before);
    }
}

TEST_CASE("util::roll_back")
{
    TempDir tmp;
    const fs::path file = tmp.path / "visits.csv";
    const fs::path journal = tmp.path / k_journal_name;
    atomic_write(file, "h\n1\n");
    struct stat st {};
    REQUIRE(::stat(file.c_str(), &st) == 0);
    const auto entry = [&](std::uint64_t before, std::uint64_t after) {
        return "pthv rollback journal 1\n" + std::to_string(before) + " " + std::to_string(after) + " " +
               std::to_string(st.st_dev) + " " + std::to_string(st.st_ino) + " visits.csv\n";
    };

    SUBCASE("no journal, nothing to do")
    {
        CHECK(roll_back(tmp.path).empty());
    }
    SUBCASE("a journal cut short was written before the append began: removed, the file untouched")
    {
        atomic_write(journal, entry(2, 4)); // no "end" line
        CHECK(roll_back(tmp.path).empty());
        CHECK(read_file(file) == "h\n1\n");
        CHECK_FALSE(file_exists(journal));
    }
    SUBCASE("a torn tail within the journal's range is cut back")
    {
        atomic_write(journal, entry(2, 6) + "end\n");
        const auto done = roll_back(tmp.path);
        REQUIRE(done.size() == 1);
        CHECK(done[0].bytes == 2);
        CHECK(done[0].message == "visits.csv: an interrupted write was rolled back (2 bytes)");
        CHECK(read_file(file) == "h\n");
        CHECK_FALSE(file_exists(journal));
    }
    SUBCASE("a file grown past the write's end was changed since: left as it is")
    {
        atomic_write(journal, entry(1, 3) + "end\n");
        const auto done = roll_back(tmp.path);
        REQUIRE(done.size() == 1);
        CHECK(done[0].bytes == 0);
        CHECK(done[0].message.find("has changed since; it is left as it is") != std::string::npos);
        CHECK(read_file(file) == "h\n1\n");
        CHECK_FALSE(file_exists(journal));
    }
    SUBCASE("a file replaced since (another inode) is left as it is")
    {
        atomic_write(journal, entry(2, 6) + "end\n");
        atomic_write(file, "h\n1\n"); // a new inode, as git checkout makes
        const auto done = roll_back(tmp.path);
        REQUIRE(done.size() == 1);
        CHECK(done[0].bytes == 0);
        CHECK(read_file(file) == "h\n1\n");
    }
    SUBCASE("a journal naming a path outside its folder is not followed")
    {
        atomic_write(journal, "pthv rollback journal 1\n0 4 1 1 ../visits.csv\nend\n");
        CHECK(roll_back(tmp.path).empty());
        CHECK(read_file(file) == "h\n1\n");
    }
}

TEST_CASE("util::remove_temp_files")
{
    TempDir tmp;
    CHECK(is_temp_file(".visits.csv.pthv-AbC123", "visits.csv"));
    CHECK_FALSE(is_temp_file(".visits.csv.backup", "visits.csv"));
    CHECK_FALSE(is_temp_file(".visits.csv.pthv-AbC12", "visits.csv"));
    CHECK_FALSE(is_temp_file(".visits.csv.pthv-AbC12-", "visits.csv"));

    SUBCASE("atomic_write's own temporary file has the pattern")
    {
        // A replace killed before its rename leaves exactly such a file:
        // make one the way atomic_write does and find it by the pattern.
        std::string tmpl = (tmp.path / (std::string(".visits.csv") + k_temp_infix + "XXXXXX")).string();
        const int fd = ::mkstemp(tmpl.data());
        REQUIRE(fd >= 0);
        ::close(fd);
        CHECK(is_temp_file(fs::path(tmpl).filename().string(), "visits.csv"));
    }
    SUBCASE("only the temporary files of owned targets go")
    {
        for (const char* name : {".visits.csv.pthv-AbC123", ".notes.txt.pthv-AbC123", ".visits.csv.backup", "visits.csv"})
            atomic_write(tmp.path / name, "x");
        const auto removed =
            remove_temp_files(tmp.path, [](std::string_view target) { return target == "visits.csv"; });
        CHECK(removed == std::vector<std::string>{".visits.csv.pthv-AbC123"});
        CHECK_FALSE(file_exists(tmp.path / ".visits.csv.pthv-AbC123"));
        CHECK(file_exists(tmp.path / ".notes.txt.pthv-AbC123"));
        CHECK(file_exists(tmp.path / ".visits.csv.backup"));
        CHECK(file_exists(tmp.path / "visits.csv"));
    }
    SUBCASE("a missing folder is nothing to remove")
    {
        CHECK(remove_temp_files(tmp.path / "payroll", [](std::string_view) { return true; }).empty());
    }
}
