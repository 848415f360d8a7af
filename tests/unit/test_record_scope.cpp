// A change to visits.csv is checked in a scope (io::Scope): only the rows
// that share a student or an educator with it are loaded. These tests hold
// the scoped check to what a check of the whole repo finds, on the example
// district, row by row.

#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <tuple>

#include <pthv/io/csv.hpp>
#include <pthv/record/edit.hpp>
#include <pthv/record/row.hpp>
#include <pthv/record/visit.hpp>
#include <pthv/rules/registry.hpp>

#include "fixture.hpp"

using namespace pthv;

namespace {

io::LoadOptions options(const std::shared_ptr<const io::Scope>& scope = nullptr)
{
    io::LoadOptions o;
    o.as_of = model::Date::parse("2026-05-15");
    o.scope = scope;
    return o;
}

using Found = std::vector<std::tuple<std::string, std::size_t, std::string, std::string>>;

Found found(const model::Problems& problems)
{
    Found out;
    for (const auto& p : problems)
        out.emplace_back(p.rule, p.line, p.record, p.message);
    std::sort(out.begin(), out.end());
    return out;
}

Found found(const record::EditCheck& check)
{
    model::Problems all = check.refused;
    all.insert(all.end(), check.findings.begin(), check.findings.end());
    return found(all);
}

std::shared_ptr<const io::Scope> scope_of(const record::Fields& fields)
{
    return std::make_shared<const io::Scope>(record::visit_scope({fields}));
}

// The example district, and the same with a cap of 8 paid visits so that
// over-cap fires too.
std::vector<io::Sources> districts()
{
    const io::Sources example = io::read_sources(PTHV_EXAMPLES_DIR);
    io::Sources capped = test::capped_at_eight(example);
    return {example, capped};
}

} // namespace

TEST_CASE("a scoped check of a visits.csv row finds what a check of the whole repo finds")
{
    for (const auto& src : districts()) {
        auto loaded = io::load_sources(src, options());
        const model::Repo& repo = loaded.repo;
        const auto all = rules::check_repo(repo, loaded.problems);
        std::map<std::size_t, model::Problems> on_line;
        for (const auto& p : all)
            if (p.file == "visits.csv")
                on_line[p.line].push_back(p);
        REQUIRE(on_line.size() >= 10); // the example's findings, and over-cap in the capped one
        const auto& header = repo.files.at("visits.csv").header;

        SUBCASE("each row, rewritten as it is: the findings on its line")
        {
            std::size_t compared = 0;
            for (const auto& v : repo.visits) {
                if (!on_line.count(v.line) && v.line % 7 != 0)
                    continue; // every row with a finding, and a sample of the others
                const auto fields = record::row_fields(src, "visits.csv", v.line);
                const auto edit = record::make_replace(src, "visits.csv", v.line, record::render_row(header, fields, ""));
                REQUIRE(edit);
                const auto check = record::check_edit(src, *edit, options(scope_of(fields)));
                CHECK_MESSAGE(found(check) == found(on_line[v.line]), "visits.csv line " << v.line);
                ++compared;
            }
            CHECK(compared > 150);
        }
        SUBCASE("new rows made from existing ones: scoped and whole checks agree")
        {
            std::size_t compared = 0;
            for (std::size_t i = 0; i < repo.visits.size(); i += 97) {
                const auto base = record::row_fields(src, "visits.csv", repo.visits[i].line);
                std::vector<record::Fields> rows;
                rows.push_back(base); // the same visit again: duplicate-visit
                auto later = base;
                later["date"] = "2026-05-14";
                later["arranged_on"] = "2026-05-01";
                rows.push_back(later);
                auto solo = base;
                solo["educators"] = solo["educators"].substr(0, solo["educators"].find(';'));
                rows.push_back(solo); // CP5-pair
                auto stranger = base;
                stranger["student_id"] = "ST9999"; // unknown-ref: refused
                rows.push_back(stranger);
                auto academic = base;
                academic["focus"] = "academics";
                academic["date"] = "2025-08-20"; // before any other visit: a first visit
                rows.push_back(academic);
                for (auto& row : rows) {
                    std::set<std::string> reserved;
                    row["visit_id"] = record::make_visit_id(row["date"], row["student_id"], repo, reserved);
                    const auto edit = record::make_append(src, "visits.csv", record::render_row(header, row, "\n"), 1);
                    const auto whole = record::check_edit(src, edit, options());
                    const auto scoped = record::check_edit(src, edit, options(scope_of(row)));
                    CHECK_MESSAGE(found(scoped) == found(whole), "new row " << record::render_row(header, row, ""));
                    ++compared;
                }
            }
            CHECK(compared >= 60);
        }
    }
}

TEST_CASE("a scoped load")
{
    const io::Sources src = io::read_sources(PTHV_EXAMPLES_DIR);
    auto scope = std::make_shared<io::Scope>();
    scope->students = {"ST0087"};
    scope->staff = {"T008"};
    const auto loaded = io::load_sources(src, options(scope));
    const model::Repo& repo = loaded.repo;

    SUBCASE("keeps the scope's students, and the visits of its students and educators")
    {
        REQUIRE(repo.students.size() == 1);
        CHECK(repo.id(repo.students[0].id) == "ST0087");
        CHECK(test::student(repo, "ST0087"));
        const auto whole = io::load_sources(src, options());
        std::size_t expected = 0;
        for (const auto& v : whole.repo.visits) {
            const auto set = test::educators(whole.repo, v);
            expected += whole.repo.id(v.student) == "ST0087" || std::count(set.begin(), set.end(), "T008") == 1;
        }
        CHECK(expected > 10);
        CHECK(repo.visits.size() == expected);
        for (const auto& v : repo.visits) {
            const auto set = test::educators(repo, v);
            CHECK((repo.id(v.student) == "ST0087" || std::count(set.begin(), set.end(), "T008") == 1));
        }
        CHECK(repo.staff.size() == 100); // other files load whole
    }
    SUBCASE("keeps each kept row's own line number")
    {
        const auto whole = io::load_sources(src, options());
        for (const auto& v : repo.visits) {
            const model::Visit* w = test::visit(whole.repo, repo.id(v.id));
            REQUIRE(w);
            CHECK(w->line == v.line);
        }
    }
}

TEST_CASE("io::CsvReader with only_lines_with")
{
    io::CsvReadOptions o;
    o.only_lines_with = {"ST2", "T9"};
    model::Problems problems;
    io::CsvReader r("visits.csv", "id,who\nST1,T1\nST2,T1\n\"bad,T2\nST3,T9\nST4,T1\nST2,T3", problems, o);
    std::vector<std::pair<std::size_t, std::string>> rows;
    while (r.next())
        rows.emplace_back(r.line(), std::string(r.cells()[0]));
    CHECK(rows == std::vector<std::pair<std::size_t, std::string>>{{3, "ST2"}, {5, "ST3"}, {7, "ST2"}});
    CHECK(problems.empty()); // line 4 is broken, but was never read
}

TEST_CASE("io::CsvReader with only_lines_with over a text of many search windows")
{
    // 20 MB of rows: the reader searches 8 MB at a time. A rare id on the
    // rows astride a window's end and on two others; a common one every few
    // rows of the first megabyte only, so later windows pass without a hit;
    // the lines found and their numbers are those of a plain scan.
    std::string text = "id,who\n";
    std::vector<std::pair<std::size_t, std::string>> want;
    std::size_t line = 2;
    const std::size_t window = std::size_t{8} << 20;
    while (text.size() < (std::size_t{20} << 20)) {
        std::string row = "R" + std::to_string(line) + ",T1";
        const std::size_t at = text.size();
        const bool astride = at / window != (at + row.size() + 8) / window;
        const bool near_end = line % 700000 == 0;
        const bool often = at < (std::size_t{1} << 20) && line % 37 == 0;
        if (astride || near_end)
            row += ";RARE9";
        else if (often)
            row += ";OFTEN";
        if (astride || near_end || often)
            want.emplace_back(line, row.substr(0, row.find(',')));
        text += row + "\n";
        ++line;
    }
    io::CsvReadOptions o;
    o.only_lines_with = {"RARE9", "OFTEN"};
    std::size_t told = 0;
    o.progress = [&](std::size_t read) {
        CHECK(read >= told);
        told = read;
    };
    model::Problems problems;
    io::CsvReader r("visits.csv", text, problems, o);
    std::vector<std::pair<std::size_t, std::string>> rows;
    while (r.next())
        rows.emplace_back(r.line(), std::string(r.cells()[0]));
    CHECK(rows.size() == want.size());
    CHECK(rows == want);
    CHECK(told > window); // the search told how far it had passed
    CHECK(problems.empty());
}
