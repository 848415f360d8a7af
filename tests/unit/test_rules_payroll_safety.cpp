#include <doctest/doctest.h>

#include "fixture.hpp"

using namespace pthv;
using test::contains;

namespace {

const char* const k_header = "period,staff_id,item,item_id,date,minutes,hours,rate,amount,site_id,source\n";
const char* const k_t01 = "2026-09,T01,visit,V20260914-ST01,2026-09-14,45,,50.00,50.00,S01,district\n";
const char* const k_t02 = "2026-09,T02,visit,V20260914-ST01,2026-09-14,45,,50.00,50.00,S01,district\n";

} // namespace

TEST_CASE("rules::paid-twice")
{
    auto src = test::tiny_repo();

    SUBCASE("one item in two closed ledgers fires on the later ledger's line")
    {
        src["payroll/2026-09.csv"] = std::string(k_header) + k_t01 + k_t02;
        src["payroll/2026-10.csv"] = std::string(k_header) + "2026-10,T01,visit,V20260914-ST01,2026-09-14,45,,50.00,"
                                                             "50.00,S01,district\n";
        const auto p = test::only(test::validate(src), "paid-twice");
        CHECK(p.severity == model::Severity::Error);
        CHECK(p.file == "payroll/2026-10.csv");
        CHECK(p.line == 2);
        CHECK(p.record == "V20260914-ST01");
        CHECK(p.message == "visit V20260914-ST01 for T01 is paid again: payroll/2026-09.csv line 2 paid it already");
    }
    SUBCASE("one item twice in one ledger fires on the second line")
    {
        src["payroll/2026-09.csv"] = std::string(k_header) + k_t01 + k_t02 + k_t01;
        const auto p = test::only(test::validate(src), "paid-twice");
        CHECK(p.line == 4);
        CHECK(contains(p.message, "line 2 of this file paid it already"));
    }
    SUBCASE("a training paid twice fires too")
    {
        const std::string training = "2026-09,T03,training,2026-08-10/intro,2026-08-10,,3.00,28.00,84.00,S01,\n";
        src["payroll/2026-09.csv"] = std::string(k_header) + training;
        src["payroll/2026-10.csv"] = std::string(k_header) + training;
        CHECK(test::only(test::validate(src), "paid-twice").record == "2026-08-10/intro");
    }
    SUBCASE("near misses are quiet: the same visit for each educator, another kind, another id")
    {
        src["payroll/2026-09.csv"] = std::string(k_header) + k_t01 + k_t02 +
                                     "2026-09,T01,training,2026-08-10/intro,2026-08-10,,3.00,40.00,120.00,S01,\n";
        src["payroll/2026-10.csv"] = std::string(k_header) +
                                     "2026-10,T02,training,2026-08-10/intro,2026-08-10,,3.00,40.00,120.00,S01,\n";
        INFO(test::dump(test::validate(src)));
        CHECK(test::count(test::validate(src), "paid-twice") == 0);
        CHECK(test::validate(src).empty());
    }
}

TEST_CASE("rules::ledger-name")
{
    auto src = test::tiny_repo();
    src["payroll/2026-09.csv"] = std::string(k_header) + k_t01;

    SUBCASE("a copy of a ledger is not read as one, and is reported")
    {
        src["payroll/2026-09 (copy).csv"] = src["payroll/2026-09.csv"];
        const auto loaded = io::load_sources(src, test::as_of());
        CHECK(loaded.repo.ledger.size() == 1); // the copy would double "closed so far"
        const auto problems = test::validate(src);
        const auto p = test::only(problems, "ledger-name");
        CHECK(p.severity == model::Severity::Warning);
        CHECK(p.file == "payroll/2026-09 (copy).csv");
        CHECK(p.line == 0);
        CHECK(p.message == "payroll/2026-09 (copy).csv is not read as a closed pay period: only files named "
                           "payroll/YYYY-MM.csv are");
        CHECK(test::count(problems, "paid-twice") == 0);
    }
    SUBCASE("only a real month is a ledger name")
    {
        for (const char* name : {"payroll/2026-13.csv", "payroll/2026-9.csv", "payroll/notes.txt",
                                 "payroll/2026-09.csv.bak", "payroll/2026-09.CSV", "payroll/x2026-09.csv"}) {
            CHECK_MESSAGE(!io::is_ledger_name(name), name);
            auto copy = src;
            copy[name] = src["payroll/2026-09.csv"];
            CHECK_MESSAGE(test::only(test::validate(copy), "ledger-name").file == name, name);
        }
        CHECK(io::is_ledger_name("payroll/2026-09.csv"));
        CHECK(io::is_ledger_name("payroll/2027-12.csv"));
    }
    SUBCASE("ledgers named for their month are quiet")
    {
        src["payroll/2026-10.csv"] = k_header;
        CHECK(test::validate(src).empty());
    }
}
