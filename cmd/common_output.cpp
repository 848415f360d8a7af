// -o FILE (common.hpp: output is written only once the command has
// succeeded, never over the data repo's own files) and the tables commands
// print for people.

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "common.hpp"

#include <pthv/io/csv.hpp>
#include <pthv/io/repo_files.hpp>
#include <pthv/util/files.hpp>
#include <pthv/util/strings.hpp>

namespace pthv::cmd {

namespace fs = std::filesystem;

namespace {

// A table for people: columns padded to the widest cell (common.hpp).
std::string text_table(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& raw_rows)
{
    // A cell holding ESC or CR must not reach the terminal raw: shown as \xNN.
    std::vector<std::vector<std::string>> rows = raw_rows;
    for (auto& r : rows)
        for (auto& c : r)
            c = util::printable(c);
    std::vector<std::size_t> width(header.size());
    for (std::size_t c = 0; c < header.size(); ++c)
        width[c] = util::display_width(header[c]);
    for (const auto& r : rows)
        for (std::size_t c = 0; c < r.size() && c < width.size(); ++c)
            width[c] = std::max(width[c], util::display_width(r[c]));
    auto line = [&](const std::vector<std::string>& cells) {
        std::string s;
        for (std::size_t c = 0; c < cells.size(); ++c) {
            s += cells[c];
            if (c + 1 < cells.size())
                s += std::string(width[c] - util::display_width(cells[c]) + 2, ' ');
        }
        return std::string(util::trim(s)) + "\n";
    };
    std::string out = line(header);
    for (const auto& r : rows)
        out += line(r);
    return out;
}

} // namespace

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

std::string render_table(const std::string& format, const std::vector<std::string>& header,
                         const std::vector<std::string>& keys, const std::vector<std::vector<std::string>>& rows)
{
    if (format == "csv") {
        std::string out = io::csv_safe_row(keys, "\n");
        for (const auto& r : rows) {
            std::vector<std::string> shown;
            for (const auto& c : r)
                shown.push_back(util::printable(c));
            out += io::csv_safe_row(shown, "\n");
        }
        return out;
    }
    if (format == "json") {
        nlohmann::ordered_json doc = nlohmann::ordered_json::array();
        for (const auto& r : rows) {
            nlohmann::ordered_json item;
            for (std::size_t c = 0; c < keys.size() && c < r.size(); ++c)
                item[keys[c]] = r[c];
            doc.push_back(std::move(item));
        }
        return doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
    }
    return text_table(header, rows);
}

} // namespace pthv::cmd
