#pragma once
// `--k N` applied to the export's files (docs/export.md): visit dates
// coarsened (dates.hpp), then students.csv and visits.csv made
// k-anonymous on site, grade, home language and the months of each
// student's visits (kanon.hpp). Blanking a student's cell also blanks the
// cells that would lead back to it through another row: a visit's site,
// the family (siblings share visits and languages), the homeroom (a class
// shares a grade), the interpreter (who speaks one language) and, with the
// site, the staff on their visits (staff.csv names each one's site).

#include <cstddef>
#include <string>
#include <vector>

#include <pthv/export/dates.hpp>
#include <pthv/export/kanon.hpp>
#include <pthv/export/table.hpp>

namespace pthv::exporting {

struct BlankedCells {
    std::string file, column;
    std::size_t count = 0;
};

// What protect() did, for the export's README.
struct Protection {
    unsigned k = 1;
    std::vector<Renamed> renamed; // the date columns
    std::vector<Step> steps;      // the coarsening steps taken after the dates
    std::size_t languages_recoded = 0;
    std::size_t grades_banded = 0;
    std::size_t people = 0;              // students (and students only visits.csv names)
    std::vector<std::size_t> at_level;   // people whose blanking stopped at each Blanked level
    std::size_t donors = 0;
    std::vector<BlankedCells> cells;     // cells blanked, by file and column, in the files' order
    std::size_t smallest = 0;            // people in the least shared combination afterwards

    std::size_t blanked_cells() const;
};

// Protects `students` and `visits` (either may be null: a file the repo
// does not have) in place for k >= 2. Each table holds the exported
// columns with ids keyed; students.csv with its `language` column when
// the repo has one. A visit's site_id is left empty where it is the
// student's own (as in visits.csv, where empty means the student's site).
Protection protect(Table* students, Table* visits, unsigned k);

} // namespace pthv::exporting
