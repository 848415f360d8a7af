#pragma once
// What `pthv export --deidentify` reads before de-identifying: the repo's
// files it exports, refused when one does not read cleanly, and the
// attendance of --attendance FILE under the students' ids.

#include <filesystem>
#include <string>
#include <vector>

#include <pthv/export/deidentify.hpp>
#include <pthv/io/attendance.hpp>
#include <pthv/model/problem.hpp>
#include <pthv/model/repo.hpp>

namespace pthv::exporting {

// Why the export is refused, "" when it is not: the first error of an
// exported file (or of the flags file) that is a row that is not CSV, a
// missing column, or a typed cell holding something else (a name in the
// grade column would otherwise travel as it is).
std::string unexportable(const model::Problems& loaded, const std::string& flags_file);

// The export_sources() that `root` holds, each as read.
std::vector<SourceFile> read_sources(const std::filesystem::path& root);

// Each attendance row under its student's id.
std::vector<StudentAttendance> student_attendance(const std::vector<io::AttendanceRow>& rows,
                                                  const model::Repo& repo);

} // namespace pthv::exporting
