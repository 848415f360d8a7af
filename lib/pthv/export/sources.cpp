// The export's inputs (sources.hpp).

#include <pthv/export/sources.hpp>

#include <algorithm>

#include <fmt/format.h>

#include <pthv/util/files.hpp>
#include <pthv/util/strings.hpp>

namespace pthv::exporting {

std::string unexportable(const model::Problems& loaded, const std::string& flags_file)
{
    const auto& files = export_sources();
    for (const auto& p : loaded) {
        const bool exported = std::find(files.begin(), files.end(), p.file) != files.end() || p.file == flags_file;
        if (exported && p.severity == model::Severity::Error &&
            (p.rule == "csv-syntax" || p.rule == "column-missing" || p.rule == "value-invalid"))
            return fmt::format("{}:{}: {}[{}]: {}; an export is made only from data that reads cleanly. "
                               "Fix it first (`pthv validate`); nothing was written",
                               p.file, p.line, model::severity_name(p.severity), p.rule, util::printable(p.message));
    }
    return "";
}

std::vector<SourceFile> read_sources(const std::filesystem::path& root)
{
    std::vector<SourceFile> sources;
    for (const auto& name : export_sources())
        if (util::file_exists(root / name))
            sources.push_back({name, util::read_file(root / name)});
    return sources;
}

std::vector<StudentAttendance> student_attendance(const std::vector<io::AttendanceRow>& rows,
                                                  const model::Repo& repo)
{
    std::vector<StudentAttendance> out;
    for (const auto& r : rows)
        out.push_back({std::string(repo.id(r.student)), r.days_enrolled, r.days_absent});
    return out;
}

} // namespace pthv::exporting
