#include <doctest/doctest.h>

#include "fixture.hpp"

#include <pthv/model/facts.hpp>
#include <pthv/pay/items.hpp>
#include <pthv/pay/ledger.hpp>

using namespace pthv;
using pay::ItemStatus;
using test::contains;

namespace {

// The tiny repo's visit line for `id`: a completed visit of ST03 (site S01).
std::string visit(const std::string& id, const std::string& date, const std::string& time, int minutes,
                  const std::string& educators)
{
    return id + ",ST03,S01," + date + "," + time + "," + std::to_string(minutes) + "," + educators +
           ",completed,2026-07-01,academics,home,,,";
}

test::PaidItems items_for(const io::Sources& sources, std::string_view month)
{
    const auto period = pay::month_period(month);
    REQUIRE(period);
    return test::paid_items(sources, "2027-06-30", *period);
}

const pay::PayItem* find(const test::PaidItems& items, std::string_view staff, std::string_view id)
{
    for (const auto& i : items)
        if (items.staff(i) == staff && items.id(i) == id)
            return &i;
    return nullptr;
}

const pay::PayItem& get(const test::PaidItems& items, std::string_view staff, std::string_view id)
{
    const auto* i = find(items, staff, id);
    REQUIRE_MESSAGE(i, "no item " << staff << " " << id);
    return *i;
}

} // namespace

TEST_CASE("pay::pay_items")
{
    auto src = test::tiny_repo();

    SUBCASE("certificated staff get per_visit, once per event however many siblings it saw")
    {
        const auto items = items_for(src, "2026-09");
        const auto& a = get(items, "T01", "V20260914-ST01");
        CHECK(a.amount.str() == "50.00");
        CHECK(a.rate->str() == "50.00");
        CHECK(a.status == ItemStatus::Paid);
        CHECK(a.minutes == 45);
        CHECK(items.rows(a) == 2);
        CHECK(items.site(a) == "S01");
        CHECK(a.source == "district");
        CHECK(get(items, "T02", "V20260914-ST01").amount.str() == "50.00");
        CHECK_FALSE(find(items, "T01", "V20260914-ST02"));
        CHECK(pay::pay_totals(items).amount.str() == "424.00"); // 2 x 50 + trainings 120 + 120 + 84 (late)
    }
    SUBCASE("the event pays its longest row")
    {
        test::replace(src, "visits.csv", "V20260914-ST02,ST02,S01,2026-09-14,16:30,45",
                      "V20260914-ST02,ST02,S01,2026-09-14,16:30,70");
        CHECK(get(items_for(src, "2026-09"), "T01", "V20260914-ST01").minutes == 70);
    }
    SUBCASE("classified staff are paid by the hour at their own rate, half up: 27.35/h for 75 minutes = 34.19")
    {
        test::append(src, "visits.csv", visit("V20260915-ST03", "2026-09-15", "16:00", 75, "T01;T03"));
        const auto items = items_for(src, "2026-09");
        const auto& i = get(items, "T03", "V20260915-ST03");
        CHECK(i.amount.str() == "34.19");
        CHECK(i.rate->str() == "27.35");
        CHECK(i.paid_minutes == 75);
        CHECK(contains(i.rule, "own rate"));
    }
    SUBCASE("an hourly visit shorter than minimum_minutes is paid the minimum")
    {
        test::append(src, "visits.csv", visit("V20260915-ST03", "2026-09-15", "16:00", 40, "T01;T03"));
        const auto items = items_for(src, "2026-09");
        const auto& i = get(items, "T03", "V20260915-ST03");
        CHECK(i.paid_minutes == 60);
        CHECK(i.amount.str() == "27.35");
    }
    SUBCASE("without an own hourly_rate the class's hourly applies")
    {
        test::replace(src, "staff.csv", "classified,yes,27.35,yes", "classified,yes,,yes");
        test::append(src, "visits.csv", visit("V20260915-ST03", "2026-09-15", "16:00", 90, "T01;T03"));
        CHECK(get(items_for(src, "2026-09"), "T03", "V20260915-ST03").amount.str() == "42.00");
    }
    SUBCASE("a certificated hourly rule pays by the hour too")
    {
        test::replace(src, "pthv.yaml", "certificated: {per_visit: 50.00}",
                      "certificated: {hourly: 45.00, minimum_minutes: 60}");
        const auto items = items_for(src, "2026-09");
        CHECK(get(items, "T01", "V20260914-ST01").amount.str() == "45.00"); // 45 min, paid 60
    }
    SUBCASE("trainings pay hours x the class's training rate, item id <date>/<kind>")
    {
        test::replace(src, "trainings.csv", "T03,2026-08-10,intro,3,", "T03,2026-08-10,intro,2.25,");
        const auto items = items_for(src, "2026-08");
        const auto& t = get(items, "T01", "2026-08-10/intro");
        CHECK(t.kind == pay::ItemKind::Training);
        CHECK(t.amount.str() == "120.00");
        CHECK(t.hours_x100 == 300);
        CHECK(items.site(t) == "S01");
        CHECK(get(items, "T03", "2026-08-10/intro").amount.str() == "63.00"); // class rate 28.00, not 27.35
    }
    SUBCASE("evening, weekend, summer and holiday visits are paid; 15:00-15:45 on a school day is held")
    {
        test::append(src, "visits.csv", visit("V20260912-ST03", "2026-09-12", "10:00", 60, "T01;T02")); // Saturday
        test::append(src, "visits.csv", visit("V20260720-ST03", "2026-07-20", "10:00", 60, "T01;T02")); // summer
        test::append(src, "visits.csv", visit("V20260907-ST03", "2026-09-07", "10:00", 60, "T01;T02")); // holiday
        test::append(src, "visits.csv", visit("V20260916-ST03", "2026-09-16", "15:00", 45, "T01;T02"));
        test::append(src, "visits.csv", visit("V20260917-ST03", "2026-09-17", "10:00", 45, "T01;T02")); // in school
        const auto items = items_for(src, "2026-09");
        for (const char* id : {"V20260914-ST01", "V20260912-ST03", "V20260907-ST03"})
            CHECK(get(items, "T01", id).status == ItemStatus::Paid);
        CHECK(get(items, "T01", "V20260720-ST03").status == ItemStatus::Late);
        const auto& held = get(items, "T01", "V20260916-ST03");
        CHECK(held.status == ItemStatus::Held);
        CHECK(held.amount.cents() == 0);
        CHECK(contains(held.note, "15:00-15:45 partly overlaps the school day (08:00-15:30)"));
        const auto& inside = get(items, "T01", "V20260917-ST03");
        CHECK(inside.status == ItemStatus::SchoolDay);
        CHECK(inside.amount.cents() == 0);
    }
    SUBCASE("a visit wholly inside the school day is listed for each educator at 0.00, saying why")
    {
        test::append(src, "visits.csv", visit("V20260917-ST03", "2026-09-17", "10:00", 45, "T01;T03"));
        const auto items = items_for(src, "2026-09");
        const auto& i = get(items, "T03", "V20260917-ST03");
        CHECK(i.status == ItemStatus::SchoolDay);
        CHECK(pay::item_status_name(i.status) == "school_day");
        CHECK(i.amount.cents() == 0);
        CHECK(i.note == "not paid: 10:00-10:45 is wholly inside the school day (08:00-15:30)");
        CHECK(get(items, "T01", "V20260917-ST03").status == ItemStatus::SchoolDay);
        const auto t = pay::pay_totals(items);
        CHECK(t.school_day == 2);
        CHECK(t.amount.str() == "424.00"); // as without it: nothing paid for it
        CHECK(pay::ledger_text(items.loaded->repo, items, "2026-09").find("V20260917") == std::string::npos);
    }
    SUBCASE("school-day visits are lines of their own period only, not of later ones")
    {
        test::append(src, "visits.csv", visit("V20260917-ST03", "2026-09-17", "10:00", 45, "T01;T03"));
        CHECK_FALSE(find(items_for(src, "2026-10"), "T01", "V20260917-ST03"));
        CHECK_FALSE(find(items_for(src, "2026-08"), "T01", "V20260917-ST03"));
    }
    SUBCASE("an item past 9,999,999.99 is an error naming its row, never a wrapped figure")
    {
        // 9,999,999.99 an hour is a rate pthv accepts; 75 minutes of it is no payment.
        test::replace(src, "staff.csv", "classified,yes,27.35,yes", "classified,yes,9999999.99,yes");
        test::append(src, "visits.csv", visit("V20260915-ST03", "2026-09-15", "16:00", 75, "T01;T03"));
        CHECK_THROWS_WITH_AS(items_for(src, "2026-09"),
                             doctest::Contains("visits.csv:5: visit V20260915-ST03 would pay T03 12,499,999.99"),
                             model::MoneyOverflow);
        test::replace(src, "staff.csv", "classified,yes,9999999.99,yes", "classified,yes,7999999.99,yes");
        CHECK(get(items_for(src, "2026-09"), "T03", "V20260915-ST03").amount.grouped() == "9,999,999.99");
    }
    SUBCASE("a training past 9,999,999.99 is an error on its trainings.csv line")
    {
        test::replace(src, "pthv.yaml", "classified_hourly: 28.00", "classified_hourly: 9999999.99");
        test::replace(src, "trainings.csv", "T03,2026-08-10,intro,3,", "T03,2026-08-10,intro,24,");
        CHECK_THROWS_WITH_AS(items_for(src, "2026-09"), doctest::Contains("trainings.csv:4: training 2026-08-10/intro"),
                             model::MoneyOverflow);
    }
    SUBCASE("visits past the cap in the school year, in date order, are over the cap at 0.00")
    {
        test::replace(src, "pthv.yaml", "max_paid_visits_per_staff: 60", "max_paid_visits_per_staff: 2");
        test::append(src, "visits.csv", visit("V20260922-ST03", "2026-09-22", "17:00", 45, "T01;T03"));
        test::append(src, "visits.csv", visit("V20260919-ST03", "2026-09-19", "10:00", 45, "T01;T03"));
        const auto items = items_for(src, "2026-09");
        CHECK(get(items, "T01", "V20260914-ST01").status == ItemStatus::Paid);
        CHECK(get(items, "T01", "V20260919-ST03").status == ItemStatus::Paid);
        const auto& over = get(items, "T01", "V20260922-ST03");
        CHECK(over.status == ItemStatus::OverCap);
        CHECK(over.amount.cents() == 0);
        CHECK(contains(over.note, "visit 3 of the school year"));
        CHECK(get(items, "T03", "V20260922-ST03").status == ItemStatus::Paid);
    }
    SUBCASE("a staff member without a pay rule is held with the reason")
    {
        test::replace(src, "pthv.yaml", "  classified: {hourly: 28.00, minimum_minutes: 60}\n", "");
        test::append(src, "visits.csv", visit("V20260915-ST03", "2026-09-15", "16:00", 75, "T01;T03"));
        const auto items = items_for(src, "2026-09");
        const auto& i = get(items, "T03", "V20260915-ST03");
        CHECK(i.status == ItemStatus::Held);
        CHECK(i.amount.cents() == 0);
        CHECK(i.note == "held: no pay rule (compensation.classified is not set in pthv.yaml)");
    }
    SUBCASE("items of an earlier period, never paid, are late; items after the period's end wait")
    {
        const auto october = items_for(src, "2026-10");
        const auto& late = get(october, "T01", "V20260914-ST01");
        CHECK(late.status == ItemStatus::Late);
        CHECK(late.amount.str() == "50.00");
        CHECK(contains(late.note, "late: dated 2026-09-14"));
        CHECK(items_for(src, "2026-07").empty());
    }
    SUBCASE("what a closed ledger holds is never listed again")
    {
        src["payroll/2026-09.csv"] =
            "period,staff_id,item,item_id,date,minutes,hours,rate,amount,site_id,source\n"
            "2026-09,T01,visit,V20260914-ST01,2026-09-14,45,,50.00,50.00,S01,district\n"
            "2026-09,T01,training,2026-08-10/intro,2026-08-10,,3.00,40.00,120.00,S01,district\n";
        const auto items = items_for(src, "2026-10");
        CHECK_FALSE(find(items, "T01", "V20260914-ST01"));
        CHECK_FALSE(find(items, "T01", "2026-08-10/intro"));
        CHECK(find(items, "T02", "V20260914-ST01"));
    }
    SUBCASE("the cap counts visits closed ledgers paid: a visit logged late cannot pass it")
    {
        test::replace(src, "pthv.yaml", "max_paid_visits_per_staff: 60", "max_paid_visits_per_staff: 2");
        test::append(src, "visits.csv", visit("V20260919-ST03", "2026-09-19", "10:00", 45, "T01;T02"));
        src["payroll/2026-09.csv"] = "period,staff_id,item,item_id,date,minutes,hours,rate,amount,site_id,source\n"
                                     "2026-09,T01,visit,V20260914-ST01,2026-09-14,45,,50.00,50.00,S01,district\n"
                                     "2026-09,T01,visit,V20260919-ST03,2026-09-19,45,,50.00,50.00,S01,district\n";
        test::append(src, "visits.csv", visit("V20260905-ST03", "2026-09-05", "10:00", 45, "T01;T02"));
        const auto items = items_for(src, "2026-10");
        CHECK(get(items, "T01", "V20260905-ST03").status == ItemStatus::OverCap);
        CHECK(get(items, "T02", "V20260905-ST03").status == ItemStatus::Late);
    }
}

TEST_CASE("pay::attach_findings")
{
    auto items = items_for(test::tiny_repo(), "2026-09");
    // visits.csv line 2 is V20260914-ST01, one event with line 3, paid to T01 and T02.
    const auto finding = [](std::vector<std::string> staff, std::string message) {
        model::Problem p{"CP2-trained", model::Severity::Error, "visits.csv", 2, "V20260914-ST01", std::move(message),
                         {}};
        p.staff = std::move(staff);
        return model::Problems{p};
    };
    const auto attached = [&](const model::Problems& problems, std::string_view staff) {
        for (auto& i : items)
            i.findings.clear();
        pay::attach_findings(items, *items.facts, problems);
        return get(items, staff, "V20260914-ST01").findings.size();
    };
    SUBCASE("a finding about one educator goes beside that educator's item only")
    {
        const auto p = finding({"T02"}, "visit V20260914-ST01: educator T02 had no intro training");
        CHECK(attached(p, "T02") == 1);
        CHECK(attached(p, "T01") == 0);
    }
    SUBCASE("rewording the message changes nothing: the staff field says whom it is about")
    {
        for (const char* message : {"educator T01 and T02 untrained", "nobody named here", "T01"}) {
            const auto p = finding({"T02"}, message);
            CHECK(attached(p, "T02") == 1);
            CHECK(attached(p, "T01") == 0);
        }
    }
    SUBCASE("a finding about nobody in particular goes beside every payee, whoever its message names")
    {
        const auto p = finding({}, "visit V20260914-ST01 names T01 in passing");
        CHECK(attached(p, "T01") == 1);
        CHECK(attached(p, "T02") == 1);
    }
    SUBCASE("the rules fill the field: CP2-trained names the untrained educator")
    {
        auto src = test::tiny_repo();
        test::replace(src, "trainings.csv", "T02,2026-08-10", "T02,2026-09-20");
        const auto problems = test::validate(src, "2026-10-01");
        REQUIRE(test::count(problems, "CP2-trained") == 2); // both rows of the event
        for (const auto& p : problems)
            if (p.rule == "CP2-trained") {
                CHECK(p.staff == std::vector<std::string>{"T02"});
                CHECK(p.visit == p.record);
            }
        CHECK(attached(problems, "T02") == 2);
        CHECK(test::count(get(items, "T01", "V20260914-ST01").findings, "CP2-trained") == 0);
    }
}

TEST_CASE("pay::RuleTexts keeps each rule text once, for every item that names it")
{
    SUBCASE("the same text is kept once; a move keeps every view")
    {
        pay::RuleTexts texts;
        const std::string_view a = texts.keep("50.00 per visit");
        const std::string_view b = texts.keep(std::string("50.00 per") + " visit");
        CHECK(a.data() == b.data());
        CHECK(texts.keep("").empty());
        const pay::RuleTexts moved = std::move(texts);
        CHECK(a == "50.00 per visit");
    }
    SUBCASE("items of one rule view one text")
    {
        const auto items = items_for(test::tiny_repo(), "2026-09");
        const auto& t01 = get(items, "T01", "2026-08-10/intro");
        const auto& t02 = get(items, "T02", "2026-08-10/intro");
        CHECK(t01.rule == "training 40.00/h");
        CHECK(t01.rule.data() == t02.rule.data());
    }
}

TEST_CASE("pay::month_period")
{
    SUBCASE("a month runs from its first to its last day")
    {
        const auto p = pay::month_period("2027-02");
        REQUIRE(p);
        CHECK(p->from.str() == "2027-02-01");
        CHECK(p->to.str() == "2027-02-28");
        CHECK(p->label == "2027-02");
    }
    SUBCASE("anything else is no month")
    {
        CHECK_FALSE(pay::month_period("2027-13"));
        CHECK_FALSE(pay::month_period("2027-1"));
    }
}
