#include "kanon.hpp"

#include <algorithm>
#include <map>
#include <unordered_map>

namespace pthv::exporting {

namespace {

// The combination a person is matched on, each cell led by its length so
// that no two combinations share a key whatever their cells hold.
std::string group_key(const QuasiIds& q)
{
    std::vector<std::string> visits = q.visits;
    std::sort(visits.begin(), visits.end());
    std::string key;
    const auto add = [&key](const std::string& cell) { key += std::to_string(cell.size()) + ':' + cell; };
    add(q.site), add(q.grade), add(q.language);
    for (const auto& v : visits)
        add(v);
    return key;
}

// For each person, how many people share their combination.
std::vector<std::size_t> group_sizes(const std::vector<QuasiIds>& people)
{
    std::vector<std::string> keys;
    keys.reserve(people.size());
    std::unordered_map<std::string, std::size_t> count;
    for (const auto& q : people)
        ++count[keys.emplace_back(group_key(q))];
    std::vector<std::size_t> sizes;
    sizes.reserve(people.size());
    for (const auto& key : keys)
        sizes.push_back(count[key]);
    return sizes;
}

bool is_k_anonymous(const std::vector<QuasiIds>& people, unsigned k)
{
    return people.empty() || smallest_group(people) >= k;
}

void recode_rare_languages(Anonymised& a, unsigned k)
{
    std::map<std::pair<std::string, std::string>, std::size_t> at_site;
    for (const auto& q : a.people)
        ++at_site[{q.site, q.language}];
    for (auto& q : a.people)
        if (!q.language.empty() && q.language != "other" && at_site[{q.site, q.language}] < k) {
            q.language = "other";
            ++a.languages_recoded;
        }
}

void band_grades(Anonymised& a)
{
    for (auto& q : a.people) {
        std::string band = grade_band(q.grade);
        a.grades_banded += band != q.grade ? 1U : 0U;
        q.grade = std::move(band);
    }
}

void blank(QuasiIds& q, Blanked level)
{
    if (level >= Blanked::Months)
        std::fill(q.visits.begin(), q.visits.end(), std::string());
    if (level >= Blanked::Attributes)
        q.grade.clear(), q.language.clear();
    if (level >= Blanked::Site)
        q.site.clear();
    if (level >= Blanked::Visits)
        q.visits.clear();
}

// Local suppression: each level is applied to everyone still in a group
// smaller than k. A group of k or more is never touched, and only grows.
void suppress(Anonymised& a, unsigned k)
{
    for (auto level : {Blanked::Months, Blanked::Attributes, Blanked::Site, Blanked::Visits}) {
        const auto sizes = group_sizes(a.people);
        bool any = false;
        for (std::size_t i = 0; i < a.people.size(); ++i)
            if (sizes[i] < k) {
                blank(a.people[i], level);
                a.blanked[i] = level;
                any = true;
            }
        if (!any)
            return;
    }
}

using Groups = std::map<std::string, std::vector<std::size_t>>;

// Whom to blank so that `need` more are wholly blanked: the last `need` of
// the largest group, if it keeps k without them; else the smallest group
// whole (every group left is k or more, so that is enough).
std::vector<std::size_t> donors(const Groups& groups, std::size_t need, unsigned k)
{
    auto largest = groups.begin(), smallest = groups.begin();
    for (auto it = groups.begin(); it != groups.end(); ++it) {
        if (it->second.size() > largest->second.size())
            largest = it;
        if (it->second.size() < smallest->second.size())
            smallest = it;
    }
    const auto& from = largest->second;
    if (from.size() >= k + need)
        return {from.end() - static_cast<std::ptrdiff_t>(need), from.end()};
    return smallest->second;
}

// After suppress(), only the wholly blanked can be fewer than k; a few
// blanked rows would be as telling as the cells they hide, so more people
// join them.
void fill_blank_group(Anonymised& a, unsigned k)
{
    const std::string blank_key = group_key(QuasiIds{});
    for (;;) {
        Groups groups;
        for (std::size_t i = 0; i < a.people.size(); ++i)
            groups[group_key(a.people[i])].push_back(i);
        const std::size_t blanked = groups[blank_key].size();
        groups.erase(blank_key);
        if (blanked == 0 || blanked >= k || groups.empty())
            return;
        for (const std::size_t i : donors(groups, k - blanked, k)) {
            blank(a.people[i], Blanked::Visits);
            a.blanked[i] = Blanked::Visits;
            ++a.donors;
        }
    }
}

} // namespace

std::string grade_band(std::string_view grade)
{
    static const std::map<std::string_view, const char*> k_bands = {
        {"TK", "TK-2"}, {"K", "TK-2"}, {"1", "TK-2"}, {"2", "TK-2"},   {"3", "3-5"},   {"4", "3-5"},  {"5", "3-5"},
        {"6", "6-8"},   {"7", "6-8"},  {"8", "6-8"},  {"9", "9-12"},   {"10", "9-12"}, {"11", "9-12"}, {"12", "9-12"},
    };
    if (grade.empty())
        return {};
    const auto at = k_bands.find(grade);
    return at == k_bands.end() ? "other" : at->second;
}

std::size_t smallest_group(const std::vector<QuasiIds>& people)
{
    const auto sizes = group_sizes(people);
    return sizes.empty() ? 0 : *std::min_element(sizes.begin(), sizes.end());
}

Anonymised make_k_anonymous(std::vector<QuasiIds> people, unsigned k)
{
    Anonymised a;
    a.people = std::move(people);
    a.blanked.assign(a.people.size(), Blanked::None);
    if (k <= 1)
        return a;
    for (const Step step : {Step::RareLanguages, Step::GradeBands}) {
        if (is_k_anonymous(a.people, k))
            break;
        a.steps.push_back(step);
        step == Step::RareLanguages ? recode_rare_languages(a, k) : band_grades(a);
    }
    suppress(a, k);
    fill_blank_group(a, k);
    return a;
}

} // namespace pthv::exporting
