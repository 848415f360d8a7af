#pragma once
// Where an export goes (docs/export.md): `-o DIR`, checked to be outside
// every data repo, and written whole or not at all. The files are written
// into a temporary folder beside DIR, which is renamed into place only
// once every file is on disk; an export that fails leaves DIR as it was.
// Two exports into one DIR take turns (a lock on DIR's parent folder), and
// the later one replaces the earlier whole, so a folder never holds files
// of two exports (of two keys).

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include <pthv/export/deidentify.hpp>

namespace pthv::exporting {

struct FolderError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// -o DIR as a real path (through whatever links lead there). Throws
// FolderError when it is empty, inside the data repo at `repo_root` or any
// other data repo, or not a folder.
std::filesystem::path output_folder(const std::string& output, const std::filesystem::path& repo_root);

// Makes `dir` hold exactly `files`. A missing `dir` is made (mode 700: an
// export is as private as the data); an existing one must hold nothing but
// files an export writes (export_outputs()), else FolderError and nothing
// is written, and it is replaced whole, keeping its mode. Waits up to
// `timeout_seconds` for another export into the same parent folder, then
// throws FolderError. Temporary folders an export killed midway left
// beside `dir` are removed first.
void write_folder(const std::filesystem::path& dir, const std::vector<ExportFile>& files, double timeout_seconds);

} // namespace pthv::exporting
