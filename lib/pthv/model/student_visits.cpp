#include <pthv/model/student_visits.hpp>

#include <algorithm>
#include <tuple>

namespace pthv::model {

namespace {

auto order_key(const Visit& v)
{
    return std::make_tuple(v.date ? v.date->days() : 0, v.start_time ? v.start_time->minutes() : -1, v.id);
}

} // namespace

std::vector<std::size_t> visits_of_student(const Repo& repo, const std::string& student_id)
{
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < repo.visits.size(); ++i)
        if (repo.visits[i].student_id == student_id)
            out.push_back(i);
    std::stable_sort(out.begin(), out.end(), [&](std::size_t a, std::size_t b) {
        return order_key(repo.visits[a]) < order_key(repo.visits[b]);
    });
    return out;
}

std::vector<StudentVisits> student_visits(const Repo& repo, const Facts& facts, Date as_of)
{
    std::vector<StudentVisits> out(repo.students.size());
    // Visits in order, so the first two completed ones are the first and
    // second visits (the same order Facts::first_visit uses).
    std::vector<std::size_t> order(repo.visits.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return order_key(repo.visits[a]) < order_key(repo.visits[b]);
    });
    for (const std::size_t i : order) {
        const Visit& v = repo.visits[i];
        const auto s = repo.student_index.find(v.student_id);
        if (s == repo.student_index.end() || !v.date || !facts.in_school_year(*v.date) || !v.status)
            continue;
        StudentVisits& sv = out[s->second];
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
            break;
        case VisitStatus::Declined: sv.declined = i; break;
        default: break;
        }
    }
    return out;
}

std::unordered_map<std::string, std::size_t> staff_visit_counts(const Repo& repo, const Facts& facts)
{
    std::unordered_map<std::string, std::size_t> out;
    for (const auto& v : repo.visits)
        if (v.completed() && v.date && facts.in_school_year(*v.date))
            for (const auto& id : Facts::educator_set(v))
                ++out[id];
    return out;
}

} // namespace pthv::model
