#pragma once
// File access that never leaves a file half-written. Knows nothing of PTHV.
// Every function throws FileError (with the path and the system's reason)
// when the operating system refuses.
//
// Three mechanisms keep the promise (docs/safety.md):
// - a replace writes a temporary file beside the target, fsyncs it and
//   renames it over the target (atomic_write);
// - an append is led by a rollback journal, `.pthv-journal` in the file's
//   folder, that records the file's size before the write; it is removed
//   once the new bytes are on disk. A write that fails is cut back at once;
//   one that was killed is cut back by the next RepoLock (roll_back);
// - writers hold RepoLock exclusively, readers share it.
// Neither writer follows or replaces a symbolic link, nor anything that is
// not a regular file: what is written stays in the folder it was asked for.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace pthv::util {

struct FileError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

bool file_exists(const std::filesystem::path& path);

// The whole file as bytes.
std::string read_file(const std::filesystem::path& path);

// A file's text, for reading: what a command loads, and what it builds a
// change from. A large regular file is mapped from the kernel's page cache
// rather than copied (open): reading it then costs neither a copy nor
// zeroing fresh memory for it, which at state scale (170 MB of CSV) is a
// third of a second. Other files (small ones, pipes) are read, and a text
// can also be made from a string.
//
// If another program cuts a mapped file short while pthv reads it, the
// next read of a page past the new end makes the process stop at once with
// exit 2 and a message saying so. Nothing is half-written by that: pthv
// changes a file by renaming a finished copy over it (atomic_write) or by
// one journaled append of bytes it holds in memory, never from the mapping.
class FileText {
public:
    FileText() = default;
    FileText(std::string text) : m_read(std::move(text)) {} // NOLINT: a text is made from a string
    FileText(const char* text) : m_read(text) {}             // NOLINT: and from a literal
    // The file's text; throws FileError like read_file.
    static FileText open(const std::filesystem::path& path);
    ~FileText();
    FileText(FileText&& other) noexcept;
    FileText& operator=(FileText&& other) noexcept;
    // A copy holds its own string, never a second mapping.
    FileText(const FileText& other) : m_read(other.text()) {}
    FileText& operator=(const FileText& other)
    {
        if (this != &other)
            *this = FileText(std::string(other.text()));
        return *this;
    }

    std::string_view text() const { return m_map ? std::string_view(m_map, m_size) : std::string_view(m_read); }
    operator std::string_view() const { return text(); } // NOLINT: read wherever text is read
    friend bool operator==(const FileText& a, std::string_view b) { return a.text() == b; }
    friend bool operator!=(const FileText& a, std::string_view b) { return a.text() != b; }
    // The text as a string of its own, to change in place (a mapped file is
    // copied first).
    std::string& edit();
    // Gives back the pages of a mapped file wholly before `offset`, already
    // read, and maps the next ones ahead: a later read of a page given back
    // finds it again in the page cache, so text() stays whole. Nothing for
    // a text that is not mapped.
    void drop_before(std::size_t offset) noexcept;
    // The text followed by `tail`, without copying the text: a mapped file
    // has room after it for a tail of up to 64 MB, written there (what the
    // file holds, and text(), are unchanged). Valid until the next call or
    // release(). nullopt when the text is not mapped or the tail too long:
    // the caller copies then.
    std::optional<std::string_view> with_tail(std::string_view tail) const;
    // Gives the memory back; text() is empty afterwards.
    void release() noexcept;

private:
    // Maps the pages from `offset` on ahead of a reader, in one call.
    void map_ahead(std::size_t offset) noexcept;

    char* m_map = nullptr;     // the file's pages, then room for a tail
    std::size_t m_size = 0;    // the file's size
    std::size_t m_reserved = 0; // the whole mapping's size
    std::string m_read;
};

// Makes room for `size` bytes in `text` (reserve), asking the kernel to back
// a large buffer with huge pages before it is first touched: a 100 MB file
// then costs 50 page faults instead of 25,000, which on a virtual machine is
// most of the time it takes to read it.
void reserve_large(std::string& text, std::size_t size);

// Replaces (or creates) `path` with `content`: a temporary file in the same
// folder (`.<name>.pthv-XXXXXX`, see is_temp_file) is written, fsynced and
// renamed over the target, and the folder is fsynced, so a reader sees the
// old file or the new one, never a mix. Refuses, before writing anything,
// when `path` is a symbolic link or exists and is not a regular file.
void atomic_write(const std::filesystem::path& path, std::string_view content);

// Writes `content` into `path`, which exists and must not be replaced (a
// device such as /dev/null, a FIFO, a terminal, /dev/stdout): opened
// without creating or truncating, written at its end.
void write_into(const std::filesystem::path& path, std::string_view content);

// Writes `content` to a file a user named for output: a device, a FIFO or a
// /proc file descriptor (/dev/stdout, /dev/fd/N) is written into as it is
// (replacing it would turn /dev/null into a regular file and leave a FIFO's
// reader with nothing); a regular file is replaced atomically, through a
// link the file it points to; a new one is created atomically (a dangling
// link is refused there).
void write_output(const std::filesystem::path& path, std::string_view content);

// Appends `text` to the regular file `path` (created if missing) in a single
// write(2). If the file is not empty and does not end with a newline, one (in
// `newline` style) is written first as part of the same write. The write is
// journaled: when it fails (a full disk, an I/O error, a file size limit) the
// file is cut back to its old size before FileError is thrown; when the
// process is killed, the next RepoLock on the folder cuts it back. Refuses a
// symbolic link. Call it under a RepoLock on the file's folder.
void append_text(const std::filesystem::path& path, std::string_view text, std::string_view newline);

// Appends `text` to `path` (as append_text) and replaces `replace`, a file
// of the same folder, with `content` (as atomic_write), as one change: both
// or neither, also across a kill. The journal of the append also names
// `replace` as it is; the rename of the new `replace` completes the change,
// so the next RepoLock keeps the append if the rename was made and cuts it
// back if not. A failure cuts the append back before FileError is thrown.
// `replace` must exist. Call it under a RepoLock on the folder.
void append_then_replace(const std::filesystem::path& path, std::string_view text, std::string_view newline,
                         const std::filesystem::path& replace, std::string_view content);

// The journal of an unfinished append, in the folder of the appended file.
inline constexpr const char* k_journal_name = ".pthv-journal";

// What roll_back did about one interrupted write; `message` says it for a
// person ("visits.csv: an interrupted write was rolled back (120 bytes)").
struct Rollback {
    std::string file;
    std::uint64_t bytes = 0; // cut off the end of the file
    std::string message;
};

// Finishes an interrupted append in `dir`: each file its journal names is
// cut back to the size it had before the write, unless it has changed
// since in a way no append of ours explains (another inode, a size outside
// the write's range), in which case it is left as it is. Then the journal
// is removed. Nothing to do (empty result) without a journal. Throws
// FileError when the file cannot be cut back (a read-only repo): a file
// with a torn last row is never read as valid. Needs the RepoLock, shared
// or exclusive: no append is under way then.
std::vector<Rollback> roll_back(const std::filesystem::path& dir);

// The mark of atomic_write's temporary files: "." + target + k_temp_infix +
// six letters or digits. Distinct enough that no file a person names is
// taken for one (".visits.csv.backup" is not).
inline constexpr const char* k_temp_infix = ".pthv-";
bool is_temp_file(std::string_view name, std::string_view target);

// Removes the temporary files an interrupted atomic_write left in `dir`:
// those whose target (the name without the leading dot and the
// ".pthv-XXXXXX" tail) `owned` accepts. Only callers whose every replace of such a target
// runs under the RepoLock may do this, and only while holding it. Returns
// the names removed; a file that cannot be removed is left.
std::vector<std::string> remove_temp_files(const std::filesystem::path& dir,
                                           const std::function<bool(std::string_view target)>& owned);

enum class LockMode { Exclusive, Shared };

// An advisory lock (flock) on `<dir>/.pthv.lock`, held for the object's
// lifetime: exclusive for writers, shared for readers. Waits up to
// `timeout_seconds`, then throws FileError saying another pthv holds the
// lock. Once held, an interrupted append in `dir` is rolled back
// (roll_back; see rolled_back()).
//
// Within one process the lock nests: a second RepoLock on the same folder
// while one is held is granted at once (any lock inside an exclusive one, a
// shared one inside a shared one), so a command that holds the lock may
// call code that takes it. An exclusive lock inside a shared one is a
// programming error (std::logic_error).
//
// A writer creates the lock file; a reader never does: where there is none
// (no writer ever ran there, or the repo cannot be read by us), it reads
// without a lock, and still rolls back or refuses a file an interrupted
// write left.
// Takes flock(fd, op) (LOCK_EX or LOCK_SH), trying every 20 ms for up to
// `timeout_seconds`: 0 once it is held, ETIMEDOUT when the time ran out,
// another errno when flock itself failed. The fd stays open either way.
int wait_for_flock(int fd, int op, double timeout_seconds);

class RepoLock {
public:
    explicit RepoLock(const std::filesystem::path& dir, double timeout_seconds = 10.0,
                      LockMode mode = LockMode::Exclusive);
    ~RepoLock();
    RepoLock(const RepoLock&) = delete;
    RepoLock& operator=(const RepoLock&) = delete;

    // What taking the lock rolled back (empty when nested or all was well).
    const std::vector<Rollback>& rolled_back() const { return m_rolled_back; }
    // False for a shared lock where there is no lock file to share.
    bool held() const { return m_held; }

private:
    void release() noexcept;
    std::uint64_t m_dev = 0; // the lock file's identity: one registry entry per lock
    std::uint64_t m_ino = 0;
    bool m_held = false;
    std::vector<Rollback> m_rolled_back;
};

} // namespace pthv::util
