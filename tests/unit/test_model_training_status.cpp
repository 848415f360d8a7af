#include <doctest/doctest.h>

#include "fixture.hpp"

#include <pthv/model/student_visits.hpp>
#include <pthv/model/training_status.hpp>

using namespace pthv;
using model::TrainingStatus;

namespace {

TrainingStatus status_on(const io::Sources& src, const char* staff, const char* date)
{
    const auto loaded = io::load_sources(src);
    const model::Facts facts(loaded.repo);
    return model::training_status(loaded.repo, facts, loaded.repo.names.staff.find(staff), *model::Date::parse(date))
        .status;
}

} // namespace

TEST_CASE("model::training_status")
{
    auto src = test::tiny_repo();
    test::replace(src, "trainings.csv", "T01,2026-08-10", "T01,2024-10-15");

    SUBCASE("current until 60 days before the refresher is due")
    {
        CHECK(status_on(src, "T01", "2026-08-15") == TrainingStatus::Current);
        CHECK(status_on(src, "T01", "2026-08-16") == TrainingStatus::DueSoon);
    }
    SUBCASE("due soon up to the due date itself, then expired")
    {
        CHECK(status_on(src, "T01", "2026-10-15") == TrainingStatus::DueSoon);
        CHECK(status_on(src, "T01", "2026-10-16") == TrainingStatus::Expired);
    }
    SUBCASE("untrained before the intro, and with no training at all")
    {
        CHECK(status_on(src, "T02", "2026-08-09") == TrainingStatus::Untrained);
        CHECK(status_on(src, "T99", "2026-08-09") == TrainingStatus::Untrained);
    }
    SUBCASE("a refresher restarts the clock")
    {
        src["trainings.csv"].edit() += "T01,2026-09-01,refresher,2,refresher\n";
        CHECK(status_on(src, "T01", "2026-10-20") == TrainingStatus::Current);
    }
    SUBCASE("names round-trip")
    {
        CHECK(model::training_status_name(TrainingStatus::DueSoon) == "due-soon");
        CHECK(model::parse_training_status("expired") == TrainingStatus::Expired);
        CHECK(!model::parse_training_status("late"));
    }
}

TEST_CASE("model::student_visits")
{
    auto src = test::tiny_repo();
    src["visits.csv"].edit() += "V20260920-ST01,ST01,S01,2026-09-20,16:30,30,T01;T02,completed,2026-09-15,academics,home,"
                         "2026-09-21,,\n"
                         "V20260918-ST03,ST03,S01,2026-09-18,,,T01;T02,declined,,,,,,\n";
    const auto loaded = io::load_sources(src);
    const model::Facts facts(loaded.repo);
    const auto p = model::student_visits(loaded.repo, facts, *model::Date::parse("2026-10-01"));

    SUBCASE("first and second visits in date order")
    {
        REQUIRE(p[0].first);
        CHECK(loaded.repo.id(loaded.repo.visits[*p[0].first].id) == "V20260914-ST01");
        CHECK(loaded.repo.id(loaded.repo.visits[*p[0].second].id) == "V20260920-ST01");
        CHECK(p[0].completed == 2);
    }
    SUBCASE("a declined family is not awaiting, even with a visit scheduled")
    {
        CHECK(p[2].declined);
        CHECK(p[2].next_scheduled);
        CHECK(!p[2].awaiting());
    }
    SUBCASE("completed visits per educator")
    {
        const auto counts = model::staff_visit_counts(loaded.repo, facts);
        CHECK(counts.at(loaded.repo.names.staff.find("T01").index()) == 3);
    }
}
