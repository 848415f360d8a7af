#include "pseudonyms.hpp"

#include <stdexcept>

#include <pthv/export/hmac.hpp>
#include <pthv/util/strings.hpp>

namespace pthv::exporting {

std::string Pseudonyms::of(std::string_view id)
{
    const std::uint32_t h = m_ids.intern(id);
    if (h < m_pseudonyms.size())
        return m_pseudonyms[h];
    std::string p = pseudonym(m_key, id);
    if (m_taken.define(p, h).second != model::IdTable::k_none)
        throw std::runtime_error("two ids have the same exported id; export with another key");
    m_pseudonyms.push_back(p);
    return p;
}

std::string Pseudonyms::list(std::string_view ids)
{
    std::vector<std::string> parts;
    util::for_each_part(ids, ';', [&](std::string_view part) {
        if (!part.empty())
            parts.push_back(of(part));
        return true;
    });
    return util::join(parts, ";");
}

} // namespace pthv::exporting
