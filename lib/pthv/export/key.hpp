#pragma once
// The key of a de-identified export (docs/export.md): a file the district
// keeps private and out of the data repo. Whoever holds it can link the
// exported ids back to students, so a file others may read is refused.

#include <cstddef>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

namespace pthv::exporting {

// The fewest bytes a key may have (128 bits).
constexpr std::size_t k_min_key_bytes = 16;

// The fewest different byte values a key may hold: "aaaaaaaaaaaaaaaa" is
// long enough but guessed at once. A random hex key of 16 or more digits
// has fewer than 8 different ones about once in 10^7.
constexpr std::size_t k_min_distinct_bytes = 8;

struct KeyError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// What a key is for, as its messages say it: the file to suggest making,
// and what whoever reads the key could do with it.
struct KeyUse {
    std::string_view suggested_file = "~/pthv-export.key";
    std::string_view risk = "link an export back to students";
};
// survey import's key (its keyed response ids).
constexpr KeyUse k_survey_key{"~/pthv-survey.key",
                              "check a guess of what survey import left out (a response's time, a comment) "
                              "against surveys.csv"};

// The key: the file's bytes without trailing line breaks and spaces (an
// editor's final newline changes no id). Throws KeyError, naming
// --key-file, when the file is missing, not a regular file, readable or
// writable by group or others, inside the data repo at `repo_root` (also
// as a hard link to one of its files), empty, shorter than k_min_key_bytes
// or made of fewer than k_min_distinct_bytes different bytes. A message
// never shows the key.
std::string read_key_file(const std::filesystem::path& file, const std::filesystem::path& repo_root,
                          const KeyUse& use = {});

// True when `path` (resolved through links) is `root` or inside it.
bool is_inside(const std::filesystem::path& path, const std::filesystem::path& root);

} // namespace pthv::exporting
