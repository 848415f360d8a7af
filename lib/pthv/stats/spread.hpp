#pragma once
// How evenly a site's visits spread over its grades and homerooms (docs/rules.md,
// the targeting check, "at site level"). Core practice 4 asks for every
// student or a cross-section; a school where some classes are visited and
// others hardly at all is worth a look even when no concern flag stands out.
//
// Per site and period: coverage (students visited / enrolled) per grade and
// per homeroom, the lowest and highest, and a chi-square test of
// homogeneity on the 2 x C table (visited, not visited) x cells:
//   X2 = sum_i (v_i - n_i c)^2 / (n_i c (1 - c)),  df = C - 1,
// c the site's coverage. The p-value says how often chance alone, every
// student of the site equally likely to be visited, would spread the visits
// at least this unevenly; below `alpha` (pthv.yaml targeting) the spread is
// called uneven. It is for information (no rule fires on it): the test is
// approximate where an expected count is below 5 (`sparse`), and is not
// made when the site has fewer than two cells, or no or every student
// visited.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <pthv/model/repo.hpp>

namespace pthv::stats {

struct SpreadCell
{
    std::string key; // a grade ("K", "3") or a homeroom id ("T028", "(none)")
    std::int64_t roster = 0;
    std::int64_t visited = 0;
    double coverage = 0.0;
};

struct Spread
{
    std::vector<SpreadCell> cells; // grades TK, K, 1..12; homerooms by id
    std::size_t lowest = 0;        // index of the lowest coverage (first such)
    std::size_t highest = 0;       // index of the highest coverage (first such)
    bool tested = false;
    double chi_square = 0.0;
    int df = 0;
    double p = 1.0;
    bool sparse = false; // some expected count below 5: p is rough
    bool uneven = false; // tested and p < alpha
};

struct SiteSpread
{
    std::string site_id;
    std::int64_t roster = 0;
    std::int64_t visited = 0;
    double coverage = 0.0;
    Spread by_grade;
    Spread by_homeroom;
};

struct SpreadOptions
{
    std::optional<std::string> site; // only this site
    model::Date from;                // completed visits dated from..to count
    model::Date to;
};

// One entry per site with students, ordered by site id. Never throws.
std::vector<SiteSpread> analyse_spread(const model::Repo& repo, const SpreadOptions& options);

// The statistics of one set of cells (ordered as given), for tests.
Spread spread_of(std::vector<SpreadCell> cells, double alpha);

} // namespace pthv::stats
