#include <doctest/doctest.h>

#include "fixture.hpp"

#include <pthv/model/student_visits.hpp>

using namespace pthv;

namespace {

std::vector<std::string> column(const model::Listing& l, std::size_t c)
{
    std::vector<std::string> out;
    for (const auto& r : l.rows)
        out.push_back(r.at(c));
    return out;
}

} // namespace

TEST_CASE("model::staff_listing")
{
    const auto loaded = io::load_sources(test::tiny_repo(), test::as_of());
    const model::Repo& repo = loaded.repo;
    const model::Facts facts(repo);
    const auto all = model::staff_listing(repo, facts, std::nullopt, std::nullopt);
    REQUIRE(all.header.size() == all.keys.size());
    CHECK(all.keys[model::k_staff_status_column] == "status");
    // Each row counted under its training status.
    CHECK(all.current + all.due_soon + all.expired + all.untrained == all.rows.size());
    CHECK(all.current == 3);
    CHECK(column(all, 0) == std::vector<std::string>{"T01", "T02", "T03"});
    // T01 and T02 made the completed visit of 2026-09-14 (two rows, one visit each).
    CHECK(column(all, 11) == std::vector<std::string>{"2", "2", "0"});
    CHECK(all.rows[2][4] == "classified");
    CHECK(model::staff_listing(repo, facts, repo.names.sites.find("S02"), std::nullopt).rows.empty());
    CHECK(model::staff_listing(repo, facts, std::nullopt, model::TrainingStatus::Untrained).rows.empty());
}

TEST_CASE("model::student_listing")
{
    const auto loaded = io::load_sources(test::tiny_repo(), test::as_of());
    const model::Repo& repo = loaded.repo;
    const model::Facts facts(repo);
    const auto all = model::student_listing(repo, facts, {});
    CHECK(column(all, 0) == std::vector<std::string>{"ST01", "ST02", "ST03"});
    CHECK(all.visited == 2);
    CHECK(all.awaiting == 1);
    CHECK(all.rows[0][5] == "2026-09-14");
    CHECK(all.rows[2][7] == "2026-10-15"); // ST03's scheduled visit
    model::StudentFilter unvisited;
    unvisited.unvisited = true;
    CHECK(column(model::student_listing(repo, facts, unvisited), 0) == std::vector<std::string>{"ST03"});
    model::StudentFilter homeroom;
    homeroom.homeroom = repo.names.staff.find("T01");
    CHECK(model::student_listing(repo, facts, homeroom).rows.size() == 2);
}

TEST_CASE("model::student_visit_listing shows notes only when asked")
{
    const auto loaded = io::load_sources(test::tiny_repo(), test::as_of());
    const model::Repo& repo = loaded.repo;
    const auto st02 = repo.names.students.find("ST02");
    const auto plain = model::student_visit_listing(repo, st02, false);
    REQUIRE(plain.rows.size() == 1);
    CHECK(plain.rows[0].size() == plain.header.size());
    CHECK(plain.rows[0][4] == "T01;T02");
    const auto noted = model::student_visit_listing(repo, st02, true);
    CHECK(noted.keys.back() == "notes");
    CHECK(noted.rows[0].back() == "Mom, dad and grandma joined");
}

TEST_CASE("model::session_listing and event_listing: by date, district-wide when no site")
{
    auto src = test::tiny_repo();
    src["sessions.csv"] = "session_id,date,kind,site_id,trainer,capacity,hours,location\n"
                          "LATE,2026-11-02,refresher,,Trainer,1,2,Library\n"
                          "EARLY,2026-08-10,intro,S01,Trainer,2,3,Room 1\n";
    src["events.csv"] = "event_id,date,site_id,kind,title,attendees,staff_ids,notes\n"
                        "E20260920-1,2026-09-20,,celebration,Fall night,40,T01;T02,private\n"
                        "E20260901-1,2026-09-01,S01,site_visit,Visit,,,\n";
    const auto loaded = io::load_sources(src, test::as_of());
    const model::Repo& repo = loaded.repo;
    const auto sessions = model::session_listing(repo, std::nullopt);
    CHECK(column(sessions, 0) == std::vector<std::string>{"EARLY", "LATE"});
    CHECK(column(sessions, 3) == std::vector<std::string>{"S01", "district"});
    CHECK(column(sessions, 9) == std::vector<std::string>{"held", "planned"});
    CHECK(model::session_listing(repo, repo.names.sites.find("S01")).rows.size() == 1);
    const auto events = model::event_listing(repo, std::nullopt);
    CHECK(column(events, 0) == std::vector<std::string>{"E20260901-1", "E20260920-1"});
    CHECK(events.rows[1][6] == "T01;T02");
    CHECK(events.rows[1].size() == 7); // no notes
}
