#include <pthv/util/files.hpp>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

namespace pthv::util {

namespace {

[[noreturn]] void fail(const std::string& what, const std::filesystem::path& path)
{
    throw FileError(what + " " + path.string() + ": " + std::strerror(errno));
}

void write_all(int fd, std::string_view data, const std::filesystem::path& path)
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

} // namespace

bool file_exists(const std::filesystem::path& path)
{
    std::error_code ec;
    return std::filesystem::exists(path, ec);
}

std::string read_file(const std::filesystem::path& path)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        fail("cannot open", path);
    std::string out;
    struct stat st {};
    if (::fstat(fd, &st) == 0 && st.st_size > 0)
        out.reserve(static_cast<std::size_t>(st.st_size));
    char buf[1 << 16];
    while (true) {
        const ssize_t n = ::read(fd, buf, sizeof buf);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            const int saved = errno;
            ::close(fd);
            errno = saved;
            fail("cannot read", path);
        }
        if (n == 0)
            break;
        out.append(buf, static_cast<std::size_t>(n));
    }
    ::close(fd);
    return out;
}

void atomic_write(const std::filesystem::path& path, std::string_view content)
{
    const auto dir = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
    std::string tmpl = (dir / ("." + path.filename().string() + ".XXXXXX")).string();
    const int fd = ::mkstemp(tmpl.data());
    if (fd < 0)
        fail("cannot create a temporary file beside", path);
    try {
        write_all(fd, content, tmpl);
        // Keep the mode of the file being replaced; new files get 0644.
        struct stat st {};
        const mode_t mode = ::stat(path.c_str(), &st) == 0 ? (st.st_mode & 07777) : 0644;
        ::fchmod(fd, mode);
        if (::fsync(fd) != 0)
            fail("cannot flush", tmpl);
    } catch (...) {
        ::close(fd);
        ::unlink(tmpl.c_str());
        throw;
    }
    ::close(fd);
    if (::rename(tmpl.c_str(), path.c_str()) != 0) {
        const int saved = errno;
        ::unlink(tmpl.c_str());
        errno = saved;
        fail("cannot replace", path);
    }
    // The rename is durable only once the folder itself is flushed.
    const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
}

void append_text(const std::filesystem::path& path, std::string_view text, std::string_view newline)
{
    const int fd = ::open(path.c_str(), O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0)
        fail("cannot open", path);
    std::string data;
    struct stat st {};
    if (::fstat(fd, &st) == 0 && st.st_size > 0) {
        char last = '\n';
        if (::pread(fd, &last, 1, st.st_size - 1) == 1 && last != '\n')
            data.append(newline);
    }
    data.append(text);
    try {
        // One write(2) with O_APPEND: a reader never sees half a row from
        // us, and the lock keeps other pthv processes out meanwhile.
        write_all(fd, data, path);
        if (::fsync(fd) != 0)
            fail("cannot flush", path);
    } catch (...) {
        ::close(fd);
        throw;
    }
    ::close(fd);
}

RepoLock::RepoLock(const std::filesystem::path& dir, double timeout_seconds)
{
    const auto path = dir / ".pthv.lock";
    m_fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (m_fd < 0)
        fail("cannot open the lock file", path);
    const auto deadline =
        std::chrono::steady_clock::now() + std::chrono::duration<double>(timeout_seconds);
    while (::flock(m_fd, LOCK_EX | LOCK_NB) != 0) {
        if (errno != EWOULDBLOCK && errno != EINTR) {
            ::close(m_fd);
            fail("cannot lock", path);
        }
        if (std::chrono::steady_clock::now() >= deadline) {
            ::close(m_fd);
            m_fd = -1;
            throw FileError("another pthv is writing to this data repo (lock " + path.string() +
                            " held for more than " + std::to_string(static_cast<int>(timeout_seconds)) +
                            " s); nothing was written, try again");
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
}

RepoLock::~RepoLock()
{
    if (m_fd >= 0) {
        ::flock(m_fd, LOCK_UN);
        ::close(m_fd);
    }
}

} // namespace pthv::util
