#include <doctest/doctest.h>

#include <pthv/io/loader.hpp>
#include <pthv/model/facts.hpp>
#include <pthv/pay/events.hpp>
#include <pthv/report/publication.hpp>
#include <pthv/rules/registry.hpp>

using namespace pthv;

TEST_CASE("report::Publication on the example district")
{
    io::LoadOptions lo;
    lo.as_of = model::Date::parse("2026-05-15");
    const io::Sources sources = io::read_sources(PTHV_EXAMPLES_DIR);
    const auto loaded = io::load_sources(sources, lo);
    struct {
        model::Problems findings;
    } e{rules::check_repo(loaded.repo, loaded.problems)};
    const model::Facts facts(loaded.repo);
    const auto work = pay::visit_work(facts);

    SUBCASE("the periods: mid-year, the year to the end of April, and every month that has ended")
    {
        const report::Publication pub(facts, e.findings, nullptr);
        const auto& p = pub.periods();
        REQUIRE(p.size() == 12); // mid-year, end-of-year, 2025-07 .. 2026-04
        CHECK(p[1].to.str() == "2026-04-30");
        CHECK(p[1].cut_at_month);
        CHECK(p.back().label == "2026-04");
    }
    SUBCASE("every public report prints the set's cells, and the set passes its audit")
    {
        const report::Publication decided(facts, e.findings, nullptr);
        const auto printed = report::Publication::as_printed(facts, work, e.findings, nullptr, nullptr, decided);
        CHECK(printed.unmodelled() == 0);
        CHECK(printed.reports() == 12 * 7);
        CHECK(printed.audit().empty());
        // Every relation the reader is given holds for the true counts, and
        // none declared is refused on the example district.
        CHECK(decided.cells().relations() > 1000);
        CHECK(decided.cells().relations_broken() == 0);
        CHECK(decided.cells().relations_refused() == 0);
    }
    SUBCASE("primary suppression alone is caught by the audit")
    {
        const auto primary = report::Publication::primary_only(facts, e.findings);
        const auto printed = report::Publication::as_printed(facts, work, e.findings, nullptr, nullptr, primary);
        CHECK(printed.unmodelled() == 0);
        CHECK(!printed.audit().empty());
    }
}
