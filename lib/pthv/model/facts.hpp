#pragma once
// Facts derived once from a loaded Repo and shared by rules, payroll and
// reports, so they can never disagree: each visit's educators as a set,
// first visits, visit events and each educator's training timeline. All of
// it is indexed by handle or row; nothing here hashes text.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include <pthv/model/calendar.hpp>
#include <pthv/model/repo.hpp>

namespace pthv::model {

// Siblings seen together: completed visits with the same date, start_time
// and set of educators (docs/data.md). Pay is per event.
struct VisitEvent {
    std::size_t first = 0; // the visit whose id names the event (first in file order)
    int minutes = 0;       // the longest among its rows
    std::uint32_t visits_begin = 0, visits_count = 0; // in Facts' flat list, in file order
    std::uint32_t payees_begin = 0, payees_count = 0; // in Facts' flat list of payees
    std::optional<Date> confirmed_on; // the earliest confirmed_on among its rows
};

// One educator's trainings, by date.
class TrainingTimeline {
public:
    TrainingTimeline() = default;
    TrainingTimeline(const std::uint32_t* rows, const Date* dates, std::size_t count, std::optional<Date> intro)
        : m_rows(rows), m_dates(dates), m_count(count), m_intro(intro)
    {
    }
    // Indices into Repo::trainings of the dated trainings, by date.
    Span<std::uint32_t> trainings() const { return {m_rows, m_count}; }
    // The earliest intro.
    const std::optional<Date>& intro() const { return m_intro; }
    // The latest training dated on or before `d`; nullopt if none.
    std::optional<Date> latest_on_or_before(Date d) const;
    // The earliest intro, if it is dated on or before `d`.
    std::optional<Date> intro_on_or_before(Date d) const
    {
        return m_intro && *m_intro <= d ? m_intro : std::nullopt;
    }

private:
    const std::uint32_t* m_rows = nullptr;
    const Date* m_dates = nullptr;
    std::size_t m_count = 0;
    std::optional<Date> m_intro;
};

class Facts {
public:
    explicit Facts(const Repo& repo);
    Facts(const Facts&) = delete;
    Facts& operator=(const Facts&) = delete;

    const Repo& repo() const { return m_repo; }
    const SchoolCalendar& calendar() const { return m_calendar; }

    // The educators of visit row `visit`, each once, sorted by handle.
    Span<StaffId> educators(std::size_t visit) const
    {
        return {m_sets.data() + m_set_begin[visit], m_set_begin[visit + 1] - m_set_begin[visit]};
    }

    bool in_school_year(Date d) const;
    // Completed visits in the school year, each student's earliest (by date,
    // start_time, visit_id), index into Repo::visits.
    std::optional<std::size_t> first_visit(StudentId student) const;
    bool is_first_visit(std::size_t visit) const;
    const std::vector<VisitEvent>& events() const { return m_events; }
    // The rows of an event, in file order.
    Span<std::uint32_t> event_visits(const VisitEvent& e) const
    {
        return {m_event_visits.data() + e.visits_begin, e.visits_count};
    }
    // The educators of an event (those of its first row).
    Span<StaffId> event_educators(const VisitEvent& e) const { return educators(e.first); }
    // Who is paid for an event: its educators and the staff interpreters of
    // its rows, each once, sorted by handle (docs/data.md, interpreters).
    Span<StaffId> event_payees(const VisitEvent& e) const
    {
        return {m_event_payees.data() + e.payees_begin, e.payees_count};
    }
    // Who a visit row pays: its educators and its staff interpreter, each
    // once, sorted by handle.
    std::vector<StaffId> visit_payees(std::size_t visit) const;
    // The distinct people on a visit: its educators, and its interpreter
    // unless the interpreter is one of them (CP5-pair).
    std::size_t people(std::size_t visit) const;
    // The event a completed visit belongs to, or nullopt.
    std::optional<std::size_t> event_of(std::size_t visit) const;
    // nullptr when the staff member has no dated training.
    const TrainingTimeline* training(StaffId staff) const;
    // Completed visits in the school year whose window is known, wholly
    // outside the school day.
    std::optional<DayPart> day_part(const Visit& v) const;

private:
    void make_sets();
    void find_first_visits();
    void group_events();
    void make_timelines();
    void gather_event_payees();

    const Repo& m_repo;
    SchoolCalendar m_calendar;
    std::vector<std::uint32_t> m_set_begin; // per visit row, into m_sets; one more at the end
    std::vector<StaffId> m_sets;
    std::vector<std::uint32_t> m_first; // per student handle: first visit row, or k_none
    std::vector<VisitEvent> m_events;
    std::vector<std::uint32_t> m_event_visits;
    std::vector<std::uint32_t> m_event_of; // per visit row, k_none if none
    std::vector<StaffId> m_event_payees;
    std::vector<std::uint32_t> m_training_rows;
    std::vector<Date> m_training_dates;
    std::vector<TrainingTimeline> m_training; // per staff handle
    std::vector<char> m_has_training;
};

} // namespace pthv::model
