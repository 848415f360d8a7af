#include <doctest/doctest.h>

#include <atomic>
#include <stdexcept>
#include <string>
#include <vector>

#include <pthv/util/parallel.hpp>

using namespace pthv;

TEST_CASE("util::in_two_parts")
{
    const auto part = [](std::size_t from, std::size_t to) {
        return std::to_string(from) + "-" + std::to_string(to);
    };
    SUBCASE("the parts' results come back in order, on one thread or two")
    {
        for (const std::size_t items : {std::size_t{10}, util::k_parallel_min_items}) {
            const auto halves = util::in_two_parts(3, 7, items, part);
            CHECK(halves[0] == "0-3");
            CHECK(halves[1] == "3-7");
        }
    }
    SUBCASE("what the second part throws reaches the caller")
    {
        const auto throws = [](std::size_t from, std::size_t) -> int {
            if (from > 0)
                throw std::runtime_error("second");
            return 0;
        };
        CHECK_THROWS_AS(util::in_two_parts(1, 2, util::k_parallel_min_items, throws),
                        std::runtime_error);
    }
}

TEST_CASE("util::for_each_task")
{
    std::vector<std::atomic<int>> done(50);
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < done.size(); ++i)
        order.push_back(done.size() - 1 - i);
    util::for_each_task(order, [&](std::size_t i) { ++done[i]; });
    for (const auto& d : done)
        CHECK(d.load() == 1);
}
