#include <doctest/doctest.h>

#include "fixture.hpp"

#include <pthv/record/event.hpp>
#include <pthv/record/training.hpp>

using namespace pthv;

namespace {

io::Sources with_sessions()
{
    auto src = test::tiny_repo();
    src["sessions.csv"] = "session_id,date,kind,site_id,trainer,capacity,hours,location\n"
                          "INTRO-AUG,2026-08-10,intro,S01,Trainer,12,3,Library\n";
    return src;
}

} // namespace

TEST_CASE("record::complete_training: a session of sessions.csv gives what is not given")
{
    const auto loaded = io::load_sources(with_sessions(), test::as_of());
    record::TrainingCells c{"", "", "", "INTRO-AUG"};
    CHECK(record::complete_training(c, loaded.repo).empty());
    CHECK(c.date == "2026-08-10");
    CHECK(c.kind == "intro");
    CHECK(c.hours == "3");
    record::TrainingCells left{"", "", "2.5", "INTRO-AUG"};
    CHECK(record::complete_training(left, loaded.repo).empty()); // left early
    record::TrainingCells more{"", "", "4", "INTRO-AUG"};
    CHECK(test::contains(record::complete_training(more, loaded.repo), "--hours 4: session INTRO-AUG lasts 3 hours"));
    record::TrainingCells kind{"", "refresher", "", "INTRO-AUG"};
    CHECK(record::complete_training(kind, loaded.repo) ==
          "--kind refresher: session INTRO-AUG has kind intro; nothing was written");
    record::TrainingCells typo{"", "", "", "INTRO-AGU"};
    CHECK(test::contains(record::complete_training(typo, loaded.repo),
                         "--session INTRO-AGU: no session of sessions.csv has this id"));
}

TEST_CASE("record::complete_training: without sessions.csv every cell is given and checked")
{
    const auto loaded = io::load_sources(test::tiny_repo(), test::as_of());
    record::TrainingCells free{"2026-08-10", "intro", "3", "any text"};
    CHECK(record::complete_training(free, loaded.repo).empty());
    record::TrainingCells no_kind{"2026-08-10", "", "3", ""};
    CHECK(record::complete_training(no_kind, loaded.repo) ==
          "--kind is required (or --session naming a session of sessions.csv)");
    record::TrainingCells bad_date{"2026-8-10", "intro", "3", ""};
    CHECK(record::complete_training(bad_date, loaded.repo) == "--date 2026-8-10: not a date (YYYY-MM-DD)");
    record::TrainingCells long_day{"2026-08-10", "intro", "24.5", ""};
    CHECK(record::complete_training(long_day, loaded.repo) == "--hours 24.5: at most 24 hours a training row");
}

TEST_CASE("record::event_cells_refusal")
{
    CHECK(record::event_cells_refusal("2026-09-20", "celebration", "Fall night", "40").empty());
    CHECK(record::event_cells_refusal("2026-09-20", "celebration", "Fall night", "").empty());
    CHECK(test::contains(record::event_cells_refusal("2026-09-20", "party", "x", ""),
                         "not an event kind (celebration, site_visit, admin_meeting"));
    CHECK(test::contains(record::event_cells_refusal("2026-09-20", "celebration", " ", ""), "--title"));
    CHECK(test::contains(record::event_cells_refusal("2026-09-20", "celebration", "x", "1000001"), "--attendees"));
    CHECK(test::contains(record::event_cells_refusal("2026-09-20", "celebration", "x", "4O"), "--attendees"));
    CHECK(test::contains(record::event_cells_refusal("20-09-2026", "celebration", "x", ""), "--date"));
}
