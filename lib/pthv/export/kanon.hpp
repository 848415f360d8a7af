#pragma once
// k-anonymity for the de-identified export (docs/export.md), after ARX and
// sdcMicro: global recoding by fixed steps, then local suppression. Knows
// nothing of files: it works on what an attacker may already know of a
// student (the quasi-identifiers) and decides what the export shows of
// each. protect.hpp applies its answer to the files.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace pthv::exporting {

// What someone who knows a student (a neighbour, a teacher, a relative)
// could match against the export.
struct QuasiIds {
    std::string site, grade, language;
    // One cell per visit of the student: the visit's month, followed by "@"
    // and the visit's site where that is not the student's own. Its order
    // does not matter: the visits are a multiset (their number shows too).
    std::vector<std::string> visits;
};

// How much of a student was blanked; each level includes those before it.
enum class Blanked : std::uint8_t {
    None,
    Months,     // the months of their visits (and the site of a visit elsewhere)
    Attributes, // also grade and home language
    Site,       // also the site
    Visits,     // also the link from their visits to them, so their number of visits no longer shows
};

// The global coarsening steps, in the order they are tried.
enum class Step : std::uint8_t {
    RareLanguages, // a home language fewer than k students of a site share -> "other"
    GradeBands,    // a grade -> its band (grade_band)
};

struct Anonymised {
    std::vector<QuasiIds> people;  // as the export shows them, in the order given
    std::vector<Blanked> blanked;  // for each person
    std::vector<Step> steps;       // the steps taken, in order
    std::size_t languages_recoded = 0; // people whose language became "other"
    std::size_t grades_banded = 0;     // people whose grade became a band
    std::size_t donors = 0; // people blanked only so that the wholly blanked are k or more
};

// Makes `people` k-anonymous: afterwards every combination of site, grade,
// language and visits (a blank is a value of its own) is shared by at
// least k people, unless there are fewer than k people at all (then all
// are blanked). The steps are taken in order only while some combination
// is shared by fewer than k; then the people still in such a combination
// are blanked level by level (Blanked), only as far as needed. When those
// wholly blanked number fewer than k, more are blanked from the largest
// group that can spare them (the last given first), so the blanked are
// never a small group of their own. Deterministic: the same people in the
// same order give the same answer. k <= 1 changes nothing.
Anonymised make_k_anonymous(std::vector<QuasiIds> people, unsigned k);

// A grade's band: TK, K, 1 and 2 -> "TK-2", then "3-5", "6-8", "9-12";
// "" stays "", anything else is "other".
std::string grade_band(std::string_view grade);

// How many people share the least shared combination (0 without people).
std::size_t smallest_group(const std::vector<QuasiIds>& people);

} // namespace pthv::exporting
