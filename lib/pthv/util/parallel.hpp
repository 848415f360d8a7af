#pragma once
// The one place pthv starts threads. Every helper runs its work to the end
// and rethrows, on the calling thread, the first exception a thread threw;
// none changes a result's order, so output is the same on one core or many.

#include <algorithm>
#include <array>
#include <atomic>
#include <cstddef>
#include <future>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

namespace pthv::util {

// Items below which a second thread costs more than it saves.
constexpr std::size_t k_parallel_min_items = 20000;
// Threads working at once, the caller's included: pthv shares a machine.
constexpr std::size_t k_max_threads = 4;

inline std::size_t thread_count()
{
    return std::min<std::size_t>(std::max(1U, std::thread::hardware_concurrency()), k_max_threads);
}

// Starts `work` on a thread of its own; get() on the result waits for it
// and rethrows what it threw.
template <typename Work> auto start_beside(Work&& work)
{
    return std::async(std::launch::async, std::forward<Work>(work));
}

// part(0, cut) on this thread and part(cut, n) beside it, the results in
// that order; both on this thread when `items` (what the parts weigh
// together) is below k_parallel_min_items.
template <typename Part>
auto in_two_parts(std::size_t cut, std::size_t n, std::size_t items, Part part)
{
    using Result = std::invoke_result_t<Part&, std::size_t, std::size_t>;
    if (items < k_parallel_min_items)
        return std::array<Result, 2>{part(0, cut), part(cut, n)};
    auto second = start_beside([&] { return part(cut, n); });
    Result first = part(0, cut);
    return std::array<Result, 2>{std::move(first), second.get()};
}

// task(order[0]), task(order[1]), ... on up to thread_count() threads, each
// taking the next in `order`; returns when all are done.
template <typename Task> void for_each_task(const std::vector<std::size_t>& order, Task task)
{
    std::atomic<std::size_t> next{0};
    const auto run = [&] {
        for (std::size_t k = next++; k < order.size(); k = next++)
            task(order[k]);
    };
    std::vector<std::future<void>> helpers;
    for (std::size_t h = 1; h < thread_count(); ++h)
        helpers.push_back(start_beside(run));
    run();
    for (auto& f : helpers)
        f.get();
}

} // namespace pthv::util
