#include <doctest/doctest.h>

#include <cstddef>
#include <optional>

#include <pthv/util/optional_index.hpp>

using pthv::util::OptionalIndex;

TEST_CASE("util::OptionalIndex reads like std::optional<std::size_t> in four bytes")
{
    static_assert(sizeof(OptionalIndex) == 4);
    SUBCASE("empty by default and after reset")
    {
        OptionalIndex i;
        CHECK_FALSE(i);
        CHECK(i == std::nullopt);
        CHECK(i.value_or(7) == 7);
        i = 3;
        CHECK(i);
        CHECK(*i == 3);
        i.reset();
        CHECK_FALSE(i.has_value());
    }
    SUBCASE("row 0 is a value, not none")
    {
        const OptionalIndex i = std::size_t{0};
        CHECK(i);
        CHECK(*i == 0);
    }
    SUBCASE("to and from std::optional")
    {
        const std::optional<std::size_t> none;
        const std::optional<std::size_t> five = 5;
        CHECK(std::optional<std::size_t>(OptionalIndex(none)) == std::nullopt);
        CHECK(std::optional<std::size_t>(OptionalIndex(five)) == five);
        CHECK(OptionalIndex(five) == OptionalIndex(std::size_t{5}));
        CHECK(OptionalIndex(five) != OptionalIndex());
    }
}
