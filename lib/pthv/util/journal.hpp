#pragma once
// Internal to util/files: the system-call helpers the file writers share and
// the rollback journal of an append (files.hpp says what it promises).
//
// The journal is a small text file, written and fsynced (with its folder)
// before the first byte of the append, removed (and the folder fsynced)
// after the appended bytes are fsynced:
//   pthv rollback journal 1
//   <size before> <size after> <st_dev> <st_ino> <file name>
//   end
// A journal without its `end` line was cut short before the append began,
// so the file it names is untouched and the journal is simply removed.
//
// An append that is one change with a replace of another file
// (append_then_replace) adds a line
//   commit <st_dev> <st_ino> <file name>
// naming the replaced file as it was: once that file is another one (the
// rename happened), the change is complete and the append stays.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pthv::util::detail {

// Throws FileError "<what> <path>: <strerror(errno)>".
[[noreturn]] void fail(const std::string& what, const std::filesystem::path& path);

// write(2) until all of `data` is written; FileError on the first failure.
void write_all(int fd, std::string_view data, const std::filesystem::path& path);

// fsync of a folder, so a rename, creation or removal in it is durable.
// Best effort: some file systems cannot flush a folder.
void sync_dir(const std::filesystem::path& dir);

// The folder `path` is in ("." for a bare name).
std::filesystem::path folder_of(const std::filesystem::path& path);

struct JournalEntry {
    bool commit = false;     // a `commit` line: the file whose replacement completes the change
    std::string name;        // the file, within the journal's folder
    std::uint64_t before = 0; // its size before the append
    std::uint64_t after = 0;  // its size once the append is complete
    std::uint64_t dev = 0;    // its identity, so a file replaced since is left alone
    std::uint64_t ino = 0;
};

std::string journal_text(const std::vector<JournalEntry>& entries);

// The entries of a journal's text; nullopt when it was cut short (no `end`)
// or is not a journal of ours.
std::optional<std::vector<JournalEntry>> parse_journal(std::string_view text);

// Writes `<dir>/.pthv-journal` for `entries` and makes it durable. Throws
// FileError, leaving no journal behind, when it cannot (a full disk), or
// when a journal is there already (an interrupted write not rolled back).
void begin_journal(const std::filesystem::path& dir, const std::vector<JournalEntry>& entries);

// Removes the journal and makes that durable: the append is committed.
// Throws FileError when the journal cannot be removed.
void end_journal(const std::filesystem::path& dir);

} // namespace pthv::util::detail
