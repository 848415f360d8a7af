#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

#include <pthv/export/key.hpp>

using namespace pthv::exporting;
namespace fs = std::filesystem;

namespace {

// A repo folder and a private folder beside it, removed afterwards.
struct Folders {
    fs::path top, repo, home;
    Folders()
    {
        std::string tmpl = (fs::temp_directory_path() / "pthv-key-XXXXXX").string();
        REQUIRE(::mkdtemp(tmpl.data()) != nullptr);
        top = tmpl;
        repo = top / "district";
        home = top / "home";
        fs::create_directories(repo / "notes");
        fs::create_directories(home);
    }
    ~Folders()
    {
        std::error_code ec;
        fs::remove_all(top, ec);
    }
};

fs::path private_file(const fs::path& path, const std::string& text)
{
    std::ofstream(path) << text;
    ::chmod(path.c_str(), 0600);
    return path;
}

} // namespace

TEST_CASE("read_key_file reads a private key outside the repo, without its final newline")
{
    Folders f;
    const auto key = private_file(f.home / "export.key", "0f3a9c1b7e2d4a6b8c0d1e2f3a4b5c6d\n");
    CHECK(read_key_file(key, f.repo) == "0f3a9c1b7e2d4a6b8c0d1e2f3a4b5c6d");
}

TEST_CASE("read_key_file refuses a key that is a hard link to a file in the data repo")
{
    Folders f;
    const auto inside = private_file(f.repo / "notes" / "key.txt", "0f3a9c1b7e2d4a6b8c0d1e2f3a4b5c6d\n");
    const fs::path key = f.home / "export.key";
    fs::create_hard_link(inside, key);
    const std::string message = "--key-file " + key.string() + ": the file is a hard link to " + inside.string() +
                                ", inside the data repo";
    CHECK_THROWS_WITH_AS(read_key_file(key, f.repo), doctest::Contains(message.c_str()), KeyError);
    CHECK_THROWS_WITH_AS(read_key_file(key, f.repo), doctest::Contains("openssl rand -hex 32"), KeyError);
    // A second name outside the repo (a backup) is fine.
    fs::remove(inside);
    fs::create_hard_link(key, f.home / "backup.key");
    CHECK(read_key_file(key, f.repo) == "0f3a9c1b7e2d4a6b8c0d1e2f3a4b5c6d");
}

TEST_CASE("read_key_file refuses a key of fewer than 8 different bytes, never showing it")
{
    Folders f;
    const auto key = private_file(f.home / "export.key", "aaaaaaaaaaaaaaaa\n");
    CHECK_THROWS_WITH_AS(read_key_file(key, f.repo),
                         doctest::Contains("the key is made of only 1 different characters"), KeyError);
    try {
        read_key_file(key, f.repo);
    } catch (const KeyError& e) {
        CHECK(std::string(e.what()).find("aaaa") == std::string::npos);
    }
    private_file(key, "abcdefgabcdefgabcdefg");
    CHECK_THROWS_WITH_AS(read_key_file(key, f.repo), doctest::Contains("only 7 different"), KeyError);
    private_file(key, "abcdefghabcdefgh");
    CHECK(read_key_file(key, f.repo) == "abcdefghabcdefgh");
}
