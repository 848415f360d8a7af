#include <pthv/util/files.hpp>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/mman.h>
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

void reserve_large(std::string& text, std::size_t size)
{
    text.reserve(size);
    constexpr std::size_t k_huge = std::size_t{2} << 20; // x86-64's huge page
    if (text.capacity() < 2 * k_huge)
        return;
    // Only whole huge pages inside the buffer; advice, so a refusal is harmless.
    const auto begin = reinterpret_cast<std::uintptr_t>(text.data());
    const std::uintptr_t first = (begin + k_huge - 1) & ~(k_huge - 1);
    const std::uintptr_t last = (begin + text.capacity()) & ~(k_huge - 1);
    if (last > first)
        ::madvise(reinterpret_cast<void*>(first), last - first, MADV_HUGEPAGE);
}

std::string read_file(const std::filesystem::path& path)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        fail("cannot open", path);
    // Read straight into the string, sized from fstat and grown if the file
    // is longer than that (or fstat cannot tell, as for a pipe).
    std::string out;
    struct stat st {};
    std::size_t size = 0;
    if (::fstat(fd, &st) == 0 && st.st_size > 0) {
        reserve_large(out, static_cast<std::size_t>(st.st_size) + 1);
        out.resize(static_cast<std::size_t>(st.st_size) + 1); // +1: finds the end in one more read
    }
    while (true) {
        if (size == out.size())
            out.resize(std::max<std::size_t>(out.size() * 2, 1 << 16));
        const ssize_t n = ::read(fd, out.data() + size, out.size() - size);
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
        size += static_cast<std::size_t>(n);
    }
    ::close(fd);
    out.resize(size);
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
