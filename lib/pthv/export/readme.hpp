#pragma once
// The README.md written into an export's folder: for the evaluator, what
// each file kept, keyed and left out, how the ids were made and what
// --k did (docs/export.md).

#include <string>
#include <vector>

#include <pthv/export/protect.hpp>

namespace pthv::exporting {

// One exported file's columns, as written.
struct Written {
    std::string file;
    std::vector<std::string> kept, keyed, dropped;
};

struct ReadmeFacts {
    std::vector<Written> files;
    bool flags = false;
    unsigned k = 1;
    const Protection* protection = nullptr; // null with --k 1
};

std::string readme(const ReadmeFacts& facts);

} // namespace pthv::exporting
