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
        m_first.assign(repo.students.size(), -1);
        auto key = [&](const Visit& x) {
            return std::tuple<std::int32_t, int, const std::string&>(
                x.date->days(), x.start_time ? x.start_time->minutes() : -1, x.id);
        };
        auto keep = [&](std::size_t& first, std::size_t i) {
            if (key(visits[i]) < key(visits[first]))
                first = i;
        };
        for (std::size_t i = 0; i < visits.size(); ++i) {
            const Visit& v = visits[i];
            if (!v.completed() || !v.date || !in_school_year(*v.date) || v.student_id.empty())
                continue;
            const auto s = repo.student_index.find(v.student_id);
            if (s == repo.student_index.end()) {
                const auto [it, inserted] = m_first_unlisted.emplace(v.student_id, i);
                if (!inserted)
                    keep(it->second, i);
            } else if (m_first[s->second] < 0) {
                m_first[s->second] = static_cast<std::ptrdiff_t>(i);
            } else {
                auto first = static_cast<std::size_t>(m_first[s->second]);
                keep(first, i);
                m_first[s->second] = static_cast<std::ptrdiff_t>(first);
            }
        }
    });

    group_events();

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

std::uint64_t Facts::key_hash(std::initializer_list<std::uint64_t> parts, const Visit& v,
                              std::vector<std::string_view>& scratch)
{
    scratch.assign(v.educators.begin(), v.educators.end());
    std::sort(scratch.begin(), scratch.end());
    scratch.erase(std::unique(scratch.begin(), scratch.end()), scratch.end());
    std::uint64_t h = 0;
    const auto mix = [&h](std::uint64_t x) { h ^= x + 0x9E3779B97F4A7C15ULL + (h << 6) + (h >> 2); };
    for (const auto p : parts)
        mix(p);
    const std::hash<std::string_view> hash;
    for (const auto e : scratch)
        mix(static_cast<std::uint64_t>(hash(e)));
    return h;
}

// Visit events: same date, start time and educator set, numbered in order
// of their first row. Rows are sorted by a hash of that key (file order
// within a hash), so only rows of one hash are ever compared, and no key is
// built as text: at state scale a text key per row was a large share of
// the memory and the time.
void Facts::group_events()
{
    const auto& visits = m_repo.visits;
    std::vector<std::pair<std::uint64_t, std::size_t>> keyed;
    std::vector<std::string_view> scratch;
    for (std::size_t i = 0; i < visits.size(); ++i) {
        const Visit& v = visits[i];
        if (v.completed() && v.date && v.start_time)
            // What makes rows one event: date, start time, educators.
            keyed.emplace_back(key_hash({static_cast<std::uint64_t>(v.date->days()),
                                         static_cast<std::uint64_t>(v.start_time->minutes())},
                                        v, scratch),
                               i);
    }
    std::sort(keyed.begin(), keyed.end());
    // Each row's event, as the row that begins it (the event's first row).
    std::vector<std::size_t> first_of(visits.size(), 0);
    for (std::size_t begin = 0, end = 0; begin < keyed.size(); begin = end) {
        end = begin + 1;
        while (end < keyed.size() && keyed[end].first == keyed[begin].first)
            ++end;
        for (std::size_t i = begin; i < end; ++i) {
            const Visit& v = visits[keyed[i].second];
            std::size_t first = keyed[i].second;
            for (std::size_t j = begin; j < i; ++j) {
                const Visit& w = visits[keyed[j].second];
                if (first_of[keyed[j].second] == keyed[j].second && *w.date == *v.date &&
                    *w.start_time == *v.start_time && educator_set(w) == educator_set(v)) {
                    first = keyed[j].second;
                    break;
                }
            }
            first_of[keyed[i].second] = first;
        }
    }
    // Number the events in file order of their first rows.
    for (std::size_t i = 0; i < visits.size(); ++i) {
        const Visit& v = visits[i];
        if (!v.completed() || !v.date || !v.start_time)
            continue;
        const std::size_t first = first_of[i];
        if (first == i) {
            VisitEvent e;
            e.first = i;
            e.educators = educator_set(v);
            m_event_of[i] = static_cast<std::ptrdiff_t>(m_events.size());
            m_events.push_back(std::move(e));
        } else {
            m_event_of[i] = m_event_of[first];
        }
        VisitEvent& e = m_events[static_cast<std::size_t>(m_event_of[i])];
        e.visits.push_back(i);
        e.minutes = std::max(e.minutes, v.minutes.value_or(0));
    }
}

bool Facts::in_school_year(Date d) const
{
    return m_repo.config.school_year.start <= d && d <= m_repo.config.school_year.end;
}

std::optional<std::size_t> Facts::first_visit(const std::string& student_id) const
{
    const auto s = m_repo.student_index.find(student_id);
    if (s != m_repo.student_index.end()) {
        const std::ptrdiff_t first = m_first[s->second];
        return first < 0 ? std::nullopt : std::optional<std::size_t>(static_cast<std::size_t>(first));
    }
    const auto it = m_first_unlisted.find(student_id);
    if (it == m_first_unlisted.end())
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
