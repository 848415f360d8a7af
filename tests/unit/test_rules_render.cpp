#include <doctest/doctest.h>

#include "fixture.hpp"

#include <pthv/io/schema.hpp>
#include <pthv/io/settings.hpp>
#include <pthv/rules/doc.hpp>
#include <pthv/rules/render.hpp>

using namespace pthv;

TEST_CASE("rules::problems_text, problems_json, problems_github")
{
    auto src = test::tiny_repo();
    test::replace(src, "staff.csv", "T02,Ben Cho,S01,teacher,certificated,yes",
                  "T02,Ben Cho,S01,teacher,certificated,no");
    const auto problems = test::validate(src);
    REQUIRE(test::count(problems, "CP1-opted-in") > 0);
    const auto t = rules::tally(problems);
    const std::string text = rules::problems_text(problems, t, 3, false, false, true);
    CHECK(test::contains(text, "error[CP1-opted-in]"));
    CHECK(test::contains(text, "    hint: "));
    CHECK(test::contains(text, "in 3 visits\n"));
    CHECK_FALSE(test::contains(rules::problems_text(problems, t, 3, false, true, false), "in 3 visits"));
    CHECK(test::contains(rules::problems_json(problems, t, false), "\"ok\": false"));
    // GitHub properties escape ':' and ','; a message keeps them.
    model::Problem p;
    p.rule = "CP5-pair";
    p.severity = model::Severity::Warning;
    p.file = "a:b,c.csv";
    p.line = 3;
    p.message = "one, two: 100%";
    CHECK(rules::problems_github({p}) == "::warning file=a%3Ab%2Cc.csv,line=3,title=CP5-pair::one, two: 100%25\n");
}

TEST_CASE("io::schemas_named and the texts of pthv schema")
{
    std::string why;
    CHECK(io::schemas_named("", why).size() == io::all_schemas().size());
    const auto visits = io::schemas_named("visits.csv", why);
    REQUIRE(visits.size() == 1);
    CHECK(test::contains(io::schema_text(*visits.front()), "visit_id"));
    CHECK(io::schemas_named("vists", why).empty());
    CHECK(why == "no schema for vists; did you mean visits?");
    CHECK(test::contains(io::settings_text(), "practices.refresher_months"));
    CHECK(test::contains(io::settings_yaml(), "name: pthv.yaml"));
}

TEST_CASE("rules::doc_entries and explain_text")
{
    const std::string doc = "# Rules\n\nintro\n\n## CP5-pair\n\nTwo educators\nvisit together.\n\nMore.\n\n"
                            "## late-entry\n\nLogged late.\n\n";
    const auto entries = rules::doc_entries(doc);
    REQUIRE(entries.size() == 2);
    CHECK(entries[0].id == "CP5-pair");
    CHECK(entries[0].text == "## CP5-pair\n\nTwo educators\nvisit together.\n\nMore.");
    CHECK(rules::doc_summary(entries[0]) == "Two educators visit together.");
    std::string why;
    CHECK(rules::explain_text(doc, "late-entry", why) == "## late-entry\n\nLogged late.\n");
    CHECK(test::contains(rules::explain_text(doc, "", why), "  late-entry            Logged late.\n"));
    CHECK(rules::explain_text(doc, "CP5-pairs", why).empty());
    CHECK(why == "no rule has the id \"CP5-pairs\"; did you mean CP5-pair?");
}
