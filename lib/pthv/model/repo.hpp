#pragma once
// The loaded data repo: immutable records, each knowing the physical line it
// came from. A cell that failed to parse (already reported by the loader) is
// left empty (std::nullopt), so rules check only what is known.
//
// Records hold handles, never id text: every id was hashed once, while
// loading, into a dense handle (Names), and every reference resolved to one.
// Free text (names, notes) is a view into the repo's arena; a visit's
// educators are a run of one flat array.

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <pthv/model/config.hpp>
#include <pthv/model/date.hpp>
#include <pthv/model/enums.hpp>
#include <pthv/model/ids.hpp>
#include <pthv/model/money.hpp>
#include <pthv/model/names.hpp>
#include <pthv/model/subgroups.hpp>
#include <pthv/util/arena.hpp>
#include <pthv/util/compact_optional.hpp>

namespace pthv::model {

struct Site {
    SiteId id;
    std::string_view name;
    std::optional<SiteLevel> level;
    std::optional<SiteStatus> status;
    StaffId coordinator;
    std::optional<int> visit_goal;
    std::uint32_t line = 0;
};

struct Staff {
    StaffId id;
    SiteId site;
    std::string_view name;
    std::string_view role;
    std::optional<StaffClass> staff_class;
    std::optional<bool> opted_in;
    bool active = true;
    std::optional<Money> hourly_rate;
    std::string_view email; // empty when missing or not an address (value-invalid)
    std::uint32_t line = 0;
};

// Its fields ordered so that none is padded: 88 bytes (a million of them
// in a state's repo).
struct Student {
    StudentId id;
    SiteId site;
    StaffId homeroom;
    FamilyId family; // the family_id, or (none given) a family of one named by the student's id
    std::uint32_t line = 0;
    bool family_given = false; // family_id was written
    std::string_view grade;
    std::string_view name;

    // Flag f of Repo::flag_names: 1 yes, 0 no, -1 unknown.
    int flag(std::size_t f) const { return f < m_flags.size() ? m_flags[f] - 1 : -1; }
    void set_flag(std::size_t f, int value)
    {
        if (m_flags.size() <= f)
            m_flags.resize(f + 1, '\0');
        m_flags[f] = static_cast<char>(value + 1);
    }

private:
    // One byte per flag, value + 1. A string, not a vector: a handful of
    // flags fit inside it, so a million students cost no million small
    // allocations.
    std::string m_flags;
};

struct Training {
    StaffId staff;
    std::optional<Date> date;
    std::optional<TrainingKind> kind;
    std::optional<std::int64_t> hours_x100; // hundredths of an hour
    std::string_view session;
    SessionId session_id; // the session cell as a session of sessions.csv; none without that file
    std::uint32_t line = 0;
};

// One line of events.csv (optional): a program event at a school, or
// district-wide (no site).
struct Event {
    EventId id;
    std::optional<Date> date;
    SiteId site;
    std::optional<EventKind> kind;
    std::string_view title;
    std::optional<int> attendees;
    std::uint32_t staff_begin = 0; // in Repo::event_staff
    std::uint32_t staff_count = 0;
    std::string_view notes; // private
    std::uint32_t line = 0;
};

// One line of sessions.csv (optional): a training session, planned or held.
struct TrainingSession {
    SessionId id;
    std::optional<Date> date;
    std::optional<TrainingKind> kind;
    SiteId site;
    std::string_view trainer;
    std::optional<int> capacity;
    std::optional<std::int64_t> hours_x100;
    std::string_view location;
    std::uint32_t line = 0;
};

// One line of surveys.csv (optional): a family's answers to the survey.
// Its answers are a row of Repo::survey_answers.
struct SurveyResponse {
    ResponseId id;
    std::optional<Date> date;
    SiteId site;
    StudentId student; // none when the survey was anonymous
    std::uint32_t line = 0;
};

// Its fields are ordered by size, largest first, so that none is padded,
// and its optional cells keep "none" in a value they never take
// (util::CompactOptional): 96 bytes, where std::optional and this order
// took 144, for the 815,000 visit rows of a state's repo.
struct Visit {
    std::string_view language;
    std::string_view notes;
    VisitId id;
    StudentId student;
    SiteId site; // as written; none: the student's site
    util::CompactOptional<Date> date;
    util::CompactOptional<int> minutes;
    std::uint32_t educators_begin = 0; // in Repo::educator_list, as written
    std::uint32_t educators_count = 0;
    util::CompactOptional<Date> arranged_on;
    util::CompactOptional<Date> reflected_on;
    // interpreter: a staff id (on the roster, or shaped like one: see
    // is_staff_id_shaped), else an outside interpreter named in free text.
    StaffId interpreter;
    util::CompactOptional<Date> confirmed_on;
    StaffId confirmed_by;
    util::CompactOptional<Date> logged_on; // the day the row was recorded
    std::uint32_t line = 0;
    util::CompactOptional<TimeOfDay> start_time;
    util::CompactOptional<VisitStatus> status;
    util::CompactOptional<Focus> focus;
    util::CompactOptional<Mode> mode;
    util::CompactOptional<CancelledBy> cancelled_by;
    bool outside_interpreter = false;

    bool completed() const { return status == VisitStatus::Completed; }
    bool interpreted() const { return interpreter || outside_interpreter; }
};

// One line of a closed payroll/YYYY-MM.csv.
struct LedgerLine {
    std::string_view file; // "payroll/2026-09.csv"
    std::string_view period;
    StaffId staff;
    std::optional<ItemKind> item;
    std::string_view item_id; // as written
    VisitId visit;            // item_id as a visit id, for visit items
    std::optional<Date> date;
    std::optional<int> minutes;
    std::optional<std::int64_t> hours_x100;
    std::optional<Money> rate;
    std::optional<Money> amount;
    SiteId site;
    std::string_view source;
    std::uint32_t line = 0;
};

// One line of reviews.csv: a finding (rule, record) the coordinator has seen
// and decided to let stand, with why.
struct Review {
    std::string rule;
    std::string record;
    std::optional<Date> reviewed_on;
    std::string by;
    std::string note;
    std::size_t line = 0;
};

// One line of removed_visits.csv: a visit `log-visit --remove` took out of
// visits.csv. Its id is kept as text, not as a visit handle: it names a
// visit that should not be there (removed-visit-present).
struct RemovedVisit {
    std::string_view visit_id;
    std::optional<Date> removed_on;
    std::string_view reason;
    std::uint32_t line = 0;
};

// What the loader learned about one CSV file, for writers that must keep
// its style and for messages.
struct FileInfo {
    std::string name;   // relative path, e.g. "visits.csv"
    bool exists = false;
    bool readable = false; // header understood
    // Every line read as a record and its key column there: what the file
    // defines is all there, so a reference to an id it lacks names nothing
    // (unknown-ref); otherwise such checks are held back.
    bool complete = false;
    bool crlf = false;
    std::vector<std::string> header;
    // Set when a load scoped to a change (io::Scope) kept only some rows of
    // the file: `scoped_rows` is each kept row's line and where it begins in
    // the file's text, so a check of the change reads those rows again
    // rather than the file (record::check_change).
    bool scoped = false;
    std::vector<std::pair<std::size_t, std::size_t>> scoped_rows;
};

// Text shaped like a staff id: letters followed by digits and nothing else
// (T099, S7). A visit's interpreter so shaped is read as a staff id, and is
// unknown-ref when no roster row has it; other text names an outside
// interpreter.
bool is_staff_id_shaped(std::string_view text);

// One of visits.csv's optional whole-number columns, kept by its schema
// alone: the loader reads every integer column of the visits schema that is
// neither required nor required when another column has a value (io/loader.cpp),
// so such a column needs only its schema and the code that uses it.
struct VisitNumbers {
    static constexpr std::int32_t k_none = INT32_MIN;
    std::string name;                 // "travel_minutes"
    std::vector<std::int32_t> values; // by visit row; shorter (even empty) where no later visit gives one

    // Visit `row`'s value; k_none when it gives none (an empty cell, or one
    // that is not a number in range, which validate reports).
    std::int32_t at(std::size_t row) const { return row < values.size() ? values[row] : k_none; }
};

struct Repo {
    std::filesystem::path root;
    bool config_ok = false;
    Config config;
    Date as_of;

    Names names;      // every id and its text
    util::Arena text; // what the records' text views point into

    std::vector<Site> sites;
    std::vector<Staff> staff;
    std::vector<Student> students;
    std::vector<Training> trainings;
    std::vector<Visit> visits;
    std::vector<StaffId> educator_list; // every visit's educators, one run each
    std::vector<VisitNumbers> visit_numbers; // in the schema's order
    std::vector<LedgerLine> ledger;
    std::vector<Review> reviews; // reviews.csv, optional
    std::vector<Event> events;     // events.csv, optional
    std::vector<StaffId> event_staff; // every event's staff_ids, one run each
    std::vector<TrainingSession> sessions; // sessions.csv, optional
    std::vector<SurveyResponse> surveys;   // surveys.csv, optional
    std::vector<RemovedVisit> removed_visits; // removed_visits.csv, optional
    std::vector<std::string> survey_questions; // its q_<name> columns, as "<name>", in column order
    // Row i's answer to question q at [i * survey_questions.size() + q]: 1..5,
    // or 0 for a question skipped (or an answer that is not 1..5).
    std::vector<std::uint8_t> survey_answers;
    std::vector<std::string> flag_names; // "flag_attendance", ... in column order
    // reports.subgroups: each student's value, by row of `students`
    // (students.csv's columns, and a --subgroups file merged in).
    Subgroups subgroups;

    std::map<std::string, FileInfo> files; // by name

    // The record defining an id (the first row of duplicates), or nullptr
    // for an id only referenced, or no id.
    const Site* find(SiteId id) const { return row_of(names.sites.row(id), sites); }
    const Staff* find(StaffId id) const { return row_of(names.staff.row(id), staff); }
    const Student* find(StudentId id) const { return row_of(names.students.row(id), students); }
    const Visit* find(VisitId id) const { return row_of(names.visits.row(id), visits); }
    // The column `name` of visit_numbers; nullptr when the schema has none so named.
    const VisitNumbers* visit_numbers_of(std::string_view name) const
    {
        for (const auto& n : visit_numbers)
            if (n.name == name)
                return &n;
        return nullptr;
    }
    const TrainingSession* find(SessionId id) const { return row_of(names.sessions.row(id), sessions); }
    // The row index of the record defining an id, if any.
    std::optional<std::size_t> row(VisitId id) const;
    std::optional<std::size_t> row(StudentId id) const;

    // An id's text ("" for no id).
    std::string_view id(SiteId h) const { return names.sites.text(h); }
    std::string_view id(StaffId h) const { return names.staff.text(h); }
    std::string_view id(StudentId h) const { return names.students.text(h); }
    std::string_view id(FamilyId h) const { return names.families.text(h); }
    std::string_view id(VisitId h) const { return names.visits.text(h); }
    std::string_view id(EventId h) const { return names.events.text(h); }
    std::string_view id(SessionId h) const { return names.sessions.text(h); }
    std::string_view id(ResponseId h) const { return names.responses.text(h); }
    // Whether an optional file was there to read.
    bool has_file(const std::string& name) const
    {
        const auto it = files.find(name);
        return it != files.end() && it->second.exists;
    }

    // A visit's educators as written (a name given twice is there twice).
    Span<StaffId> educators(const Visit& v) const
    {
        return {educator_list.data() + v.educators_begin, v.educators_count};
    }
    Span<StaffId> staff_of(const Event& e) const { return {event_staff.data() + e.staff_begin, e.staff_count}; }
    // Its educators each once, sorted by handle, into `out`.
    void educator_set(const Visit& v, std::vector<StaffId>& out) const;
    std::vector<StaffId> educator_set(const Visit& v) const;

    // The visit's site: its own site, else the student's; none if neither
    // is known.
    SiteId visit_site(const Visit& v) const;

private:
    template <typename T> static const T* row_of(std::uint32_t row, const std::vector<T>& rows)
    {
        return row < rows.size() ? &rows[row] : nullptr;
    }
};

// Per row of Repo::sessions: how many trainings.csv rows name it.
std::vector<int> session_attendance(const Repo& repo);
// A session dated on or before `as_of` is held, a later one planned.
inline bool session_held(const TrainingSession& s, Date as_of) { return s.date && *s.date <= as_of; }

} // namespace pthv::model
