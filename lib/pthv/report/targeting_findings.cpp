// The findings of the targeting check in plain language (docs/rules.md, the
// targeting check): a principal should read what happened and how unusual
// it is, a researcher the p-values behind it.

#include <pthv/report/targeting.hpp>

#include <cctype>
#include <cmath>
#include <fmt/format.h>

#include <pthv/util/strings.hpp>

namespace pthv::report {

using stats::GroupBy;

std::string once_in(double p)
{
    if (!(p > 1e-12))
        return "less than once in a trillion tries";
    const double n = 1.0 / p;
    long long rounded = 0;
    if (n < 100.0) {
        rounded = std::llround(n);
    } else { // two significant figures
        const double scale = std::pow(10.0, std::floor(std::log10(n)) - 1.0);
        rounded = static_cast<long long>(std::llround(n / scale)) * std::llround(scale);
    }
    if (rounded <= 1)
        return "about every time";
    return "about once in " + util::with_thousands(rounded) + " tries";
}

std::string no_flags_message()
{
    return "No concern flags: students.csv has no flag_* column and no --flags file was given, so "
           "there is "
           "nothing to check for targeting. Add flag_* columns (yes/no) to students.csv, or keep "
           "them out of "
           "git in a separate file with student_id and flag_* columns and pass it with --flags "
           "FILE.";
}

namespace {

// "Homeroom T028 (S02)" and who the roster is, per kind of group.
std::string title(GroupBy by, const stats::GroupResult& g)
{
    std::string name = stats::describe_group(by, g);
    name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
    return by == GroupBy::Homeroom || by == GroupBy::Educator ? name + " (" + g.site_id + ")"
                                                              : name;
}

std::string pool(GroupBy by, const stats::GroupResult& g)
{
    switch (by) {
    case GroupBy::Homeroom:
        return "in the class";
    case GroupBy::Site:
        return "at the site";
    case GroupBy::Grade:
        return "in the grade";
    case GroupBy::Educator:
        return "at " + g.site_id;
    }
    return "";
}

std::string counts(GroupBy by, const stats::GroupResult& g, const stats::FlagTest& t)
{
    const std::string who =
        by == GroupBy::Educator ? "students " + g.key + " visited" : "students visited";
    return fmt::format("{} of the {} {} {} {}, against {} of the {} {}",
                       util::with_thousands(t.flagged_visited), util::with_thousands(t.visited),
                       who, t.flagged_visited == 1 ? "has" : "have", stats::flag_concern(t.flag),
                       util::with_thousands(t.flagged_roster), util::with_thousands(t.roster),
                       pool(by, g));
}

} // namespace

std::vector<TargetingFinding> targeting_findings(const TargetingReport& report)
{
    const auto& r = report.result;
    std::vector<TargetingFinding> out;
    for (const auto& g : r.groups)
        for (const auto& t : g.flags)
            if (t.over)
                out.push_back(
                    {g.key, t.flag, "over",
                     fmt::format("{}: {}; a choice this uneven happens by chance {} (p = {:.2g}; "
                                 "{:.2g} adjusted over the {} tests of this check).",
                                 title(r.by, g), counts(r.by, g, t), once_in(t.p_over), t.p_over,
                                 t.q_over, r.tests)});
    for (const auto& g : r.groups)
        for (const auto& t : g.flags)
            if (t.under)
                out.push_back(
                    {g.key, t.flag, "under",
                     fmt::format(
                         "{}: {}; so few happens by chance {} (p = {:.2g}; {:.2g} adjusted). "
                         "Not targeting, but a cross-section includes these students too.",
                         title(r.by, g), counts(r.by, g, t), once_in(t.p_under), t.p_under,
                         t.q_under)});
    return out;
}

std::string spread_sentence(const stats::Spread& s, double alpha, bool grades)
{
    if (s.cells.empty())
        return "";
    const auto& lo = s.cells[s.lowest];
    const auto& hi = s.cells[s.highest];
    const std::string what = grades ? "grade " : "";
    std::string out = fmt::format("from {:.0f}% ({}{}) to {:.0f}% ({}{})", 100.0 * lo.coverage,
                                  what, lo.key, 100.0 * hi.coverage, what, hi.key);
    if (s.cells.size() < 2)
        return fmt::format("{:.0f}% ({}{}): only one {}", 100.0 * lo.coverage, what, lo.key,
                           grades ? "grade" : "homeroom");
    if (!s.tested)
        return out;
    const std::string p = s.p < 0.001 ? "p < 0.001" : fmt::format("p = {:.2g}", s.p);
    if (s.uneven)
        out += fmt::format(": uneven, more than chance would give (chi-square {:.1f}, {} df, {})",
                           s.chi_square, s.df, p);
    else
        out += fmt::format(": even, within what chance gives ({}; uneven below {:g})", p, alpha);
    if (s.sparse)
        out += "; rough, as some groups are small";
    return out;
}

} // namespace pthv::report
