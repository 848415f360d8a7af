#pragma once
// A set of new files put into a folder all at once, or not at all (what
// `pthv init` writes). Knows nothing of PTHV.
//
// A folder that does not exist yet is built whole in a temporary folder
// beside it (`.<name>.pthv-XXXXXX`) and renamed into place: one step that a
// kill cannot split. A folder that exists (empty, or holding other files,
// such as a larger git work tree) cannot be swapped for a new one without
// disturbing what is in it or a shell standing in it, so the files are
// built in a temporary folder inside it (`.pthv-new.pthv-XXXXXX`) and moved
// in one by one, never over a file, the first file of the list last: until
// that file is there the set is not in place. A manifest in the temporary
// folder lists what is moved, so a set that was interrupted can be taken
// back out whole.
//
// A failure (a full disk, a file size limit, a file that appeared
// meanwhile) removes everything the call made before it throws. A killed
// call leaves its temporary folder (and, in an existing folder, what it had
// moved in); the next call for the same folder removes it, taking back the
// files it had moved in unless the set was complete. Calls for one folder
// take turns: an flock on the folder that receives the temporary one.

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include <pthv/util/files.hpp>

namespace pthv::util {

struct NewFile {
    std::string name; // a plain name, no folder
    std::string text;
};

// Thrown when an entry of the set is in the folder already (after what a
// killed call left was taken back); `path` is that entry.
struct AlreadyThere : FileError {
    explicit AlreadyThere(const std::filesystem::path& entry)
        : FileError(entry.string() + " already exists; nothing was written"), path(entry)
    {
    }
    std::filesystem::path path;
};

// Puts `files` into `dir` (made if missing, with its parents) as described
// above. `prepare`, when given, runs on the built temporary folder before
// the files go into place; whatever it adds there goes in with them, and
// `prepared` names it (such as ".git") so that a temporary folder left by a
// killed call can be recognised. Throws AlreadyThere when a file of `files`
// (or of `prepared`) is there already, and FileError when `dir` is
// not a folder, when the system refuses a write, or when another call holds
// the folder longer than `timeout_seconds`; what `prepare` throws is thrown
// on after the same clean-up.
void put_new_files(const std::filesystem::path& dir, const std::vector<NewFile>& files,
                   const std::vector<std::string>& prepared = {},
                   const std::function<void(const std::filesystem::path& built)>& prepare = {},
                   double timeout_seconds = 10.0);

} // namespace pthv::util
