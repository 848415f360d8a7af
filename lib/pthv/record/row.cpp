#include <pthv/record/row.hpp>

#include <algorithm>

#include <pthv/io/csv.hpp>
#include <pthv/util/strings.hpp>

namespace pthv::record {

std::vector<std::string> cells_in_order(const std::vector<std::string>& header, const Fields& fields)
{
    std::vector<std::string> cells;
    cells.reserve(header.size());
    for (const auto& column : header) {
        const auto it = fields.find(column);
        cells.push_back(it == fields.end() ? std::string{} : it->second);
    }
    return cells;
}

std::string render_row(const std::vector<std::string>& header, const Fields& fields, std::string_view newline)
{
    return io::csv_row(cells_in_order(header, fields), newline);
}

Fields fields_of(const std::vector<std::string>& header, const std::vector<std::string>& cells)
{
    Fields out;
    for (std::size_t i = 0; i < header.size() && i < cells.size(); ++i)
        out[header[i]] = cells[i];
    return out;
}

std::vector<std::string> missing_columns(const std::vector<std::string>& header, const Fields& fields)
{
    std::vector<std::string> out;
    for (const auto& [name, value] : fields)
        if (!value.empty() && std::find(header.begin(), header.end(), name) == header.end())
            out.push_back(name);
    return out;
}

std::string join_ids(std::string_view text)
{
    std::string normal(text);
    std::replace(normal.begin(), normal.end(), ',', ';');
    std::vector<std::string> ids;
    for (const auto& part : util::split(normal, ';')) {
        const auto id = util::trim(part);
        if (!id.empty())
            ids.emplace_back(id);
    }
    return util::join(ids, ";");
}

} // namespace pthv::record
