#include <doctest/doctest.h>

#include "fixture.hpp"

using namespace pthv;
using test::contains;

TEST_CASE("rules::registry")
{
    SUBCASE("every rule id of rules.md, in its order")
    {
        CHECK(rules::rule_ids() ==
              std::vector<std::string>{"csv-syntax", "config-invalid", "column-missing", "value-invalid",
                                       "required-missing", "duplicate-key", "unknown-ref", "held-back",
                                       "visit-out-of-year", "visit-in-future", "visit-inactive-site",
                                       "removed-visit-present", "CP1-arranged", "CP1-opted-in",
                                       "CP2-trained", "CP2-refresher", "CP2-compensation", "CP3-first-focus",
                                       "CP4-targeting", "CP5-pair", "CP5-reflection", "duplicate-visit",
                                       "unknown-column", "paid-not-compensable", "over-cap", "unfunded", "late-entry", "scheduled-overdue", "paid-twice",
                                       "ledger-name", "review-invalid", "review-stale", "event-missing",
                                       "session-over-capacity"});
    }
    SUBCASE("default severities follow rules.md")
    {
        for (const char* w : {"CP2-refresher", "CP2-compensation", "CP4-targeting", "CP5-reflection",
                              "duplicate-visit", "unknown-column", "over-cap", "unfunded", "late-entry", "scheduled-overdue", "ledger-name",
                              "review-stale", "event-missing", "session-over-capacity"})
            CHECK_MESSAGE(rules::find_rule(w)->default_severity == model::Severity::Warning, w);
        for (const auto& r : rules::all_rules())
            if (r.kind == rules::RuleKind::Integrity)
                CHECK(r.default_severity == model::Severity::Error);
        CHECK_FALSE(rules::find_rule("CP6-anything"));
    }
}

TEST_CASE("rules::check_repo")
{
    auto src = test::tiny_repo();
    // One visit with one educator (CP5-pair, error) and no reflection (CP5-reflection, warning).
    test::replace(src, "visits.csv", "45,T01;T02,completed,2026-09-08,hopes_and_dreams,home,2026-09-15",
                  "45,T01,completed,2026-09-08,hopes_and_dreams,home,");

    SUBCASE("findings get their default severity and the rule's advice")
    {
        const auto problems = test::validate(src);
        REQUIRE(problems.size() == 2);
        CHECK(problems[0].rule == "CP5-pair");
        CHECK(problems[0].severity == model::Severity::Error);
        CHECK(problems[1].rule == "CP5-reflection");
        CHECK(problems[1].severity == model::Severity::Warning);
        CHECK_FALSE(problems[1].advice.empty());
        const auto t = rules::tally(problems);
        CHECK(t.errors == 1);
        CHECK(t.warnings == 1);
    }
    SUBCASE("practices.severity turns a rule off or into a warning")
    {
        test::replace(src, "pthv.yaml", "refresher_months: 24",
                      "refresher_months: 24\n  severity: {CP5-reflection: off, CP5-pair: warning}");
        const auto problems = test::validate(src);
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].rule == "CP5-pair");
        CHECK(problems[0].severity == model::Severity::Warning);
    }
    SUBCASE("a warning can be made an error, and other checks can be overridden too")
    {
        test::replace(src, "pthv.yaml", "refresher_months: 24", "refresher_months: 24\n  severity: {CP5-reflection: error}");
        CHECK(rules::tally(test::validate(src)).errors == 2);
    }
    SUBCASE("an unknown rule id in practices.severity is config-invalid with a suggestion")
    {
        test::replace(src, "pthv.yaml", "refresher_months: 24", "refresher_months: 24\n  severity: {CP5-reflect: off}");
        const auto problems = test::validate(src);
        const auto p = test::only(problems, "config-invalid");
        CHECK(p.message == "practices.severity.CP5-reflect: no rule has this id");
        CHECK(p.advice == "did you mean CP5-reflection?");
        CHECK(test::count(problems, "CP5-reflection") == 1); // the default stays in force
    }
    SUBCASE("integrity rules cannot be downgraded")
    {
        test::replace(src, "pthv.yaml", "refresher_months: 24", "refresher_months: 24\n  severity: {unknown-ref: off}");
        test::replace(src, "visits.csv", "V20261015-ST03,ST03", "V20261015-ST03,ST33");
        const auto problems = test::validate(src);
        CHECK(contains(test::only(problems, "config-invalid").message, "data-integrity rules are always errors"));
        CHECK(test::only(problems, "unknown-ref").severity == model::Severity::Error);
    }
    SUBCASE("only the asked-for rules are reported (validate --rule)")
    {
        rules::CheckOptions only;
        only.only = {"CP5-reflection"};
        const auto problems = test::validate(src, "2026-10-01", only);
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].rule == "CP5-reflection");
    }
    SUBCASE("integrity_on keeps integrity findings on the rows it names only, and every other finding")
    {
        test::replace(src, "visits.csv", "V20261015-ST03,ST03", "V20261015-ST03,ST33");
        const auto all = test::validate(src);
        const model::Problem& ref = test::only(all, "unknown-ref");
        rules::CheckOptions elsewhere;
        elsewhere.integrity_on = [&](std::string_view file, std::size_t line) {
            return file != ref.file || line != ref.line;
        };
        const auto without = test::validate(src, "2026-10-01", elsewhere);
        CHECK(test::count(without, "unknown-ref") == 0);
        model::Problems rest;
        for (const auto& p : all)
            if (p.rule != "unknown-ref")
                rest.push_back(p);
        CHECK(test::dump(without) == test::dump(rest));
        rules::CheckOptions there;
        there.integrity_on = [&](std::string_view file, std::size_t line) {
            return file == ref.file && line == ref.line;
        };
        CHECK(test::dump(test::validate(src, "2026-10-01", there)) == test::dump(all));
    }
    SUBCASE("scheduled visits are not held to the practice rules")
    {
        // untrained, not opted in, one educator, no arrangement, academics,
        // inside the school day
        auto s = test::tiny_repo();
        test::append(s, "staff.csv", "T09,New Person,S01,teacher,,no,,yes");
        test::append(s, "visits.csv", "V20261020-ST01,ST01,S01,2026-10-20,10:00,30,T09,scheduled,,academics,home,,,");
        CHECK(test::validate(s).empty());
    }
    SUBCASE("practice rules are skipped when pthv.yaml cannot be read, and the rest is still checked")
    {
        test::replace(src, "pthv.yaml", "arrange_lead_days: 1", "arrange_lead_days: soon");
        const auto problems = test::validate(src);
        INFO(test::dump(problems));
        CHECK(test::count(problems, "config-invalid") == 1);
        CHECK(test::count(problems, "CP5-pair") == 0);
    }
    SUBCASE("problems are sorted by file, line and rule")
    {
        test::replace(src, "sites.csv", "active,T01,20", "active,T09,20");
        const auto problems = test::validate(src);
        REQUIRE(problems.size() == 3);
        CHECK(problems[0].file == "sites.csv");
        CHECK(problems[1].file == "visits.csv");
        CHECK(problems[1].rule < problems[2].rule);
    }
}
