#pragma once
// Ordering many records by their id text without comparing text on every
// step of a sort. Ids that must be ordered together usually share a long
// prefix ("V20251012-ST00000..." for the visits of one day): the prefix is
// found once, the next eight bytes become a number, and the sort compares
// numbers; text is compared only when those eight bytes tie.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string_view>
#include <vector>

namespace pthv::util {

// Eight bytes of `s` from `at`, big-endian, zero-padded: for two strings
// that agree before `at`, comparing these numbers orders them as their
// text would, except that a tie means "look further".
inline std::uint64_t text_key(std::string_view s, std::size_t at)
{
    std::uint64_t key = 0;
    for (std::size_t i = 0; i < 8; ++i)
        key = (key << 8) | (at + i < s.size() ? static_cast<unsigned char>(s[at + i]) : 0u);
    return key;
}

// Sorts [first, last) by text_of(element), byte order; elements whose text
// is equal keep their order (the sort is stable).
template <typename It, typename TextOf> void sort_by_text(It first, It last, TextOf text_of)
{
    using T = typename std::iterator_traits<It>::value_type;
    const auto n = static_cast<std::size_t>(last - first);
    if (n < 2)
        return;
    const std::string_view head = text_of(first[0]);
    std::size_t common = head.size();
    for (std::size_t i = 1; i < n && common > 0; ++i) {
        const std::string_view t = text_of(first[static_cast<std::ptrdiff_t>(i)]);
        std::size_t k = 0;
        const std::size_t most = std::min(common, t.size());
        while (k < most && head[k] == t[k])
            ++k;
        common = k;
    }
    struct Slot {
        std::uint64_t key;
        std::uint32_t at;
    };
    std::vector<Slot> slots(n);
    for (std::size_t i = 0; i < n; ++i)
        slots[i] = {text_key(text_of(first[static_cast<std::ptrdiff_t>(i)]), common), static_cast<std::uint32_t>(i)};
    std::sort(slots.begin(), slots.end(), [&](const Slot& a, const Slot& b) {
        if (a.key != b.key)
            return a.key < b.key;
        const int c = text_of(first[a.at]).compare(text_of(first[b.at]));
        return c != 0 ? c < 0 : a.at < b.at;
    });
    std::vector<T> sorted;
    sorted.reserve(n);
    for (const Slot& s : slots)
        sorted.push_back(first[s.at]);
    std::copy(sorted.begin(), sorted.end(), first);
}

} // namespace pthv::util
