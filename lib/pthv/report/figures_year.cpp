// The figures of the program year (docs/reports.md): second visits due,
// first and second visits by month, events (events.csv) and training
// sessions (sessions.csv). The two files are optional: without them their
// figures are absent, and the report is what it was.

#include <pthv/report/figures_detail.hpp>

#include <algorithm>
#include <iterator>
#include <tuple>

#include <pthv/model/student_visits.hpp>
#include <pthv/util/strings.hpp>

namespace pthv::report {

using model::SiteId;

namespace {

int month_index(model::Date d, model::Date from)
{
    return (d.year() * 12 + d.month()) - (from.year() * 12 + from.month());
}

bool in_period(const std::optional<model::Date>& d, const FigureOptions& o)
{
    return d && o.period.from <= *d && *d <= o.period.to;
}

// Students with exactly one completed visit in the period (the run of one
// entry) and a scheduled visit after it, per site slot and over the
// district, counted as students_visited counts them.
struct Scheduled {
    std::vector<std::int64_t> per_slot;
    std::int64_t all = 0;
};

Scheduled second_scheduled(const model::Facts& facts, const FigureOptions& o, const SiteScope& scope)
{
    const model::Repo& repo = facts.repo();
    const auto& latest = o.basis->latest;
    struct Entry {
        std::size_t slot;
        std::uint32_t student;
        std::size_t visit;
    };
    std::vector<Entry> entries;
    for (const std::size_t i : scope.visits(*o.basis)) {
        const model::Visit& v = repo.visits[i];
        const SiteId site = repo.visit_site(v);
        if (v.completed() && in_period(v.date, o))
            entries.push_back({site_slot(site), v.student.value(), i});
    }
    const auto scheduled_after = [&](const Entry& e) {
        const auto& l = e.student < latest.size() ? latest[e.student] : std::nullopt;
        return l && model::visit_before(repo, repo.visits[e.visit], repo.visits[*l]);
    };
    Scheduled out;
    out.per_slot.assign(repo.names.sites.size() + 1, 0);
    const auto count_runs = [&](auto same, auto add) {
        for (std::size_t b = 0, e = 0; b < entries.size(); b = e) {
            for (e = b + 1; e < entries.size() && same(entries[b], entries[e]);)
                ++e;
            if (e - b == 1 && scheduled_after(entries[b]))
                add(entries[b]);
        }
    };
    std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
        return std::tie(a.slot, a.student) < std::tie(b.slot, b.student);
    });
    count_runs([](const Entry& a, const Entry& b) { return a.slot == b.slot && a.student == b.student; },
               [&](const Entry& e) { ++out.per_slot[e.slot]; });
    std::stable_sort(entries.begin(), entries.end(),
                     [](const Entry& a, const Entry& b) { return a.student < b.student; });
    count_runs([](const Entry& a, const Entry& b) { return a.student == b.student; }, [&](const Entry&) { ++out.all; });
    return out;
}

void set_due(Summary& s, std::int64_t scheduled)
{
    s.second_visit_scheduled = exact(scheduled);
    s.second_visit_due =
        exact(s.students_visited.value - s.second_visit_students.value - s.second_visit_scheduled.value);
}

std::string site_label(const model::Repo& repo, SiteId site)
{
    return site ? std::string(repo.id(site)) : std::string();
}

} // namespace

// Per student handle: its latest scheduled visit of the school year (a row
// of Repo::visits), or none.
std::vector<std::optional<std::size_t>> latest_scheduled(const model::Facts& facts)
{
    const model::Repo& repo = facts.repo();
    std::vector<std::optional<std::size_t>> out(repo.names.students.size());
    for (std::size_t i = 0; i < repo.visits.size(); ++i) {
        const model::Visit& v = repo.visits[i];
        if (v.status != model::VisitStatus::Scheduled || !v.date || !facts.in_school_year(*v.date) || !v.student)
            continue;
        auto& latest = out[v.student.index()];
        if (!latest || model::visit_before(repo, repo.visits[*latest], v))
            latest = i;
    }
    return out;
}

void second_visit_figures(const model::Facts& facts, const FigureOptions& o, const SiteScope& scope, Figures& f)
{
    const model::Repo& repo = facts.repo();
    const Scheduled scheduled = second_scheduled(facts, o, scope);
    for (auto& s : f.sites)
        set_due(s, scheduled.per_slot[site_slot(repo.names.sites.find(s.site_id))]);
    set_due(f.total, scheduled.all);
}

void visit_order_figures(const model::Facts& facts, const FigureOptions& o, const SiteScope& scope, Figures& f)
{
    const model::Repo& repo = facts.repo();
    const int months = std::max(0, month_index(o.period.to, o.period.from) + 1);
    model::Date m = model::Date::from_ymd(o.period.from.year(), o.period.from.month(), 1).value_or(o.period.from);
    for (int i = 0; i < months; ++i, m = m.add_months(1))
        f.visit_order.push_back({m.str().substr(0, 7), Count{}, Count{}});
    for (const std::size_t i : scope.visits(*o.basis)) {
        const std::uint8_t order = o.basis->visit_order[i];
        const model::Visit& v = repo.visits[i];
        if (order == 0 || !in_period(v.date, o))
            continue;
        VisitOrderMonth& in = f.visit_order[static_cast<std::size_t>(month_index(*v.date, o.period.from))];
        ++(order == 1 ? in.first : in.second).value;
    }
}

void event_figures(const model::Repo& repo, const FigureOptions& o, const SiteScope& scope, Figures& f)
{
    EventFigures& ev = f.events;
    ev.present = repo.has_file("events.csv");
    if (!ev.present)
        return;
    constexpr std::size_t kinds = std::size(model::k_event_kinds);
    EventCounts all{"", o.site.empty() ? f.district : f.total.name, std::vector<Count>(kinds, Count{})};
    std::vector<EventCounts> per_site;
    for (const auto& s : f.sites)
        per_site.push_back({s.site_id, s.name, std::vector<Count>(kinds, Count{})});
    EventCounts district_wide{"-", "district-wide", std::vector<Count>(kinds, Count{})};
    for (const auto& e : repo.events) {
        if (!e.kind || !in_period(e.date, o) || (e.site ? !scope.covers(e.site) : !o.site.empty()))
            continue;
        const auto k = static_cast<std::size_t>(*e.kind);
        ++all.per_kind[k].value;
        const std::string_view id = repo.id(e.site);
        const auto it = std::find_if(per_site.begin(), per_site.end(),
                                     [&](const EventCounts& c) { return c.site_id == id; });
        if (!e.site)
            ++district_wide.per_kind[k].value;
        else if (it != per_site.end())
            ++it->per_kind[k].value;
        std::vector<std::string> staff;
        for (const model::StaffId s : repo.staff_of(e))
            staff.emplace_back(repo.id(s));
        std::optional<Count> attendees;
        if (e.attendees)
            attendees = Count{*e.attendees, o.is_public && *e.attendees < repo.config.min_cell ? Shown::Below
                                                                                              : Shown::Exact};
        ev.events.push_back({*e.date, std::string(repo.id(e.id)), site_label(repo, e.site),
                             std::string(model::enum_name(*e.kind)), std::string(e.title), attendees,
                             o.is_public ? std::string() : util::join(staff, ";")});
    }
    ev.counts.push_back(std::move(all));
    for (auto& c : per_site)
        ev.counts.push_back(std::move(c));
    if (o.site.empty())
        ev.counts.push_back(std::move(district_wide));
    std::stable_sort(ev.events.begin(), ev.events.end(),
                     [](const EventRow& a, const EventRow& b) { return a.date < b.date; });
}

void session_figures(const model::Facts& facts, const FigureOptions& o, Figures& f)
{
    const model::Repo& repo = facts.repo();
    SessionFigures& sf = f.sessions;
    sf.present = repo.has_file("sessions.csv");
    if (!sf.present)
        return;
    const std::vector<int> attended = model::session_attendance(repo);
    const SiteId only = o.site.empty() ? SiteId{} : repo.names.sites.find(o.site);
    sf.held = Count{};
    sf.planned = Count{};
    for (std::size_t i = 0; i < repo.sessions.size(); ++i) {
        const model::TrainingSession& s = repo.sessions[i];
        // A site's report shows its own sessions and the district's.
        if (!s.date || !s.kind || !facts.in_school_year(*s.date) || (!o.site.empty() && s.site && s.site != only))
            continue;
        const bool held = model::session_held(s, repo.as_of);
        ++(held ? sf.held : sf.planned).value;
        sf.sessions.push_back({std::string(repo.id(s.id)), *s.date, std::string(model::enum_name(*s.kind)),
                               site_label(repo, s.site), o.is_public ? std::string() : std::string(s.trainer), held,
                               exact(attended[i]), s.capacity});
    }
    std::stable_sort(sf.sessions.begin(), sf.sessions.end(),
                     [](const SessionRow& a, const SessionRow& b) { return a.date < b.date; });
}

} // namespace pthv::report
