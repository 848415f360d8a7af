#include "key.hpp"

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

void check_file(const fs::path& file, const fs::path& repo_root, const KeyUse& use)
{
    const std::string option = "--key-file " + file.string();
    struct stat st {};
    if (::stat(file.c_str(), &st) != 0)
        throw KeyError(fmt::format("{}: no such file. Make a key once and keep it private and out of the data "
                                   "repo, e.g. `(umask 077; openssl rand -hex 32 > {})`",
                                   option, use.suggested_file));
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
    if (key.empty())
        throw KeyError("--key-file " + file.string() + ": the file is empty");
    if (key.size() < k_min_key_bytes)
        throw KeyError(fmt::format("--key-file {}: the key has {} bytes; it needs at least {} (e.g. `openssl rand "
                                   "-hex 32` gives 64)",
                                   file.string(), key.size(), k_min_key_bytes));
    return key;
}

} // namespace pthv::exporting
