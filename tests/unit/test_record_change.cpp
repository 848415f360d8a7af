#include <doctest/doctest.h>

#include "fixture.hpp"

#include <pthv/record/change.hpp>
#include <pthv/record/event.hpp>
#include <pthv/record/pay_close.hpp>
#include <pthv/record/removal.hpp>
#include <pthv/record/training.hpp>
#include <pthv/record/visit.hpp>

using namespace pthv;
using test::contains;

namespace {

// The tiny repo as record::load_current would find it, without the disk.
record::Current current_of(const io::Sources& sources, bool created = false)
{
    record::Current c;
    c.sources = sources;
    c.loaded = io::load_sources(c.sources, test::as_of());
    c.created = created;
    return c;
}

const char* const k_ledger_header = "period,staff_id,item,item_id,date,minutes,hours,rate,amount,site_id,source\n";

} // namespace

TEST_CASE("record::append_records")
{
    auto src = test::tiny_repo();

    SUBCASE("rows are rendered in the file's own column order, after its last line")
    {
        const auto c = current_of(src);
        const record::Edit e = record::append_records(
            c, "trainings.csv",
            {{{"kind", "refresher"}, {"staff_id", "T01"}, {"date", "2026-09-20"}, {"hours", "2"}},
             {{"staff_id", "T02"}, {"date", "2026-09-20"}, {"kind", "refresher"}, {"hours", "2"}}});
        CHECK(e.append);
        CHECK(e.file == "trainings.csv");
        CHECK(e.lines.size() == 2);
        CHECK(contains(e.rows, "T01,2026-09-20,refresher,2"));
        CHECK(contains(e.text(), e.rows));
    }

    SUBCASE("a file the load created is written whole, header and rows")
    {
        src["events.csv"] = "event_id,date,site_id,kind,title,attendees,staff_ids,notes\n";
        const auto c = current_of(src, true);
        const record::Edit e =
            record::append_records(c, "events.csv", {{{"event_id", "E20260920-1"}, {"date", "2026-09-20"}}});
        CHECK_FALSE(e.append);
        CHECK(std::string(e.text()) == "event_id,date,site_id,kind,title,attendees,staff_ids,notes\n"
                                       "E20260920-1,2026-09-20,,,,,,\n");
    }
}

TEST_CASE("record::column_refusals")
{
    const std::vector<std::string> header = {"staff_id", "date", "kind", "hours"};
    SUBCASE("a field the header has no column for refuses the row, naming the column")
    {
        const auto p = record::column_refusals("trainings.csv", header, {{"staff_id", "T01"}, {"session", "x"}});
        REQUIRE(p.size() == 1);
        CHECK(p[0].rule == "column-missing");
        CHECK(p[0].column == "session");
        CHECK(p[0].message == "trainings.csv has no column session");
    }
    SUBCASE("an empty field needs no column")
    {
        CHECK(record::column_refusals("trainings.csv", header, {{"staff_id", "T01"}, {"session", ""}}).empty());
    }
}

TEST_CASE("record::confirm_refusals")
{
    SUBCASE("a scheduled visit cannot be confirmed; the advice is to complete it first")
    {
        const auto p = record::confirm_refusals({{"status", "scheduled"}}, "V1");
        REQUIRE(p.size() == 1);
        CHECK(p[0].record == "V1");
        CHECK(p[0].message == "the visit is scheduled; only a completed visit is confirmed");
        CHECK(p[0].advice == "record it with --update V1 --status completed first");
    }
    SUBCASE("a visit without a status says so")
    {
        const auto p = record::confirm_refusals({}, "V1");
        REQUIRE(p.size() == 1);
        CHECK(p[0].message == "the visit is without a status; only a completed visit is confirmed");
    }
    SUBCASE("a visit confirmed already is not confirmed twice")
    {
        const auto p = record::confirm_refusals({{"status", "completed"}, {"confirmed_on", "2026-09-15"}}, "V1");
        REQUIRE(p.size() == 1);
        CHECK(p[0].message == "it was confirmed on 2026-09-15 already");
    }
    SUBCASE("a completed visit not yet confirmed can be")
    {
        CHECK(record::confirm_refusals({{"status", "completed"}, {"confirmed_on", " "}}, "V1").empty());
    }
}

TEST_CASE("record::paid_refusals")
{
    auto src = test::tiny_repo();
    SUBCASE("a visit a closed ledger paid cannot be removed; the ledger line is named")
    {
        src["payroll/2026-09.csv"] = std::string(k_ledger_header) +
                                     "2026-09,T01,visit,V20260914-ST01,2026-09-14,45,,50.00,50.00,S01,district\n";
        const auto loaded = io::load_sources(src, test::as_of());
        const auto p = record::paid_refusals(loaded.repo, "V20260914-ST01");
        REQUIRE(p.size() == 1);
        CHECK(p[0].file == "payroll/2026-09.csv");
        CHECK(p[0].line == 2);
        CHECK(contains(p[0].message, "payroll/2026-09.csv line 2 paid it, and a paid visit stays in the log"));
        CHECK(contains(p[0].message, "--update V20260914-ST01 --status cancelled"));
    }
    SUBCASE("an unpaid visit can be removed")
    {
        const auto loaded = io::load_sources(src, test::as_of());
        CHECK(record::paid_refusals(loaded.repo, "V20260914-ST01").empty());
    }
}

TEST_CASE("record::next_event_id")
{
    auto src = test::tiny_repo();
    const auto day = test::date("2026-09-20");
    SUBCASE("the first event of a day is -1")
    {
        const auto loaded = io::load_sources(src, test::as_of());
        CHECK(record::next_event_id(loaded.repo, day) == "E20260920-1");
    }
    SUBCASE("the lowest number not taken")
    {
        src["events.csv"] = "event_id,date,site_id,kind,title,attendees,staff_ids,notes\n"
                            "E20260920-1,2026-09-20,S01,celebration,Fall night,,,\n"
                            "E20260920-3,2026-09-20,S01,celebration,Fall night again,,,\n";
        const auto loaded = io::load_sources(src, test::as_of());
        CHECK(record::next_event_id(loaded.repo, day) == "E20260920-2");
    }
}

TEST_CASE("record::close_blockers")
{
    model::Problems problems = {
        {"CP2-trained", model::Severity::Error, "visits.csv", 2, "V1", "not trained", {}},
        {"CP5-pair", model::Severity::Warning, "visits.csv", 3, "V2", "one educator", {}},
        {"unknown-ref", model::Severity::Error, "visits.csv", 4, "V3", "no such student", {}},
    };
    SUBCASE("unreviewed errors block a close, warnings do not")
    {
        const auto b = record::close_blockers(problems);
        REQUIRE(b.size() == 2);
        CHECK(b[0].rule == "CP2-trained");
        CHECK(b[1].rule == "unknown-ref");
    }
    SUBCASE("a reviewed error does not block")
    {
        problems[0].reviewed = model::ReviewMark{"2026-09-20", "C01", "stands"};
        CHECK(record::close_blockers(problems).size() == 1);
    }
    SUBCASE("the advice names a finding that can be reviewed")
    {
        CHECK(contains(record::unblock_advice(record::close_blockers(problems)), "pthv review CP2-trained V1"));
    }
    SUBCASE("data-integrity errors are only fixed")
    {
        problems.erase(problems.begin());
        CHECK(record::unblock_advice(record::close_blockers(problems)) ==
              "fix them (data-integrity errors cannot be reviewed, only fixed)");
    }
    SUBCASE("a closed period is never rewritten")
    {
        const auto p = record::period_closed("2026-09");
        CHECK(p.file == "payroll/2026-09.csv");
        CHECK(p.message == "payroll/2026-09.csv exists: 2026-09 is closed, and a closed period is never rewritten");
    }
}

TEST_CASE("record::session_hours_refusal")
{
    model::TrainingSession s;
    s.hours_x100 = 250;
    CHECK(record::session_hours_refusal(250, s, "REFR-1105").empty());
    CHECK(record::session_hours_refusal(100, s, "REFR-1105").empty());
    CHECK(record::session_hours_refusal(2400, s, "REFR-1105") ==
          "session REFR-1105 lasts 2.5 hours; a training row pays at most the session's hours");
    s.hours_x100.reset();
    CHECK(record::session_hours_refusal(2400, s, "REFR-1105").empty());
}

TEST_CASE("record::future_event_refusal")
{
    const auto today = test::date("2026-09-20");
    CHECK(record::future_event_refusal(test::date("2026-09-20"), today).empty());
    CHECK(record::future_event_refusal(test::date("2026-09-01"), today).empty());
    CHECK(record::future_event_refusal(test::date("2026-09-21"), today) ==
          "is after today (2026-09-20): record an event once it has taken place");
}
