#include "key.hpp"

#include <optional>
#include <set>

#include <fmt/format.h>
#include <sys/stat.h>

#include <pthv/util/files.hpp>

namespace pthv::exporting {

namespace fs = std::filesystem;

bool is_inside(const fs::path& path, const fs::path& root)
{
    std::error_code ec;
    const fs::path real = fs::weakly_canonical(fs::absolute(path, ec), ec);
    const fs::path real_root = fs::canonical(root, ec);
    if (ec)
        return false;
    const fs::path rel = real.lexically_relative(real_root);
    return !rel.empty() && *rel.begin() != "..";
}

namespace {

std::string make_one(const KeyUse& use)
{
    return fmt::format("e.g. `(umask 077; openssl rand -hex 32 > {})`", use.suggested_file);
}

// The file of the repo that is the key under another name, if any. A hard
// link has no path that leads into the repo, so is_inside cannot see it;
// only the file's identity (device and inode) gives it away. Looked for
// only when the key has more than one name and lives on the repo's device.
std::optional<fs::path> linked_in_repo(const struct stat& key, const fs::path& repo_root)
{
    struct stat root {};
    if (key.st_nlink < 2 || ::stat(repo_root.c_str(), &root) != 0 || root.st_dev != key.st_dev)
        return std::nullopt;
    std::error_code ec;
    fs::recursive_directory_iterator it(repo_root, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        struct stat st {};
        if (::lstat(it->path().c_str(), &st) == 0 && S_ISREG(st.st_mode) && st.st_dev == key.st_dev &&
            st.st_ino == key.st_ino)
            return it->path();
    }
    return std::nullopt;
}

void check_file(const fs::path& file, const fs::path& repo_root, const KeyUse& use)
{
    const std::string option = "--key-file " + file.string();
    struct stat st {};
    if (::stat(file.c_str(), &st) != 0)
        throw KeyError(option + ": no such file. Make a key once and keep it private and out of the data repo, " +
                       make_one(use));
    if (!S_ISREG(st.st_mode))
        throw KeyError(option + ": not a regular file");
    if ((st.st_mode & 077) != 0)
        throw KeyError(fmt::format("{}: the file can be read or changed by other users (mode {:04o}); whoever reads "
                                   "the key can {}. Make it private: chmod 600 {}",
                                   option, st.st_mode & 07777, use.risk, file.string()));
    if (is_inside(file, repo_root))
        throw KeyError(fmt::format("{}: the key is inside the data repo; kept beside the data (and in git) it lets "
                                   "anyone with the repo {}. Move it out of the repo",
                                   option, use.risk));
    if (const auto twin = linked_in_repo(st, repo_root))
        throw KeyError(fmt::format("{}: the file is a hard link to {}, inside the data repo, so anyone with the "
                                   "repo (or its git history) holds the key and can {}. Remove {} from the "
                                   "repo and make a new key outside it, {}",
                                   option, twin->string(), use.risk, twin->string(), make_one(use)));
}

void check_key(const std::string& key, const fs::path& file, const KeyUse& use)
{
    const std::string option = "--key-file " + file.string();
    if (key.empty())
        throw KeyError(option + ": the file is empty");
    if (key.size() < k_min_key_bytes)
        throw KeyError(fmt::format("{}: the key has {} bytes; it needs at least {} (e.g. `openssl rand -hex 32` "
                                   "gives 64)",
                                   option, key.size(), k_min_key_bytes));
    const std::size_t distinct = std::set<char>(key.begin(), key.end()).size();
    if (distinct < k_min_distinct_bytes)
        throw KeyError(fmt::format("{}: the key is made of only {} different characters, so it is easily guessed "
                                   "(it needs at least {}); make a random one, {}",
                                   option, distinct, k_min_distinct_bytes, make_one(use)));
}

} // namespace

std::string read_key_file(const fs::path& file, const fs::path& repo_root, const KeyUse& use)
{
    check_file(file, repo_root, use);
    std::string key;
    try {
        key = util::read_file(file);
    } catch (const util::FileError& e) {
        throw KeyError("--key-file " + file.string() + ": " + e.what());
    }
    while (!key.empty() && (key.back() == '\n' || key.back() == '\r' || key.back() == ' ' || key.back() == '\t'))
        key.pop_back();
    check_key(key, file, use);
    return key;
}

} // namespace pthv::exporting
