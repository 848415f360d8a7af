#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

#include <pthv/util/order.hpp>

using namespace pthv;

TEST_CASE("util::apply_order")
{
    std::vector<std::string> items = {"a", "b", "c", "d", "e"};
    util::apply_order(items, {3, 0, 4, 1, 2});
    CHECK(items == std::vector<std::string>{"d", "a", "e", "b", "c"});
}

TEST_CASE("util::sort_by_key")
{
    SUBCASE("by key, then the tie-breaker inside a run of equal keys, then arrival")
    {
        std::vector<std::pair<int, std::string>> items = {
            {2, "b"}, {1, "z"}, {2, "a"}, {1, "y"}, {2, "a"}};
        items[4].second = "a"; // equal to items[2]: keeps arriving second
        std::vector<std::pair<int, std::string>> expected = {
            {1, "y"}, {1, "z"}, {2, "a"}, {2, "a"}, {2, "b"}};
        util::sort_by_key(
            items, [](const auto& i) { return i.first; },
            [](const auto& a, const auto& b) { return a.second < b.second; });
        CHECK(items == expected);
    }
    SUBCASE("nothing to sort")
    {
        std::vector<int> none;
        util::sort_by_key(
            none, [](int i) { return i; }, [](int, int) { return false; });
        CHECK(none.empty());
    }
}

TEST_CASE("util::order_by_key_then_text")
{
    const std::vector<int> keys = {5, 3, 5, 3, 5};
    const std::vector<std::string> texts = {"V10", "V2", "V09", "V2",
                                            std::string(30, 'x') + "long"};
    const auto order = util::order_by_key_then_text<int>(
        {0, 1, 2, 3, 4}, [&](std::uint32_t i) { return keys[i]; },
        [&](std::uint32_t i) { return std::string_view(texts[i]); });
    std::vector<std::uint32_t> at;
    for (const auto& k : order)
        at.push_back(k.at);
    CHECK(at == std::vector<std::uint32_t>{1, 3, 2, 0,
                                           4}); // ties of key and text keep their positions' order
    CHECK(order[2].key == 5);
}

TEST_CASE("util::for_each_fetched_ahead")
{
    std::vector<std::size_t> seen, far, near;
    util::for_each_fetched_ahead(
        20, [&](std::size_t i) { far.push_back(i); }, [&](std::size_t i) { near.push_back(i); },
        [&](std::size_t i) { seen.push_back(i); });
    REQUIRE(seen.size() == 20);
    CHECK(seen.front() == 0);
    CHECK(seen.back() == 19);
    CHECK(far.front() == 16);
    CHECK(near.front() == 8);
    CHECK(near.back() == 19);
}
