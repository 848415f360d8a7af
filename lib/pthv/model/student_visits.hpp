#pragma once
// Each student's progress through the two-visit model this school year
// (docs/data.md: the first visit is the earliest completed one; later ones are
// follow-ups), and who still awaits a visit, for `pthv roster
// students`. Also the tables `pthv roster` and `pthv event list` print for
// people (Listing): which rows a filter keeps, in which order, and each cell
// as text; the command checks the filter's options and renders the table
// (text, csv, json). They name staff and students: internal use only.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <pthv/model/facts.hpp>
#include <pthv/model/repo.hpp>
#include <pthv/model/training_status.hpp>
#include <pthv/util/optional_index.hpp>

namespace pthv::model {

// One per student, a million at state scale: the indexes are four bytes
// each (util::OptionalIndex), not sixteen.
struct StudentVisits {
    util::OptionalIndex first;          // index into Repo::visits
    util::OptionalIndex second;         // the first follow-up
    util::OptionalIndex next_scheduled; // earliest scheduled visit dated on or after as_of
    util::OptionalIndex declined;       // the latest declined visit of the year
    util::OptionalIndex scheduled_after_first; // earliest scheduled visit after the first visit, any date
    std::size_t completed = 0;          // completed visits this school year

    // Exactly one completed visit and none scheduled after it: a second
    // visit is due (roster students --second-due).
    bool second_due() const { return completed == 1 && !scheduled_after_first; }

    // No completed visit this year and the family has not said no: a
    // declined family is not "awaiting" (docs/guide.md, roster students).
    bool awaiting() const { return completed == 0 && !declined; }
};

// Per student, in Repo::students order. Only visits dated in the school
// year count.
std::vector<StudentVisits> student_visits(const Repo& repo, const Facts& facts, Date as_of);

// Completed visits this school year per staff handle (each educator once
// per row).
std::vector<std::size_t> staff_visit_counts(const Repo& repo, const Facts& facts);

// The order of a student's visits: by date, start_time, then visit_id.
bool visit_before(const Repo& repo, const Visit& a, const Visit& b);

// A student's visits (any status, any date), ordered by date, start_time,
// visit_id.
std::vector<std::size_t> visits_of_student(const Repo& repo, StudentId student);

// Column titles for people, the matching keys for csv and json, the rows.
struct Listing {
    std::vector<std::string> header;
    std::vector<std::string> keys;
    std::vector<std::vector<std::string>> rows;
};

// The staff table (roster): each staff member of `site` (every site when
// none) whose training status as of repo.as_of is `status` (any when none):
// id, name, site, role, class, opted in, active, trainings, refresher due,
// status, completed visits this school year.
// With how many of the rows have each status.
struct StaffListing : Listing {
    std::size_t current = 0, due_soon = 0, expired = 0, untrained = 0;
};
StaffListing staff_listing(const Repo& repo, const Facts& facts, std::optional<SiteId> site,
                           std::optional<TrainingStatus> status);
// The column of staff_listing holding the training status.
constexpr std::size_t k_staff_status_column = 10;

// Which students roster students lists: of a site, of a homeroom, and only
// those awaiting a visit, declined, or due a second visit.
struct StudentFilter {
    std::optional<SiteId> site;
    std::optional<StaffId> homeroom;
    bool unvisited = false;
    bool declined = false;
    bool second_due = false;
};

// The students table: first and second visit, next scheduled, declined,
// completed visits; with the counts of the rows kept.
struct StudentListing : Listing {
    std::size_t visited = 0, second = 0, awaiting = 0, declined = 0;
};
StudentListing student_listing(const Repo& repo, const Facts& facts, const StudentFilter& filter);

// One student's visits in date order (roster student); the private notes
// only with `notes`.
Listing student_visit_listing(const Repo& repo, StudentId student, bool notes);

// The training sessions of `site` (all when none) by date, with attendance,
// seats left and held or planned as of repo.as_of.
Listing session_listing(const Repo& repo, std::optional<SiteId> site);

// The events of `site` (all when none) by date; notes are not shown.
Listing event_listing(const Repo& repo, std::optional<SiteId> site);

} // namespace pthv::model
