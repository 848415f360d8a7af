#include <doctest/doctest.h>

#include <string>

#include <pthv/model/names.hpp>
#include <pthv/util/arena.hpp>

using namespace pthv;

TEST_CASE("model::IdTable")
{
    model::IdTable t;

    SUBCASE("defined ids take handles in file order; a repeat names its first row")
    {
        CHECK(t.define("S01", 0) == std::make_pair(0u, model::IdTable::k_none));
        CHECK(t.define("S02", 1) == std::make_pair(1u, model::IdTable::k_none));
        CHECK(t.define("S01", 2) == std::make_pair(0u, 0u));
        CHECK(t.row(0) == 0);
        CHECK(t.text(1) == "S02");
    }
    SUBCASE("an id only referenced has a handle but is not defined; the empty id has none")
    {
        t.define("T01", 0);
        const auto ref = t.intern("T99");
        CHECK(ref == 1);
        CHECK(t.intern("T99") == ref);
        CHECK_FALSE(t.defined(ref));
        CHECK(t.defined(0));
        CHECK(t.intern("") == model::IdTable::k_none);
        CHECK(t.find("T98") == model::IdTable::k_none);
        CHECK(t.text(model::IdTable::k_none).empty());
    }
    SUBCASE("did you mean looks among defined ids only, and not in a table too large")
    {
        t.define("ST0001", 0);
        t.intern("ST0002");
        CHECK(t.closest("ST0O01") == "ST0001");
        CHECK(t.closest("ST0003") == "ST0001");
        CHECK(t.closest("ST0O01", 0).empty());
        CHECK(model::did_you_mean("ST0001") == "; did you mean ST0001?");
        CHECK(model::did_you_mean("").empty());
    }
    SUBCASE("ranks order handles by text")
    {
        t.define("b", 0);
        t.define("c", 1);
        t.define("a", 2);
        CHECK(t.ranks() == std::vector<std::uint32_t>{1, 2, 0});
    }
}

TEST_CASE("model::Ids keeps its own copy of the text")
{
    model::Ids<model::StaffId> ids;
    std::string text = "T01";
    const auto h = ids.intern(text);
    text = "XXX";
    CHECK(ids.text(h) == "T01");
    CHECK(ids.find("T01") == h);
    CHECK_FALSE(ids.find("XXX"));
}

TEST_CASE("util::Arena")
{
    util::Arena a;
    std::vector<std::string_view> kept;
    for (int i = 0; i < 100000; ++i)
        kept.push_back(a.keep("text " + std::to_string(i)));
    const std::string big(400000, 'x'); // larger than a quarter block: a block of its own
    const auto b = a.keep(big);
    util::Arena other;
    const auto moved = other.keep("from another arena");
    a.absorb(std::move(other));
    CHECK(kept[0] == "text 0");
    CHECK(kept[99999] == "text 99999");
    CHECK(b == big);
    CHECK(moved == "from another arena");
    CHECK(a.keep("").empty());
}
