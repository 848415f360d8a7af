#pragma once
// Sorting and walking a million records fast, so that the code that orders
// pay items and visits can say only what the order is. Each sort is stable:
// records that tie on everything keep the order they came in.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include <pthv/util/text_order.hpp>

namespace pthv::util {

// Moves the elements of `items` so that position j holds what was at
// order[j] (`order` a permutation of its positions). Each element moves
// once: each cycle of the permutation is followed with one element held
// aside, so a million fat elements are not moved n log n times.
template <typename T> void apply_order(std::vector<T>& items, std::vector<std::size_t> order)
{
    for (std::size_t start = 0; start < order.size(); ++start) {
        if (order[start] == start)
            continue;
        T held = std::move(items[start]);
        std::size_t j = start;
        while (order[j] != start) {
            const std::size_t from = order[j];
            items[j] = std::move(items[from]);
            order[j] = j;
            j = from;
        }
        items[j] = std::move(held);
        order[j] = j;
    }
}

// Sorts `items` by key_of(item) (small, compared with <), and items whose
// keys are equal by less(a, b). The keys are read once, in the items'
// order, and sorted beside their positions; `less` runs only inside a run
// of equal keys; each item then moves once (apply_order).
template <typename T, typename KeyOf, typename Less>
void sort_by_key(std::vector<T>& items, KeyOf key_of, Less less)
{
    using Key = decltype(key_of(items.front()));
    std::vector<std::pair<Key, std::size_t>> keys;
    keys.reserve(items.size());
    for (std::size_t i = 0; i < items.size(); ++i)
        keys.emplace_back(key_of(items[i]), i);
    std::sort(keys.begin(), keys.end());
    for (auto run = keys.begin(); run != keys.end();) {
        const auto end = std::find_if(run + 1, keys.end(),
                                      [&](const auto& k) { return !(k.first == run->first); });
        if (end - run > 1)
            std::stable_sort(run, end, [&](const auto& a, const auto& b) {
                return less(items[a.second], items[b.second]);
            });
        run = end;
    }
    std::vector<std::size_t> order(items.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = keys[i].second;
    std::vector<std::pair<Key, std::size_t>>().swap(keys);
    apply_order(items, std::move(order));
}

// A record's position, its sort key and the first bytes of its id text.
template <typename Key> struct Keyed
{
    Key key;
    std::uint32_t at;
    std::uint32_t size; // of the id text
    char head[24];      // its first bytes
};

// The positions `which` (in rising order) with their keys, sorted by key,
// then by text_of(position) in byte order (util::sort_by_text; a
// std::string_view that outlives the call), then by position. At state
// scale hundreds of visits share a minute: the key and the id's first
// bytes are kept beside the position, so neither the sort nor a loop over
// the result goes back to the records for them.
template <typename Key, typename KeyOf, typename TextOf>
std::vector<Keyed<Key>> order_by_key_then_text(const std::vector<std::uint32_t>& which,
                                               KeyOf key_of, TextOf text_of)
{
    std::vector<Keyed<Key>> order;
    order.reserve(which.size());
    for (const std::uint32_t at : which) {
        Keyed<Key> k{key_of(at), at, 0, {}};
        const std::string_view text = text_of(at);
        k.size = static_cast<std::uint32_t>(text.size());
        text.copy(k.head, sizeof k.head);
        order.push_back(k);
    }
    std::sort(order.begin(), order.end(), [](const Keyed<Key>& a, const Keyed<Key>& b) {
        return a.key < b.key || (!(b.key < a.key) && a.at < b.at);
    });
    const auto text = [&](const Keyed<Key>& k) {
        return k.size <= sizeof k.head ? std::string_view(k.head, k.size) : text_of(k.at);
    };
    for (auto run = order.begin(); run != order.end();) {
        const auto end = std::find_if(run, order.end(),
                                      [&](const Keyed<Key>& k) { return !(k.key == run->key); });
        sort_by_text(run, end, text);
        run = end;
    }
    return order;
}

// body(i) for each i of [0, n), in order, with far(i) called 2 * k_ahead
// steps and near(i) k_ahead steps before: for a loop that reads records in
// no order in memory, `far` prefetching what `near` needs to find its own
// (util::prefetch), so the loop does not wait on main memory twice a step.
template <typename Far, typename Near, typename Body>
void for_each_fetched_ahead(std::size_t n, Far far, Near near, Body body)
{
    constexpr std::size_t k_ahead = 8;
    for (std::size_t i = 0; i < n; ++i) {
        if (i + 2 * k_ahead < n)
            far(i + 2 * k_ahead);
        if (i + k_ahead < n)
            near(i + k_ahead);
        body(i);
    }
}

inline void prefetch(const void* p)
{
    __builtin_prefetch(p);
}

} // namespace pthv::util
