#pragma once
// The loaded data repo: immutable records, each knowing the physical line it
// came from. A cell that failed to parse (already reported by the loader) is
// left empty (std::nullopt), so rules check only what is known.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <pthv/model/config.hpp>
#include <pthv/model/date.hpp>
#include <pthv/model/enums.hpp>
#include <pthv/model/money.hpp>

namespace pthv::model {

struct Site {
    std::string id;
    std::string name;
    std::optional<SiteLevel> level;
    std::optional<SiteStatus> status;
    std::string coordinator_id;
    std::optional<int> visit_goal;
    std::size_t line = 0;
};

struct Staff {
    std::string id;
    std::string name;
    std::string site_id;
    std::string role;
    std::optional<StaffClass> staff_class;
    std::optional<bool> opted_in;
    std::optional<Money> hourly_rate;
    bool active = true;
    std::size_t line = 0;
};

struct Student {
    std::string id;
    std::string site_id;
    std::string grade;
    std::string homeroom_id;
    std::string name;
    std::string family_id; // empty: a family of one
    std::size_t line = 0;

    const std::string& family() const { return family_id.empty() ? id : family_id; }
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
    std::string staff_id;
    std::optional<Date> date;
    std::optional<TrainingKind> kind;
    std::optional<std::int64_t> hours_x100; // hundredths of an hour
    std::string session;
    std::size_t line = 0;
};

struct Visit {
    std::string id;
    std::string student_id;
    std::string site_id; // as written; empty: the student's site
    std::optional<Date> date;
    std::optional<TimeOfDay> start_time;
    std::optional<int> minutes;
    std::vector<std::string> educators;
    std::optional<VisitStatus> status;
    std::optional<Date> arranged_on;
    std::optional<Focus> focus;
    std::optional<Mode> mode;
    std::optional<Date> reflected_on;
    std::string language;
    std::string notes;
    std::size_t line = 0;

    bool completed() const { return status == VisitStatus::Completed; }
};

// One line of a closed payroll/YYYY-MM.csv.
struct LedgerLine {
    std::string file; // "payroll/2026-09.csv"
    std::string period;
    std::string staff_id;
    std::string item; // visit | training
    std::string item_id;
    std::optional<Date> date;
    std::optional<int> minutes;
    std::optional<std::int64_t> hours_x100;
    std::optional<Money> rate;
    std::optional<Money> amount;
    std::string site_id;
    std::string source;
    std::size_t line = 0;
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

// What the loader learned about one CSV file, for writers that must keep
// its style and for messages.
struct FileInfo {
    std::string name;   // relative path, e.g. "visits.csv"
    bool exists = false;
    bool readable = false; // header understood
    bool crlf = false;
    std::vector<std::string> header;
};

struct Repo {
    std::filesystem::path root;
    bool config_ok = false;
    Config config;
    Date as_of;

    std::vector<Site> sites;
    std::vector<Staff> staff;
    std::vector<Student> students;
    std::vector<Training> trainings;
    std::vector<Visit> visits;
    std::vector<LedgerLine> ledger;
    std::vector<Review> reviews; // reviews.csv, optional
    std::vector<std::string> flag_names; // "flag_attendance", ... in column order

    std::unordered_map<std::string, std::size_t> site_index;
    std::unordered_map<std::string, std::size_t> staff_index;
    std::unordered_map<std::string, std::size_t> student_index;
    std::unordered_map<std::string, std::size_t> visit_index;

    std::unordered_map<std::string, FileInfo> files; // by name

    const Site* find_site(const std::string& id) const;
    const Staff* find_staff(const std::string& id) const;
    const Student* find_student(const std::string& id) const;
    const Visit* find_visit(const std::string& id) const;

    // The visit's site: its own site_id, else the student's; empty if
    // neither is known. A reference into the repo.
    const std::string& visit_site(const Visit& v) const;
};

} // namespace pthv::model
