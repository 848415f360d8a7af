// RepoLock (files.hpp): flock on `<dir>/.pthv.lock`, nesting within a
// process, and the rollback of an interrupted append once the lock is held.

#include <cerrno>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <map>
#include <mutex>
#include <sys/file.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>
#include <utility>

#include <pthv/util/files.hpp>
#include <pthv/util/journal.hpp>

namespace pthv::util {

int wait_for_flock(int fd, int op, double timeout_seconds)
{
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(timeout_seconds);
    while (::flock(fd, op | LOCK_NB) != 0) {
        if (errno != EWOULDBLOCK && errno != EINTR)
            return errno;
        if (std::chrono::steady_clock::now() >= deadline)
            return ETIMEDOUT;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return 0;
}

namespace fs = std::filesystem;

namespace {

// The locks this process holds, by the lock file's identity. flock belongs
// to an open file description, so a second open of the same lock file in
// this process would wait for ourselves; a nested RepoLock joins the entry.
struct Held {
    int fd = -1;
    int count = 0;
    LockMode mode = LockMode::Exclusive;
};
using HeldKey = std::pair<std::uint64_t, std::uint64_t>;

std::mutex& held_mutex()
{
    static std::mutex m;
    return m;
}

std::map<HeldKey, Held>& held_locks()
{
    static std::map<HeldKey, Held> locks;
    return locks;
}

// Opens the lock file: a writer creates it, a reader only opens it (flock
// needs no write access). Where there is none, no writer has ever run in
// this repo (they create it and never remove it), so a reader reads without
// a lock (-1, errno 0) and leaves no file behind: a repo that is only read,
// such as a read-only checkout or a folder of examples, stays as it is.
int open_lock_file(const fs::path& path, LockMode mode)
{
    if (mode == LockMode::Exclusive)
        return ::open(path.c_str(), O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0644);
    const int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0 && (errno == ENOENT || errno == EACCES))
        errno = 0;
    return fd;
}

} // namespace

RepoLock::RepoLock(const fs::path& dir, double timeout_seconds, LockMode mode)
{
    const auto path = dir / ".pthv.lock";
    const int fd = open_lock_file(path, mode);
    if (fd < 0) {
        if (errno != 0)
            detail::fail("cannot open the lock file", path);
        // No lock file: no writer is at work, but a journal may have come
        // with a copy of the repo.
        m_rolled_back = roll_back(dir);
        return;
    }
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        ::close(fd);
        detail::fail("cannot look at the lock file", path);
    }
    m_dev = static_cast<std::uint64_t>(st.st_dev);
    m_ino = static_cast<std::uint64_t>(st.st_ino);
    {
        std::lock_guard<std::mutex> guard(held_mutex());
        const auto it = held_locks().find({m_dev, m_ino});
        if (it != held_locks().end()) {
            ::close(fd);
            if (it->second.mode == LockMode::Shared && mode == LockMode::Exclusive)
                throw std::logic_error("an exclusive RepoLock was asked for inside a shared one on " + path.string());
            ++it->second.count;
            m_held = true;
            return; // the outer lock rolled back what needed it
        }
    }
    const int op = mode == LockMode::Exclusive ? LOCK_EX : LOCK_SH;
    if (const int error = wait_for_flock(fd, op, timeout_seconds)) {
        ::close(fd);
        if (error == ETIMEDOUT)
            throw FileError("another pthv is writing to this data repo (lock " + path.string() + " held for more than " +
                            std::to_string(static_cast<int>(timeout_seconds)) + " s); nothing was written, try again");
        errno = error;
        detail::fail("cannot lock", path);
    }
    {
        std::lock_guard<std::mutex> guard(held_mutex());
        held_locks()[{m_dev, m_ino}] = Held{fd, 1, mode};
        m_held = true;
    }
    try {
        m_rolled_back = roll_back(dir);
    } catch (...) {
        release();
        throw;
    }
}

RepoLock::~RepoLock()
{
    release();
}

void RepoLock::release() noexcept
{
    if (!m_held)
        return;
    m_held = false;
    std::lock_guard<std::mutex> guard(held_mutex());
    const auto it = held_locks().find({m_dev, m_ino});
    if (it == held_locks().end() || --it->second.count > 0)
        return;
    ::flock(it->second.fd, LOCK_UN);
    ::close(it->second.fd);
    held_locks().erase(it);
}

} // namespace pthv::util
