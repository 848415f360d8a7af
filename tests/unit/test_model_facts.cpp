#include <doctest/doctest.h>

#include <atomic>
#include <thread>

#include "fixture.hpp"

#include <pthv/model/facts.hpp>
#include <pthv/pay/events.hpp>

using namespace pthv;

TEST_CASE("model::Facts::derived")
{
    const auto loaded = io::load_sources(test::tiny_repo(), test::as_of());
    const model::Facts facts(loaded.repo);

    SUBCASE("is made once, by the first of several threads, and shared")
    {
        std::atomic<int> made{0};
        std::vector<const std::vector<int>*> seen(4, nullptr);
        std::vector<std::thread> threads;
        for (std::size_t t = 0; t < seen.size(); ++t)
            threads.emplace_back([&, t] {
                seen[t] = &facts.derived<std::vector<int>>([&] {
                    ++made;
                    return std::vector<int>{1, 2, 3};
                });
            });
        for (auto& t : threads)
            t.join();
        CHECK(made == 1);
        for (const auto* s : seen)
            CHECK(s == seen[0]);
        CHECK(*seen[0] == std::vector<int>{1, 2, 3});
    }
    SUBCASE("one value per type")
    {
        const auto& a = facts.derived<std::vector<int>>([] { return std::vector<int>{1}; });
        const auto& b = facts.derived<std::string>([] { return std::string("b"); });
        CHECK(a == std::vector<int>{1});
        CHECK(b == "b");
    }
    SUBCASE("pay::visit_work is worked out once per Facts")
    {
        const auto& first = pay::visit_work(facts);
        CHECK(&pay::visit_work(facts) == &first);
        CHECK(first.size() == 2); // the one event, for T01 and T02
        const model::Facts other(loaded.repo);
        CHECK(&pay::visit_work(other) != &first);
    }
}
