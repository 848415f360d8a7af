#include <pthv/util/arena.hpp>

#include <cstring>
#include <iterator>

namespace pthv::util {

std::string_view Arena::keep(std::string_view text)
{
    if (text.empty())
        return {};
    if (text.size() > m_left) {
        // A text larger than a quarter block gets a block of its own, so the
        // current block's room is not thrown away for it.
        if (text.size() > k_block / 4) {
            m_blocks.push_back(std::make_unique<char[]>(text.size()));
            std::memcpy(m_blocks.back().get(), text.data(), text.size());
            m_bytes += text.size();
            return {m_blocks.back().get(), text.size()};
        }
        m_blocks.push_back(std::make_unique<char[]>(k_block));
        m_next = m_blocks.back().get();
        m_left = k_block;
        m_bytes += k_block;
    }
    char* at = m_next;
    std::memcpy(at, text.data(), text.size());
    m_next += text.size();
    m_left -= text.size();
    return {at, text.size()};
}

void Arena::absorb(Arena&& other)
{
    // The blocks go to the front, so this arena keeps filling its own
    // current block.
    m_blocks.insert(m_blocks.begin(), std::make_move_iterator(other.m_blocks.begin()),
                    std::make_move_iterator(other.m_blocks.end()));
    m_bytes += other.m_bytes;
    other.m_blocks.clear();
    other.m_next = nullptr;
    other.m_left = 0;
    other.m_bytes = 0;
}

} // namespace pthv::util
