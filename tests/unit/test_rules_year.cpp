// The program year's checks: event-missing (rules/event_missing.cpp),
// session-over-capacity (rules/session_over_capacity.cpp), and the session
// references of trainings.csv (loader and unknown-ref), each with the near
// miss that stays quiet.

#include <doctest/doctest.h>

#include "fixture.hpp"

using namespace pthv;
using test::contains;

namespace {

const char* const k_events_header = "event_id,date,site_id,kind,title,attendees,staff_ids,notes\n";
const char* const k_sessions_header = "session_id,date,kind,site_id,trainer,capacity,hours,location\n";

// The fixture with events expected: a site visit at each active site and
// a district celebration, due 2026-10-01; S01 had its site visit.
io::Sources with_events()
{
    auto src = test::tiny_repo();
    src["pthv.yaml"].edit() += "events: {per_site: [site_visit], district: [celebration], due: 2026-10-01}\n";
    src["events.csv"] = std::string(k_events_header) + "E20260917-1,2026-09-17,S01,site_visit,Visit,,T01,\n";
    return src;
}

// The fixture's trainings on 2026-08-10 name the session INTRO (capacity 3).
io::Sources with_sessions(const std::string& capacity = "3")
{
    auto src = test::tiny_repo();
    src["sessions.csv"] = std::string(k_sessions_header) + "INTRO,2026-08-10,intro,S01,Trainer," + capacity +
                          ",3,Library\n";
    for (int i = 0; i < 3; ++i)
        test::replace(src, "trainings.csv", ",2026-08 intro\n", ",INTRO\n");
    return src;
}

} // namespace

TEST_CASE("rules::event-missing")
{
    SUBCASE("fires once per missing kind, line 0, record district")
    {
        const auto p = test::only(test::validate(with_events()), "event-missing");
        CHECK(p.severity == model::Severity::Warning);
        CHECK(p.line == 0);
        CHECK(p.file == "events.csv");
        CHECK(p.record == "district");
        CHECK(contains(p.message, "the district has no celebration event"));
    }
    SUBCASE("a site lacking a kind: record is the site")
    {
        auto src = with_events();
        test::replace(src, "events.csv", "S01,site_visit", "S01,admin_meeting");
        const auto problems = test::validate(src);
        CHECK(test::count(problems, "event-missing") == 2);
        CHECK(test::contains(test::dump(problems), "site S01 has no site_visit event"));
    }
    SUBCASE("near miss: the day before events.due, quiet")
    {
        CHECK(test::count(test::validate(with_events(), "2026-09-30"), "event-missing") == 0);
    }
    SUBCASE("near miss: the kinds all held, quiet")
    {
        auto src = with_events();
        test::append(src, "events.csv", "E20260920-1,2026-09-20,,celebration,Kickoff,,,");
        CHECK(test::count(test::validate(src), "event-missing") == 0);
    }
    SUBCASE("near miss: an event of another school year does not count")
    {
        auto src = with_events();
        test::append(src, "events.csv", "E20260620-1,2026-06-20,,celebration,Last year's,,,");
        CHECK(test::count(test::validate(src), "event-missing") == 1);
    }
    SUBCASE("near miss: a site-specific celebration is not the district's")
    {
        auto src = with_events();
        test::append(src, "events.csv", "E20260920-1,2026-09-20,S01,celebration,At S01,,,");
        CHECK(test::count(test::validate(src), "event-missing") == 1);
    }
    SUBCASE("near miss: inactive and prospective sites are not asked")
    {
        // S02 is prospective and has no event: no finding for it.
        for (const auto& p : test::validate(with_events()))
            CHECK(p.record != "S02");
    }
    SUBCASE("without the events setting nothing is expected, even with no events.csv")
    {
        auto src = with_events();
        test::replace(src, "pthv.yaml", "events: {per_site: [site_visit], district: [celebration], due: 2026-10-01}\n",
                      "");
        CHECK(test::count(test::validate(src, "2027-06-30"), "event-missing") == 0);
        src.erase("events.csv");
        CHECK(test::count(test::validate(src, "2027-06-30"), "event-missing") == 0);
    }
    SUBCASE("due defaults to calendar.last_day")
    {
        auto src = with_events();
        test::replace(src, "pthv.yaml", ", due: 2026-10-01}", "}");
        CHECK(test::count(test::validate(src, "2027-06-03"), "event-missing") == 0);
        CHECK(test::count(test::validate(src, "2027-06-04"), "event-missing") == 1);
    }
    SUBCASE("empty lists: quiet")
    {
        auto src = with_events();
        test::replace(src, "pthv.yaml", "per_site: [site_visit], district: [celebration]", "per_site: [], district: []");
        CHECK(test::count(test::validate(src), "event-missing") == 0);
    }
}

TEST_CASE("rules::session-over-capacity")
{
    SUBCASE("more trainings than seats fires on the session's line")
    {
        const auto p = test::only(test::validate(with_sessions("2")), "session-over-capacity");
        CHECK(p.file == "sessions.csv");
        CHECK(p.line == 2);
        CHECK(p.record == "INTRO");
        CHECK(contains(p.message, "3 trainings but 2 seats"));
    }
    SUBCASE("near miss: exactly full, quiet")
    {
        CHECK(test::validate(with_sessions("3")).empty());
    }
    SUBCASE("near miss: no capacity, no limit")
    {
        CHECK(test::validate(with_sessions("")).empty());
    }
}

TEST_CASE("trainings.csv session cells with sessions.csv")
{
    SUBCASE("without sessions.csv the cell is free text")
    {
        CHECK(test::validate(test::tiny_repo()).empty());
    }
    SUBCASE("a session that does not exist is unknown-ref, with a suggestion")
    {
        auto src = with_sessions();
        test::replace(src, "trainings.csv", "T03,2026-08-10,intro,3,INTRO", "T03,2026-08-10,intro,3,INTR");
        const auto p = test::only(test::validate(src), "unknown-ref");
        CHECK(p.file == "trainings.csv");
        CHECK(p.line == 4);
        CHECK(contains(p.message, "session INTR is not in sessions.csv"));
        CHECK(contains(p.advice, "did you mean INTRO?"));
    }
    SUBCASE("a date other than the session's is value-invalid")
    {
        auto src = with_sessions();
        test::replace(src, "trainings.csv", "T03,2026-08-10", "T03,2026-08-11");
        const auto p = test::only(test::validate(src), "value-invalid");
        CHECK(p.line == 4);
        CHECK(contains(p.message, "date 2026-08-11 is not the date of session INTRO (2026-08-10)"));
    }
    SUBCASE("a kind other than the session's is value-invalid")
    {
        auto src = with_sessions();
        test::replace(src, "trainings.csv", "T03,2026-08-10,intro", "T03,2026-08-10,refresher");
        const auto problems = test::validate(src);
        CHECK(test::count(problems, "value-invalid") == 1);
        CHECK(contains(test::dump(problems), "kind refresher is not the kind of session INTRO (intro)"));
    }
    SUBCASE("an empty session cell names nothing and is fine")
    {
        auto src = with_sessions();
        test::replace(src, "trainings.csv", "T03,2026-08-10,intro,3,INTRO", "T03,2026-08-10,intro,3,");
        CHECK(test::validate(src).empty());
    }
}

TEST_CASE("events.csv references")
{
    auto src = with_events();
    test::append(src, "events.csv", "E20260918-1,2026-09-18,S1,other,Typo,,T01;T9,");
    const auto problems = test::validate(src, "2026-09-30");
    CHECK(test::count(problems, "unknown-ref") == 2);
    CHECK(contains(test::dump(problems), "events.csv:3 unknown-ref: event E20260918-1: site_id S1 is not in sites.csv"));
    CHECK(contains(test::dump(problems), "event E20260918-1: staff_id T9 is not in staff.csv"));
}
