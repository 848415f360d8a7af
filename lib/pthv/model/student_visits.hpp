#pragma once
// Each student's progress through the two-visit model this school year
// (docs/data.md: the first visit is the earliest completed one; later ones are
// follow-ups), and who still awaits a visit, for `pthv roster
// students`.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <pthv/model/facts.hpp>
#include <pthv/model/repo.hpp>

namespace pthv::model {

struct StudentVisits {
    std::optional<std::size_t> first;          // index into Repo::visits
    std::optional<std::size_t> second;         // the first follow-up
    std::optional<std::size_t> next_scheduled; // earliest scheduled visit dated on or after as_of
    std::optional<std::size_t> declined;       // the latest declined visit of the year
    std::optional<std::size_t> scheduled_after_first; // earliest scheduled visit after the first visit, any date
    std::size_t completed = 0;                 // completed visits this school year

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

} // namespace pthv::model
