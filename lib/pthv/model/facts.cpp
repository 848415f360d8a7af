#include <pthv/model/facts.hpp>

#include <algorithm>
#include <numeric>
#include <tuple>

#include <pthv/util/parallel.hpp>

namespace pthv::model {

namespace {

constexpr std::uint32_t k_none = 0xFFFFFFFFu;

std::uint64_t mix(std::uint64_t h, std::uint64_t x) { return h ^ (x + 0x9E3779B97F4A7C15ULL + (h << 6) + (h >> 2)); }

} // namespace

std::optional<Date> TrainingTimeline::latest_on_or_before(Date d) const
{
    const Date* end = std::upper_bound(m_dates, m_dates + m_count, d);
    return end == m_dates ? std::nullopt : std::optional<Date>(*(end - 1));
}

Facts::Facts(const Repo& repo) : m_repo(repo), m_calendar(repo.config.calendar)
{
    make_sets();
    // First visits are found on a second thread while this one groups the
    // events: the two share nothing.
    auto first_visits = util::start_beside([&] { find_first_visits(); });
    group_events();
    gather_event_payees();
    make_timelines();
    first_visits.get(); // rethrows what the thread threw
}

void Facts::make_sets()
{
    const auto& visits = m_repo.visits;
    m_set_begin.resize(visits.size() + 1);
    m_sets.reserve(m_repo.educator_list.size());
    for (std::size_t i = 0; i < visits.size(); ++i) {
        m_set_begin[i] = static_cast<std::uint32_t>(m_sets.size());
        const auto e = m_repo.educators(visits[i]);
        const auto begin = m_sets.size();
        m_sets.insert(m_sets.end(), e.begin(), e.end());
        const auto first = m_sets.begin() + static_cast<std::ptrdiff_t>(begin);
        std::sort(first, m_sets.end());
        m_sets.erase(std::unique(first, m_sets.end()), m_sets.end());
    }
    m_set_begin[visits.size()] = static_cast<std::uint32_t>(m_sets.size());
}

// The earliest completed visit of the year per student, by date, start time
// and visit id (the id only on a tie).
void Facts::find_first_visits()
{
    const auto& visits = m_repo.visits;
    m_first.assign(m_repo.names.students.size(), k_none);
    auto earlier = [&](const Visit& a, const Visit& b) {
        const auto ka = std::make_tuple(a.date->days(), a.start_time ? a.start_time->minutes() : -1);
        const auto kb = std::make_tuple(b.date->days(), b.start_time ? b.start_time->minutes() : -1);
        if (ka != kb)
            return ka < kb;
        return m_repo.id(a.id) < m_repo.id(b.id);
    };
    for (std::size_t i = 0; i < visits.size(); ++i) {
        const Visit& v = visits[i];
        if (!v.completed() || !v.date || !in_school_year(*v.date) || !v.student)
            continue;
        std::uint32_t& first = m_first[v.student.index()];
        if (first == k_none || earlier(v, visits[first]))
            first = static_cast<std::uint32_t>(i);
    }
}

// Visit events: same date, start time and educator set, numbered in order
// of their first row. Rows are sorted by a hash of that key (file order
// within a hash), so only rows of one hash are ever compared.
void Facts::group_events()
{
    const auto& visits = m_repo.visits;
    m_event_of.assign(visits.size(), k_none);
    std::vector<std::pair<std::uint64_t, std::uint32_t>> keyed;
    for (std::size_t i = 0; i < visits.size(); ++i) {
        const Visit& v = visits[i];
        if (!v.completed() || !v.date || !v.start_time)
            continue;
        // What makes rows one event: date, start time, educators.
        std::uint64_t h = mix(mix(0, static_cast<std::uint64_t>(v.date->days())),
                              static_cast<std::uint64_t>(v.start_time->minutes()));
        for (const StaffId e : educators(i))
            h = mix(h, e.value());
        keyed.emplace_back(h, static_cast<std::uint32_t>(i));
    }
    std::sort(keyed.begin(), keyed.end());
    const auto same_set = [&](std::size_t a, std::size_t b) {
        const auto x = educators(a);
        const auto y = educators(b);
        return x.size() == y.size() && std::equal(x.begin(), x.end(), y.begin());
    };
    // Each row's event, as the row that begins it (the event's first row).
    std::vector<std::uint32_t> first_of(visits.size(), k_none);
    for (std::size_t begin = 0, end = 0; begin < keyed.size(); begin = end) {
        end = begin + 1;
        while (end < keyed.size() && keyed[end].first == keyed[begin].first)
            ++end;
        for (std::size_t i = begin; i < end; ++i) {
            const std::uint32_t vi = keyed[i].second;
            const Visit& v = visits[vi];
            std::uint32_t first = vi;
            for (std::size_t j = begin; j < i; ++j) {
                const std::uint32_t wj = keyed[j].second;
                const Visit& w = visits[wj];
                if (first_of[wj] == wj && *w.date == *v.date && *w.start_time == *v.start_time && same_set(wj, vi)) {
                    first = wj;
                    break;
                }
            }
            first_of[vi] = first;
        }
    }
    // Number the events in file order of their first rows; then lay out
    // their rows in one flat list.
    std::vector<std::uint32_t> counts;
    // Sized once: grown by doubling, the list of 600,000 events of a state
    // would hold its old and new copies at once.
    std::size_t events = 0;
    for (std::size_t i = 0; i < visits.size(); ++i)
        events += first_of[i] == i ? 1U : 0U;
    m_events.reserve(events);
    counts.reserve(events);
    for (std::size_t i = 0; i < visits.size(); ++i) {
        if (first_of[i] == k_none)
            continue;
        const std::uint32_t first = first_of[i];
        if (first == i) {
            VisitEvent e;
            e.first = i;
            m_event_of[i] = static_cast<std::uint32_t>(m_events.size());
            m_events.push_back(e);
            counts.push_back(0);
        } else {
            m_event_of[i] = m_event_of[first];
        }
        VisitEvent& e = m_events[m_event_of[i]];
        ++counts[m_event_of[i]];
        e.minutes = std::max(e.minutes, visits[i].minutes.value_or(0));
    }
    std::uint32_t at = 0;
    for (std::size_t e = 0; e < m_events.size(); ++e) {
        m_events[e].visits_begin = at;
        at += counts[e];
    }
    m_event_visits.resize(at);
    for (std::size_t i = 0; i < visits.size(); ++i)
        if (m_event_of[i] != k_none) {
            VisitEvent& e = m_events[m_event_of[i]];
            m_event_visits[e.visits_begin + e.visits_count++] = static_cast<std::uint32_t>(i);
        }
}

// Each event's payees (its educators and the staff interpreters of its
// rows) and the day it was first confirmed.
void Facts::gather_event_payees()
{
    const auto& visits = m_repo.visits;
    m_event_payees.reserve(m_sets.size());
    for (auto& e : m_events) {
        e.payees_begin = static_cast<std::uint32_t>(m_event_payees.size());
        const auto educators_of = educators(e.first);
        m_event_payees.insert(m_event_payees.end(), educators_of.begin(), educators_of.end());
        bool interpreted = false;
        for (const std::uint32_t i : event_visits(e)) {
            const Visit& v = visits[i];
            if (v.interpreter) {
                m_event_payees.push_back(v.interpreter);
                interpreted = true;
            }
            if (v.confirmed_on && (!e.confirmed_on || *v.confirmed_on < *e.confirmed_on))
                e.confirmed_on = v.confirmed_on;
        }
        const auto first = m_event_payees.begin() + e.payees_begin;
        if (interpreted) {
            std::sort(first, m_event_payees.end());
            m_event_payees.erase(std::unique(first, m_event_payees.end()), m_event_payees.end());
        }
        e.payees_count = static_cast<std::uint32_t>(m_event_payees.size() - e.payees_begin);
    }
}

std::vector<StaffId> Facts::visit_payees(std::size_t visit) const
{
    const auto e = educators(visit);
    std::vector<StaffId> out(e.begin(), e.end());
    if (const StaffId i = m_repo.visits[visit].interpreter; i && !std::binary_search(out.begin(), out.end(), i))
        out.insert(std::upper_bound(out.begin(), out.end(), i), i);
    return out;
}

std::size_t Facts::people(std::size_t visit) const
{
    const Visit& v = m_repo.visits[visit];
    const auto e = educators(visit);
    if (v.outside_interpreter)
        return e.size() + 1;
    if (v.interpreter && !std::binary_search(e.begin(), e.end(), v.interpreter))
        return e.size() + 1;
    return e.size();
}

// Each educator's dated trainings by date (file order on a tie), by
// counting: one pass to size each educator's run, one to fill it.
void Facts::make_timelines()
{
    const auto& trainings = m_repo.trainings;
    const std::size_t staff = m_repo.names.staff.size();
    std::vector<std::uint32_t> begin(staff + 1, 0);
    for (const auto& t : trainings)
        if (t.staff && t.date)
            ++begin[t.staff.index() + 1];
    std::partial_sum(begin.begin(), begin.end(), begin.begin());
    m_training_rows.resize(begin[staff]);
    std::vector<std::uint32_t> fill(begin.begin(), begin.end() - 1);
    for (std::size_t i = 0; i < trainings.size(); ++i)
        if (trainings[i].staff && trainings[i].date)
            m_training_rows[fill[trainings[i].staff.index()]++] = static_cast<std::uint32_t>(i);
    m_training_dates.resize(m_training_rows.size());
    m_training.resize(staff);
    m_has_training.assign(staff, 0);
    for (std::size_t s = 0; s < staff; ++s) {
        const auto first = m_training_rows.begin() + begin[s];
        const auto last = m_training_rows.begin() + begin[s + 1];
        if (first == last)
            continue;
        std::stable_sort(first, last, [&](std::uint32_t a, std::uint32_t b) {
            return *trainings[a].date < *trainings[b].date;
        });
        std::optional<Date> intro;
        for (std::uint32_t k = begin[s]; k < begin[s + 1]; ++k) {
            const Training& t = trainings[m_training_rows[k]];
            m_training_dates[k] = *t.date;
            if (!intro && t.kind == TrainingKind::Intro)
                intro = t.date;
        }
        m_training[s] = TrainingTimeline(m_training_rows.data() + begin[s], m_training_dates.data() + begin[s],
                                         begin[s + 1] - begin[s], intro);
        m_has_training[s] = 1;
    }
}

bool Facts::in_school_year(Date d) const
{
    return m_repo.config.school_year.start <= d && d <= m_repo.config.school_year.end;
}

std::optional<std::size_t> Facts::first_visit(StudentId student) const
{
    if (!student || student.index() >= m_first.size() || m_first[student.index()] == k_none)
        return std::nullopt;
    return m_first[student.index()];
}

bool Facts::is_first_visit(std::size_t visit) const
{
    const auto f = first_visit(m_repo.visits[visit].student);
    return f && *f == visit;
}

std::optional<std::size_t> Facts::event_of(std::size_t visit) const
{
    if (visit >= m_event_of.size() || m_event_of[visit] == k_none)
        return std::nullopt;
    return m_event_of[visit];
}

const TrainingTimeline* Facts::training(StaffId staff) const
{
    if (!staff || staff.index() >= m_training.size() || !m_has_training[staff.index()])
        return nullptr;
    return &m_training[staff.index()];
}

std::optional<DayPart> Facts::day_part(const Visit& v) const
{
    if (!v.date || !v.start_time || !v.minutes)
        return std::nullopt;
    return m_calendar.classify(*v.date, *v.start_time, *v.minutes);
}

} // namespace pthv::model
