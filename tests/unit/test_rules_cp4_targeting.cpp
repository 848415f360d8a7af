#include <doctest/doctest.h>

#include <fmt/format.h>

#include <pthv/util/strings.hpp>

#include "fixture.hpp"

using namespace pthv;
using test::contains;

namespace {

// Homeroom T03 gets ten students, the first five flagged for attendance;
// `visited` says which of them had a completed visit.
io::Sources with_homeroom(const std::vector<int>& visited)
{
    auto src = test::tiny_repo();
    for (int i = 0; i < 10; ++i)
        test::append(src, "students.csv", fmt::format("ST1{},S01,5,T03,,,{}", i, i < 5 ? "yes" : "no"));
    for (const int i : visited)
        test::append(src, "visits.csv",
                     fmt::format("V20260916-ST1{0},ST1{0},S01,2026-09-16,16:{1:02},30,T01;T02,completed,2026-09-10,"
                                 "hopes_and_dreams,home,2026-09-17,,",
                                 i, i * 5));
    return src;
}

} // namespace

TEST_CASE("rules::CP4-targeting")
{
    SUBCASE("a homeroom whose visits went exactly to its flagged students fires, on no line")
    {
        const auto problems = test::validate(with_homeroom({0, 1, 2, 3, 4}));
        INFO(test::dump(problems));
        const auto p = test::only(problems, "CP4-targeting");
        CHECK(p.line == 0);
        CHECK(p.record == "T03");
        CHECK(p.severity == model::Severity::Warning);
        CHECK(contains(p.message, "homeroom T03: 5 of the 5 students visited"));
        CHECK(problems.size() == 1);
    }
    SUBCASE("a cross-section of the homeroom passes")
    {
        CHECK(test::validate(with_homeroom({0, 1, 5, 6, 7})).empty());
    }
    SUBCASE("too few visits to judge pass")
    {
        CHECK(test::validate(with_homeroom({0, 1, 2, 3})).empty());
    }
    SUBCASE("a repo without flag columns has nothing to check")
    {
        auto src = with_homeroom({0, 1, 2, 3, 4});
        std::string& students = src.at("students.csv").edit();
        std::string out;
        for (const auto& line : pthv::util::split(students, '\n'))
            if (!line.empty())
                out += line.substr(0, line.rfind(',')) + "\n";
        students = out;
        CHECK(test::validate(src).empty());
    }
}
