// Names of the targeting analysis: group kinds, verdicts, groups and flags
// as a coordinator reads them (docs/rules.md, the targeting check).

#include <pthv/stats/targeting.hpp>

#include <algorithm>
#include <cctype>

namespace pthv::stats {

std::optional<GroupBy> parse_group_by(std::string_view text)
{
    if (text == "homeroom")
        return GroupBy::Homeroom;
    if (text == "site")
        return GroupBy::Site;
    if (text == "grade")
        return GroupBy::Grade;
    if (text == "educator")
        return GroupBy::Educator;
    return std::nullopt;
}

std::string_view group_by_name(GroupBy by)
{
    switch (by) {
    case GroupBy::Homeroom:
        return "homeroom";
    case GroupBy::Site:
        return "site";
    case GroupBy::Grade:
        return "grade";
    case GroupBy::Educator:
        return "educator";
    }
    return "homeroom";
}

std::string_view verdict_name(Verdict v)
{
    switch (v) {
    case Verdict::VisitsAll:
        return "visits all";
    case Verdict::CrossSection:
        return "cross-section";
    case Verdict::PossibleTargeting:
        return "possible targeting";
    case Verdict::TooFew:
        return "too few to judge";
    }
    return "";
}

namespace {

// TK = 0, K = 1, 1..12 = 2..13, anything else after them.
int grade_rank(std::string_view g)
{
    if (g == "TK")
        return 0;
    if (g == "K")
        return 1;
    if (!g.empty() && g.size() <= 2 &&
        std::all_of(g.begin(), g.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return 1 + std::stoi(std::string(g));
    return 100;
}

} // namespace

bool grade_less(std::string_view a, std::string_view b)
{
    const int ra = grade_rank(a);
    const int rb = grade_rank(b);
    return ra != rb ? ra < rb : a < b;
}

std::string describe_group(GroupBy by, const GroupResult& group)
{
    switch (by) {
    case GroupBy::Homeroom:
        return "homeroom " + group.key;
    case GroupBy::Site:
        return "site " + group.key;
    case GroupBy::Grade:
        return "grade " + group.grade + " at " + group.site_id;
    case GroupBy::Educator:
        return "educator " + group.key;
    }
    return group.key;
}

std::string flag_label(std::string_view flag)
{
    std::string name(flag.substr(flag.rfind("flag_", 0) == 0 ? 5 : 0));
    std::replace(name.begin(), name.end(), '_', ' ');
    return name.empty() ? std::string(flag) : name;
}

std::string flag_concern(std::string_view flag)
{
    const std::string label = flag_label(flag);
    const char first = static_cast<char>(std::tolower(static_cast<unsigned char>(label[0])));
    const bool vowel = first == 'a' || first == 'e' || first == 'i' || first == 'o' || first == 'u';
    return (vowel ? "an " : "a ") + label + " concern";
}

} // namespace pthv::stats
