#pragma once
// What `pthv check-targeting` prints (docs/guide.md, check-targeting; docs/rules.md, the
// targeting check): the analysis of stats/targeting and stats/spread, put
// into words and tables. Nothing here computes a figure: the renderers only
// format the TargetingReport they are given. Student names never appear:
// groups are named by ids (homeroom teacher, site, grade, educator).

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <pthv/model/facts.hpp>
#include <pthv/model/period.hpp>
#include <pthv/stats/spread.hpp>
#include <pthv/stats/targeting.hpp>

namespace pthv::report {

struct TargetingReport
{
    stats::TargetingResult result;
    std::vector<stats::SiteSpread> spread;
    model::Period period;
    model::Date as_of;
    std::optional<std::string> site;
    std::string
        flags_source; // "students.csv", "flags.csv", "students.csv and flags.csv"; empty: no flags
};

// What check-targeting is asked for: the grouping, one site ("" every
// site), the period and the --flags file ("" none).
struct TargetingAsk
{
    stats::GroupBy by = stats::GroupBy::Homeroom;
    std::string site;
    model::Period period;
    std::string flags_file;
};

// The analysis of `repo` for `ask`. The spread reads only the repo: it is
// worked out on a second thread while this one has `facts` build the facts
// the coverage needs.
TargetingReport targeting_report(const model::Repo& repo, const std::function<const model::Facts&()>& facts,
                                 const TargetingAsk& ask);

// One plain-language finding: a group whose visits over-represent a flag
// (kind "over", possible targeting) or, for information, under-represent
// it (kind "under").
struct TargetingFinding
{
    std::string group;
    std::string flag;
    std::string kind; // "over" | "under"
    std::string text;
};

// Over-representation first, then under-representation, each in group order.
std::vector<TargetingFinding> targeting_findings(const TargetingReport& report);

// "about once in 9,000 tries": 1/p rounded to two significant figures, with
// thousands separators; "less than once in a trillion tries" past 10^12.
std::string once_in(double p);

// One sentence per site and dimension on how evenly visits spread.
std::string spread_sentence(const stats::Spread& spread, double alpha, bool grades);

// The sentence printed when there are no concern flags at all.
std::string no_flags_message();

// text: the table, the findings and the spread (quiet: only the
// possible-targeting findings). json: one object (deterministic key
// order). csv: one row per (group, flag), spreadsheet-safe.
std::string render_targeting_text(const TargetingReport& report, bool quiet);
std::string render_targeting_json(const TargetingReport& report);
std::string render_targeting_csv(const TargetingReport& report);

// The report in `format`: json, csv, or text with no raw control
// characters (render_targeting_text).
std::string render_targeting(const TargetingReport& report, const std::string& format, bool quiet);

} // namespace pthv::report
