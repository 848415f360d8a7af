#include <pthv/model/subgroups.hpp>

#include <algorithm>

namespace pthv::model {

namespace {
const std::string k_unknown_text = "unknown";
}

void Subgroups::reset(std::vector<std::string> names, std::size_t students)
{
    m_names = std::move(names);
    m_values.assign(m_names.size(), {});
    m_students = students;
    m_codes.assign(students * m_names.size(), k_unknown);
}

void Subgroups::grow(std::size_t students)
{
    if (students <= m_students)
        return;
    m_students = students;
    m_codes.resize(students * m_names.size(), k_unknown);
}

void Subgroups::resize(std::size_t students)
{
    m_students = students;
    m_codes.resize(students * m_names.size(), k_unknown);
}

std::size_t Subgroups::index(std::string_view name) const
{
    return static_cast<std::size_t>(std::find(m_names.begin(), m_names.end(), name) - m_names.begin());
}

const std::string& Subgroups::value(std::size_t g, Code code) const
{
    if (code == k_unknown || g >= m_values.size() || code > m_values[g].size())
        return k_unknown_text;
    return m_values[g][code - 1];
}

bool Subgroups::set(std::size_t student_row, std::size_t g, std::string_view text)
{
    if (g >= m_names.size())
        return true;
    grow(student_row + 1);
    Code& slot = m_codes[student_row * m_names.size() + g];
    if (text.empty() || text == k_unknown_text) {
        slot = k_unknown;
        return true;
    }
    auto& values = m_values[g];
    const auto it = std::find(values.begin(), values.end(), text);
    if (it != values.end()) {
        slot = static_cast<Code>(it - values.begin() + 1);
        return true;
    }
    if (values.size() >= k_max_values)
        return false;
    values.emplace_back(text);
    slot = static_cast<Code>(values.size());
    return true;
}

std::vector<Subgroups::Code> Subgroups::values(std::size_t g) const
{
    std::vector<Code> out;
    if (g >= m_names.size())
        return out;
    std::vector<char> seen(m_values[g].size() + 1, 0);
    for (std::size_t row = 0; row < m_students; ++row)
        seen[code(row, g)] = 1;
    for (Code c = 1; c < seen.size(); ++c)
        if (seen[c])
            out.push_back(c);
    std::sort(out.begin(), out.end(), [&](Code a, Code b) { return m_values[g][a - 1] < m_values[g][b - 1]; });
    if (seen[k_unknown])
        out.push_back(k_unknown);
    return out;
}

} // namespace pthv::model
