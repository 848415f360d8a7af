#pragma once
// File access that never leaves a file half-written. Knows nothing of PTHV.
// Every function throws FileError (with the path and the system's reason)
// when the operating system refuses.

#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

namespace pthv::util {

struct FileError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

bool file_exists(const std::filesystem::path& path);

// The whole file as bytes.
std::string read_file(const std::filesystem::path& path);

// Makes room for `size` bytes in `text` (reserve), asking the kernel to back
// a large buffer with huge pages before it is first touched: a 100 MB file
// then costs 50 page faults instead of 25,000, which on a virtual machine is
// most of the time it takes to read it.
void reserve_large(std::string& text, std::size_t size);

// Replaces (or creates) `path` with `content`: a temporary file in the same
// folder is written, fsynced and renamed over the target, so a reader sees
// the old file or the new one, never a mix.
void atomic_write(const std::filesystem::path& path, std::string_view content);

// Appends `text` to `path` in a single write(2). If the file is not empty and
// does not end with a newline, one (in `newline` style) is written first as
// part of the same write. Call it under a RepoLock.
void append_text(const std::filesystem::path& path, std::string_view text, std::string_view newline);

// An exclusive advisory lock (flock) on `<dir>/.pthv.lock`, held for the
// object's lifetime. Waits up to `timeout_seconds`, then throws FileError
// saying another pthv holds the lock.
class RepoLock {
public:
    explicit RepoLock(const std::filesystem::path& dir, double timeout_seconds = 10.0);
    ~RepoLock();
    RepoLock(const RepoLock&) = delete;
    RepoLock& operator=(const RepoLock&) = delete;

private:
    int m_fd = -1;
};

} // namespace pthv::util
