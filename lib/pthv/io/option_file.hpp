#pragma once
// A file a command-line option names (--attendance, --scores, --subgroups:
// data kept out of git), read against the loaded repo. Figures built on
// part of such a file would mislead, so any error in it refuses it whole.

#include <functional>
#include <string>

#include <pthv/model/problem.hpp>

namespace pthv::io {

struct OptionFile {
    model::Problems problems; // every problem of the file, sorted
    std::string refusal;      // set when one is an error: "OPTION FILE: N rows cannot be read ..."
};

// Reads `file` and hands its text to `read`, which reports its problems.
// std::runtime_error "OPTION FILE: why" when it cannot be read at all.
OptionFile read_option_file(const std::string& option, const std::string& file,
                            const std::function<void(const std::string& text, model::Problems&)>& read);

} // namespace pthv::io
