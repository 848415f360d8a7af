#include <doctest/doctest.h>

#include "fixture.hpp"

#include <pthv/record/visit_change.hpp>

using namespace pthv;

namespace {

record::Current visits_current()
{
    record::Current c;
    c.sources = test::tiny_repo();
    c.loaded = io::load_sources(c.sources, test::as_of());
    return c;
}

record::VisitActionChoice action(std::initializer_list<const char*> given)
{
    record::VisitActionOptions o;
    for (const std::string g : given) {
        o.update |= g == "update";
        o.remove |= g == "remove";
        o.reason |= g == "reason";
        o.confirm |= g == "confirm";
        o.by |= g == "by";
        o.import |= g == "import";
        o.map |= g == "map";
    }
    return record::choose_visit_action(o);
}

} // namespace

TEST_CASE("record::choose_visit_action")
{
    using record::VisitAction;
    SUBCASE("each action's own options choose it")
    {
        CHECK(action({}).action == VisitAction::add);
        CHECK(action({"update"}).action == VisitAction::update);
        CHECK(action({"remove", "reason"}).action == VisitAction::remove);
        CHECK(action({"confirm", "by"}).action == VisitAction::confirm);
        CHECK(action({"import", "map"}).action == VisitAction::import);
        CHECK(action({"import", "map"}).refused.empty());
    }
    SUBCASE("two actions at once are refused, naming both")
    {
        CHECK(action({"import", "update"}).refused == "--import and --update do not go together");
        CHECK(action({"remove", "update"}).refused == "--remove and --update do not go together");
        CHECK(action({"confirm", "update"}).refused == "--confirm and --update do not go together");
        CHECK(action({"confirm", "import"}).refused ==
              "--confirm goes alone (with --by); not with --import or --remove");
    }
    SUBCASE("an option of another action is refused")
    {
        CHECK(action({"map"}).refused == "--map goes with --import FILE");
        CHECK(action({"reason"}).refused == "--reason goes with --remove VISIT_ID");
        CHECK(action({"by", "update"}).refused == "--by goes with --confirm VISIT_ID");
    }
}

TEST_CASE("record::confirm_changes")
{
    const model::Date today = test::date("2026-10-02");
    CHECK(record::confirm_changes(today, std::nullopt).changes == record::Fields{{"confirmed_on", "2026-10-02"}});
    const auto by = record::confirm_changes(today, std::string(" T02 "));
    CHECK(by.changes.at("confirmed_by") == "T02");
    CHECK(record::confirm_changes(today, std::string("  ")).refused ==
          "--by: name the staff member who confirmed the visit (a staff_id)");
}

TEST_CASE("record::new_visit")
{
    const auto c = visits_current();
    SUBCASE("a new row gets its id, the student's site and the default status")
    {
        const auto v = record::new_visit(c, {{"student_id", "ST03"}, {"date", "2026-09-30"}, {"educators", "T02,T03"}});
        REQUIRE(v.refused.empty());
        CHECK(v.fields.at("visit_id") == "V20260930-ST03");
        CHECK(v.fields.at("site_id") == "S01");
        CHECK(v.fields.at("status") == "completed");
        CHECK(*v.edit.lines.begin() == 5);
        CHECK(record::new_visit_text(v, false) == "V20260930-ST03\n");
        CHECK(test::contains(record::new_visit_text(v, true), "would add to visits.csv line 5:\n  V20260930-ST03,"));
    }
    SUBCASE("a second visit of a student on one day gets the next id")
    {
        const auto v = record::new_visit(c, {{"student_id", "ST01"}, {"date", "2026-09-14"}});
        CHECK(v.fields.at("visit_id") == "V20260914-ST01-2");
    }
    SUBCASE("a field without a column, that cannot be added, refuses the row")
    {
        const auto v = record::new_visit(c, {{"student_id", "ST03"}, {"date", "2026-09-30"}, {"nonsense", "x"}});
        CHECK(v.refused == "visits.csv has no column nonsense; add it to the header row to record it. Nothing was "
                           "written.");
    }
}

TEST_CASE("record::change_visit")
{
    auto c = visits_current();
    SUBCASE("only the named fields change, and the change is checked among the visit's rows")
    {
        const auto ch = record::change_visit(c, "--update", "V20261015-ST03", {{"minutes", "50"}});
        REQUIRE(ch.refused.empty());
        CHECK(ch.line == 4);
        CHECK(ch.row.text == "V20261015-ST03,ST03,S01,2026-10-15,17:00,50,T02;T03,scheduled,2026-10-01,"
                             "hopes_and_dreams,home,,,");
        CHECK(ch.row.edit.records.count("V20261015-ST03") == 1);
        REQUIRE(c.scope);
        CHECK(record::visit_change_text("V20261015-ST03", ch, false) == "V20261015-ST03\n");
    }
    SUBCASE("a refusal of the row as it is stops the change")
    {
        const auto refuse_scheduled = [](const record::Fields& row) {
            return row.at("status") == "scheduled" ? std::string("not completed") : std::string();
        };
        const auto ch = record::change_visit(c, "--confirm", "V20261015-ST03", {{"confirmed_on", "2026-10-01"}},
                                             refuse_scheduled);
        CHECK(ch.refused == "not completed");
    }
}

TEST_CASE("record::remove_visit")
{
    const auto c = visits_current();
    SUBCASE("the row goes and a tombstone remembers it")
    {
        const auto r = record::remove_visit(c, "V20261015-ST03", "logged twice", test::date("2026-10-01"));
        REQUIRE(r.refused.empty());
        CHECK(r.line == 4);
        CHECK(r.removal.create_file);
        CHECK(test::contains(record::removal_text("V20261015-ST03", "logged twice", r, false),
                             "removed V20261015-ST03 (visits.csv line 4): logged twice\n"));
    }
    SUBCASE("an unknown id is refused with the nearest one")
    {
        const auto r = record::remove_visit(c, "V20261015-ST3", "x", test::date("2026-10-01"));
        CHECK(test::contains(r.refused, "--remove V20261015-ST3: no visit has this id"));
        CHECK(test::contains(r.refused, "V20261015-ST03"));
    }
}
