// The rollback journal of an append (journal.hpp) and roll_back (files.hpp).

#include <pthv/util/journal.hpp>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <pthv/util/files.hpp>
#include <pthv/util/strings.hpp>

namespace pthv::util {

namespace fs = std::filesystem;

namespace detail {

void fail(const std::string& what, const fs::path& path)
{
    throw FileError(what + " " + path.string() + ": " + std::strerror(errno));
}

void write_all(int fd, std::string_view data, const fs::path& path)
{
    const char* p = data.data();
    std::size_t left = data.size();
    while (left > 0) {
        const ssize_t n = ::write(fd, p, left);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            fail("cannot write", path);
        }
        p += n;
        left -= static_cast<std::size_t>(n);
    }
}

void sync_dir(const fs::path& dir)
{
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

fs::path folder_of(const fs::path& path)
{
    return path.has_parent_path() ? path.parent_path() : fs::path(".");
}

namespace {

constexpr std::string_view k_first_line = "pthv rollback journal 1\n";

bool parse_number(std::string_view text, std::uint64_t& out)
{
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc{} && end == text.data() + text.size() && !text.empty();
}

constexpr std::string_view k_commit = "commit ";

// "<before> <after> <dev> <ino> <name>", or "commit <dev> <ino> <name>"
std::optional<JournalEntry> parse_entry(std::string_view line)
{
    JournalEntry e;
    e.commit = line.substr(0, k_commit.size()) == k_commit;
    if (e.commit)
        line.remove_prefix(k_commit.size());
    std::vector<std::uint64_t*> numbers{&e.dev, &e.ino};
    if (!e.commit)
        numbers = {&e.before, &e.after, &e.dev, &e.ino};
    for (std::uint64_t* n : numbers) {
        const auto space = line.find(' ');
        if (space == std::string_view::npos || !parse_number(line.substr(0, space), *n))
            return std::nullopt;
        line.remove_prefix(space + 1);
    }
    // A bare file name of the journal's own folder, nothing that leads out.
    if (line.empty() || line == "." || line == ".." || line.find('/') != std::string_view::npos ||
        e.after < e.before)
        return std::nullopt;
    e.name = std::string(line);
    return e;
}

} // namespace

std::string journal_text(const std::vector<JournalEntry>& entries)
{
    std::string out(k_first_line);
    for (const auto& e : entries)
        out += (e.commit ? std::string(k_commit) : std::to_string(e.before) + ' ' + std::to_string(e.after) + ' ') +
               std::to_string(e.dev) + ' ' + std::to_string(e.ino) + ' ' + e.name + '\n';
    return out + "end\n";
}

std::optional<std::vector<JournalEntry>> parse_journal(std::string_view text)
{
    if (text.substr(0, k_first_line.size()) != k_first_line)
        return std::nullopt;
    text.remove_prefix(k_first_line.size());
    std::vector<JournalEntry> out;
    while (!text.empty()) {
        const auto nl = text.find('\n');
        if (nl == std::string_view::npos)
            return std::nullopt; // cut short inside a line
        const std::string_view line = text.substr(0, nl);
        text.remove_prefix(nl + 1);
        if (line == "end")
            return text.empty() ? std::optional(out) : std::nullopt;
        auto e = parse_entry(line);
        if (!e)
            return std::nullopt;
        out.push_back(std::move(*e));
    }
    return std::nullopt; // no `end`: the journal was being written
}

void begin_journal(const fs::path& dir, const std::vector<JournalEntry>& entries)
{
    const fs::path path = dir / k_journal_name;
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd < 0) {
        if (errno == EEXIST)
            throw FileError(path.string() + ": an earlier write was interrupted and is not rolled back yet; "
                                            "nothing was written, try again");
        fail("cannot create the journal", path);
    }
    try {
        write_all(fd, journal_text(entries), path);
        if (::fsync(fd) != 0)
            fail("cannot flush", path);
    } catch (...) {
        ::close(fd);
        ::unlink(path.c_str());
        throw;
    }
    ::close(fd);
    // The journal must be findable after a power loss before the append
    // may begin.
    sync_dir(dir);
}

void end_journal(const fs::path& dir)
{
    const fs::path path = dir / k_journal_name;
    if (::unlink(path.c_str()) != 0 && errno != ENOENT)
        fail("cannot remove the journal", path);
    // Once the command says it wrote, the removal must not come undone.
    sync_dir(dir);
}

} // namespace detail

std::vector<Rollback> roll_back(const fs::path& dir)
{
    using namespace detail;
    const fs::path journal = dir / k_journal_name;
    struct stat js {};
    if (::lstat(journal.c_str(), &js) != 0)
        return {};
    const auto entries = parse_journal(read_file(journal));
    // A change of two files whose replace was made is complete: its append stays.
    bool complete = false;
    for (const auto& e : entries.value_or(std::vector<JournalEntry>{})) {
        struct stat st {};
        if (e.commit && ::lstat((dir / e.name).c_str(), &st) == 0 &&
            (static_cast<std::uint64_t>(st.st_dev) != e.dev || static_cast<std::uint64_t>(st.st_ino) != e.ino))
            complete = true;
    }
    std::vector<Rollback> out;
    for (const auto& e : entries.value_or(std::vector<JournalEntry>{})) {
        if (e.commit || complete)
            continue;
        const fs::path file = dir / e.name;
        Rollback r;
        r.file = e.name;
        struct stat st {};
        if (::lstat(file.c_str(), &st) != 0) {
            r.message = e.name + ": an interrupted write was found, but the file is gone; nothing to roll back";
        } else if (!S_ISREG(st.st_mode) || static_cast<std::uint64_t>(st.st_dev) != e.dev ||
                   static_cast<std::uint64_t>(st.st_ino) != e.ino ||
                   static_cast<std::uint64_t>(st.st_size) < e.before ||
                   static_cast<std::uint64_t>(st.st_size) > e.after) {
            // Replaced or edited since: cutting it back could lose what
            // someone wrote after the interrupted write.
            r.message = e.name + ": an interrupted write was found, but the file has changed since; "
                                 "it is left as it is (check its last rows)";
        } else {
            r.bytes = static_cast<std::uint64_t>(st.st_size) - e.before;
            if (r.bytes > 0) {
                const int fd = ::open(file.c_str(), O_WRONLY | O_NOFOLLOW | O_CLOEXEC);
                if (fd < 0 || ::ftruncate(fd, static_cast<off_t>(e.before)) != 0 || ::fsync(fd) != 0) {
                    const int saved = errno;
                    if (fd >= 0)
                        ::close(fd);
                    throw FileError(file.string() + ": an interrupted write left " +
                                    plural(static_cast<long long>(r.bytes), "byte", "bytes") + " at its end that cannot be rolled back (" + std::strerror(saved) +
                                    "); nothing was read. Run pthv once where the data repo can be written, "
                                    "and it repairs the file");
                }
                ::close(fd);
            }
            r.message = e.name + ": an interrupted write was rolled back (" +
                        plural(static_cast<long long>(r.bytes), "byte", "bytes") + ")";
        }
        out.push_back(std::move(r));
    }
    // Every file it names is whole again (or was left for a person), so the
    // journal has done its work. In a folder that cannot be written it stays,
    // and the next writer repeats what is needed.
    if (::unlink(journal.c_str()) == 0)
        sync_dir(dir);
    return out;
}

} // namespace pthv::util
