#include <pthv/model/facts.hpp>

#include <algorithm>
#include <future>
#include <map>
#include <tuple>

namespace pthv::model {

std::optional<Date> TrainingTimeline::latest_on_or_before(const Repo& repo, Date d) const
{
    std::optional<Date> best;
    for (const std::size_t i : trainings) {
        const auto& t = repo.trainings[i];
        if (t.date && *t.date <= d)
            best = *t.date;
    }
    return best;
}

std::optional<Date> TrainingTimeline::intro_on_or_before(const Repo& repo, Date d) const
{
    for (const std::size_t i : trainings) {
        const auto& t = repo.trainings[i];
        if (t.date && *t.date <= d && t.kind == TrainingKind::Intro)
            return *t.date;
    }
    return std::nullopt;
}

std::vector<std::string> Facts::educator_set(const Visit& v)
{
    std::vector<std::string> out = v.educators;
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

Facts::Facts(const Repo& repo) : m_repo(repo), m_calendar(repo.config.calendar)
{
    const auto& visits = repo.visits;
    m_event_of.assign(visits.size(), -1);

    // First visits: the earliest completed visit of the year per student.
    // The key holds references: a copy of the visit id per comparison was
    // most of the cost at state scale. They are found on a second thread
    // while this one groups the events: the two share nothing.
    auto first_visits = std::async(std::launch::async, [&] {
        m_first.reserve(repo.students.size());
        for (std::size_t i = 0; i < visits.size(); ++i) {
            const Visit& v = visits[i];
            if (!v.completed() || !v.date || !in_school_year(*v.date) || v.student_id.empty())
                continue;
            auto key = [&](const Visit& x) {
                return std::tuple<std::int32_t, int, const std::string&>(
                    x.date->days(), x.start_time ? x.start_time->minutes() : -1, x.id);
            };
            const auto [it, inserted] = m_first.emplace(v.student_id, i);
            if (!inserted && key(v) < key(visits[it->second]))
                it->second = i;
        }
    });

    // Visit events: same date, start time and educator set. Events are
    // numbered in order of their first row, so a hash map (one flat text
    // key per visit) finds them as well as an ordered map, in linear time.
    std::unordered_map<std::string, std::size_t> by_key;
    by_key.reserve(visits.size());
    std::string key;
    for (std::size_t i = 0; i < visits.size(); ++i) {
        const Visit& v = visits[i];
        if (!v.completed() || !v.date || !v.start_time)
            continue;
        std::vector<std::string> educators = educator_set(v);
        key = std::to_string(v.date->days());
        key += ' ';
        key += std::to_string(v.start_time->minutes());
        for (const auto& e : educators) {
            key += '\0'; // no cell holds a NUL (csv-syntax), so sets never run together
            key += e;
        }
        const auto [it, inserted] = by_key.emplace(key, m_events.size());
        if (inserted) {
            VisitEvent e;
            e.first = i;
            e.educators = std::move(educators);
            m_events.push_back(std::move(e));
        }
        VisitEvent& e = m_events[it->second];
        e.visits.push_back(i);
        e.minutes = std::max(e.minutes, v.minutes.value_or(0));
        m_event_of[i] = static_cast<std::ptrdiff_t>(it->second);
    }

    for (std::size_t i = 0; i < repo.trainings.size(); ++i)
        m_training[repo.trainings[i].staff_id].trainings.push_back(i);
    for (auto& [id, tl] : m_training) {
        std::stable_sort(tl.trainings.begin(), tl.trainings.end(),
                         [&](std::size_t a, std::size_t b) {
                             const auto& ta = repo.trainings[a];
                             const auto& tb = repo.trainings[b];
                             return ta.date.value_or(Date{}) < tb.date.value_or(Date{});
                         });
        for (const std::size_t i : tl.trainings)
            if (repo.trainings[i].kind == TrainingKind::Intro && repo.trainings[i].date) {
                tl.intro = repo.trainings[i].date;
                break;
            }
    }
    first_visits.get(); // rethrows what the thread threw
}

bool Facts::in_school_year(Date d) const
{
    return m_repo.config.school_year.start <= d && d <= m_repo.config.school_year.end;
}

std::optional<std::size_t> Facts::first_visit(const std::string& student_id) const
{
    const auto it = m_first.find(student_id);
    if (it == m_first.end())
        return std::nullopt;
    return it->second;
}

bool Facts::is_first_visit(std::size_t visit) const
{
    const auto f = first_visit(m_repo.visits[visit].student_id);
    return f && *f == visit;
}

std::optional<std::size_t> Facts::event_of(std::size_t visit) const
{
    if (visit >= m_event_of.size() || m_event_of[visit] < 0)
        return std::nullopt;
    return static_cast<std::size_t>(m_event_of[visit]);
}

const TrainingTimeline* Facts::training(const std::string& staff_id) const
{
    const auto it = m_training.find(staff_id);
    return it == m_training.end() ? nullptr : &it->second;
}

std::optional<DayPart> Facts::day_part(const Visit& v) const
{
    if (!v.date || !v.start_time || !v.minutes)
        return std::nullopt;
    return m_calendar.classify(*v.date, *v.start_time, *v.minutes);
}

} // namespace pthv::model
