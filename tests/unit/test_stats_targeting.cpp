#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include <pthv/io/loader.hpp>
#include <pthv/model/facts.hpp>
#include <pthv/stats/benjamini_hochberg.hpp>
#include <pthv/stats/targeting.hpp>

#include "fixture.hpp"

using namespace pthv;
using stats::GroupBy;
using stats::Verdict;

namespace {

// Small repos of whole classes: in each, the first `flagged` students have
// flag_attendance = yes; the visits go to `visited_flagged` of them and to
// `visited_other` of the others, all completed on one day by one pair.
class Classes
{
  public:
    void add(const std::string& homeroom, const std::string& site, const std::string& grade, int n,
             int flagged, int visited_flagged, int visited_other,
             const std::string& educators = "T01;T02", const std::string& day = "2026-09-14",
             const std::string& status = "completed")
    {
        for (int i = 0; i < n; ++i) {
            const std::string id = "ST" + std::to_string(1000 + m_next++);
            const bool flag = i < flagged;
            m_students +=
                id + "," + site + "," + grade + "," + homeroom + "," + (flag ? "yes" : "no") + "\n";
            const bool visit = flag ? i < visited_flagged : i - flagged < visited_other;
            if (visit)
                m_visits += "V" + day.substr(0, 4) + day.substr(5, 2) + day.substr(8, 2) + "-" +
                            id + "," + id + "," + site + "," + day + ",16:30,45," + educators +
                            "," + status + ",2026-09-08,hopes_and_dreams,home,2026-09-15,,\n";
        }
    }
    // A student whose flag is not known (an empty cell).
    void add_unknown(const std::string& homeroom, const std::string& site, bool visited)
    {
        const std::string id = "ST" + std::to_string(1000 + m_next++);
        m_students += id + "," + site + ",3," + homeroom + ",\n";
        if (visited)
            m_visits += "V20260914-" + id + "," + id + "," + site +
                        ",2026-09-14,16:30,45,T01;T02,completed,2026-09-08,hopes_and_dreams,home,"
                        "2026-09-15,,\n";
    }
    io::Sources sources(bool with_flags = true) const
    {
        io::Sources s = test::tiny_repo();
        s["sites.csv"] = "site_id,name,level,status,coordinator_id,visit_goal\n"
                         "S01,Cedar Grove Elementary,elementary,active,T01,\n"
                         "S02,Las Palmas Elementary,elementary,active,T06,\n";
        s["staff.csv"] = "staff_id,name,site_id,role,class,opted_in,hourly_rate,active\n";
        for (int t = 1; t <= 9; ++t)
            s["staff.csv"].edit() += "T0" + std::to_string(t) + ",Teacher " + std::to_string(t) + "," +
                              (t <= 5 ? "S01" : "S02") + ",teacher,certificated,yes,,yes\n";
        s["trainings.csv"] = "staff_id,date,kind,hours,session\n";
        std::string students =
            "student_id,site_id,grade,homeroom_id,flag_attendance\n" + m_students;
        if (!with_flags) { // drop the flag column
            std::string plain;
            std::size_t pos = 0;
            while (pos < students.size()) {
                const std::size_t end = students.find('\n', pos);
                const std::string line = students.substr(pos, end - pos);
                plain += line.substr(0, line.rfind(',')) + "\n";
                pos = end + 1;
            }
            students = plain;
        }
        s["students.csv"] = students;
        s["visits.csv"] = std::string(test::k_visits_header) + m_visits;
        return s;
    }

  private:
    int m_next = 0;
    std::string m_students;
    std::string m_visits;
};

stats::TargetingResult analyse(const io::Sources& sources, GroupBy by = GroupBy::Homeroom,
                               std::optional<std::string> site = std::nullopt,
                               const char* from = "2026-07-01", const char* to = "2026-10-01")
{
    const auto loaded = io::load_sources(sources, test::as_of("2026-10-01"));
    const model::Facts facts(loaded.repo);
    stats::TargetingOptions o;
    o.by = by;
    o.site = std::move(site);
    o.from = test::date(from);
    o.to = test::date(to);
    return stats::analyse_targeting(facts, o);
}

const stats::GroupResult& group(const stats::TargetingResult& r, const std::string& key)
{
    for (const auto& g : r.groups)
        if (g.key == key)
            return g;
    FAIL("no group " << key);
    return r.groups.front();
}

} // namespace

TEST_CASE("stats::analyse_targeting")
{
    SUBCASE("a class whose visits went to exactly its flagged students is possible targeting")
    {
        Classes c;
        c.add("T01", "S01", "3", 20, 5, 5, 0); // p = 1 / C(20, 5) = 1 / 15504
        const auto r = analyse(c.sources());
        REQUIRE(r.groups.size() == 1);
        const auto& g = r.groups[0];
        CHECK(g.key == "T01");
        CHECK(g.site_id == "S01");
        CHECK(g.roster == 20);
        CHECK(g.visited == 5);
        CHECK(g.coverage == doctest::Approx(0.25));
        CHECK(g.verdict == Verdict::PossibleTargeting);
        REQUIRE(g.flags.size() == 1);
        const auto& t = g.flags[0];
        CHECK(t.flag == "flag_attendance");
        CHECK(t.roster == 20);
        CHECK(t.visited == 5);
        CHECK(t.flagged_roster == 5);
        CHECK(t.flagged_visited == 5);
        CHECK(t.p_over == doctest::Approx(1.0 / 15504.0).epsilon(1e-9));
        CHECK(t.q_over == doctest::Approx(1.0 / 15504.0).epsilon(1e-9)); // one test: q = p
        CHECK(t.over);
        CHECK(t.share_visited() == doctest::Approx(1.0));
        CHECK(t.share_roster() == doctest::Approx(0.25));
        CHECK(r.tests == 1);
        CHECK(r.any_targeting());
    }
    SUBCASE("a mild over-representation stays a cross-section")
    {
        Classes c;
        c.add("T01", "S01", "3", 10, 3, 3, 2); // P(X >= 3) = C(7,2) / C(10,5) = 21 / 252
        const auto r = analyse(c.sources());
        const auto& t = r.groups.at(0).flags.at(0);
        CHECK(t.p_over == doctest::Approx(21.0 / 252.0).epsilon(1e-9));
        CHECK(t.p_under == doctest::Approx(1.0));
        CHECK_FALSE(t.over);
        CHECK(r.groups[0].verdict == Verdict::CrossSection);
        CHECK_FALSE(r.any_targeting());
    }
    SUBCASE("under-representation is reported for information, not as targeting")
    {
        Classes c;
        c.add("T01", "S01", "3", 20, 10, 0, 10); // none of 10 flagged among 10 visited
        const auto r = analyse(c.sources());
        const auto& t = r.groups.at(0).flags.at(0);
        CHECK(t.p_under ==
              doctest::Approx(1.0 / 184756.0).epsilon(1e-9)); // C(10,10) C(10,0) / C(20,10)
        CHECK(t.under);
        CHECK_FALSE(t.over);
        CHECK(r.groups[0].verdict == Verdict::CrossSection);
    }
    SUBCASE("coverage at full_coverage visits all; just below it is judged")
    {
        Classes c;
        c.add("T01", "S01", "3", 10, 5, 5, 4); // 9 / 10 = 0.9
        c.add("T02", "S01", "3", 10, 5, 5, 3); // 8 / 10
        const auto r = analyse(c.sources());
        CHECK(group(r, "T01").verdict == Verdict::VisitsAll);
        CHECK(group(r, "T01").flags.empty());
        CHECK(group(r, "T02").verdict == Verdict::CrossSection);
        CHECK(group(r, "T02").flags.size() == 1);
        CHECK(r.tests == 1);
    }
    SUBCASE("fewer than min_visited is too few to judge; min_visited itself is judged")
    {
        Classes c;
        c.add("T01", "S01", "3", 25, 4, 4, 0); // 4 visited, all flagged
        c.add("T02", "S01", "3", 25, 5, 5, 0); // 5 visited, all flagged
        const auto r = analyse(c.sources());
        CHECK(group(r, "T01").verdict == Verdict::TooFew);
        CHECK(group(r, "T01").flags.empty());
        CHECK(group(r, "T02").verdict == Verdict::PossibleTargeting);
    }
    SUBCASE("p-values are adjusted by Benjamini-Hochberg across every group of the run")
    {
        Classes c;
        c.add("T01", "S01", "3", 10, 3, 3, 2);
        c.add("T02", "S01", "4", 20, 5, 4, 2);
        c.add("T03", "S01", "5", 12, 6, 3, 3);
        const auto r = analyse(c.sources());
        REQUIRE(r.tests == 3);
        std::vector<double> p;
        for (const auto& g : r.groups)
            p.push_back(g.flags.at(0).p_over);
        const auto q = stats::benjamini_hochberg(p);
        for (std::size_t i = 0; i < 3; ++i)
            CHECK(r.groups[i].flags[0].q_over == doctest::Approx(q[i]));
        CHECK(r.groups[0].flags[0].q_over > r.groups[0].flags[0].p_over);
    }
    SUBCASE("only completed visits inside the period count")
    {
        Classes c;
        c.add("T01", "S01", "3", 20, 5, 5, 0, "T01;T02", "2026-09-14");
        c.add("T01", "S01", "3", 5, 0, 0, 5, "T01;T02", "2026-09-20", "scheduled");
        const auto all = analyse(c.sources());
        CHECK(group(all, "T01").roster == 25);
        CHECK(group(all, "T01").visited == 5);
        const auto before =
            analyse(c.sources(), GroupBy::Homeroom, std::nullopt, "2026-07-01", "2026-09-13");
        CHECK(group(before, "T01").visited == 0);
        CHECK(group(before, "T01").verdict == Verdict::TooFew);
    }
    SUBCASE("a student whose flag is unknown is left out of that flag's test")
    {
        Classes c;
        c.add("T01", "S01", "3", 20, 5, 5, 0);
        c.add_unknown("T01", "S01", true);
        c.add_unknown("T01", "S01", false);
        const auto r = analyse(c.sources());
        const auto& g = group(r, "T01");
        CHECK(g.roster == 22);
        CHECK(g.visited == 6);
        const auto& t = g.flags.at(0);
        CHECK(t.roster == 20);
        CHECK(t.visited == 5);
        CHECK(t.p_over == doctest::Approx(1.0 / 15504.0).epsilon(1e-9));
        REQUIRE(r.flags.size() == 1);
        CHECK(r.flags[0].students == 22);
        CHECK(r.flags[0].flagged == 5);
        CHECK(r.flags[0].unknown == 2);
    }
    SUBCASE("site, grade and the site filter group the same students differently")
    {
        Classes c;
        c.add("T01", "S01", "K", 10, 2, 1, 4);
        c.add("T02", "S01", "10", 10, 2, 1, 4);
        c.add("T03", "S01", "2", 10, 2, 1, 4);
        c.add("T04", "S01", "TK", 10, 2, 1, 4);
        c.add("T06", "S02", "3", 10, 2, 1, 4, "T06;T07");
        const auto sites = analyse(c.sources(), GroupBy::Site);
        REQUIRE(sites.groups.size() == 2);
        CHECK(sites.groups[0].key == "S01");
        CHECK(sites.groups[0].roster == 40);
        CHECK(sites.groups[0].visited == 20);
        const auto grades = analyse(c.sources(), GroupBy::Grade);
        REQUIRE(grades.groups.size() == 5);
        CHECK(grades.groups[0].grade == "TK");
        CHECK(grades.groups[1].grade == "K");
        CHECK(grades.groups[2].grade == "2");
        CHECK(grades.groups[3].grade == "10");
        CHECK(grades.groups[4].key == "S02 grade 3");
        CHECK(stats::describe_group(GroupBy::Grade, grades.groups[4]) == "grade 3 at S02");
        const auto s02 = analyse(c.sources(), GroupBy::Homeroom, std::string("S02"));
        REQUIRE(s02.groups.size() == 1);
        CHECK(s02.groups[0].key == "T06");
        CHECK(s02.flags.at(0).students == 10);
    }
    SUBCASE("an educator's roster is their site; educators who saw no one are left out")
    {
        Classes c;
        c.add("T01", "S01", "3", 20, 5, 5, 0,
              "T03;T04"); // T03 and T04 saw exactly the flagged five
        c.add("T02", "S01", "4", 20, 5, 2, 6, "T01;T02");
        c.add("T06", "S02", "3", 20, 5, 2, 6, "T06;T07");
        const auto r = analyse(c.sources(), GroupBy::Educator);
        std::vector<std::string> keys;
        for (const auto& g : r.groups)
            keys.push_back(g.key);
        CHECK(keys == std::vector<std::string>{"T01", "T02", "T03", "T04", "T06", "T07"});
        const auto& t3 = group(r, "T03");
        CHECK(t3.roster == 40);
        CHECK(t3.visited == 5);
        CHECK(t3.flags.at(0).flagged_roster == 10);
        CHECK(t3.flags.at(0).flagged_visited == 5);
        CHECK(t3.verdict == Verdict::PossibleTargeting);
        CHECK(group(r, "T06").roster == 20);
        CHECK(group(r, "T06").visited == 8);
        CHECK(stats::describe_group(GroupBy::Educator, t3) == "educator T03");
    }
    SUBCASE("a visit by an educator of another site does not count for that educator")
    {
        Classes c;
        c.add("T06", "S02", "3", 20, 5, 5, 0, "T01;T06");
        const auto r = analyse(c.sources(), GroupBy::Educator);
        REQUIRE(r.groups.size() == 1);
        CHECK(r.groups[0].key == "T06");
    }
    SUBCASE("no flag columns: groups and coverage, no tests")
    {
        Classes c;
        c.add("T01", "S01", "3", 20, 5, 5, 0);
        const auto r = analyse(c.sources(false));
        CHECK(r.flags.empty());
        REQUIRE(r.groups.size() == 1);
        CHECK(r.groups[0].flags.empty());
        CHECK(r.groups[0].verdict == Verdict::CrossSection);
        CHECK(r.tests == 0);
    }
    SUBCASE("a school of thousands is sound: no overflow, p in [0, 1]")
    {
        Classes c;
        c.add("T01", "S01", "9", 6000, 900, 900, 0);
        c.add("T02", "S01", "9", 6000, 900, 450, 2550);
        const auto r = analyse(c.sources());
        const auto& targeted = group(r, "T01").flags.at(0);
        CHECK(targeted.p_over >= 0.0);
        CHECK(targeted.p_over < 1e-300);
        CHECK(targeted.over);
        const auto& fair = group(r, "T02").flags.at(0);
        CHECK(std::isfinite(fair.p_over));
        CHECK(fair.p_over > 0.3);
        CHECK(fair.p_over <= 1.0);
        CHECK_FALSE(fair.over);
    }
}

TEST_CASE("stats::targeting names")
{
    SUBCASE("flags read as concerns with the right article")
    {
        CHECK(stats::flag_concern("flag_attendance") == "an attendance concern");
        CHECK(stats::flag_concern("flag_behavior") == "a behavior concern");
        CHECK(stats::flag_concern("flag_academic") == "an academic concern");
        CHECK(stats::flag_concern("flag_home_safety") == "a home safety concern");
        CHECK(stats::flag_label("flag_home_safety") == "home safety");
    }
    SUBCASE("group kinds and verdicts parse and print")
    {
        CHECK(stats::parse_group_by("educator") == GroupBy::Educator);
        CHECK_FALSE(stats::parse_group_by("class"));
        CHECK(stats::verdict_name(Verdict::TooFew) == "too few to judge");
        CHECK(stats::grade_less("TK", "K"));
        CHECK(stats::grade_less("K", "1"));
        CHECK(stats::grade_less("9", "12"));
        CHECK_FALSE(stats::grade_less("12", "9"));
    }
}
