#include <pthv/util/files.hpp>

#include <pthv/util/journal.hpp>
#include <pthv/util/mapped.hpp>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <csignal>
#include <cstring>
#include <utility>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace pthv::util {

using detail::fail;
using detail::write_all;

namespace {

// Refuses, before anything is written, a target that is a symbolic link or
// exists and is not a regular file. Returns whether it exists.
bool check_target(const std::filesystem::path& path)
{
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0) {
        if (errno == ENOENT)
            return false;
        fail("cannot look at", path);
    }
    if (S_ISLNK(st.st_mode))
        throw FileError(path.string() +
                        " is a symbolic link; pthv never writes through a link or replaces one, so nothing was "
                        "written (put the file itself there)");
    if (!S_ISREG(st.st_mode))
        throw FileError(path.string() + " is not a regular file; nothing was written");
    return true;
}

} // namespace

bool file_exists(const std::filesystem::path& path)
{
    std::error_code ec;
    return std::filesystem::exists(path, ec);
}

namespace {

// Past this size a file is mapped: below it, one read costs less than
// setting up and tearing down a mapping.
constexpr std::size_t k_map_from = std::size_t{1} << 20;

// The most a mapped file can be extended by in place (FileText::with_tail):
// address space only, no memory until written.
constexpr std::size_t k_tail_room = std::size_t{64} << 20;

std::size_t page_size() { return static_cast<std::size_t>(::sysconf(_SC_PAGESIZE)); }

// A mapped file cut short by another process: touching a page past its new
// end raises SIGBUS. Only async-signal-safe calls here.
extern "C" void on_bus_error(int)
{
    constexpr char message[] = "pthv: a data file was cut short by another program while pthv read it; nothing was "
                               "written: run the command again once that program is done\n";
    [[maybe_unused]] const ssize_t n = ::write(2, message, sizeof message - 1);
    ::_exit(2);
}

void catch_bus_errors()
{
    static const bool installed = [] {
        struct sigaction action {};
        action.sa_handler = on_bus_error;
        sigemptyset(&action.sa_mask);
        return ::sigaction(SIGBUS, &action, nullptr) == 0;
    }();
    (void)installed;
}

} // namespace

FileText FileText::open(const std::filesystem::path& path)
{
    FileText out;
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        fail("cannot open", path);
    struct stat st {};
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && static_cast<std::size_t>(st.st_size) >= k_map_from) {
        const auto size = static_cast<std::size_t>(st.st_size);
        catch_bus_errors();
        // The file's pages, then room for a tail (with_tail) in memory of
        // our own: reserved, not touched, so it costs nothing unless used.
        // The file is mapped private and writable so the bytes past its end
        // on its last page can take the start of a tail (they are ours: the
        // file never sees them).
        const std::size_t page = page_size();
        const std::size_t file_pages = (size + page - 1) / page * page;
        const std::size_t reserved = file_pages + k_tail_room;
        void* base = ::mmap(nullptr, reserved, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE,
                            -1, 0);
        if (base != MAP_FAILED) {
            void* map = ::mmap(base, file_pages, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_FIXED, fd, 0);
            if (map != MAP_FAILED) {
                ::close(fd);
                out.m_map = static_cast<char*>(map);
                out.m_size = size;
                out.m_reserved = reserved;
                remember_mapping(out.m_map, size);
                out.map_ahead(0);
                return out;
            }
            ::munmap(base, reserved);
        }
    }
    ::close(fd);
    out.m_read = read_file(path);
    return out;
}

FileText::~FileText() { release(); }

FileText::FileText(FileText&& other) noexcept
    : m_map(std::exchange(other.m_map, nullptr)), m_size(std::exchange(other.m_size, 0)),
      m_reserved(std::exchange(other.m_reserved, 0)), m_read(std::move(other.m_read))
{
}

FileText& FileText::operator=(FileText&& other) noexcept
{
    if (this != &other) {
        release();
        m_map = std::exchange(other.m_map, nullptr);
        m_size = std::exchange(other.m_size, 0);
        m_reserved = std::exchange(other.m_reserved, 0);
        m_read = std::move(other.m_read);
    }
    return *this;
}

std::string& FileText::edit()
{
    if (m_map) {
        std::string copy(text());
        release();
        m_read = std::move(copy);
    }
    return m_read;
}

namespace {

// How far ahead of a reader a mapped file's pages are mapped in one call:
// each page the reader reached unmapped would cost it a fault of its own.
constexpr std::size_t k_map_ahead = std::size_t{8} << 20;

} // namespace

void FileText::map_ahead(std::size_t offset) noexcept
{
#ifdef MADV_POPULATE_READ
    const std::size_t page = page_size();
    const std::size_t from = std::min(offset, m_size) / page * page;
    const std::size_t to = std::min(from + k_map_ahead, m_size);
    // Advice: a kernel without it (before Linux 5.14) faults page by page.
    if (to > from)
        ::madvise(m_map + from, to - from, MADV_POPULATE_READ);
#else
    (void)offset;
#endif
}

void FileText::drop_before(std::size_t offset) noexcept
{
    if (!m_map)
        return;
    const std::size_t bytes = std::min(offset, m_size) / page_size() * page_size();
    if (bytes > 0)
        ::madvise(m_map, bytes, MADV_DONTNEED);
    map_ahead(offset + k_map_ahead / 2);
}

std::optional<std::string_view> FileText::with_tail(std::string_view tail) const
{
    if (!m_map || tail.size() > k_tail_room)
        return std::nullopt;
    std::memcpy(m_map + m_size, tail.data(), tail.size());
    return std::string_view(m_map, m_size + tail.size());
}

void FileText::release() noexcept
{
    if (m_map) {
        forget_mapping(m_map);
        ::munmap(m_map, m_reserved);
    }
    m_map = nullptr;
    m_size = 0;
    m_reserved = 0;
    std::string().swap(m_read);
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
    const bool existed = check_target(path);
    const auto dir = detail::folder_of(path);
    std::string tmpl = (dir / ("." + path.filename().string() + k_temp_infix + "XXXXXX")).string();
    const int fd = ::mkstemp(tmpl.data());
    if (fd < 0)
        fail("cannot create a temporary file beside", path);
    try {
        write_all(fd, content, tmpl);
        // Keep the mode of the file being replaced; new files get 0644.
        struct stat st {};
        const mode_t mode = existed && ::stat(path.c_str(), &st) == 0 ? (st.st_mode & 07777) : 0644;
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
    detail::sync_dir(dir);
}

void write_into(const std::filesystem::path& path, std::string_view content)
{
    // No O_CREAT, no O_TRUNC: a device or FIFO is written, never made or
    // replaced; O_APPEND so /dev/stdout bound to a file opened with >>
    // keeps what the file held.
    const int fd = ::open(path.c_str(), O_WRONLY | O_APPEND | O_NOCTTY | O_CLOEXEC);
    if (fd < 0)
        fail("cannot open", path);
    try {
        write_all(fd, content, path);
    } catch (...) {
        ::close(fd);
        throw;
    }
    if (::close(fd) != 0)
        fail("cannot write", path);
}

namespace {

// append_text, and with `replace` (append_then_replace) a replace that
// completes the change, journaled with the append.
struct Replace {
    const std::filesystem::path* path;
    std::string_view content;
};

void append_journaled(const std::filesystem::path& path, std::string_view text, std::string_view newline,
                      const std::optional<Replace>& replace)
{
    const bool existed = check_target(path);
    const auto dir = detail::folder_of(path);
    std::vector<detail::JournalEntry> entries(1);
    if (replace) {
        if (detail::folder_of(*replace->path) != dir)
            throw FileError(replace->path->string() + ": not in the folder of " + path.string());
        struct stat rs {};
        if (!check_target(*replace->path) || ::lstat(replace->path->c_str(), &rs) != 0)
            fail("cannot look at", *replace->path);
        detail::JournalEntry commit;
        commit.commit = true;
        commit.name = replace->path->filename().string();
        commit.dev = static_cast<std::uint64_t>(rs.st_dev);
        commit.ino = static_cast<std::uint64_t>(rs.st_ino);
        entries.push_back(commit);
    }
    // O_NOFOLLOW: a link put there since the check is refused too.
    const int fd = ::open(path.c_str(), O_RDWR | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd < 0)
        fail("cannot open", path);
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        ::close(fd);
        fail("cannot look at", path);
    }
    const auto before = static_cast<std::uint64_t>(st.st_size);
    std::string data;
    if (before > 0) {
        char last = '\n';
        if (::pread(fd, &last, 1, st.st_size - 1) == 1 && last != '\n')
            data.append(newline);
    }
    data.append(text);
    const auto cut_back = [&] {
        // What was written of the new bytes goes, so the file is as it was.
        const bool whole = ::ftruncate(fd, st.st_size) == 0 && ::fsync(fd) == 0;
        ::close(fd);
        if (!existed && before == 0)
            ::unlink(path.c_str());
        return whole;
    };
    entries[0] = {false, path.filename().string(), before, before + data.size(), static_cast<std::uint64_t>(st.st_dev),
                  static_cast<std::uint64_t>(st.st_ino)};
    try {
        detail::begin_journal(dir, entries);
    } catch (...) {
        cut_back();
        throw;
    }
    try {
        // One write(2) with O_APPEND: the lock keeps other pthv processes
        // out, and readers share the lock, so none sees half a row.
        write_all(fd, data, path);
        if (::fsync(fd) != 0)
            fail("cannot flush", path);
        // The rename inside is the step that completes a two-file change:
        // before it, a kill leaves the append to be rolled back; after it,
        // the journal's commit line keeps the append.
        if (replace)
            atomic_write(*replace->path, replace->content);
        detail::end_journal(dir);
    } catch (...) {
        // A full disk, an I/O error, a file size limit: cut back now, and
        // keep the journal if that fails, for the next RepoLock to finish.
        if (cut_back())
            ::unlink((dir / k_journal_name).c_str());
        throw;
    }
    ::close(fd);
}

} // namespace

void append_text(const std::filesystem::path& path, std::string_view text, std::string_view newline)
{
    append_journaled(path, text, newline, std::nullopt);
}

void append_then_replace(const std::filesystem::path& path, std::string_view text, std::string_view newline,
                         const std::filesystem::path& replace, std::string_view content)
{
    append_journaled(path, text, newline, Replace{&replace, content});
}

bool is_temp_file(std::string_view name, std::string_view target)
{
    const std::string_view infix = k_temp_infix;
    if (target.empty() || name.size() != 1 + target.size() + infix.size() + 6 || name[0] != '.' ||
        name.substr(1, target.size()) != target || name.substr(1 + target.size(), infix.size()) != infix)
        return false;
    return std::all_of(name.end() - 6, name.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    });
}

std::vector<std::string> remove_temp_files(const std::filesystem::path& dir,
                                           const std::function<bool(std::string_view target)>& owned)
{
    std::vector<std::string> removed;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
        const std::string name = entry.path().filename().string();
        const std::size_t tail = std::string_view(k_temp_infix).size() + 6;
        if (name.size() < tail + 2 || name[0] != '.')
            continue;
        const std::string_view target = std::string_view(name).substr(1, name.size() - 1 - tail);
        std::error_code type_ec;
        if (is_temp_file(name, target) && owned(target) && entry.symlink_status(type_ec).type() ==
                                                               std::filesystem::file_type::regular &&
            ::unlink(entry.path().c_str()) == 0)
            removed.push_back(name);
    }
    if (!removed.empty())
        detail::sync_dir(dir);
    std::sort(removed.begin(), removed.end());
    return removed;
}

void write_output(const std::filesystem::path& path, std::string_view content)
{
    namespace fs = std::filesystem;
    const auto under_proc = [](const fs::path& p) { return p.string().rfind("/proc/", 0) == 0; };
    std::error_code ec;
    struct stat st {};
    const bool exists = ::stat(path.c_str(), &st) == 0;
    const fs::path absolute = fs::absolute(path, ec);
    const fs::path hop = fs::is_symlink(path, ec) ? fs::read_symlink(path, ec) : fs::path();
    const bool fd_link = under_proc(fs::weakly_canonical(absolute.parent_path(), ec)) || under_proc(hop);
    if (exists && (!S_ISREG(st.st_mode) || fd_link))
        write_into(path, content);
    else if (exists)
        atomic_write(fs::canonical(path), content);
    else
        atomic_write(path, content);
}

} // namespace pthv::util
