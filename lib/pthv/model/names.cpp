#include <pthv/model/names.hpp>

#include <algorithm>
#include <numeric>

#include <pthv/util/strings.hpp>

namespace pthv::model {

std::uint32_t IdTable::intern(std::string_view text)
{
    if (text.empty())
        return k_none;
    const auto it = m_index.find(text);
    if (it != m_index.end())
        return it->second;
    const auto h = static_cast<std::uint32_t>(m_text.size());
    const std::string_view kept = m_arena.keep(text);
    m_text.push_back(kept);
    m_row.push_back(k_none);
    m_index.emplace(kept, h);
    return h;
}

std::pair<std::uint32_t, std::uint32_t> IdTable::define(std::string_view text, std::uint32_t row)
{
    const std::uint32_t h = intern(text);
    if (h == k_none)
        return {k_none, k_none};
    if (m_row[h] != k_none)
        return {h, m_row[h]};
    m_row[h] = row;
    ++m_defined;
    return {h, k_none};
}

std::uint32_t IdTable::find(std::string_view text) const
{
    const auto it = m_index.find(text);
    return it == m_index.end() ? k_none : it->second;
}

void IdTable::reserve(std::size_t n)
{
    m_text.reserve(n);
    m_row.reserve(n);
    m_index.reserve(n);
}

std::string IdTable::closest(std::string_view wrong, std::size_t most) const
{
    if (m_defined > most)
        return {};
    // Sorted, so of two ids equally close the same one is always named.
    std::vector<std::string> ids;
    ids.reserve(m_defined);
    for (std::uint32_t h = 0; h < m_text.size(); ++h)
        if (m_row[h] != k_none)
            ids.emplace_back(m_text[h]);
    std::sort(ids.begin(), ids.end());
    return util::closest_match(wrong, ids);
}

std::vector<std::uint32_t> IdTable::ranks() const
{
    std::vector<std::uint32_t> order(m_text.size());
    std::iota(order.begin(), order.end(), 0u);
    std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return m_text[a] < m_text[b]; });
    std::vector<std::uint32_t> rank(m_text.size());
    for (std::uint32_t i = 0; i < order.size(); ++i)
        rank[order[i]] = i;
    return rank;
}

std::string did_you_mean(const std::string& near) { return near.empty() ? std::string{} : "; did you mean " + near + "?"; }

} // namespace pthv::model
