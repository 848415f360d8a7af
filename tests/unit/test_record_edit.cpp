#include <doctest/doctest.h>

#include "fixture.hpp"

#include <pthv/io/csv_edit.hpp>
#include <pthv/record/edit.hpp>
#include <pthv/record/row.hpp>
#include <pthv/record/visit.hpp>
#include <pthv/util/files.hpp>

#include <cstdlib>
#include <filesystem>

using namespace pthv;

namespace {

io::LoadOptions as_of_oct()
{
    io::LoadOptions o;
    o.as_of = model::Date::parse("2026-10-01");
    return o;
}

record::Edit append_visit(const io::Sources& src, const std::string& row)
{
    return record::make_append(src, "visits.csv", row + "\n", 1);
}

} // namespace

TEST_CASE("record::edit")
{
    auto src = test::tiny_repo();

    SUBCASE("an appended row's line follows the last line, and an unterminated file gets its newline")
    {
        CHECK(io::next_line("h\na\n") == 3);
        CHECK(io::next_line("h\na") == 3);
        CHECK(io::append_text_for("h\r\na", "b\r\n", "\r\n") == "\r\nb\r\n");
        CHECK(io::newline_of("h\r\na\r\n") == "\r\n");
    }
    SUBCASE("replacing a line keeps its CRLF, the BOM and every other line")
    {
        const std::string before = "\xEF\xBB\xBFh\r\na\r\nb";
        CHECK(io::replace_line(before, 2, "x") == "\xEF\xBB\xBFh\r\nx\r\nb");
        CHECK(io::replace_line(before, 3, "y") == "\xEF\xBB\xBFh\r\na\r\ny");
        CHECK(!io::replace_line(before, 4, "z"));
    }
    SUBCASE("a row's cells are read from its own line; a replace changes that line only")
    {
        const io::Sources crlf = {{"staff.csv", "\xEF\xBB\xBFstaff_id,name\r\nT01,\"Ruiz, Ana\"\r\nT02,Bo"}};
        CHECK(record::row_fields(crlf, "staff.csv", 2) == record::Fields{{"staff_id", "T01"}, {"name", "Ruiz, Ana"}});
        CHECK(record::row_fields(crlf, "staff.csv", 3) == record::Fields{{"staff_id", "T02"}, {"name", "Bo"}});
        CHECK(record::row_fields(crlf, "staff.csv", 4).empty());
        const auto e = record::make_replace(crlf, "staff.csv", 2, "T01,Ana");
        REQUIRE(e);
        CHECK(e->after == "\xEF\xBB\xBFstaff_id,name\r\nT01,Ana\r\nT02,Bo");
        CHECK(e->lines == util::LineSet{2});
        CHECK(!record::make_replace(crlf, "staff.csv", 4, "x"));
    }
    SUBCASE("edit_row changes a record's fields and puts the row back in its line")
    {
        const io::Sources crlf = {{"staff.csv", "staff_id,name\r\nT01,\"Ruiz, Ana\"\r\nT02,Bo"}};
        const std::vector<std::string> header = {"staff_id", "name"};
        const auto e = record::edit_row(crlf, "staff.csv", header, 2, [](record::Fields& fields) {
            CHECK(fields.at("name") == "Ruiz, Ana");
            fields["name"] = "Ana Ruiz";
        });
        REQUIRE(e);
        CHECK(e->text == "T01,Ana Ruiz");
        CHECK(e->edit.after == "staff_id,name\r\nT01,Ana Ruiz\r\nT02,Bo");
        CHECK(e->edit.lines == util::LineSet{2});
        CHECK(!record::edit_row(crlf, "staff.csv", header, 4, [](record::Fields& fields) { CHECK(fields.empty()); }));
    }
    SUBCASE("a good row has no problems")
    {
        const auto e = append_visit(src, "V20260921-ST03,ST03,S01,2026-09-21,16:30,40,T01;T02,completed,2026-09-14,"
                                         "hopes_and_dreams,home,2026-09-22,,");
        const auto c = record::check_edit(src, e, as_of_oct());
        CHECK(c.refused.empty());
        CHECK(c.findings.empty());
        CHECK(*e.lines.begin() == 5);
    }
    SUBCASE("an unknown student refuses the row")
    {
        const auto e = append_visit(src, "V20260921-ST09,ST09,S01,2026-09-21,16:30,40,T01;T02,completed,2026-09-14,"
                                         "hopes_and_dreams,home,2026-09-22,,");
        const auto c = record::check_edit(src, e, as_of_oct());
        REQUIRE(c.refused.size() == 1);
        CHECK(c.refused[0].rule == "unknown-ref");
        CHECK(c.refused[0].line == 5);
    }
    SUBCASE("a solo visit is a finding with severity error, not a refusal")
    {
        const auto e = append_visit(src, "V20260921-ST03,ST03,S01,2026-09-21,16:30,40,T01,completed,2026-09-14,"
                                         "hopes_and_dreams,home,2026-09-22,,");
        const auto c = record::check_edit(src, e, as_of_oct());
        CHECK(c.refused.empty());
        REQUIRE(c.findings.size() == 1);
        CHECK(c.findings[0].rule == "CP5-pair");
        CHECK(c.has_errors());
    }
    SUBCASE("problems elsewhere in the repo do not count")
    {
        test::replace(src, "staff.csv", "T03,Cara Diaz,S01", "T03,Cara Diaz,S77");
        const auto e = append_visit(src, "V20260921-ST03,ST03,S01,2026-09-21,16:30,40,T01;T02,completed,2026-09-14,"
                                         "hopes_and_dreams,home,2026-09-22,,");
        CHECK(record::check_edit(src, e, as_of_oct()).refused.empty());
    }
    SUBCASE("a file with a broken row is not writable")
    {
        src["visits.csv"].edit() += "V1,\"open\n";
        const auto loaded = io::load_sources(src, as_of_oct());
        CHECK(!record::unwritable(loaded, "visits.csv").empty());
        CHECK(record::unwritable(loaded, "staff.csv").empty());
    }
}

TEST_CASE("record::visit")
{
    const auto loaded = io::load_sources(test::tiny_repo(), as_of_oct());
    const model::Repo& repo = loaded.repo;

    SUBCASE("ids get -2, -3 when taken in the repo or in the batch")
    {
        std::set<std::string> reserved;
        CHECK(record::make_visit_id("2026-09-14", "ST01", repo, reserved) == "V20260914-ST01-2");
        CHECK(record::make_visit_id("2026-09-14", "ST01", repo, reserved) == "V20260914-ST01-3");
        CHECK(record::make_visit_id("2026-09-20", "ST03", repo, reserved) == "V20260920-ST03");
    }
    SUBCASE("a new visit gets the student's site, completed and educators joined by ;")
    {
        record::Fields f = {{"student_id", "ST03"}, {"educators", "T01, T02"}};
        record::complete_new_visit(f, repo, "completed");
        CHECK(f["site_id"] == "S01");
        CHECK(f["status"] == "completed");
        CHECK(f["educators"] == "T01;T02");
    }
    SUBCASE("the same student, date and set of educators is already logged, in any order")
    {
        const record::LoggedVisits keys(repo);
        CHECK(keys.count(record::visit_key(record::Fields{
            {"student_id", "ST01"}, {"date", "2026-09-14"}, {"educators", "T02;T01"}})));
        CHECK(!keys.count(record::visit_key(record::Fields{
            {"student_id", "ST01"}, {"date", "2026-09-15"}, {"educators", "T02;T01"}})));
        CHECK(!keys.count(record::visit_key(record::Fields{
            {"student_id", "ST01"}, {"date", "2026-09-14"}, {"educators", "T01"}})));
        CHECK(!keys.count(record::visit_key(record::Fields{
            {"student_id", "ST99"}, {"date", "2026-09-14"}, {"educators", "T02;T01"}})));
    }
    SUBCASE("a row is written in the header's order with empty cells for unset columns")
    {
        CHECK(record::render_row({"b", "a", "c"}, {{"a", "1"}, {"b", "x,y"}}, "\n") == "\"x,y\",1,\n");
        CHECK(record::missing_columns({"a"}, {{"a", "1"}, {"z", "2"}, {"e", ""}}) ==
              std::vector<std::string>{"z"});
    }
}

TEST_CASE("record::make_append checks a large file's new rows in place, after its mapped text")
{
    std::string tmpl = (std::filesystem::temp_directory_path() / "pthv-edit-XXXXXX").string();
    REQUIRE(::mkdtemp(tmpl.data()) != nullptr);
    const std::filesystem::path dir = tmpl;
    // Over a megabyte, so the file is mapped; no final newline, so the
    // append leads with one.
    std::string visits = "visit_id,student_id\n";
    for (int i = 0; visits.size() < (std::size_t{2} << 20); ++i)
        visits += "V" + std::to_string(i) + ",ST" + std::to_string(i) + "\n";
    visits += "VLAST,ST1";
    util::atomic_write(dir / "visits.csv", visits);

    io::Sources src;
    src["visits.csv"] = util::FileText::open(dir / "visits.csv");
    const record::Edit e = record::make_append(src, "visits.csv", "VNEW,ST2\n", 1);
    CHECK(e.after.empty()); // no copy of the file
    CHECK(e.text() == visits + "\nVNEW,ST2\n");
    CHECK(src.at("visits.csv").text() == visits); // the file's own text is unchanged
    CHECK(e.rows == "VNEW,ST2\n");
    CHECK(util::read_file(dir / "visits.csv") == visits); // nothing written by the check

    // A small file is copied, as before.
    io::Sources small;
    small["visits.csv"] = std::string("visit_id,student_id\nV1,ST1\n");
    const record::Edit s = record::make_append(small, "visits.csv", "V2,ST2\n", 1);
    CHECK(s.after_in_place.empty());
    CHECK(s.text() == "visit_id,student_id\nV1,ST1\nV2,ST2\n");
    std::filesystem::remove_all(dir);
}

TEST_CASE("io::with_columns adds columns to the header and an empty cell to every row")
{
    SUBCASE("LF, an unterminated last line")
    {
        CHECK(io::with_columns("a,b\n1,2\n3,4", {"c", "d"}) == "a,b,c,d\n1,2,,\n3,4,,");
    }
    SUBCASE("CRLF and a BOM are kept, a blank line stays blank")
    {
        CHECK(io::with_columns("\xEF\xBB\xBF" "a,b\r\n1,2\r\n\r\n3,4\r\n", {"c"}) ==
              "\xEF\xBB\xBF" "a,b,c\r\n1,2,\r\n\r\n3,4,\r\n");
    }
    SUBCASE("a header alone")
    {
        CHECK(io::with_columns("a\n", {"b"}) == "a,b\n");
    }
}
