#include <doctest/doctest.h>

#include <pthv/export/dates.hpp>
#include <pthv/export/protect.hpp>

using namespace pthv::exporting;

namespace {

using Row = std::vector<std::string>;

// Eight students, k 2: A and B differ only in their months; C and D also
// in grade and language; E and F also in site (F's visit was at S05);
// G and H also in how many visits they had (three and four).
Table students()
{
    Table t{"students.csv", {"student_id", "site_id", "grade", "homeroom_id", "family_id", "language"}, {}};
    t.rows = {{"a", "S01", "3", "h1", "f1", "en"}, {"b", "S01", "3", "h1", "f2", "en"},
              {"c", "S02", "4", "h2", "f3", "es"}, {"d", "S02", "9", "h3", "f4", "vi"},
              {"e", "S03", "5", "h4", "f5", "en"}, {"f", "S04", "6", "h5", "f6", "en"},
              {"g", "S05", "7", "h6", "f7", "en"}, {"h", "S06", "10", "h7", "f8", "vi"}};
    return t;
}

Table visits()
{
    Table t{"visits.csv",
            {"visit_id", "student_id", "site_id", "date", "educators", "interpreter", "confirmed_by", "arranged_on"},
            {}};
    const auto visit = [&](const std::string& id, const std::string& student, const std::string& site,
                           const std::string& date) {
        t.rows.push_back({id, student, site, date, "t1;t2", "i1", "t3", "2026-08-31"});
    };
    visit("va", "a", "S01", "2026-09-14");
    visit("vb", "b", "", "2026-10-01");
    visit("vc1", "c", "S02", "2026-09-02"), visit("vc2", "c", "S02", "2026-10-02");
    visit("vd1", "d", "S02", "2026-11-02"), visit("vd2", "d", "S02", "2026-12-02");
    visit("ve", "e", "S03", "2026-09-03");
    visit("vf", "f", "S05", "2026-10-03");
    for (const char* date : {"2026-09-04", "2026-10-04", "2026-11-04"})
        visit(std::string("vg") + date, "g", "S05", date);
    for (const char* date : {"2026-09-05", "2026-10-05", "2026-12-05", "2027-01-05"})
        visit(std::string("vh") + date, "h", "S06", date);
    return t;
}

const Row& row(const Table& t, const std::string& id)
{
    for (const auto& r : t.rows)
        if (r[0] == id)
            return r;
    FAIL("no row " << id);
    return t.rows.front();
}

} // namespace

TEST_CASE("coarsen_visit_dates writes months and days counted from the visit")
{
    Table t{"visits.csv", {"visit_id", "date", "arranged_on", "reflected_on", "logged_on", "confirmed_on"}, {}};
    t.rows = {{"v1", "2026-03-02", "2026-02-27", "2026-03-02", "2026-03-09", ""},
              {"v2", "not a date", "2026-02-27", "", "", "2026-03-01"}};
    const auto renamed = coarsen_visit_dates(t);
    CHECK(t.header == Row{"visit_id", "month", "arranged_days_before", "reflected_days_after", "logged_days_after",
                          "confirmed_days_after"});
    CHECK(renamed.size() == 5);
    CHECK(renamed[0].from == "date");
    CHECK(renamed[4].to == "confirmed_days_after");
    CHECK(t.rows[0] == Row{"v1", "2026-03", "3", "0", "7", ""});
    CHECK(t.rows[1] == Row{"v2", "", "", "", "", ""});
    CHECK(month_of("2025-12-31") == "2025-12");
}

TEST_CASE("protect blanks each student as far as needed, with the cells that lead back to what it hides")
{
    Table s = students(), v = visits();
    const Protection p = protect(&s, &v, 2);
    CHECK(p.smallest == 2);
    CHECK(p.people == 8);
    CHECK(p.at_level == std::vector<std::size_t>{0, 2, 2, 2, 2});
    CHECK(p.donors == 0);
    // A: months and family only.
    CHECK(row(s, "a") == Row{"a", "S01", "3-5", "h1", "", "en"});
    CHECK(row(v, "va") == Row{"va", "a", "", "", "t1;t2", "i1", "t3", "14"});
    // C: also grade, language, the homeroom and the interpreter.
    CHECK(row(s, "c") == Row{"c", "S02", "", "", "", ""});
    CHECK(row(v, "vc1") == Row{"vc1", "c", "", "", "t1;t2", "", "t3", "2"}); // an interpreter speaks one language
    // E: also the site, and the staff of its visit (staff.csv gives theirs).
    CHECK(row(s, "e") == Row{"e", "", "", "", "", ""});
    CHECK(row(v, "ve") == Row{"ve", "e", "", "", "", "", "", "3"});
    // F's visit elsewhere, at S05, no longer shows.
    CHECK(row(v, "vf") == Row{"vf", "f", "", "", "", "", "", "33"});
    // G: its visits no longer name it, so their number does not show.
    CHECK(row(v, "vg2026-09-04") == Row{"vg2026-09-04", "", "", "", "", "", "", "4"});
    CHECK(row(s, "g") == Row{"g", "", "", "", "", ""});
    const auto count = [&](const char* file, const char* column) {
        for (const auto& c : p.cells)
            if (c.file == file && c.column == column)
                return c.count;
        return std::size_t{0};
    };
    CHECK(count("students.csv", "family_id") == 8);
    CHECK(count("students.csv", "homeroom_id") == 6);
    CHECK(count("students.csv", "site_id") == 4);
    CHECK(count("visits.csv", "month") == 15);
    CHECK(count("visits.csv", "site_id") == 1);
    CHECK(count("visits.csv", "educators") == 9);
    CHECK(count("visits.csv", "interpreter") == 13); // also C's and D's, whose language is hidden
    CHECK(count("visits.csv", "student_id") == 7);
    CHECK(p.blanked_cells() == 84);
    CHECK(p.languages_recoded == 6);
}

TEST_CASE("protect leaves a visit's site empty where it is the student's own, and counts only what it blanks")
{
    Table s = students(), v = visits();
    s.rows.resize(2);
    v.rows.resize(2);
    v.rows[1][3] = "2026-09-30"; // A and B now alike
    const Protection p = protect(&s, &v, 2);
    CHECK(row(v, "va")[2].empty());
    CHECK(row(v, "va")[3] == "2026-09");
    CHECK(p.blanked_cells() == 0);
    CHECK(p.steps.empty());
    CHECK(row(s, "a")[2] == "3");
}
