#pragma once
// A visit taken out of visits.csv (`log-visit --remove`), remembered in
// removed_visits.csv so that the row cannot come back unseen: a merge line
// by line brings back a row one branch removed and the other changed, and
// removed-visit-present then reports it on every clone (docs/data.md).
//
// The two files change as one: the tombstone is appended and visits.csv
// replaced under one journal (util::append_then_replace), so a kill leaves
// both changed or neither, never a tombstone for a visit still there (which
// would be a false finding) nor a removal no tombstone remembers.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include <pthv/io/loader.hpp>
#include <pthv/model/date.hpp>
#include <pthv/model/problem.hpp>
#include <pthv/model/repo.hpp>
#include <pthv/record/edit.hpp>

namespace pthv::record {

inline constexpr const char* k_removed_visits_file = "removed_visits.csv";

struct Removal {
    Edit visits;           // visits.csv without the visit's line
    std::string tombstone; // the removed_visits.csv row, with the file's newline; empty when one is there already
    std::string tombstone_newline; // removed_visits.csv's line ending
    bool create_file = false; // removed_visits.csv is absent: it is written (its header) first
};

// The removal of visit `v` (a row of `repo`, loaded from `sources`) for
// `reason` (line breaks become blanks: a record is one line), on `today`.
// nullopt when visits.csv has no such line.
std::optional<Removal> plan_removal(const io::Sources& sources, const model::Repo& repo, const model::Visit& v,
                                    const std::string& reason, const model::Date& today);

// Writes the removal under `root` as one change. A removed_visits.csv that
// is absent is made first, its header alone (a header-only file is a valid,
// empty one, so a kill right after it leaves nothing wrong). Throws
// util::FileError with both files as they were.
void write_removal(const std::filesystem::path& root, const Removal& removal);

// Why visit `visit_id` cannot be removed: a closed pay period paid it, and
// what was paid stays in the log (it is marked cancelled instead, and the
// payment settled with payroll). Each problem names the ledger line. Empty
// when no closed ledger holds the visit.
model::Problems paid_refusals(const model::Repo& repo, std::string_view visit_id);

} // namespace pthv::record
