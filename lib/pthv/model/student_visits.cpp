#include <pthv/model/student_visits.hpp>

#include <algorithm>
#include <tuple>

#include <pthv/model/money.hpp>
#include <pthv/util/strings.hpp>

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

// ---- The roster's and the event list's tables.

namespace {

std::string listing_date(const std::optional<Date>& d) { return d ? d->str() : std::string{}; }

// An optional enum (std::optional or util::CompactOptional), by name.
template <typename OptionalEnum> std::string listing_enum(const OptionalEnum& e)
{
    return e ? std::string(enum_name(*e)) : std::string{};
}

std::string listing_visit_date(const Repo& repo, const std::optional<std::size_t>& visit)
{
    return visit ? listing_date(repo.visits[*visit].date) : std::string{};
}

// Indexes of `records` kept by `keep`, stably ordered by their date (none first).
template <typename R, typename Keep> std::vector<std::size_t> by_date(const std::vector<R>& records, Keep keep)
{
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < records.size(); ++i)
        if (keep(records[i]))
            order.push_back(i);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return records[a].date.value_or(Date{}) < records[b].date.value_or(Date{});
    });
    return order;
}

} // namespace

StaffListing staff_listing(const Repo& repo, const Facts& facts, std::optional<SiteId> site,
                           std::optional<TrainingStatus> status)
{
    StaffListing l;
    l.header = {"ID",    "NAME",   "SITE",       "ROLE",   "CLASS",         "OPTED IN",
                "ACTIVE", "TRAINED ON", "LATEST", "REFRESHER DUE", "STATUS", "VISITS"};
    l.keys = {"staff_id", "name",           "site_id",         "role",          "class",  "opted_in",
              "active",   "intro_training", "latest_training", "refresher_due", "status", "completed_visits"};
    const auto visits = staff_visit_counts(repo, facts);
    for (const auto& s : repo.staff) {
        if (site && s.site != *site)
            continue;
        const auto t = training_status(repo, facts, s.id, repo.as_of);
        if (status && t.status != *status)
            continue;
        l.rows.push_back({std::string(repo.id(s.id)), std::string(s.name), std::string(repo.id(s.site)),
                          std::string(s.role), listing_enum(s.staff_class),
                          s.opted_in ? (*s.opted_in ? "yes" : "no") : "", s.active ? "yes" : "no",
                          listing_date(t.intro), listing_date(t.latest), listing_date(t.refresher_due),
                          std::string(training_status_name(t.status)),
                          std::to_string(s.id ? visits[s.id.index()] : 0)});
        l.current += t.status == TrainingStatus::Current ? 1U : 0U;
        l.due_soon += t.status == TrainingStatus::DueSoon ? 1U : 0U;
        l.expired += t.status == TrainingStatus::Expired ? 1U : 0U;
        l.untrained += t.status == TrainingStatus::Untrained ? 1U : 0U;
    }
    return l;
}

StudentListing student_listing(const Repo& repo, const Facts& facts, const StudentFilter& f)
{
    StudentListing l;
    l.header = {"ID",          "NAME",           "SITE",     "GRADE", "HOMEROOM", "FIRST VISIT",
                "SECOND VISIT", "NEXT SCHEDULED", "DECLINED", "VISITS"};
    l.keys = {"student_id",  "name",           "site_id",  "grade", "homeroom_id", "first_visit",
              "second_visit", "next_scheduled", "declined", "completed_visits"};
    const auto progress = student_visits(repo, facts, repo.as_of);
    for (std::size_t i = 0; i < repo.students.size(); ++i) {
        const auto& s = repo.students[i];
        const auto& p = progress[i];
        if ((f.site && s.site != *f.site) || (f.homeroom && s.homeroom != *f.homeroom))
            continue;
        if ((f.unvisited && !p.awaiting()) || (f.declined && !p.declined) || (f.second_due && !p.second_due()))
            continue;
        l.visited += p.first ? 1U : 0U;
        l.second += p.second ? 1U : 0U;
        l.awaiting += p.awaiting() ? 1U : 0U;
        l.declined += p.declined ? 1U : 0U;
        l.rows.push_back({std::string(repo.id(s.id)), std::string(s.name), std::string(repo.id(s.site)),
                          std::string(s.grade), std::string(repo.id(s.homeroom)),
                          listing_visit_date(repo, p.first), listing_visit_date(repo, p.second),
                          listing_visit_date(repo, p.next_scheduled), listing_visit_date(repo, p.declined),
                          std::to_string(p.completed)});
    }
    return l;
}

Listing student_visit_listing(const Repo& repo, StudentId student, bool notes)
{
    Listing l{{"DATE", "TIME", "MINUTES", "STATUS", "EDUCATORS", "FOCUS", "MODE", "VISIT"},
              {"date", "start_time", "minutes", "status", "educators", "focus", "mode", "visit_id"},
              {}};
    // Notes are private (docs/data.md): shown only when asked for.
    if (notes) {
        l.header.emplace_back("NOTES");
        l.keys.emplace_back("notes");
    }
    for (const std::size_t i : visits_of_student(repo, student)) {
        const auto& v = repo.visits[i];
        std::vector<std::string> educators;
        for (const StaffId e : repo.educators(v))
            educators.emplace_back(repo.id(e));
        std::vector<std::string> row = {listing_date(v.date), v.start_time ? v.start_time->str() : "",
                                        v.minutes ? std::to_string(*v.minutes) : "", listing_enum(v.status),
                                        util::join(educators, ";"), listing_enum(v.focus), listing_enum(v.mode),
                                        std::string(repo.id(v.id))};
        if (notes)
            row.emplace_back(v.notes);
        l.rows.push_back(std::move(row));
    }
    return l;
}

Listing session_listing(const Repo& repo, std::optional<SiteId> site)
{
    Listing l{{"SESSION", "DATE", "KIND", "SITE", "TRAINER", "HOURS", "CAPACITY", "ATTENDED", "SEATS LEFT", "STATUS",
               "LOCATION"},
              {"session_id", "date", "kind", "site_id", "trainer", "hours", "capacity", "attended", "seats_left",
               "status", "location"},
              {}};
    const std::vector<int> attended = session_attendance(repo);
    for (const std::size_t i :
         by_date(repo.sessions, [&](const TrainingSession& s) { return !site || s.site == *site; })) {
        const TrainingSession& s = repo.sessions[i];
        l.rows.push_back({std::string(repo.id(s.id)), listing_date(s.date), listing_enum(s.kind),
                          s.site ? std::string(repo.id(s.site)) : "district", std::string(s.trainer),
                          s.hours_x100 ? format_hundredths(*s.hours_x100) : "",
                          s.capacity ? std::to_string(*s.capacity) : "", std::to_string(attended[i]),
                          s.capacity ? std::to_string(std::max(0, *s.capacity - attended[i])) : "",
                          session_held(s, repo.as_of) ? "held" : "planned", std::string(s.location)});
    }
    return l;
}

Listing event_listing(const Repo& repo, std::optional<SiteId> site)
{
    Listing l{{"EVENT", "DATE", "SITE", "KIND", "TITLE", "ATTENDEES", "STAFF"},
              {"event_id", "date", "site_id", "kind", "title", "attendees", "staff_ids"},
              {}};
    for (const std::size_t i : by_date(repo.events, [&](const Event& e) { return !site || e.site == *site; })) {
        const Event& e = repo.events[i];
        std::vector<std::string> staff;
        for (const StaffId s : repo.staff_of(e))
            staff.emplace_back(repo.id(s));
        l.rows.push_back({std::string(repo.id(e.id)), listing_date(e.date),
                          e.site ? std::string(repo.id(e.site)) : "district", listing_enum(e.kind),
                          std::string(e.title), e.attendees ? std::to_string(*e.attendees) : "",
                          util::join(staff, ";")});
    }
    return l;
}

} // namespace pthv::model
