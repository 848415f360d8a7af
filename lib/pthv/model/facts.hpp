#pragma once
// Facts derived once from a loaded Repo and shared by rules, payroll and
// reports, so they can never disagree: first visits, visit events and each
// educator's training timeline.

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string_view>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <typeindex>
#include <string>
#include <unordered_map>
#include <vector>

#include <pthv/model/calendar.hpp>
#include <pthv/model/repo.hpp>

namespace pthv::model {

// Siblings seen together: completed visits with the same date, start_time
// and set of educators (data.md). Pay is per event.
struct VisitEvent {
    std::vector<std::size_t> visits; // indices into Repo::visits, in file order
    std::size_t first = 0;           // the visit whose id names the event (first in file order)
    int minutes = 0;                 // the longest among its rows
    std::vector<std::string> educators; // distinct, sorted
};

struct TrainingTimeline {
    std::vector<std::size_t> trainings; // indices into Repo::trainings, by date
    std::optional<Date> intro;          // earliest intro
    // The latest training dated on or before `d`; nullopt if none.
    std::optional<Date> latest_on_or_before(const Repo& repo, Date d) const;
    std::optional<Date> intro_on_or_before(const Repo& repo, Date d) const;
};

class Facts {
public:
    explicit Facts(const Repo& repo);

    const Repo& repo() const { return m_repo; }
    const SchoolCalendar& calendar() const { return m_calendar; }

    // Distinct, sorted educator ids of a visit.
    static std::vector<std::string> educator_set(const Visit& v);
    // A hash of `parts` and of the visit's educators as a set (each once,
    // in any order): rows are grouped by it, then compared within a group,
    // so no key is ever copied. `scratch` is working space kept by the caller.
    static std::uint64_t key_hash(std::initializer_list<std::uint64_t> parts, const Visit& v,
                                  std::vector<std::string_view>& scratch);

    bool in_school_year(Date d) const;
    // Completed visits in the school year, each student's earliest (by date,
    // start_time, visit_id), index into Repo::visits.
    std::optional<std::size_t> first_visit(const std::string& student_id) const;
    bool is_first_visit(std::size_t visit) const;
    const std::vector<VisitEvent>& events() const { return m_events; }
    // The event a completed visit belongs to, or nullopt.
    std::optional<std::size_t> event_of(std::size_t visit) const;
    const TrainingTimeline* training(const std::string& staff_id) const;
    // Completed visits in the school year whose window is known, wholly
    // outside the school day.
    std::optional<DayPart> day_part(const Visit& v) const;

    // What a higher layer derives from these facts and several readers
    // need (pay::visit_work: the over-cap rule, payroll and the report),
    // made once by `make` and kept, one value per type T. Safe from several
    // threads: the first caller makes it, the others wait for it.
    template <typename T, typename Make> const T& derived(Make&& make) const
    {
        const std::lock_guard<std::recursive_mutex> lock(m_derived_mutex);
        auto& slot = m_derived[std::type_index(typeid(T))];
        if (!slot)
            slot = std::make_shared<const T>(make());
        return *static_cast<const T*>(slot.get());
    }

private:
    void group_events();

    const Repo& m_repo;
    SchoolCalendar m_calendar;
    // Each student's first visit, by the student's index in Repo::students
    // (-1: none); students.csv does not know every visited student, so
    // the others' are kept by id.
    std::vector<std::ptrdiff_t> m_first;
    std::unordered_map<std::string, std::size_t> m_first_unlisted;
    std::vector<VisitEvent> m_events;
    std::vector<std::ptrdiff_t> m_event_of; // per visit, -1 if none
    std::unordered_map<std::string, TrainingTimeline> m_training;
    mutable std::recursive_mutex m_derived_mutex;
    mutable std::map<std::type_index, std::shared_ptr<const void>> m_derived;
};

} // namespace pthv::model
