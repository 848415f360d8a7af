#include <doctest/doctest.h>

#include <algorithm>
#include <random>

#include <pthv/export/kanon.hpp>

using namespace pthv::exporting;

namespace {

QuasiIds person(std::string site, std::string grade, std::string language, std::vector<std::string> visits = {})
{
    return {std::move(site), std::move(grade), std::move(language), std::move(visits)};
}

std::vector<QuasiIds> times(std::size_t n, const QuasiIds& q)
{
    return std::vector<QuasiIds>(n, q);
}

void append(std::vector<QuasiIds>& to, const std::vector<QuasiIds>& more)
{
    to.insert(to.end(), more.begin(), more.end());
}

bool all_blank(const QuasiIds& q)
{
    return q.site.empty() && q.grade.empty() && q.language.empty() && q.visits.empty();
}

} // namespace

TEST_CASE("grade_band puts each grade of the schema in its band")
{
    CHECK(grade_band("TK") == "TK-2");
    CHECK(grade_band("K") == "TK-2");
    CHECK(grade_band("2") == "TK-2");
    CHECK(grade_band("3") == "3-5");
    CHECK(grade_band("8") == "6-8");
    CHECK(grade_band("12") == "9-12");
    CHECK(grade_band("") == "");
    CHECK(grade_band("Ana") == "other"); // free text never travels as it is
}

TEST_CASE("make_k_anonymous changes nothing that is k-anonymous already, nor anything with k 1")
{
    auto people = times(3, person("S01", "3", "es", {"2025-09"}));
    append(people, times(3, person("S01", "4", "en")));
    for (unsigned k : {1U, 3U}) {
        const auto a = make_k_anonymous(people, k);
        CHECK(a.steps.empty());
        CHECK(a.people[0].grade == "3");
        CHECK(a.people[0].visits == std::vector<std::string>{"2025-09"});
        CHECK(std::count(a.blanked.begin(), a.blanked.end(), Blanked::None) == 6);
    }
    CHECK(make_k_anonymous(times(1, person("S01", "3", "es")), 1).people[0].site == "S01");
}

TEST_CASE("make_k_anonymous takes the steps in order and stops at the first that is enough")
{
    // Two students of a rare language at S01: recoding it to "other" puts
    // them with the two who already say "other".
    auto people = times(2, person("S01", "3", "hmn"));
    append(people, times(2, person("S01", "3", "other")));
    auto a = make_k_anonymous(people, 4);
    CHECK(a.steps == std::vector<Step>{Step::RareLanguages});
    CHECK(a.languages_recoded == 2);
    CHECK(a.people[0].language == "other");
    CHECK(a.people[0].grade == "3");
    CHECK(smallest_group(a.people) == 4);

    // Grades 3, 4 and 5 share a band.
    people = {person("S01", "3", "en"), person("S01", "4", "en"), person("S01", "5", "en")};
    a = make_k_anonymous(people, 3);
    CHECK(a.steps == std::vector<Step>{Step::RareLanguages, Step::GradeBands});
    CHECK(a.grades_banded == 3);
    CHECK(a.people[2].grade == "3-5");
    CHECK(std::count(a.blanked.begin(), a.blanked.end(), Blanked::None) == 3);
}

TEST_CASE("make_k_anonymous blanks level by level, only as far as each student needs")
{
    std::vector<QuasiIds> people;
    // Five share all but their months: blanking the months is enough.
    for (const char* month : {"2025-08", "2025-09", "2025-10", "2025-11", "2025-12"})
        people.push_back(person("S01", "3", "en", {month}));
    // Five visited twice at S02, each in another grade band and language:
    // the months, then grade and language go.
    people.push_back(person("S02", "K", "es", {"2025-08", "2025-09"}));
    people.push_back(person("S02", "4", "vi", {"2025-08", "2025-10"}));
    people.push_back(person("S02", "7", "zh", {"2025-09", "2025-10"}));
    people.push_back(person("S02", "10", "tl", {"2025-10", "2025-11"}));
    people.push_back(person("S02", "12", "ar", {"2025-11", "2025-12"}));
    const auto a = make_k_anonymous(people, 5);
    CHECK(a.blanked[0] == Blanked::Months);
    CHECK(a.people[0].site == "S01");
    CHECK(a.people[0].grade == "3-5");
    CHECK(a.people[0].visits == std::vector<std::string>{""});
    CHECK(a.blanked[5] == Blanked::Attributes);
    CHECK(a.people[5].site == "S02");
    CHECK(a.people[5].grade.empty());
    CHECK(a.people[5].language.empty());
    CHECK(a.people[5].visits == std::vector<std::string>{"", ""}); // still linked: the number of visits shows
    CHECK(a.donors == 0);
    CHECK(smallest_group(a.people) == 5);
}

TEST_CASE("make_k_anonymous never leaves the wholly blanked as a small group of their own")
{
    // Twelve alike, and two who differ in everything: once blanked whole,
    // the two would be a group of two, so three of the twelve join them.
    auto people = times(12, person("S01", "3", "en", {"2025-09"}));
    people.push_back(person("S02", "7", "vi", {"2025-08", "2025-08", "2025-09"}));
    people.push_back(person("S03", "11", "uk", {"2026-01"}));
    const auto a = make_k_anonymous(people, 5);
    CHECK(a.blanked[12] == Blanked::Visits);
    CHECK(all_blank(a.people[12]));
    CHECK(all_blank(a.people[13]));
    CHECK(a.donors == 3);
    CHECK(std::count_if(a.people.begin(), a.people.end(), all_blank) == 5);
    CHECK(a.people[0].site == "S01"); // the first given are kept, the last given
    CHECK(all_blank(a.people[11]));   // are the ones blanked
    CHECK(smallest_group(a.people) == 5);

    // When no group can spare them, a whole group is blanked.
    people = times(5, person("S01", "3", "en"));
    people.push_back(person("S02", "7", "vi", {"2025-08"}));
    const auto b = make_k_anonymous(people, 5);
    CHECK(std::count_if(b.people.begin(), b.people.end(), all_blank) == 6);
}

TEST_CASE("make_k_anonymous blanks everyone when there are fewer than k")
{
    const auto a = make_k_anonymous({person("S01", "3", "en", {"2025-09"}), person("S01", "3", "en")}, 5);
    CHECK(all_blank(a.people[0]));
    CHECK(all_blank(a.people[1]));
    CHECK(make_k_anonymous({}, 5).people.empty());
}

TEST_CASE("make_k_anonymous leaves every combination shared by k or more, whatever the population")
{
    std::mt19937 random(20260515);
    const char* sites[] = {"S01", "S02", "S03"};
    const char* grades[] = {"TK", "K", "1", "3", "5", "6", "9", "12"};
    const char* languages[] = {"en", "es", "vi", "hmn", ""};
    const char* months[] = {"2025-08", "2025-09", "2025-10", "2026-01", "2026-04@S02"};
    for (int round = 0; round < 40; ++round) {
        std::vector<QuasiIds> people(random() % 300);
        for (auto& q : people) {
            q = person(sites[random() % 3], grades[random() % 8], languages[random() % 5]);
            for (unsigned v = random() % 4; v > 0; --v)
                q.visits.emplace_back(months[random() % 5]);
        }
        const auto k = static_cast<unsigned>(2 + random() % 9);
        const auto a = make_k_anonymous(people, k);
        const bool too_few = people.size() < k;
        CHECK((people.empty() || smallest_group(a.people) >= k || too_few));
        if (too_few)
            CHECK(std::all_of(a.people.begin(), a.people.end(), all_blank));
        CHECK(make_k_anonymous(people, k).blanked == a.blanked); // deterministic
    }
}
