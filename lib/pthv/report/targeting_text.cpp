// The text of `pthv check-targeting`: a heading, one row per group, the
// findings in plain language, the spread of visits per site, and how to
// read it all (docs/guide.md, check-targeting).

#include <pthv/report/targeting.hpp>

#include <algorithm>
#include <fmt/format.h>

#include <pthv/util/strings.hpp>

namespace pthv::report {

using stats::GroupBy;
using stats::Verdict;

namespace {

std::string percent(double share)
{
    return fmt::format("{:.0f}%", 100.0 * share);
}

std::string group_cell(GroupBy by, const stats::GroupResult& g)
{
    return by == GroupBy::Grade ? g.grade : g.key;
}

std::string heading(const TargetingReport& rep)
{
    const auto& r = rep.result;
    std::string out =
        fmt::format("Targeting check (core practice 4) by {}{}, {}\n", stats::group_by_name(r.by),
                    rep.site ? " at " + *rep.site : "", model::describe_period(rep.period));
    std::vector<std::string> flags;
    for (const auto& f : r.flags)
        flags.push_back(
            fmt::format("{} {}", stats::flag_label(f.name), util::with_thousands(f.flagged)));
    const std::int64_t students = r.flags.empty() ? 0 : r.flags.front().students;
    out += fmt::format("Concern flags from {}: {} of {} students\n", rep.flags_source,
                       util::join(flags, ", "), util::with_thousands(students));
    out += fmt::format(
        "A group visiting {} or more of its students visits all; one with fewer than {} visited "
        "is too few to judge.\n\n",
        percent(r.settings.full_coverage), r.settings.min_visited);
    return out;
}

std::string table(const TargetingReport& rep)
{
    const auto& r = rep.result;
    const bool site_col = r.by != GroupBy::Site;
    std::size_t width = stats::group_by_name(r.by).size();
    for (const auto& g : r.groups)
        width = std::max(width, group_cell(r.by, g).size());
    constexpr int k_block = 33; // "visited roster       p   adj.p" and a gap

    std::string line1 =
        fmt::format("{:<{}}  {}{:>6} {:>8} {:>6}", "", width, site_col ? "      " : "", "", "", "");
    std::string line2 = fmt::format("{:<{}}  {}{:>6} {:>8} {:>6}", stats::group_by_name(r.by),
                                    width, site_col ? "site  " : "", "N", "visited", "cover");
    for (const auto& f : r.flags) {
        line1 += fmt::format("   {:<{}}", stats::flag_label(f.name), k_block - 3);
        line2 += fmt::format("   {:>7} {:>6} {:>7} {:>7}", "visited", "roster", "p", "adj.p");
    }
    std::string out = line1;
    out.erase(out.find_last_not_of(' ') + 1);
    out += "\n" + line2 + "   verdict\n";
    for (const auto& g : r.groups) {
        out += fmt::format("{:<{}}  {}{:>6} {:>8} {:>6}", group_cell(r.by, g), width,
                           site_col ? fmt::format("{:<6}", g.site_id) : "",
                           util::with_thousands(g.roster), util::with_thousands(g.visited),
                           percent(g.coverage));
        for (std::size_t f = 0; f < r.flags.size(); ++f) {
            if (f < g.flags.size()) {
                const auto& t = g.flags[f];
                out += fmt::format("   {:>7} {:>6} {:>7} {:>7}", percent(t.share_visited()),
                                   percent(t.share_roster()), fmt::format("{:.2g}", t.p_over),
                                   fmt::format("{:.2g}", t.q_over));
            } else {
                out += fmt::format("   {:>7} {:>6} {:>7} {:>7}", "-", "-", "-", "-");
            }
        }
        out += fmt::format("   {}\n", stats::verdict_name(g.verdict));
    }
    return out;
}

// "Too few to judge: T001, T002 (2 homerooms)".
std::string verdict_list(const TargetingReport& rep, Verdict v, const std::string& what)
{
    std::vector<std::string> keys;
    for (const auto& g : rep.result.groups)
        if (g.verdict == v)
            keys.push_back(g.key);
    if (keys.empty())
        return "";
    return fmt::format("- {}: {}.\n", what, util::join(keys, ", "));
}

std::string spread(const TargetingReport& rep)
{
    std::string out = "\nSpread of visits over grades and homerooms, per site (for information):\n";
    const double alpha = rep.result.settings.alpha;
    for (const auto& s : rep.spread) {
        out += fmt::format("{}: {} of {} students visited ({}).\n", s.site_id,
                           util::with_thousands(s.visited), util::with_thousands(s.roster),
                           percent(s.coverage));
        for (const bool grades : {true, false}) {
            const auto& d = grades ? s.by_grade : s.by_homeroom;
            out += fmt::format("  by {}: {}.\n", grades ? "grade" : "homeroom",
                               spread_sentence(d, alpha, grades));
            std::string cells = "   ";
            for (const auto& c : d.cells) {
                const std::string cell = fmt::format(" {} {}", c.key, percent(c.coverage));
                if (cells.size() + cell.size() > 100) {
                    out += cells + "\n";
                    cells = "   ";
                }
                cells += cell;
            }
            out += cells + "\n";
        }
    }
    return out;
}

} // namespace

std::string render_targeting_text(const TargetingReport& rep, bool quiet)
{
    if (rep.result.flags.empty())
        return quiet ? "" : no_flags_message() + "\n";
    const auto findings = targeting_findings(rep);
    if (quiet) {
        std::string out;
        for (const auto& f : findings)
            if (f.kind == "over")
                out += "possible targeting: " + f.text + "\n";
        return out;
    }
    const auto& r = rep.result;
    std::string out = heading(rep) + table(rep) + "\nFindings:\n";
    const bool targeting = r.any_targeting();
    for (const auto& f : findings)
        out +=
            (f.kind == "over" ? "- Possible targeting. " : "- For information. ") + f.text + "\n";
    if (!targeting)
        out += "- No group's visits over-represent a concern flag beyond chance.\n";
    out += verdict_list(
        rep, Verdict::VisitsAll,
        fmt::format("Visits all ({} or more of the students)", percent(r.settings.full_coverage)));
    out += verdict_list(
        rep, Verdict::TooFew,
        fmt::format("Too few to judge (fewer than {} visited)", r.settings.min_visited));
    for (const auto& f : r.flags)
        if (f.unknown > 0)
            out += fmt::format("- {} with no {} value {} left out of that flag's tests.\n",
                               util::plural(f.unknown, "student", "students"), f.name,
                               f.unknown == 1 ? "is" : "are");
    out += spread(rep);
    out += fmt::format("\nHow to read this: p is how often chance alone, choosing the same number "
                       "of students at random from "
                       "the group, would pick at least as many with the concern; adj.p corrects p "
                       "for the {} tests made here "
                       "(Benjamini-Hochberg). A group is possible targeting where adj.p is below "
                       "{:g}. The spread compares "
                       "coverage across grades and homerooms with a chi-square test.\n",
                       r.tests, r.settings.alpha);
    return out;
}

} // namespace pthv::report
