#include "fixture.hpp"

#include <pthv/io/config.hpp>
#include <pthv/io/subgroups.hpp>
#include <pthv/model/subgroups.hpp>
#include <pthv/report/figures.hpp>

using namespace pthv;

namespace {

// The tiny repo with an ell column (ST01 yes, ST02 empty, ST03 no) named
// in reports.subgroups: ST01 and ST02 (one family) visited, ST03 not.
io::Sources with_ell()
{
    io::Sources s = test::tiny_repo();
    test::replace(s, "pthv.yaml", "reports: {min_cell: 10}", "reports: {min_cell: 10, subgroups: [ell]}");
    s["students.csv"] = "student_id,site_id,grade,homeroom_id,name,family_id,flag_attendance,ell\n"
                        "ST01,S01,3,T01,,F01,no,yes\n"
                        "ST02,S01,3,T01,,F01,no,\n"
                        "ST03,S01,4,T02,,,yes, no \n";
    return s;
}

report::Figures end_of_year(const model::Repo& repo)
{
    std::string error;
    const auto p = model::parse_period("end-of-year", repo.config, repo.as_of, error);
    REQUIRE(p);
    const model::Facts facts(repo);
    return report::compute_figures(facts, pay::visit_work(facts), {}, report::FigureOptions{*p, {}, false});
}

const report::SubgroupRow& row(const report::Figures& f, const std::string& value, bool whole = true)
{
    for (const auto& r : f.subgroups.rows)
        if (r.value == value && r.whole == whole)
            return r;
    FAIL("no row " << value);
    return f.subgroups.rows.front();
}

} // namespace

TEST_CASE("model::Subgroups: codes, unknown, values in table order")
{
    model::Subgroups sg;
    sg.reset({"ell", "race"}, 4);
    CHECK(sg.set(0, 1, "white"));
    CHECK(sg.set(1, 1, "asian"));
    CHECK(sg.set(2, 1, "unknown")); // the word and an empty cell are one value
    CHECK(sg.set(3, 1, "asian"));
    CHECK(sg.value(1, sg.code(1, 1)) == "asian");
    CHECK(sg.code(2, 1) == model::Subgroups::k_unknown);
    const auto values = sg.values(1);
    REQUIRE(values.size() == 3);
    CHECK(sg.value(1, values[0]) == "asian");
    CHECK(sg.value(1, values[1]) == "white");
    CHECK(sg.value(1, values[2]) == "unknown");
    CHECK(sg.values(0) == std::vector<model::Subgroups::Code>{model::Subgroups::k_unknown});
    CHECK(sg.index("race") == 1);
    CHECK(sg.index("iep") == 2);
    for (std::size_t i = 0; i < model::Subgroups::k_max_values - 2; ++i)
        CHECK(sg.set(0, 1, "v" + std::to_string(i)));
    CHECK_FALSE(sg.set(0, 1, "one too many"));
    CHECK(sg.set(0, 1, "asian")); // a value it has is still taken
}

TEST_CASE("reports.subgroups: parsed, and refused for a flag, a students.csv column, a name twice")
{
    model::Problems problems;
    auto parsed = io::parse_config(std::string(test::k_config), problems);
    CHECK(parsed.config.subgroups.empty());
    std::string text = test::k_config;
    text.replace(text.find("reports: {min_cell: 10}"), 23,
                 "reports:\n  min_cell: 10\n  subgroups: [ell, flag_behavior, grade, ell, Race, race_ethnicity]");
    problems.clear();
    parsed = io::parse_config(text, problems);
    CHECK(parsed.config.subgroups == std::vector<std::string>{"ell", "race_ethnicity"});
    CHECK(test::count(problems, "config-invalid") == 4);
    CHECK(test::contains(test::dump(problems), "flag_behavior is a concern flag"));
    CHECK(test::contains(test::dump(problems), "grade is one of students.csv's own columns"));
    CHECK(test::contains(test::dump(problems), "ell is named twice"));
    CHECK(test::contains(test::dump(problems), "lower-case letters"));
}

TEST_CASE("subgroups: loaded from students.csv, a missing column config-invalid")
{
    const auto loaded = io::load_sources(with_ell(), test::as_of());
    CHECK(test::count(loaded.problems, "config-invalid") == 0);
    const model::Subgroups& sg = loaded.repo.subgroups;
    REQUIRE(sg.size() == 1);
    CHECK(sg.value(0, sg.code(0, 0)) == "yes");
    CHECK(sg.value(0, sg.code(1, 0)) == "unknown");
    CHECK(sg.value(0, sg.code(2, 0)) == "no"); // trimmed

    io::Sources missing = with_ell();
    test::replace(missing, "pthv.yaml", "subgroups: [ell]", "subgroups: [ell, iep]");
    const auto broken = io::load_sources(missing, test::as_of());
    const model::Problem p = test::only(broken.problems, "config-invalid");
    CHECK(p.file == "pthv.yaml");
    CHECK(p.line > 0);
    CHECK(test::contains(p.message, "students.csv has no column iep"));
}

TEST_CASE("subgroups: a --subgroups file's values win; its bad rows named by line")
{
    auto loaded = io::load_sources(with_ell(), test::as_of());
    model::Problems problems;
    io::merge_subgroups("private.csv",
                        "student_id,ell,flag_behavior\n"
                        "ST02,yes,no\n"
                        "ST03,,no\n" // empty: students.csv's value stays
                        "ST99,yes,no\n"
                        "ST02,no,no\n",
                        loaded.repo, problems);
    const model::Subgroups& sg = loaded.repo.subgroups;
    CHECK(sg.value(0, sg.code(1, 0)) == "yes");
    CHECK(sg.value(0, sg.code(2, 0)) == "no");
    CHECK(test::only(problems, "unknown-column").line == 1);
    CHECK(test::only(problems, "unknown-ref").line == 4);
    CHECK(test::only(problems, "duplicate-key").line == 5);
}

TEST_CASE("subgroups table: counts, coverage and representation per value")
{
    const auto loaded = io::load_sources(with_ell(), test::as_of());
    const report::Figures f = end_of_year(loaded.repo);
    REQUIRE(f.subgroups.given);
    // Values in byte order, unknown last; the district's rows, then the site's.
    std::vector<std::string> values;
    for (const auto& r : f.subgroups.rows)
        if (r.whole)
            values.push_back(r.value);
    CHECK(values == std::vector<std::string>{"no", "yes", "unknown"});
    const auto& yes = row(f, "yes");
    CHECK(yes.enrolled.value == 1);
    CHECK(yes.visited.value == 1);
    CHECK(yes.families.value == 1);
    // (1 of 2 visited) / (1 of 3 enrolled) = 1.50
    CHECK(yes.representation_hundredths == 150);
    const auto& no = row(f, "no");
    CHECK(no.enrolled.value == 1);
    CHECK(no.visited.value == 0);
    CHECK(no.representation_hundredths == 0);
    CHECK(row(f, "unknown").families.value == 1); // ST02's family, as ST01's: counted in each row
    CHECK(row(f, "yes", false).site_id == "S01");
}
