#pragma once
// One place for many small texts: each kept text is copied into large
// blocks that never move, so a view of it stays valid for the arena's life.
// A million names and notes cost a handful of allocations, not a million.

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

namespace pthv::util {

class Arena {
public:
    Arena() = default;
    Arena(Arena&&) = default;
    Arena& operator=(Arena&&) = default;
    Arena(const Arena&) = delete;
    Arena& operator=(const Arena&) = delete;

    // A copy of `text` that lives as long as the arena; empty stays empty.
    std::string_view keep(std::string_view text);
    // Takes over `other`'s blocks: views of its texts stay valid.
    void absorb(Arena&& other);
    std::size_t bytes() const { return m_bytes; }

private:
    static constexpr std::size_t k_block = std::size_t{1} << 20;
    std::vector<std::unique_ptr<char[]>> m_blocks;
    char* m_next = nullptr;
    std::size_t m_left = 0;
    std::size_t m_bytes = 0;
};

} // namespace pthv::util
