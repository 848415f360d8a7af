#include <doctest/doctest.h>

#include "fixture.hpp"

#include <algorithm>

#include <pthv/util/strings.hpp>

using namespace pthv;
using test::contains;

namespace {

// A student's flags, in the order of Repo::flag_names: 1 yes, 0 no, -1 unknown.
std::vector<int> flags_of(const model::Repo& repo, const std::string& student)
{
    std::vector<int> out;
    const model::Student* s = test::student(repo, student);
    REQUIRE(s != nullptr);
    if (!s)
        return out;
    for (std::size_t f = 0; f < repo.flag_names.size(); ++f)
        out.push_back(s->flag(f));
    return out;
}

io::LoadResult load(const io::Sources& sources,
                    const std::optional<std::pair<std::string, std::string>>& flags = std::nullopt)
{
    return io::load_sources(sources, test::as_of(), flags);
}

// The one problem of `rule`, checked for its place.
model::Problem at(const model::Problems& problems, std::string_view rule, const std::string& file, std::size_t line)
{
    INFO(test::dump(problems));
    const auto p = test::only(problems, rule);
    CHECK(p.file == file);
    CHECK(p.line == line);
    return p;
}

// LF -> CRLF, with a BOM in front.
std::string bom_crlf(const std::string& text)
{
    std::string out = "\xEF\xBB\xBF";
    for (const char c : text) {
        if (c == '\n')
            out += '\r';
        out += c;
    }
    return out;
}

} // namespace

TEST_CASE("io::load_sources")
{
    auto src = test::tiny_repo();

    SUBCASE("the fixture loads clean, each record with its line")
    {
        const auto r = load(src);
        INFO(test::dump(r.problems));
        CHECK(r.problems.empty());
        CHECK(r.repo.config_ok);
        CHECK(r.repo.sites.size() == 2);
        CHECK(r.repo.staff.size() == 3);
        REQUIRE(r.repo.visits.size() == 3);
        const auto* v = test::visit(r.repo, "V20260914-ST02");
        REQUIRE(v);
        CHECK(v->line == 3);
        CHECK(test::educators(r.repo, *v) == std::vector<std::string>{"T01", "T02"});
        CHECK(v->notes == "Mom, dad and grandma joined");
        CHECK(v->minutes == 45);
        CHECK(v->start_time->str() == "16:30");
        CHECK(test::staff(r.repo, "T03")->hourly_rate->cents() == 2735);
        CHECK(flags_of(r.repo, "ST03") == std::vector<int>{1});
        CHECK(r.repo.id(test::student(r.repo, "ST03")->family) == "ST03");
        CHECK(r.repo.flag_names == std::vector<std::string>{"flag_attendance"});
        CHECK(r.repo.as_of.str() == "2026-10-01");
        CHECK_FALSE(r.repo.files.at("visits.csv").crlf);
    }
    SUBCASE("a BOM + CRLF repo loads exactly like its LF twin")
    {
        auto twin = src;
        for (auto& [name, text] : twin)
            if (name != "pthv.yaml")
                text = bom_crlf(std::string(text.text()));
        const auto a = load(src);
        const auto b = load(twin);
        CHECK(b.problems.empty());
        REQUIRE(a.repo.visits.size() == b.repo.visits.size());
        for (std::size_t i = 0; i < a.repo.visits.size(); ++i) {
            CHECK(a.repo.id(a.repo.visits[i].id) == b.repo.id(b.repo.visits[i].id));
            CHECK(a.repo.visits[i].line == b.repo.visits[i].line);
            CHECK(a.repo.visits[i].notes == b.repo.visits[i].notes);
            CHECK(a.repo.visits[i].language == b.repo.visits[i].language);
        }
        CHECK(test::site(b.repo, "S01")); // the BOM is not part of the first column's name
        CHECK(b.repo.files.at("visits.csv").crlf);
    }
    SUBCASE("a missing file is csv-syntax naming its columns")
    {
        src.erase("trainings.csv");
        const auto p = at(load(src).problems, "csv-syntax", "trainings.csv", 0);
        CHECK(p.message == "the file is missing");
        CHECK(contains(p.advice, "staff_id,date,kind,hours,session"));
    }
    SUBCASE("a missing pthv.yaml is config-invalid and the CSV files still load")
    {
        src.erase("pthv.yaml");
        const auto r = load(src);
        at(r.problems, "config-invalid", "pthv.yaml", 0);
        CHECK_FALSE(r.repo.config_ok);
        CHECK(r.repo.visits.size() == 3);
    }
    SUBCASE("a missing required column is column-missing on line 1, with a hint at a near name")
    {
        test::replace(src, "visits.csv", "visit_id,student_id,site_id,date,", "visit_id,student,site_id,date,");
        const auto r = load(src);
        const auto p = at(r.problems, "column-missing", "visits.csv", 1);
        CHECK(p.message == "the required column student_id is missing");
        CHECK(contains(p.advice, "student"));
        CHECK(test::count(r.problems, "unknown-column") == 1);
    }
    SUBCASE("a required-when column is required in the header")
    {
        test::replace(src, "visits.csv", ",focus,", ",topic,");
        at(load(src).problems, "column-missing", "visits.csv", 1);
    }
    SUBCASE("a cell of the wrong type is value-invalid naming record, column and value")
    {
        test::replace(src, "visits.csv", "2026-09-14,16:30,45,T01;T02,completed,2026-09-08,hopes",
                      "2026-09-31,16:30,45,T01;T02,completed,2026-09-08,hopes");
        const auto r = load(src);
        const auto p = at(r.problems, "value-invalid", "visits.csv", 2);
        CHECK(p.record == "V20260914-ST01");
        CHECK(p.message == "visit V20260914-ST01: date \"2026-09-31\" is not a date (YYYY-MM-DD)");
        CHECK_FALSE(r.repo.visits[0].date); // left unknown for the rules
    }
    SUBCASE("an enum value gets a did-you-mean")
    {
        test::replace(src, "visits.csv", "completed,2026-09-08,hopes_and_dreams,home,2026-09-15,es,\n",
                      "complete,2026-09-08,hopes_and_dreams,home,2026-09-15,es,\n");
        const auto p = at(load(src).problems, "value-invalid", "visits.csv", 2);
        CHECK(contains(p.message, "(did you mean completed?)"));
    }
    SUBCASE("other typed cells: yes/no, money, integer range, time, id list, hours, flags")
    {
        test::replace(src, "staff.csv", "T02,Ben Cho,S01,teacher,certificated,yes", "T02,Ben Cho,S01,teacher,certificated,maybe");
        test::replace(src, "staff.csv", "27.35", "27.355");
        test::replace(src, "sites.csv", ",20\n", ",-3\n");
        test::replace(src, "visits.csv", "16:30,45,", "4:30pm,45,");
        test::replace(src, "visits.csv", "17:00,40,T02;T03", "17:00,40,T02;;T03");
        test::replace(src, "trainings.csv", "T03,2026-08-10,intro,3,", "T03,2026-08-10,intro,three,");
        test::replace(src, "students.csv", "ST03,S01,4,T02,,,yes", "ST03,S01,4,T02,,,sometimes");
        const auto r = load(src);
        INFO(test::dump(r.problems));
        CHECK(test::count(r.problems, "value-invalid") == 7);
        CHECK(r.problems.size() == 7);
    }
    SUBCASE("visit minutes must lie in 1..600")
    {
        test::replace(src, "visits.csv", "16:30,45,", "16:30,601,");
        CHECK(contains(at(load(src).problems, "value-invalid", "visits.csv", 2).message, "above the maximum of 600"));
    }
    SUBCASE("a count too large for the program is value-invalid, not a crash")
    {
        test::replace(src, "sites.csv", ",20\n", ",2147483648\n");
        CHECK(contains(at(load(src).problems, "value-invalid", "sites.csv", 2).message, "too large"));
    }
    SUBCASE("an empty required cell is required-missing; required-when only when it applies")
    {
        test::replace(src, "visits.csv", "16:30,45,T01;T02,completed", "16:30,,T01;T02,completed");
        test::replace(src, "visits.csv", "17:00,40,", "17:00,,"); // scheduled: no minutes is fine
        const auto p = at(load(src).problems, "required-missing", "visits.csv", 2);
        CHECK(p.message == "visit V20260914-ST01: minutes is empty; it is required when status is completed");
    }
    SUBCASE("a repeated key is duplicate-key on the later line, naming the first")
    {
        test::append(src, "staff.csv", "T01,Another,S01,teacher,certificated,yes,,yes");
        const auto r = load(src);
        const auto p = at(r.problems, "duplicate-key", "staff.csv", 5);
        CHECK(contains(p.message, "already used on line 2"));
        CHECK(test::staff(r.repo, "T01")->name == "Ana Lopez"); // the first wins
    }
    SUBCASE("trainings are keyed by staff, date and kind together")
    {
        test::append(src, "trainings.csv", "T01,2026-08-10,refresher,2,same day");
        CHECK(load(src).problems.empty());
        test::append(src, "trainings.csv", "T01,2026-08-10,intro,2,again");
        const auto p = at(load(src).problems, "duplicate-key", "trainings.csv", 6);
        CHECK(p.record == "T01/2026-08-10/intro");
    }
    SUBCASE("an unknown column is a warning-level finding on line 1; students' extra columns are attributes")
    {
        test::replace(src, "staff.csv", "hourly_rate,active", "hourly_rate,active,shoe_size");
        for (const char* row : {"T01,Ana Lopez,S01,teacher,certificated,yes,,yes", "T02,Ben Cho,S01,teacher,certificated,yes,,yes",
                                "T03,Cara Diaz,S01,liaison,classified,yes,27.35,yes"})
            test::replace(src, "staff.csv", row, std::string(row) + ",9");
        test::replace(src, "students.csv", "family_id,flag_attendance", "family_id,flag_attendance,language");
        for (const char* row : {"ST01,S01,3,T01,,F01,no", "ST02,S01,3,T01,,F01,no", "ST03,S01,4,T02,,,yes"})
            test::replace(src, "students.csv", row, std::string(row) + ",es");
        const auto p = at(load(src).problems, "unknown-column", "staff.csv", 1);
        CHECK(contains(p.message, "\"shoe_size\""));
    }
    SUBCASE("a csv-syntax row is skipped and the rest of the file loads")
    {
        test::replace(src, "visits.csv", "es,\"Mom, dad and grandma joined\"", "es,\"Mom, dad and grandma joined");
        const auto r = load(src);
        at(r.problems, "csv-syntax", "visits.csv", 3);
        CHECK(r.repo.visits.size() == 2);
        CHECK(r.repo.visits[1].line == 4);
    }
    SUBCASE("closed payroll files are read with their own name")
    {
        src["payroll/2026-09.csv"] = "period,staff_id,item,item_id,date,minutes,hours,rate,amount,site_id,source\n"
                                     "2026-09,T01,visit,V20260914-ST01,2026-09-14,45,,50.00,50.00,S01,district\n"
                                     "2026-09,T01,visit,V1,2026-09-14,45,,50.00,fifty,S01,district\n";
        const auto r = load(src);
        at(r.problems, "value-invalid", "payroll/2026-09.csv", 3);
        REQUIRE(r.repo.ledger.size() == 2);
        CHECK(r.repo.ledger[0].amount->cents() == 5000);
        CHECK(r.repo.ledger[0].file == "payroll/2026-09.csv");
    }
}

TEST_CASE("io::load_sources with a flags file")
{
    auto src = test::tiny_repo();

    SUBCASE("flags merge into the students: new columns added, known ones overwritten")
    {
        const auto r = load(src, std::make_pair(std::string("flags.csv"),
                                                std::string("student_id,flag_behavior,flag_attendance\n"
                                                            "ST01,yes,yes\n"
                                                            "ST03,no,\n")));
        INFO(test::dump(r.problems));
        CHECK(r.problems.empty());
        CHECK(r.repo.flag_names == std::vector<std::string>{"flag_attendance", "flag_behavior"});
        CHECK(flags_of(r.repo, "ST01") == std::vector<int>{1, 1});
        CHECK(flags_of(r.repo, "ST02") == std::vector<int>{0, -1});
        CHECK(flags_of(r.repo, "ST03") == std::vector<int>{1, 0});
    }
    SUBCASE("an unknown student in the flags file is unknown-ref on its line")
    {
        const auto r = load(src, std::make_pair(std::string("flags.csv"),
                                                std::string("student_id,flag_behavior\nST01,yes\nST99,no\n")));
        const auto p = at(r.problems, "unknown-ref", "flags.csv", 3);
        CHECK(p.record == "ST99");
    }
    SUBCASE("a student listed twice is duplicate-key on the second line; a conflicting flag is left unknown")
    {
        const auto r = load(src, std::make_pair(std::string("flags.csv"),
                                                std::string("student_id,flag_behavior,flag_attendance\n"
                                                            "ST01,yes,no\n"
                                                            "ST03,no,no\n"
                                                            "ST01,no,no\n")));
        const auto p = at(r.problems, "duplicate-key", "flags.csv", 4);
        CHECK(p.record == "ST01");
        CHECK(p.severity == model::Severity::Error);
        CHECK(p.message == "student_id ST01 appears again (first on line 2) with other flags: flag_behavior yes "
                           "there, no here; neither is used");
        CHECK(flags_of(r.repo, "ST01") == std::vector<int>{0, -1}); // attendance agrees, behavior unknown
    }
    SUBCASE("a student listed twice with the same flags is still duplicate-key")
    {
        const auto r = load(src, std::make_pair(std::string("flags.csv"),
                                                std::string("student_id,flag_behavior\nST01,yes\nST01,yes\n")));
        const auto p = at(r.problems, "duplicate-key", "flags.csv", 3);
        CHECK(p.message == "student_id ST01 appears again (first on line 2)");
        CHECK(flags_of(r.repo, "ST01").back() == 1); // flag_behavior, as both rows say
    }
    SUBCASE("a flags file without student_id, or with other columns, or bad values")
    {
        at(load(src, std::make_pair(std::string("f.csv"), std::string("id,flag_x\nST01,yes\n"))).problems,
           "column-missing", "f.csv", 1);
        const auto r = load(src, std::make_pair(std::string("f.csv"),
                                                std::string("student_id,name,flag_x\nST01,Ana,perhaps\n")));
        at(r.problems, "unknown-column", "f.csv", 1);
        at(r.problems, "value-invalid", "f.csv", 2);
    }
}

TEST_CASE("io::data_files")
{
    CHECK(io::data_files() ==
          std::vector<std::string>{"sites.csv", "staff.csv", "students.csv", "trainings.csv", "visits.csv"});
}

TEST_CASE("io::load_sources keeps visits.csv's optional whole-number columns by the schema alone")
{
    auto src = test::tiny_repo();
    auto lines = util::split(src.at("visits.csv"), '\n');
    src["visits.csv"] = lines[0] + ",travel_minutes\n" + lines[1] + ",\n" + lines[2] + ",25\n" + lines[3] + ",x\n";
    const auto loaded = io::load_sources(src);
    const model::VisitNumbers* travel = loaded.repo.visit_numbers_of("travel_minutes");
    REQUIRE(travel != nullptr);
    CHECK(travel->at(0) == model::VisitNumbers::k_none); // empty
    CHECK(travel->at(1) == 25);
    CHECK(travel->at(2) == model::VisitNumbers::k_none); // not a number: value-invalid
    CHECK(std::any_of(loaded.problems.begin(), loaded.problems.end(), [](const model::Problem& p) {
        return p.rule == "value-invalid" && p.line == 4 && p.file == "visits.csv";
    }));
    CHECK(loaded.repo.visit_numbers_of("minutes") == nullptr); // required when completed: a Visit field

    src = test::tiny_repo(); // without the column: it is there, and holds nothing
    const auto without = io::load_sources(src);
    REQUIRE(without.repo.visit_numbers_of("travel_minutes") != nullptr);
    CHECK(without.repo.visit_numbers_of("travel_minutes")->values.empty());
}
