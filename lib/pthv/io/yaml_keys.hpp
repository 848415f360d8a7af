#pragma once
// Keys written twice in one YAML mapping. yaml-cpp keeps both and a lookup
// finds the first, so a setting appended at the end of pthv.yaml (or an
// import map) would be ignored without a word. pthv refuses such a file
// instead, naming both lines.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace pthv::io {

struct DuplicateKey {
    std::string path;       // "reports", "reports.min_cell", "funding[1].sites", values.focus."Hopes and dreams"
    std::size_t line = 0;   // 1-based: the second occurrence
    std::size_t first = 0;  // 1-based: the first occurrence
};

// Every key of `yaml`'s first document that its mapping already holds, at
// any depth, in the order written. Keys are compared as written text
// (a quoted "a" and a plain a are one key); a merge key (`<<`) and keys
// that are themselves mappings or sequences are never duplicates. Text
// that is not YAML gives what was found before the error: the caller
// reports the error itself.
std::vector<DuplicateKey> duplicate_keys(std::string_view yaml);

// "reports is set twice (first on line 12)", the start of every message.
std::string duplicate_message(const DuplicateKey& d);

} // namespace pthv::io
