#include <doctest/doctest.h>

#include <algorithm>

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

    SUBCASE("the periods: those of reports.publish that have ended, in the list's order")
    {
        // mid-year and 2025-07 .. 2026-04: end-of-year, still running, shows
        // mid-year's figures (the same period) until it ends.
        const report::Publication pub(facts, e.findings, nullptr);
        const auto& p = pub.periods();
        REQUIRE(p.size() == 11);
        CHECK(p[0].label == "mid-year");
        CHECK(p[1].label == "2025-07");
        CHECK(p.back().label == "2026-04");
        CHECK(std::none_of(p.begin(), p.end(), [](const model::Period& x) { return x.to.str() > "2026-04-30"; }));
    }
    SUBCASE("a running period shows the longest listed period it begins with that has ended")
    {
        std::string error;
        auto eoy = model::parse_period("end-of-year", loaded.repo.config, loaded.repo.as_of, error);
        REQUIRE(eoy);
        const auto shown = report::public_period(*eoy, loaded.repo, error);
        REQUIRE(shown);
        CHECK(shown->from.str() == "2025-07-01");
        CHECK(shown->to.str() == "2026-01-31");
        CHECK(shown->counted_as == "mid-year");
        CHECK(shown->runs_to.str() == "2026-06-30");
        CHECK(shown->next_counted.str() == "2026-06-30");
        // Posted from the first as-of date whose last full month holds its end.
        CHECK(report::first_posting_day(shown->next_counted).str() == "2026-07-01");
        CHECK(report::first_posting_day(*model::Date::parse("2026-05-15")).str() == "2026-06-01");
        // A month posts nothing before it is over.
        auto may = model::parse_period("2026-05", loaded.repo.config, loaded.repo.as_of, error);
        REQUIRE(may);
        CHECK_FALSE(report::public_period(*may, loaded.repo, error));
        CHECK(error.find("ended") != std::string::npos);
    }
    SUBCASE("every public report prints the set's cells, and the set passes its audit")
    {
        const report::Publication decided(facts, e.findings, nullptr);
        const auto printed = report::Publication::as_printed(facts, work, e.findings, nullptr, nullptr, decided);
        CHECK(printed.unmodelled() == 0);
        CHECK(printed.reports() == 11 * 7);
        CHECK(printed.audit().empty());
        // Every relation the reader is given holds for the true counts, and
        // none declared is refused on the example district.
        CHECK(decided.cells().relations() > 800);
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
