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

// The export named by `option` (`file`), mapped when large, and its header
// (export_head: RFC 4180 CSV, line breaks in quoted cells, Excel's ";"),
// the rows read from `text` one at a time. `note` is the line saying a
// file is read with ";"; `refused` says why it cannot be read: no such
// file, a system error, not well-formed CSV (its problems listed).
struct OpenedExport {
    util::FileText text;
    io::CsvTable head;
    std::string note;
    std::optional<Refusal> refused;
};
OpenedExport open_export(const std::string& file, const char* option);

// --map MAP.yaml (`map_file`) parsed for `target` and checked against the
// export's header, or without it each column of the export as the
// target's field of its name; `refused` lists what is wrong.
struct ChosenMap {
    ImportMap map;
    std::optional<Refusal> refused;
};
ChosenMap choose_import_map(const std::string& export_file, const std::string& map_file, const io::CsvTable& head,
                            const ImportTarget& target);

// An import's problems as said before it ends: "FILE:LINE: error: MESSAGE"
// for a problem of no rule (the map's or the export's form), the validate
// line for one of a rule; the advice as a hint under each.
std::string import_problem_lines(const model::Problems& problems);

} // namespace pthv::record
