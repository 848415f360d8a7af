#pragma once
// The targeting analysis of docs/rules.md (core practice 4, no targeting): per
// group, coverage and, per concern flag, whether the visited students
// over-represent it beyond chance (exact hypergeometric upper tail,
// Benjamini-Hochberg across every test of the run). Under-representation is
// computed the same way with the lower tail, for information only.
//
// Groups: a homeroom (students.csv homeroom_id; students without one form
// "<site> (no homeroom)"), a site, a grade at a site, or an educator. An
// educator's roster is every student of their home site (staff.csv
// site_id) and their visited students those of the site they saw in the
// period; educators who saw no one there are left out, so the table lists
// who visited, not the whole staff.
//
// A student whose flag is unknown (an empty cell, or missing from a --flags
// file) is left out of that flag's test: N and k of a FlagTest count only
// students whose flag is known.
//
// Counts are int64 and the tails are computed in log space, so groups of any
// size are sound. The work is O(students x flags + visits x educators).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <pthv/model/config.hpp>
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

struct FlagTest
{
    std::string flag;                 // "flag_attendance"
    std::int64_t roster = 0;          // N: students of the group whose flag is known
    std::int64_t visited = 0;         // k: of those, visited in the period
    std::int64_t flagged_roster = 0;  // K
    std::int64_t flagged_visited = 0; // x
    double p_over = 1.0;              // P(X >= x), X ~ Hypergeometric(N, K, k)
    double q_over = 1.0;              // Benjamini-Hochberg adjusted across the run
    double p_under = 1.0;             // P(X <= x)
    double q_under = 1.0;
    bool over = false;  // q_over < alpha: possible targeting
    bool under = false; // q_under < alpha (information)

    double share_visited() const; // x / k (0 when k = 0)
    double share_roster() const;  // K / N (0 when N = 0)
};

struct GroupResult
{
    std::string key;          // homeroom or staff id, site id, or "S01 grade 3"
    std::string site_id;      // the group's site
    std::string grade;        // grade groups only
    std::int64_t roster = 0;  // N
    std::int64_t visited = 0; // k
    double coverage = 0.0;    // k / N
    Verdict verdict = Verdict::CrossSection;
    std::vector<FlagTest> flags; // one per flag of the run, empty unless judged
};

struct FlagSummary
{
    std::string name;          // "flag_attendance"
    std::int64_t students = 0; // students in scope
    std::int64_t flagged = 0;  // of them, yes
    std::int64_t unknown = 0;  // of them, no value
};

struct TargetingOptions
{
    GroupBy by = GroupBy::Homeroom;
    std::optional<std::string> site; // only students (and educators) of this site
    model::Date from;                // completed visits dated from..to count
    model::Date to;
};

struct TargetingResult
{
    GroupBy by = GroupBy::Homeroom;
    model::Targeting settings;       // full_coverage, alpha, min_visited used
    std::vector<FlagSummary> flags;  // per flag of the repo, in column order
    std::vector<GroupResult> groups; // by site, then key (grades TK, K, 1..12)
    std::size_t tests = 0;           // (group, flag) tests adjusted together
    bool any_targeting() const;
};

// Groups with no roster (N = 0) are left out. Never throws for any repo.
TargetingResult analyse_targeting(const model::Facts& facts, const TargetingOptions& options);

// Per student of Repo::students: 1 if the student has a completed visit
// dated from..to, else 0.
std::vector<char> students_visited(const model::Repo& repo, model::Date from, model::Date to);

// How the grade column sorts: TK, K, 1..12, then anything else by text.
bool grade_less(std::string_view a, std::string_view b);

// Names for messages (ids only, never a student's name): "homeroom T028",
// "site S02", "grade 3 at S02", "educator T014".
std::string describe_group(GroupBy by, const GroupResult& group);

// "flag_attendance" -> "attendance"; "flag_home_language" -> "home language".
std::string flag_label(std::string_view flag);
// "flag_attendance" -> "an attendance concern", "flag_behavior" -> "a
// behavior concern".
std::string flag_concern(std::string_view flag);

} // namespace pthv::stats
