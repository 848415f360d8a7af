#include "folder.hpp"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

#include <fmt/format.h>

#include <pthv/export/key.hpp>
#include <pthv/io/loader.hpp>
#include <pthv/util/files.hpp>

namespace pthv::exporting {

namespace fs = std::filesystem;

namespace {

[[noreturn]] void fail(const std::string& what, const fs::path& path)
{
    throw FolderError(fmt::format("{} {}: {}; nothing was written", what, path.string(), std::strerror(errno)));
}

void sync_dir(const fs::path& dir)
{
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd); // best effort: some file systems cannot flush a folder
        ::close(fd);
    }
}

// An exclusive flock on the folder `dir` itself, which leaves no lock file
// behind in the user's folder; released when the object goes.
class FolderLock {
public:
    FolderLock(const fs::path& dir, const fs::path& target, double timeout_seconds)
    {
        m_fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (m_fd < 0)
            fail("cannot open the folder", dir);
        if (const int error = util::wait_for_flock(m_fd, LOCK_EX, timeout_seconds)) {
            ::close(m_fd);
            if (error == ETIMEDOUT)
                throw FolderError(fmt::format("-o {}: another pthv export is writing beside it (waited {} s); "
                                              "nothing was written, try again",
                                              target.string(), static_cast<int>(timeout_seconds)));
            errno = error;
            fail("cannot lock the folder", dir);
        }
    }
    ~FolderLock() { ::close(m_fd); }
    FolderLock(const FolderLock&) = delete;
    FolderLock& operator=(const FolderLock&) = delete;

private:
    int m_fd = -1;
};

// The first entry of `dir` that no export writes (a subfolder, a link, a
// file of another name), or "" when it holds only an export's files.
std::string stranger_in(const fs::path& dir)
{
    const auto& names = export_outputs();
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (!it->is_regular_file(ec) || it->is_symlink(ec) ||
            std::find(names.begin(), names.end(), name) == names.end())
            return name;
    }
    if (ec)
        fail("cannot list", dir);
    return {};
}

// Whether `dir` exists; throws when it holds what an export must not
// replace.
bool check_target(const fs::path& dir)
{
    struct stat st {};
    if (::lstat(dir.c_str(), &st) != 0) {
        if (errno == ENOENT)
            return false;
        fail("cannot look at", dir);
    }
    if (!S_ISDIR(st.st_mode))
        throw FolderError("-o " + dir.string() + ": not a folder; nothing was written");
    if (const std::string name = stranger_in(dir); !name.empty())
        throw FolderError(fmt::format("-o {}: the folder holds {}, which an export does not write; an export "
                                      "replaces the whole folder, so name a new or empty folder (or move {} out). "
                                      "Nothing was written",
                                      dir.string(), name, name));
    return true;
}

// Temporary folders of an export into `dir` that was killed midway.
void remove_stale(const fs::path& parent, const std::string& name)
{
    std::error_code ec;
    for (fs::directory_iterator it(parent, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
        const fs::path p = it->path();
        if (util::is_temp_file(p.filename().string(), name) && it->is_directory(ec) && !it->is_symlink(ec) &&
            stranger_in(p).empty())
            fs::remove_all(p, ec);
    }
}

void write_file(const fs::path& path, const std::string& text)
{
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd < 0)
        fail("cannot create", path);
    std::size_t done = 0;
    while (done < text.size()) {
        const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            const int saved = errno;
            ::close(fd);
            errno = n == 0 ? ENOSPC : saved;
            fail("cannot write", path);
        }
        done += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0)
        fail("cannot write", path);
}

// Puts the finished folder `made` where `dir` is: a rename when there is
// none; else the two are exchanged in one step (renameat2), and the old one
// removed. Where the file system cannot exchange, the old folder is moved
// aside first: `dir` is then briefly missing, but never half-written.
void put_in_place(const fs::path& made, const fs::path& dir, bool existed)
{
    if (!existed) {
        if (::rename(made.c_str(), dir.c_str()) != 0)
            fail("cannot rename the export into", dir);
        return;
    }
    if (::renameat2(AT_FDCWD, made.c_str(), AT_FDCWD, dir.c_str(), RENAME_EXCHANGE) != 0) {
        if (errno != EINVAL && errno != ENOSYS)
            fail("cannot replace", dir);
        const fs::path old = made.string() + "-old";
        if (::rename(dir.c_str(), old.c_str()) != 0)
            fail("cannot move aside", dir);
        if (::rename(made.c_str(), dir.c_str()) != 0) {
            const int saved = errno;
            ::rename(old.c_str(), dir.c_str());
            errno = saved;
            fail("cannot replace", dir);
        }
        std::error_code ec;
        fs::remove_all(old, ec);
        return;
    }
    std::error_code ec;
    fs::remove_all(made, ec); // now the old export
}

} // namespace

fs::path output_folder(const std::string& output, const fs::path& repo_root)
{
    if (output.empty())
        throw FolderError("-o DIR is required: the folder to write the export into (outside the data repo)");
    const auto refuse_inside = [&](const fs::path& repo) {
        throw FolderError("-o " + output + ": that folder is inside the data repo " + repo.string() +
                          "; an export must be kept out of the repo and out of git. Nothing was written");
    };
    std::error_code ec;
    fs::path real = fs::weakly_canonical(fs::absolute(output, ec), ec);
    if (!real.has_filename())
        real = real.parent_path();
    if (is_inside(real, repo_root))
        refuse_inside(repo_root);
    if (const auto holder = io::find_repo_root(real))
        refuse_inside(*holder);
    if (fs::exists(real, ec) && !fs::is_directory(real, ec))
        throw FolderError("-o " + output + ": not a folder; nothing was written");
    if (real == real.root_path())
        throw FolderError("-o " + output + ": an export needs a folder of its own; nothing was written");
    return real;
}

void write_folder(const fs::path& dir, const std::vector<ExportFile>& files, double timeout_seconds)
{
    const fs::path parent = dir.parent_path();
    const std::string name = dir.filename().string();
    std::error_code ec;
    fs::create_directories(parent, ec);
    if (ec)
        throw FolderError("-o " + dir.string() + ": cannot make " + parent.string() + ": " + ec.message());
    FolderLock lock(parent, dir, timeout_seconds);
    const bool existed = check_target(dir);
    remove_stale(parent, name);
    std::string made = (parent / ("." + name + util::k_temp_infix + "XXXXXX")).string();
    if (::mkdtemp(made.data()) == nullptr)
        fail("cannot make a temporary folder beside", dir);
    try {
        for (const auto& f : files)
            write_file(fs::path(made) / f.name, f.text);
        struct stat st {};
        if (existed && ::stat(dir.c_str(), &st) == 0)
            ::chmod(made.c_str(), st.st_mode & 07777);
        sync_dir(made);
        put_in_place(made, dir, existed);
    } catch (...) {
        fs::remove_all(made, ec);
        throw;
    }
    sync_dir(parent);
}

} // namespace pthv::exporting
