#pragma once
// The targeting analysis of rules.md (core practice 4, no targeting): per
// group, coverage and, per concern flag, whether the visited students
// over-represent it beyond chance (exact hypergeometric upper tail,
// Benjamini-Hochberg across every test of the run). Under-representation is
// computed the same way with the lower tail, for information only.

#include <optional>
#include <string>
#include <vector>

#include <pthv/model/facts.hpp>

namespace pthv::stats {

enum class GroupBy { Homeroom, Site, Grade, Educator };
std::optional<GroupBy> parse_group_by(std::string_view text);
std::string_view group_by_name(GroupBy by);

enum class Verdict {
    VisitsAll,         // coverage at or above full_coverage
    CrossSection,      // judged, nothing over-represented
    PossibleTargeting, // some flag over-represented (adjusted p < alpha)
    TooFew,            // fewer than min_visited visited
};
std::string_view verdict_name(Verdict v);

struct FlagTest {
    std::string flag; // "flag_attendance"
    std::int64_t flagged_roster = 0;  // K
    std::int64_t flagged_visited = 0; // x
    double p_over = 1.0;  // P(X >= x)
    double q_over = 1.0;  // BH-adjusted across the run
    double p_under = 1.0; // P(X <= x)
    double q_under = 1.0;
    bool over = false;  // q_over < alpha
    bool under = false; // q_under < alpha (information)
};

struct GroupResult {
    std::string key;     // homeroom/staff id, site id, or "S01 grade 3"
    std::string site_id; // the group's site
    std::int64_t roster = 0;  // N
    std::int64_t visited = 0; // k
    double coverage = 0.0;
    Verdict verdict = Verdict::CrossSection;
    std::vector<FlagTest> flags; // empty unless judged
};

struct TargetingOptions {
    GroupBy by = GroupBy::Homeroom;
    std::optional<std::string> site; // only groups of this site
    model::Date from;                // completed visits dated from..to count
    model::Date to;
};

struct TargetingResult {
    std::vector<std::string> flag_names;
    std::vector<GroupResult> groups; // ordered by key
    std::size_t tests = 0;           // (group, flag) tests adjusted together
    bool any_targeting() const;
};

// Groups with no roster (N = 0) are left out. Never throws for any repo.
TargetingResult analyse_targeting(const model::Facts& facts, const TargetingOptions& options);

} // namespace pthv::stats
