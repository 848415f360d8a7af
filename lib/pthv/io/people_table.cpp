#include <pthv/io/people_table.hpp>

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

} // namespace pthv::io
