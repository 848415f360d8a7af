#pragma once
// Reading what an import is given (log-visit --import, survey import;
// docs/import.md): the form export and the map, each refused as a value
// when it cannot be used, so that nothing is written.

#include <optional>
#include <string>

#include <pthv/io/csv.hpp>
#include <pthv/record/apply.hpp>
#include <pthv/record/import_map.hpp>
#include <pthv/util/files.hpp>

namespace pthv::record {

// What an import reads before it takes the lock: the export named by
// `option` (`file`), mapped when large, with its header (export_head:
// RFC 4180 CSV, line breaks in quoted cells, Excel's ";") and the rows read
// from `text` one at a time; and the map, --map MAP.yaml (`map_file`)
// parsed for `target` and checked against the header, or without it each
// column of the export as the target's field of its name. `note` is the
// line saying the export is read with ";", said before any refusal of the
// map; `refused` says why the export or the map cannot be used: no such
// file, a system error, not well-formed CSV, what is wrong with the map.
struct ImportInput {
    util::FileText text;
    io::CsvTable head;
    ImportMap map;
    std::string note;
    std::optional<Refusal> refused;
};
ImportInput read_import(const std::string& file, const char* option, const std::string& map_file,
                        const ImportTarget& target);

// An import's problems as said before it ends: "FILE:LINE: error: MESSAGE"
// for a problem of no rule (the map's or the export's form), the validate
// line for one of a rule; the advice as a hint under each.
std::string import_problem_lines(const model::Problems& problems);

} // namespace pthv::record
