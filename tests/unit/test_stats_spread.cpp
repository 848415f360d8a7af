#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include <pthv/io/loader.hpp>
#include <pthv/stats/spread.hpp>

#include "fixture.hpp"

using namespace pthv;
using stats::SpreadCell;

TEST_CASE("stats::spread_of")
{
    SUBCASE("two classes visited 8 of 10 and 2 of 10 are uneven: X2 = 7.2 on 1 df")
    {
        const auto s = stats::spread_of({{"T01", 10, 8, 0}, {"T02", 10, 2, 0}}, 0.05);
        REQUIRE(s.tested);
        CHECK(s.chi_square == doctest::Approx(7.2));
        CHECK(s.df == 1);
        CHECK(s.p == doctest::Approx(std::erfc(std::sqrt(3.6))).epsilon(1e-9));
        CHECK(s.uneven);
        CHECK_FALSE(s.sparse);
        CHECK(s.cells[s.lowest].key == "T02");
        CHECK(s.cells[s.highest].key == "T01");
        CHECK(s.cells[0].coverage == doctest::Approx(0.8));
    }
    SUBCASE("equal coverage everywhere is perfectly even")
    {
        const auto s =
            stats::spread_of({{"1", 20, 10, 0}, {"2", 30, 15, 0}, {"3", 10, 5, 0}}, 0.05);
        CHECK(s.tested);
        CHECK(s.chi_square == doctest::Approx(0.0));
        CHECK(s.df == 2);
        CHECK(s.p == doctest::Approx(1.0));
        CHECK_FALSE(s.uneven);
        CHECK(s.lowest == 0);
        CHECK(s.highest == 0);
    }
    SUBCASE("small expected counts mark the test as rough")
    {
        const auto s = stats::spread_of({{"T01", 6, 1, 0}, {"T02", 6, 2, 0}}, 0.05);
        CHECK(s.tested);
        CHECK(s.sparse);
    }
    SUBCASE("no test with one cell, nobody visited or everybody visited")
    {
        CHECK_FALSE(stats::spread_of({{"T01", 10, 3, 0}}, 0.05).tested);
        CHECK_FALSE(stats::spread_of({{"T01", 10, 0, 0}, {"T02", 10, 0, 0}}, 0.05).tested);
        CHECK_FALSE(stats::spread_of({{"T01", 10, 10, 0}, {"T02", 5, 5, 0}}, 0.05).tested);
        CHECK_FALSE(stats::spread_of({}, 0.05).tested);
    }
}

TEST_CASE("stats::analyse_spread")
{
    auto src = test::tiny_repo();
    // tiny_repo: ST01, ST02 (grade 3, T01) visited 2026-09-14; ST03 (grade 4, T02) only scheduled.
    test::append(src, "students.csv", "ST04,S01,K,T02,,,no");
    const auto loaded = io::load_sources(src, test::as_of());
    stats::SpreadOptions o;
    o.from = test::date("2026-07-01");
    o.to = test::date("2026-10-01");

    SUBCASE("per site, coverage per grade in grade order and per homeroom")
    {
        const auto sites = stats::analyse_spread(loaded.repo, o);
        REQUIRE(sites.size() == 1);
        const auto& s = sites[0];
        CHECK(s.site_id == "S01");
        CHECK(s.roster == 4);
        CHECK(s.visited == 2);
        CHECK(s.coverage == doctest::Approx(0.5));
        REQUIRE(s.by_grade.cells.size() == 3);
        CHECK(s.by_grade.cells[0].key == "K");
        CHECK(s.by_grade.cells[1].key == "3");
        CHECK(s.by_grade.cells[2].key == "4");
        CHECK(s.by_grade.cells[1].coverage == doctest::Approx(1.0));
        REQUIRE(s.by_homeroom.cells.size() == 2);
        CHECK(s.by_homeroom.cells[0].key == "T01");
        CHECK(s.by_homeroom.cells[0].visited == 2);
        CHECK(s.by_homeroom.cells[1].visited == 0);
        CHECK(s.by_homeroom.tested);
        CHECK(s.by_homeroom.sparse);
    }
    SUBCASE("the period and the site filter narrow it")
    {
        o.to = test::date("2026-09-13");
        const auto before = stats::analyse_spread(loaded.repo, o);
        REQUIRE(before.size() == 1);
        CHECK(before[0].visited == 0);
        CHECK_FALSE(before[0].by_homeroom.tested);
        o.site = "S02";
        CHECK(stats::analyse_spread(loaded.repo, o).empty());
    }
}
