#include <pthv/model/student_visits.hpp>

#include <algorithm>
#include <tuple>

namespace pthv::model {

// Visits by date, start time and visit id; the id's text is compared only
// on a tie.
bool visit_before(const Repo& repo, const Visit& a, const Visit& b)
{
    const auto ka = std::make_tuple(a.date ? a.date->days() : 0, a.start_time ? a.start_time->minutes() : -1);
    const auto kb = std::make_tuple(b.date ? b.date->days() : 0, b.start_time ? b.start_time->minutes() : -1);
    if (ka != kb)
        return ka < kb;
    return repo.id(a.id) < repo.id(b.id);
}

std::vector<std::size_t> visits_of_student(const Repo& repo, StudentId student)
{
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < repo.visits.size(); ++i)
        if (student && repo.visits[i].student == student)
            out.push_back(i);
    std::stable_sort(out.begin(), out.end(), [&](std::size_t a, std::size_t b) {
        return visit_before(repo, repo.visits[a], repo.visits[b]);
    });
    return out;
}

std::vector<StudentVisits> student_visits(const Repo& repo, const Facts& facts, Date as_of)
{
    std::vector<StudentVisits> out(repo.students.size());
    // Each student's visits in order, so the first two completed ones are
    // the first and second visits (the same order Facts::first_visit uses).
    // Only the order within a student matters: sorted by student, day and
    // time as numbers, an id's text is read only when the three tie.
    struct Key {
        std::uint32_t student;
        std::int32_t day, minute;
        std::uint32_t visit;
    };
    std::vector<Key> order(repo.visits.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
        const Visit& v = repo.visits[i];
        order[i] = {v.student.value(), v.date ? v.date->days() : 0, v.start_time ? v.start_time->minutes() : -1,
                    static_cast<std::uint32_t>(i)};
    }
    std::sort(order.begin(), order.end(), [&](const Key& a, const Key& b) {
        if (std::tie(a.student, a.day, a.minute) != std::tie(b.student, b.day, b.minute))
            return std::tie(a.student, a.day, a.minute) < std::tie(b.student, b.day, b.minute);
        const std::string_view ia = repo.id(repo.visits[a.visit].id), ib = repo.id(repo.visits[b.visit].id);
        return ia != ib ? ia < ib : a.visit < b.visit;
    });
    for (const Key& k : order) {
        const std::size_t i = k.visit;
        const Visit& v = repo.visits[i];
        const auto s = repo.row(v.student);
        if (!s || !v.date || !facts.in_school_year(*v.date) || !v.status)
            continue;
        StudentVisits& sv = out[*s];
        switch (*v.status) {
        case VisitStatus::Completed:
            if (!sv.first)
                sv.first = i;
            else if (!sv.second)
                sv.second = i;
            ++sv.completed;
            break;
        case VisitStatus::Scheduled:
            if (!sv.next_scheduled && as_of <= *v.date)
                sv.next_scheduled = i;
            if (sv.first && !sv.scheduled_after_first)
                sv.scheduled_after_first = i;
            break;
        case VisitStatus::Declined: sv.declined = i; break;
        default: break;
        }
    }
    return out;
}

std::vector<std::size_t> staff_visit_counts(const Repo& repo, const Facts& facts)
{
    std::vector<std::size_t> out(repo.names.staff.size(), 0);
    for (std::size_t i = 0; i < repo.visits.size(); ++i) {
        const Visit& v = repo.visits[i];
        if (v.completed() && v.date && facts.in_school_year(*v.date))
            for (const StaffId e : facts.educators(i))
                ++out[e.index()];
    }
    return out;
}

} // namespace pthv::model
