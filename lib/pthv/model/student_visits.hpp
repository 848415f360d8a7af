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
    std::size_t completed = 0;                 // completed visits this school year

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

// A student's visits (any status, any date), ordered by date, start_time,
// visit_id.
std::vector<std::size_t> visits_of_student(const Repo& repo, StudentId student);

} // namespace pthv::model
