#include <pthv/io/people_table.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <pthv/io/csv.hpp>
#include <pthv/util/strings.hpp>

namespace pthv::io {

namespace {

// A table for people as text: columns padded to the widest cell.
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

namespace {

long long count_of(const model::Listing& l)
{
    return static_cast<long long>(l.rows.size());
}

} // namespace

std::string staff_table(const model::StaffListing& l, model::Date as_of, const std::string& format, bool quiet)
{
    std::string out = render_table(format, l.header, l.keys, l.rows);
    if (format == "text" && !quiet)
        out += fmt::format("{} as of {}: {} current, {} due soon, {} expired, {} untrained\n",
                           util::plural(count_of(l), "staff member", "staff members"), as_of.str(), l.current,
                           l.due_soon, l.expired, l.untrained);
    return out;
}

std::string students_table(const model::StudentListing& l, model::Date as_of, const std::string& format,
                           bool quiet)
{
    std::string out = render_table(format, l.header, l.keys, l.rows);
    if (format == "text" && !quiet)
        out += fmt::format("{} as of {}: {} visited, {} with a second visit, {} awaiting a visit, {} declined\n",
                           util::plural(count_of(l), "student", "students"), as_of.str(), l.visited, l.second,
                           l.awaiting, l.declined);
    return out;
}

std::string events_table(const model::Listing& l, const std::string& format, bool quiet)
{
    std::string out = render_table(format, l.header, l.keys, l.rows);
    if (format == "text" && !quiet)
        out += l.rows.empty() ? std::string("No events recorded (pthv event add records one).\n")
                              : util::plural(count_of(l), "event", "events") + "\n";
    return out;
}

std::string student_table(const model::Repo& repo, const model::Student& s, const model::Listing& l,
                          const std::string& format)
{
    std::string out;
    if (format == "text")
        out = util::printable_text(fmt::format("{}{}, site {}, grade {}, homeroom {}{}\n", repo.id(s.id),
                                               s.name.empty() ? std::string{} : " " + std::string(s.name),
                                               repo.id(s.site), s.grade, repo.id(s.homeroom),
                                               s.family_given ? ", family " + std::string(repo.id(s.family)) : ""));
    out += render_table(format, l.header, l.keys, l.rows);
    if (format == "text" && l.rows.empty())
        out += "(no visits logged)\n";
    return out;
}

std::string sessions_table(const model::Repo& repo, const model::Listing& l, const std::string& site,
                           const std::string& format, bool quiet)
{
    if (format != "text" || !l.rows.empty())
        return render_table(format, l.header, l.keys, l.rows);
    if (quiet)
        return {};
    if (!repo.has_file("sessions.csv"))
        return "No sessions.csv: training sessions are not planned in this repo.\n";
    return site.empty() ? "No sessions in sessions.csv.\n" : "No sessions at site " + site + ".\n";
}

} // namespace pthv::io
