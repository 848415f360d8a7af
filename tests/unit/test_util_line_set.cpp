#include <doctest/doctest.h>

#include <pthv/util/line_set.hpp>

#include <random>
#include <set>
#include <vector>

using namespace pthv;

TEST_CASE("util::LineSet reads as the std::set of the same lines")
{
    std::mt19937 random(27);
    for (int round = 0; round < 200; ++round) {
        util::LineSet runs;
        std::set<std::size_t> lines;
        const int inserts = static_cast<int>(random() % 12);
        for (int i = 0; i < inserts; ++i) {
            const std::size_t first = random() % 60;
            const std::size_t count = random() % 8;
            if (count == 1 && random() % 2)
                runs.insert(first);
            else
                runs.insert_run(first, count);
            for (std::size_t l = first; l < first + count; ++l)
                lines.insert(l);
        }
        CHECK(runs.size() == lines.size());
        CHECK(runs.empty() == lines.empty());
        CHECK(std::vector<std::size_t>(runs.begin(), runs.end()) ==
              std::vector<std::size_t>(lines.begin(), lines.end()));
        for (std::size_t l = 0; l < 75; ++l)
            CHECK(runs.count(l) == lines.count(l));
    }
    CHECK(util::LineSet{3, 4, 5} == util::LineSet{5, 3, 4});
    util::LineSet many;
    many.insert_run(2, 200000); // one run, however many lines
    CHECK(many.size() == 200000);
    CHECK(*many.begin() == 2);
    CHECK(many.count(200001) == 1);
    CHECK(many.count(200002) == 0);
}
