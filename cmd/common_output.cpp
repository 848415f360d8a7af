// -o FILE (common.hpp: output is written only once the command has
// succeeded, never over the data repo's own files).

#include <cstdio>

#include "common.hpp"

#include <pthv/io/repo_files.hpp>
#include <pthv/util/files.hpp>

namespace pthv::cmd {

namespace fs = std::filesystem;

void Session::check_output_target() const
{
    if (m_g.output.empty())
        return;
    std::optional<fs::path> repo;
    try {
        repo = root();
    } catch (const UsageError&) {
        // No repo for this command: only the repo holding FILE, if any.
    }
    // -o FILE writes a report or an export; it never overwrites the data it
    // was made from, whichever repo (this command's or another) holds FILE.
    if (const auto why = io::output_file_refusal(m_g.output, repo); !why.empty())
        throw UsageError("-o " + m_g.output + ": " + why +
                         ". Nothing was written; choose another file, e.g. exports/report.html");
}

void Session::finish()
{
    if (!m_g.output.empty()) {
        check_output_target(); // again: a link may have changed since
        std::error_code ec;
        if (fs::is_directory(m_g.output, ec))
            throw UsageError("-o " + m_g.output + " is a folder; nothing was written");
        try {
            util::write_output(m_g.output, m_out);
        } catch (const util::FileError& e) {
            throw UsageError(e.what());
        }
    } else {
        std::fwrite(m_out.data(), 1, m_out.size(), stdout);
        std::fflush(stdout);
    }
    m_out.clear();
}

} // namespace pthv::cmd
