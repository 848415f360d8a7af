// put_new_files (new_files.hpp): a set of new files in a folder, whole or
// not at all.

#include <pthv/util/new_files.hpp>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <pthv/util/files.hpp>
#include <pthv/util/journal.hpp>

namespace pthv::util {

namespace fs = std::filesystem;

namespace {

// The temporary folder inside an existing folder: `.pthv-new.pthv-XXXXXX`.
constexpr const char* k_inner_target = "pthv-new";
// In the temporary folder: each entry to move, in the order of the moves.
constexpr const char* k_manifest = ".pthv-moves";
constexpr std::string_view k_manifest_first = "pthv moves 1\n";

// An exclusive flock on the folder itself: no lock file is left in a
// folder that may not be pthv's.
class FolderFlock {
public:
    FolderFlock(const fs::path& dir, double timeout_seconds)
    {
        m_fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (m_fd < 0)
            detail::fail("cannot open the folder", dir);
        if (const int error = wait_for_flock(m_fd, LOCK_EX, timeout_seconds)) {
            ::close(m_fd);
            if (error == ETIMEDOUT)
                throw FileError(dir.string() + ": another pthv is creating files there; nothing was written, "
                                               "try again");
            errno = error;
            detail::fail("cannot lock the folder", dir);
        }
    }
    ~FolderFlock() { ::close(m_fd); }
    FolderFlock(const FolderFlock&) = delete;
    FolderFlock& operator=(const FolderFlock&) = delete;

private:
    int m_fd = -1;
};

struct Moved {
    std::uint64_t dev = 0;
    std::uint64_t ino = 0;
    std::string name;
};

bool lstat_of(const fs::path& path, struct stat& st)
{
    return ::lstat(path.c_str(), &st) == 0;
}

bool is_file_of(const fs::path& path, const Moved& m)
{
    struct stat st {};
    return lstat_of(path, st) && static_cast<std::uint64_t>(st.st_dev) == m.dev &&
           static_cast<std::uint64_t>(st.st_ino) == m.ino;
}

void write_new(const fs::path& path, std::string_view text)
{
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd < 0)
        detail::fail("cannot create", path);
    try {
        detail::write_all(fd, text, path);
        if (::fsync(fd) != 0)
            detail::fail("cannot flush", path);
    } catch (...) {
        ::close(fd);
        throw;
    }
    if (::close(fd) != 0)
        detail::fail("cannot write", path);
}

std::string manifest_text(const std::vector<Moved>& moves)
{
    std::string out(k_manifest_first);
    for (const auto& m : moves)
        out += std::to_string(m.dev) + ' ' + std::to_string(m.ino) + ' ' + m.name + '\n';
    return out + "end\n";
}

// The moves a manifest lists; empty when there is none or it was cut short
// (then nothing was moved yet: the manifest is complete before the first move).
std::vector<Moved> read_manifest(const fs::path& path)
{
    struct stat st {};
    if (!lstat_of(path, st) || !S_ISREG(st.st_mode))
        return {};
    std::string_view text;
    const std::string whole = read_file(path);
    text = whole;
    if (text.substr(0, k_manifest_first.size()) != k_manifest_first)
        return {};
    text.remove_prefix(k_manifest_first.size());
    std::vector<Moved> out;
    while (!text.empty()) {
        const auto nl = text.find('\n');
        if (nl == std::string_view::npos)
            return {};
        std::string_view line = text.substr(0, nl);
        text.remove_prefix(nl + 1);
        if (line == "end")
            return out;
        Moved m;
        for (std::uint64_t* n : {&m.dev, &m.ino}) {
            const auto space = line.find(' ');
            if (space == std::string_view::npos ||
                std::from_chars(line.data(), line.data() + space, *n).ptr != line.data() + space)
                return {};
            line.remove_prefix(space + 1);
        }
        if (line.empty() || line == "." || line == ".." || line.find('/') != std::string_view::npos)
            return {};
        m.name = std::string(line);
        out.push_back(std::move(m));
    }
    return {};
}

void remove_entry(const fs::path& path)
{
    std::error_code ec;
    struct stat st {};
    if (lstat_of(path, st) && S_ISDIR(st.st_mode))
        fs::remove_all(path, ec);
    else
        ::unlink(path.c_str());
}

// Takes back what an unfinished move from `made` into `dir` moved in (each
// entry still the one moved: same device and inode), unless the last move
// was made, and removes `made`.
void undo_moves(const fs::path& dir, const fs::path& made)
{
    const auto moves = read_manifest(made / k_manifest);
    const bool complete = !moves.empty() && is_file_of(dir / moves.back().name, moves.back());
    if (!complete)
        for (const auto& m : moves)
            if (is_file_of(dir / m.name, m))
                remove_entry(dir / m.name);
    std::error_code ec;
    fs::remove_all(made, ec);
    detail::sync_dir(dir);
}

// Whether `made` holds nothing but what a call with these names makes.
bool holds_only(const fs::path& made, const std::vector<NewFile>& files, const std::vector<std::string>& prepared)
{
    std::error_code ec;
    for (fs::directory_iterator it(made, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
        const std::string name = it->path().filename().string();
        const bool known = name == k_manifest ||
                           std::any_of(files.begin(), files.end(), [&](const NewFile& f) { return f.name == name; }) ||
                           std::find(prepared.begin(), prepared.end(), name) != prepared.end();
        if (!known)
            return false;
    }
    return !ec;
}

// Temporary folders named `.<target>.pthv-XXXXXX` in `parent` that a killed
// call left (the caller holds the flock, so none is in use).
std::vector<fs::path> stale_folders(const fs::path& parent, const std::string& target,
                                    const std::vector<NewFile>& files, const std::vector<std::string>& prepared)
{
    std::vector<fs::path> out;
    std::error_code ec;
    for (fs::directory_iterator it(parent, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
        struct stat st {};
        if (is_temp_file(it->path().filename().string(), target) && lstat_of(it->path(), st) &&
            S_ISDIR(st.st_mode) && holds_only(it->path(), files, prepared))
            out.push_back(it->path());
    }
    return out;
}

fs::path make_temp_folder(const fs::path& parent, const std::string& target)
{
    std::string made = (parent / ("." + target + k_temp_infix + "XXXXXX")).string();
    if (::mkdtemp(made.data()) == nullptr)
        detail::fail("cannot make a temporary folder in", parent);
    // mkdtemp makes it private; the folder it becomes is an ordinary one.
    const mode_t mask = ::umask(0);
    ::umask(mask);
    ::chmod(made.c_str(), 0777 & ~mask);
    return made;
}

void build(const fs::path& made, const std::vector<NewFile>& files,
           const std::function<void(const fs::path&)>& prepare)
{
    for (const auto& f : files)
        write_new(made / f.name, f.text);
    if (prepare)
        prepare(made);
    detail::sync_dir(made);
}

void refuse_existing(const fs::path& dir, const std::string& name)
{
    struct stat st {};
    if (lstat_of(dir / name, st))
        throw AlreadyThere(dir / name);
}

// `dir` does not exist: build beside it, rename into place.
void put_as_new_folder(const fs::path& dir, const std::vector<NewFile>& files,
                       const std::vector<std::string>& prepared, const std::function<void(const fs::path&)>& prepare,
                       double timeout_seconds)
{
    const fs::path parent = detail::folder_of(dir);
    const std::string name = dir.filename().string();
    // The parents made here are taken back on failure too.
    std::vector<fs::path> made_parents;
    for (fs::path p = parent; !p.empty() && p != p.root_path(); p = p.parent_path()) {
        struct stat st {};
        if (lstat_of(p, st))
            break;
        made_parents.push_back(p);
    }
    std::error_code ec;
    fs::create_directories(parent, ec);
    if (ec)
        throw FileError("cannot make " + parent.string() + ": " + ec.message());
    const auto unmake_parents = [&] {
        for (const auto& p : made_parents)
            ::rmdir(p.c_str());
    };
    try {
        FolderFlock lock(parent, timeout_seconds);
        for (const auto& stale : stale_folders(parent, name, files, prepared))
            fs::remove_all(stale, ec);
        struct stat st {};
        if (lstat_of(dir, st))
            throw FileError(dir.string() + " appeared while the files were made; nothing was written, try again");
        const fs::path made = make_temp_folder(parent, name);
        try {
            build(made, files, prepare);
            if (::rename(made.c_str(), dir.c_str()) != 0)
                detail::fail("cannot rename the new folder to", dir);
        } catch (...) {
            fs::remove_all(made, ec);
            throw;
        }
        detail::sync_dir(parent);
    } catch (...) {
        unmake_parents();
        throw;
    }
}

// Moves `from` to `to`, never over an entry there.
void move_no_replace(const fs::path& from, const fs::path& to)
{
    if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0)
        return;
    if (errno != EINVAL && errno != ENOSYS)
        detail::fail("cannot move a new file to", to);
    // A file system that cannot refuse to replace: the flock keeps other
    // pthv out, so look first.
    refuse_existing(to.parent_path(), to.filename().string());
    if (::rename(from.c_str(), to.c_str()) != 0)
        detail::fail("cannot move a new file to", to);
}

// `dir` exists: build inside it, move the entries in, files[0] last.
void put_into_folder(const fs::path& dir, const std::vector<NewFile>& files, const std::vector<std::string>& prepared,
                     const std::function<void(const fs::path&)>& prepare, double timeout_seconds)
{
    FolderFlock lock(dir, timeout_seconds);
    for (const auto& stale : stale_folders(dir, k_inner_target, files, prepared))
        undo_moves(dir, stale);
    for (const auto& f : files)
        refuse_existing(dir, f.name);
    const fs::path made = make_temp_folder(dir, k_inner_target);
    try {
        build(made, files, prepare);
        std::vector<Moved> moves;
        std::error_code ec;
        for (fs::directory_iterator it(made, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
            const std::string name = it->path().filename().string();
            struct stat st {};
            if (!lstat_of(it->path(), st))
                detail::fail("cannot look at", it->path());
            if (name != files.front().name)
                moves.push_back({static_cast<std::uint64_t>(st.st_dev), static_cast<std::uint64_t>(st.st_ino), name});
        }
        if (ec)
            throw FileError("cannot list " + made.string() + ": " + ec.message());
        std::sort(moves.begin(), moves.end(), [](const Moved& a, const Moved& b) { return a.name < b.name; });
        struct stat first {};
        if (!lstat_of(made / files.front().name, first))
            detail::fail("cannot look at", made / files.front().name);
        moves.push_back({static_cast<std::uint64_t>(first.st_dev), static_cast<std::uint64_t>(first.st_ino),
                         files.front().name});
        for (const auto& m : moves)
            refuse_existing(dir, m.name);
        // The manifest is on disk before the first move, so a killed move
        // can be taken back.
        write_new(made / k_manifest, manifest_text(moves));
        detail::sync_dir(made);
        for (const auto& m : moves)
            move_no_replace(made / m.name, dir / m.name);
        detail::sync_dir(dir);
        fs::remove_all(made, ec);
        detail::sync_dir(dir);
    } catch (...) {
        undo_moves(dir, made);
        throw;
    }
}

} // namespace

void put_new_files(const fs::path& dir, const std::vector<NewFile>& files, const std::vector<std::string>& prepared,
                   const std::function<void(const fs::path&)>& prepare, double timeout_seconds)
{
    if (files.empty())
        return;
    // "repo/" and "repo" are one folder; "." stays as it is (it exists).
    fs::path target = dir.lexically_normal();
    if (!target.has_filename() && target.has_parent_path())
        target = target.parent_path();
    struct stat st {};
    if (!lstat_of(target, st)) {
        if (errno != ENOENT)
            detail::fail("cannot look at", target);
        put_as_new_folder(target, files, prepared, prepare, timeout_seconds);
        return;
    }
    if (!S_ISDIR(st.st_mode) && !(S_ISLNK(st.st_mode) && fs::is_directory(target)))
        throw FileError(target.string() + " is not a folder; nothing was written");
    put_into_folder(target, files, prepared, prepare, timeout_seconds);
}

} // namespace pthv::util
