#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include <pthv/io/loader.hpp>
#include <pthv/model/period.hpp>
#include <pthv/report/figures.hpp>
#include <pthv/report/figures_detail.hpp>
#include <pthv/report/publication.hpp>
#include <pthv/report/render.hpp>

#include "report_helpers.hpp"
#include <pthv/rules/registry.hpp>

#include "fixture.hpp"

using namespace pthv;

namespace {

// A hand-counted repo (school year 2026-07-01..2027-06-30, as of 2026-12-01):
//   S01 (goal 4): ST01, ST02 (family F01, homeroom T01), ST03, ST04 (no family, T02)
//   S02 (goal 2): ST05, ST06; S03 prospective, empty
//   T01, T02, T03 trained 2026-08-10; T04 (S02) untrained; T05 (S01) not opted in
//   V1, V2  ST01 + ST02 together 2026-09-14 (es, home)
//   V3      ST01 again 2026-10-12 (en, community): ST01's second visit
//   V4      ST03 2026-10-13 by T01 alone (CP5-pair), no language
//   V5      ST05 2026-09-15 with untrained T04 (CP2-trained), vi, virtual
//   V6      ST06 declined 2026-09-16; V7 ST04 scheduled 2026-12-10 (after as-of)
//   V8      ST04 cancelled 2026-11-02
io::Sources hand_repo(int min_cell = 10)
{
    io::Sources s;
    std::string config = test::k_config;
    config.replace(config.find("min_cell: 10"), 12, "min_cell: " + std::to_string(min_cell));
    s["pthv.yaml"] = config;
    s["sites.csv"] = "site_id,name,level,status,coordinator_id,visit_goal\n"
                     "S01,Cedar Grove,elementary,active,T01,4\n"
                     "S02,Las Palmas,elementary,active,T03,2\n"
                     "S03,Harbor View,k8,prospective,,\n";
    s["staff.csv"] = "staff_id,name,site_id,role,class,opted_in,hourly_rate,active\n"
                     "T01,Ana Lopez,S01,teacher,certificated,yes,,yes\n"
                     "T02,Ben Cho,S01,teacher,certificated,yes,,yes\n"
                     "T03,Cara Diaz,S02,teacher,certificated,yes,,yes\n"
                     "T04,Dan Eze,S02,teacher,certificated,yes,,yes\n"
                     "T05,Eve Fox,S01,teacher,certificated,no,,yes\n";
    s["students.csv"] = "student_id,site_id,grade,homeroom_id,name,family_id\n"
                        "ST01,S01,3,T01,Zoe Quill,F01\n"
                        "ST02,S01,3,T01,Yan Quill,F01\n"
                        "ST03,S01,4,T02,,\n"
                        "ST04,S01,4,T02,,\n"
                        "ST05,S02,1,T03,,\n"
                        "ST06,S02,1,T03,,\n";
    s["trainings.csv"] = "staff_id,date,kind,hours,session\n"
                         "T01,2026-08-10,intro,3,2026-08 intro\n"
                         "T02,2026-08-10,intro,3,2026-08 intro\n"
                         "T03,2026-08-10,intro,3,2026-08 intro\n";
    s["visits.csv"] = std::string(test::k_visits_header) +
                      "V1,ST01,S01,2026-09-14,16:30,45,T01;T02,completed,2026-09-08,hopes_and_dreams,home,2026-09-15,es,\n"
                      "V2,ST02,S01,2026-09-14,16:30,45,T01;T02,completed,2026-09-08,hopes_and_dreams,home,2026-09-15,es,"
                      "private note\n"
                      "V3,ST01,S01,2026-10-12,16:30,45,T01;T02,completed,2026-10-05,academics,community,2026-10-13,en,\n"
                      "V4,ST03,S01,2026-10-13,16:30,45,T01,completed,2026-10-05,hopes_and_dreams,home,2026-10-14,,\n"
                      "V5,ST05,S02,2026-09-15,16:30,45,T03;T04,completed,2026-09-08,hopes_and_dreams,virtual,2026-09-16,"
                      "vi,\n"
                      "V6,ST06,S02,2026-09-16,,,T03;T04,declined,,,,,,\n"
                      "V7,ST04,S01,2026-12-10,17:00,,T01;T02,scheduled,2026-11-20,hopes_and_dreams,home,,,\n"
                      "V8,ST04,S01,2026-11-02,17:00,,T01;T02,cancelled,2026-10-20,hopes_and_dreams,home,,,\n";
    return s;
}

struct Run {
    io::LoadResult loaded;
    model::Problems findings;
    report::Figures figures;
};

Run run_on(const io::Sources& sources, const std::string& period, bool is_public = false,
           const std::string& site = {})
{
    io::LoadOptions lo;
    // A public report shows only periods of reports.publish that have
    // ended (a running year shows its longest such part): the year, once over.
    lo.as_of = model::Date::parse(is_public ? "2027-07-01" : "2026-12-01");
    Run r{io::load_sources(sources, lo), {}, {}};
    r.findings = rules::check_repo(r.loaded.repo, r.loaded.problems);
    std::string error;
    auto p = model::parse_period(period, r.loaded.repo.config, r.loaded.repo.as_of, error);
    if (p && is_public) // a public report counts what report --public counts
        p = report::public_period(*p, r.loaded.repo, error);
    REQUIRE(p);
    const model::Facts facts(r.loaded.repo);
    r.figures = report::compute_figures(facts, pay::visit_work(facts), r.findings, {*p, site, is_public});
    return r;
}

Run run(const std::string& period, bool is_public = false, int min_cell = 10, const std::string& site = {})
{
    return run_on(hand_repo(min_cell), period, is_public, site);
}

} // namespace

TEST_CASE("report::compute_figures")
{
    SUBCASE("headline figures match the hand count")
    {
        const auto r = run("end-of-year");
        const auto& t = r.figures.total;
        CHECK(r.figures.period.from.str() == "2026-07-01");
        CHECK(r.figures.period.to.str() == "2026-12-01"); // never past --as-of
        CHECK(t.completed_visits.value == 5);
        CHECK(t.students_visited.value == 4);
        CHECK(t.students_enrolled.value == 6);
        CHECK(report::share_str(t.coverage) == "66.7%");
        CHECK(t.families_reached.value == 3); // F01, ST03, ST05: a student without a family is one
        CHECK(t.second_visit_students.value == 1);
        CHECK(report::share_str(t.second_visit_rate) == "25.0%");
        CHECK(t.declined.value == 1);
        CHECK(t.scheduled_ahead.value == 1);
        CHECK(r.figures.validate_errors.value == 2); // CP5-pair on V4, CP2-trained on V5
    }
    SUBCASE("per site: the same figures, goal progress, trained staff and educators")
    {
        const auto r = run("end-of-year");
        REQUIRE(r.figures.sites.size() == 2); // the prospective site without data is left out
        const auto& s1 = r.figures.sites[0];
        const auto& s2 = r.figures.sites[1];
        CHECK(s1.site_id == "S01");
        CHECK(s1.completed_visits.value == 4);
        CHECK(s1.students_visited.value == 3);
        CHECK(s1.students_enrolled.value == 4);
        CHECK(s1.families_reached.value == 2);
        CHECK(s1.second_visit_students.value == 1);
        CHECK(report::share_str(s1.goal_progress) == "75.0%");
        CHECK(s1.trained_staff.value == 2); // T05 has not opted in
        CHECK(s1.participating_educators.value == 2);
        CHECK(s2.declined.value == 1);
        CHECK(s2.trained_staff.value == 1); // T04 untrained
        CHECK(s2.participating_educators.value == 2);
        CHECK(report::share_str(s2.goal_progress) == "50.0%");
    }
    SUBCASE("an educator named twice on one visit counts once for it")
    {
        io::Sources src = hand_repo();
        test::replace(src, "visits.csv", "V4,ST03,S01,2026-10-13,16:30,45,T01,", "V4,ST03,S01,2026-10-13,16:30,45,T01;T01,");
        io::LoadOptions lo;
        lo.as_of = model::Date::parse("2026-12-01");
        const auto loaded = io::load_sources(src, lo);
        std::string error;
        const auto p = model::parse_period("end-of-year", loaded.repo.config, loaded.repo.as_of, error);
        REQUIRE(p);
        const model::Facts facts(loaded.repo);
        const auto f = report::compute_figures(facts, pay::visit_work(facts), {}, {*p, {}, false});
        CHECK(f.sites[0].participating_educators.value == 2);
        const auto t01 = std::find_if(f.educators.begin(), f.educators.end(),
                                      [](const report::EducatorRow& e) { return e.staff_id == "T01"; });
        REQUIRE(t01 != f.educators.end());
        CHECK(t01->visits == 4); // V1, V2, V3, V4
        CHECK(t01->students == 3);
    }
    SUBCASE("fidelity is the share of completed visits without a finding of the practice")
    {
        const auto r = run("end-of-year");
        REQUIRE(r.figures.fidelity.size() == 3);
        const auto& all = r.figures.fidelity[0];
        CHECK(all.visits.value == 5);
        CHECK(report::share_str(all.meeting[1]) == "80.0%"); // CP2 on V5
        CHECK(report::share_str(all.meeting[4]) == "80.0%"); // CP5 on V4
        CHECK(report::share_str(all.meeting[2]) == "100.0%");
        CHECK(report::share_str(r.figures.fidelity[1].meeting[4]) == "75.0%");
        CHECK(report::share_str(r.figures.fidelity[2].meeting[1]) == "0.0%");
    }
    SUBCASE("training, months, modes, languages and top sites")
    {
        const auto r = run("end-of-year");
        const auto& tr = r.figures.training;
        CHECK(tr.current.value == 3);
        CHECK(tr.untrained.value == 1);
        CHECK(tr.staff.value == 4);
        REQUIRE(tr.sessions.size() == 1);
        CHECK(tr.sessions[0].attendees.value == 3);
        REQUIRE(r.figures.months.size() == 6);
        CHECK(r.figures.months[2].key == "2026-09");
        CHECK(r.figures.months[2].count.value == 3);
        CHECK(r.figures.modes[0].count.value == 3); // home
        REQUIRE(r.figures.languages.size() == 4);
        CHECK(r.figures.languages[0].key == "es");
        CHECK(r.figures.languages[1].key == "en"); // ties by name
        CHECK(r.figures.languages[3].key == "unspecified");
        CHECK(r.figures.top_sites == std::vector<std::string>{"S01", "S02"});
        CHECK(r.figures.educators.size() == 4);
        CHECK(!r.figures.money.empty());
    }
    SUBCASE("a month period counts only that month")
    {
        const auto r = run("2026-10");
        CHECK(r.figures.total.completed_visits.value == 2);
        CHECK(r.figures.total.declined.value == 0);
    }
    SUBCASE("one site")
    {
        const auto r = run("end-of-year", false, 10, "S02");
        CHECK(r.figures.total.completed_visits.value == 1);
        CHECK(r.figures.total.students_enrolled.value == 2);
        CHECK(r.figures.sites.size() == 1);
    }
}

TEST_CASE("report public suppression")
{
    SUBCASE("a small count is Below, and it cannot be worked out from the site beside it and the total")
    {
        const auto r = run("end-of-year", true, 3);
        const auto& s = r.figures.sites;
        CHECK(s[1].completed_visits.shown == report::Shown::Below); // S02: 1
        CHECK(report::count_str(s[1].completed_visits, 3) == "<3");
        // S01 and the district shown together would give S02 back.
        CHECK((s[0].completed_visits.hidden() || r.figures.total.completed_visits.hidden()));
        CHECK(s[1].coverage.shown == report::ShareShown::Hidden);
        CHECK(r.figures.educators.empty());
    }
    SUBCASE("public output names no person and prints no note")
    {
        const auto r = run("end-of-year", true, 3);
        for (const std::string& out : {report::render_text(r.figures), report::render_md(r.figures),
                                       report::render_html(r.figures), test::every_csv_table(r.figures),
                                       report::render_json(r.figures)}) {
            for (const char* needle : {"Ana Lopez", "T01", "T04", "ST01", "Zoe Quill", "private note"})
                CHECK(out.find(needle) == std::string::npos);
        }
    }
    SUBCASE("notes are never printed, even internally")
    {
        const auto r = run("end-of-year");
        CHECK(report::render_text(r.figures).find("private note") == std::string::npos);
        CHECK(report::render_json(r.figures).find("Ana Lopez") != std::string::npos);
    }
}

TEST_CASE("report: second visits due")
{
    // ST02, ST03 and ST05 have one completed visit each, ST01 two. V9
    // schedules ST03's second visit; V10, a scheduled visit of ST02 dated
    // before its first, is not "after it".
    auto src = hand_repo();
    test::append(src, "visits.csv", "V9,ST03,S01,2027-01-10,17:00,,T01;T02,scheduled,2026-11-20,academics,home,,,");
    test::append(src, "visits.csv", "V10,ST02,S01,2026-09-01,17:00,,T01;T02,scheduled,2026-08-20,academics,home,,,");
    const auto check_identity = [](const report::Summary& s) {
        CHECK(s.second_visit_due.value ==
              s.students_visited.value - s.second_visit_students.value - s.second_visit_scheduled.value);
    };
    SUBCASE("district and each site: due = visited - second - scheduled")
    {
        const auto r = run_on(src, "end-of-year");
        const auto& t = r.figures.total;
        CHECK(t.students_visited.value == 4);
        CHECK(t.second_visit_students.value == 1);
        CHECK(t.second_visit_scheduled.value == 1); // ST03
        CHECK(t.second_visit_due.value == 2);       // ST02, ST05
        check_identity(t);
        REQUIRE(r.figures.sites.size() == 2);
        CHECK(r.figures.sites[0].second_visit_due.value == 1); // ST02
        CHECK(r.figures.sites[1].second_visit_due.value == 1); // ST05
        for (const auto& s : r.figures.sites)
            check_identity(s);
    }
    SUBCASE("near miss: without a scheduled visit after the first, the student is due")
    {
        const auto r = run("end-of-year");
        CHECK(r.figures.total.second_visit_scheduled.value == 0);
        CHECK(r.figures.total.second_visit_due.value == 3);
        check_identity(r.figures.total);
    }
    SUBCASE("public: the three groups are suppressed together")
    {
        const auto r = run_on(src, "end-of-year", true);
        const auto& t = r.figures.total;
        CHECK(t.second_visit_due.hidden());
        CHECK(t.second_visit_scheduled.hidden());
        CHECK(t.second_visit_students.hidden());
    }
    SUBCASE("first and second visits by month")
    {
        const auto r = run_on(src, "end-of-year");
        const auto month = [&](const std::string& m) {
            for (const auto& x : r.figures.visit_order)
                if (x.month == m)
                    return std::make_pair(x.first.value, x.second.value);
            return std::make_pair<std::int64_t, std::int64_t>(-1, -1);
        };
        CHECK(month("2026-09") == std::make_pair<std::int64_t, std::int64_t>(3, 0)); // ST01, ST02, ST05
        CHECK(month("2026-10") == std::make_pair<std::int64_t, std::int64_t>(1, 1)); // ST03 first, ST01 second
        CHECK(month("2026-11") == std::make_pair<std::int64_t, std::int64_t>(0, 0));
    }
    SUBCASE("no events.csv, no sessions.csv: no such figures")
    {
        const auto r = run_on(src, "end-of-year");
        CHECK_FALSE(r.figures.events.present);
        CHECK_FALSE(r.figures.sessions.present);
        CHECK(report::render_json(r.figures).find("\"training_sessions\"") == std::string::npos);
        CHECK(report::render_json(r.figures).find("\"events\"") == std::string::npos);
    }
}

TEST_CASE("report: events and training sessions")
{
    auto src = hand_repo();
    src["events.csv"] = "event_id,date,site_id,kind,title,attendees,staff_ids,notes\n"
                        "E1,2026-09-20,S01,family_event,Family night,40,T01,secret note\n"
                        "E2,2026-10-02,S02,site_visit,Coordinator visit,,,\n"
                        "E3,2026-10-03,,celebration,Kickoff,100,,\n"
                        "E4,2027-03-03,S01,celebration,Spring,,,\n"; // after as-of: not in the period
    src["sessions.csv"] = "session_id,date,kind,site_id,trainer,capacity,hours,location\n"
                          "INTRO,2026-08-10,intro,S01,Trainer A,2,3,\n"
                          "REFR,2027-02-01,refresher,,Trainer B,,2,\n";
    for (int i = 0; i < 3; ++i)
        test::replace(src, "trainings.csv", ",2026-08 intro\n", ",INTRO\n");
    SUBCASE("events: a count per kind for the district and each site, in the period")
    {
        const auto r = run_on(src, "end-of-year");
        const auto& ev = r.figures.events;
        REQUIRE(ev.present);
        REQUIRE(ev.counts.size() == 4); // all, S01, S02, district-wide
        const auto kind = [](model::EventKind k) { return static_cast<std::size_t>(k); };
        CHECK(ev.counts[0].per_kind[kind(model::EventKind::FamilyEvent)].value == 1);
        CHECK(ev.counts[0].per_kind[kind(model::EventKind::Celebration)].value == 1);
        CHECK(ev.counts[1].site_id == "S01");
        CHECK(ev.counts[1].per_kind[kind(model::EventKind::Celebration)].value == 0);
        CHECK(ev.counts[2].per_kind[kind(model::EventKind::SiteVisit)].value == 1);
        CHECK(ev.counts[3].per_kind[kind(model::EventKind::Celebration)].value == 1);
        CHECK(ev.events.size() == 3);
    }
    SUBCASE("sessions: held and planned as of the as-of date, attended and capacity")
    {
        const auto r = run_on(src, "end-of-year");
        const auto& sf = r.figures.sessions;
        REQUIRE(sf.present);
        CHECK(sf.held.value == 1);
        CHECK(sf.planned.value == 1);
        REQUIRE(sf.sessions.size() == 2);
        CHECK(sf.sessions[0].attended.value == 3);
        CHECK(sf.sessions[0].capacity == 2);
        CHECK(sf.sessions[1].attended.value == 0);
        CHECK_FALSE(sf.sessions[1].capacity);
    }
    SUBCASE("public: titles shown, no notes, staff ids or trainers anywhere")
    {
        const auto r = run_on(src, "end-of-year", true);
        const std::vector<std::string> outs = {
            report::render_text(r.figures), report::render_json(r.figures), report::render_html(r.figures),
            report::render_md(r.figures), report::render_csv(r.figures, "event_list")};
        for (const auto& out : outs)
            CHECK(out.find("Family night") != std::string::npos);
        std::vector<std::string> all = outs;
        all.push_back(report::render_csv(r.figures, "events"));
        all.push_back(report::render_csv(r.figures, "session_plan"));
        for (const auto& out : all) {
            CHECK(out.find("secret note") == std::string::npos);
            CHECK(out.find("Trainer A") == std::string::npos);
            CHECK(out.find("T01") == std::string::npos);
        }
    }
    SUBCASE("internal: notes never printed")
    {
        const auto r = run_on(src, "end-of-year");
        CHECK(report::render_text(r.figures).find("secret note") == std::string::npos);
        CHECK(report::render_text(r.figures).find("Trainer A") != std::string::npos);
    }
}

TEST_CASE("report::share_of and share_meeting print a withheld figure's share as the bound its proven range gives")
{
    using report::Count;
    using report::Share;
    using report::ShareShown;
    using report::Shown;
    const auto withheld = [](std::int64_t v, std::int64_t lo, std::int64_t hi) {
        Count c{v, Shown::Withheld};
        c.at_least = lo;
        c.at_most = hi;
        return c;
    };
    const Count below{4, Shown::Below, 0, 9};
    SUBCASE("coverage: at least the least visited over the enrolled shown")
    {
        const Share s = report::share_of(withheld(168, 165, 188), Count{310});
        CHECK(s.shown == ShareShown::AtLeast);
        CHECK(s.bound_per_mille == 532); // 165 / 310, rounded down
    }
    SUBCASE("a count shown over a withheld base: at most the count over the least the base can be")
    {
        const Share s = report::share_of(Count{92}, withheld(168, 165, -1));
        CHECK(s.shown == ShareShown::AtMost);
        CHECK(s.bound_per_mille == 558); // 92 / 165, rounded up
    }
    SUBCASE("both withheld: the least over the most")
    {
        const Share s = report::share_of(withheld(150, 120, 160), withheld(300, 280, 320));
        CHECK(s.shown == ShareShown::AtLeast);
        CHECK(s.bound_per_mille == 375);
    }
    SUBCASE("a rate on a count under min_cell stays hidden, bound or not")
    {
        CHECK(report::share_of(below, Count{310}).shown == ShareShown::Hidden);
        CHECK(report::share_of(Count{3}, below).shown == ShareShown::Hidden);
    }
    SUBCASE("nothing proven: hidden")
    {
        CHECK(report::share_of(withheld(168, 0, -1), Count{310}).shown == ShareShown::Hidden);
    }
    SUBCASE("a practice met on a withheld count of visits, fewer than 10 falling short")
    {
        const Share s = report::share_meeting(withheld(247, 238, 291), below, 10);
        CHECK(s.shown == ShareShown::AtLeast);
        CHECK(s.bound_per_mille == 962); // (238 - 9) / 238
        // The share is true: 247 visits with 4 short meet on 98.4%.
        CHECK(s.bound_per_mille <= (247 - 4) * 1000 / 247);
    }
    SUBCASE("answers shown, the unfavourable withheld with a proven most")
    {
        const Share s = report::share_meeting(Count{69}, withheld(13, 0, 27), 10);
        CHECK(s.shown == ShareShown::AtLeast);
        CHECK(s.bound_per_mille == 608); // (69 - 27) / 69
    }
    SUBCASE("the unfavourable withheld with nothing proven: hidden")
    {
        CHECK(report::share_meeting(Count{69}, withheld(13, 0, -1), 10).shown == ShareShown::Hidden);
    }
}
