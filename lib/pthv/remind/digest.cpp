// What each person has due (docs/remind.md). A visit belongs to a site's
// part only when it is at the site and its student is the site's: a
// coordinator's part never names another school's student.

#include <pthv/remind/digest.hpp>

#include <algorithm>

#include <pthv/model/student_visits.hpp>

namespace pthv::remind {

using namespace pthv::model;

namespace {

// Everything the items are decided from, computed once for all digests.
struct DueContext {
    const Repo& repo;
    const Facts& facts;
    const Problems& findings;
    Date as_of;
    Date last; // as_of + days
    std::vector<StudentVisits> progress;
    std::vector<StaffTraining> training; // per row of Repo::staff
};

bool upcoming(const DueContext& c, const Visit& v)
{
    return v.status == VisitStatus::Scheduled && v.date && *v.date >= c.as_of && *v.date <= c.last;
}

bool to_reflect(const DueContext& c, const Visit& v)
{
    return v.completed() && v.date && !v.reflected_on && c.as_of > reflection_due(c.repo, v);
}

bool to_confirm(const DueContext& c, const Visit& v)
{
    return c.repo.config.compensation.require_confirmation && v.completed() && !v.confirmed_on;
}

bool training_due(const StaffTraining& t)
{
    return t.status == TrainingStatus::DueSoon || t.status == TrainingStatus::Expired;
}

// An intro session serves the untrained; any session refreshes a training
// that is due (the latest training of either kind counts, CP2-refresher).
bool needs(const StaffTraining& t, const TrainingSession& s)
{
    if (t.status == TrainingStatus::Untrained)
        return s.kind == TrainingKind::Intro;
    return training_due(t);
}

bool session_coming(const DueContext& c, const TrainingSession& s)
{
    return s.date && !session_held(s, c.as_of) && *s.date <= c.last;
}

bool serves_site(const TrainingSession& s, SiteId site) { return !s.site || s.site == site; }

bool visits_with(const Repo& repo, const Visit& v, StaffId person)
{
    for (const StaffId e : repo.educators(v))
        if (e == person)
            return true;
    return false;
}

// A visit of the site's part: at the site, of one of its students.
bool of_site(const Repo& repo, const Visit& v, SiteId site)
{
    const Student* s = repo.find(v.student);
    return s && s->site == site && repo.visit_site(v) == site;
}

bool educator_eligible(const Staff& s) { return s.active && s.opted_in.value_or(false); }

void visit_items(const DueContext& c, std::size_t i, bool upcoming_ok, bool mine, std::vector<Item>& out)
{
    const Visit& v = c.repo.visits[i];
    if (upcoming_ok && upcoming(c, v))
        out.push_back({ItemKind::Upcoming, i, {}, {}, {}, {}, {}, nullptr, {}});
    if (mine && to_reflect(c, v))
        out.push_back({ItemKind::Reflect, i, {}, {}, {}, {}, {}, nullptr, reflection_due(c.repo, v)});
    if (mine && to_confirm(c, v))
        out.push_back({ItemKind::Confirm, i, {}, {}, {}, {}, {}, nullptr, {}});
}

void second_visit_item(const DueContext& c, std::size_t s, std::vector<Item>& out)
{
    const auto& p = c.progress[s];
    if (!p.second_due())
        return;
    const Date first = p.first ? c.repo.visits[*p.first].date.value_or(Date{}) : Date{};
    out.push_back({ItemKind::SecondVisit, {}, s, {}, {}, {}, {}, nullptr, first});
}

std::vector<Item> educator_items(const DueContext& c, std::size_t row)
{
    const Repo& repo = c.repo;
    const Staff& me = repo.staff[row];
    std::vector<Item> out;
    for (std::size_t i = 0; i < repo.visits.size(); ++i) {
        const Visit& v = repo.visits[i];
        const bool mine = visits_with(repo, v, me.id);
        visit_items(c, i, mine || v.interpreter == me.id, mine, out);
    }
    for (std::size_t s = 0; s < repo.students.size(); ++s)
        if (repo.students[s].homeroom == me.id)
            second_visit_item(c, s, out);
    const StaffTraining& t = c.training[row];
    if (training_due(t))
        out.push_back({ItemKind::Training, {}, {}, me.id, t, {}, {}, nullptr, {}});
    for (std::size_t s = 0; s < repo.sessions.size(); ++s) {
        const TrainingSession& session = repo.sessions[s];
        if (session_coming(c, session) && serves_site(session, me.site) && needs(t, session))
            out.push_back({ItemKind::Session, {}, {}, me.id, t, s, {}, nullptr, {}});
    }
    return out;
}

// The site a finding is about, by the record it names: a visit, a staff
// member, a student, or the site itself.
bool finding_of_site(const Repo& repo, const Problem& p, SiteId site)
{
    if (const auto v = repo.row(repo.names.visits.find(p.record)))
        return of_site(repo, repo.visits[*v], site);
    if (const Staff* s = repo.find(repo.names.staff.find(p.record)))
        return s->site == site;
    if (const Student* s = repo.find(repo.names.students.find(p.record)))
        return s->site == site;
    return p.record == repo.id(site);
}

// A CP5-reflection finding on a visit with no reflected_on is the Reflect
// item once its window has passed, and needs nobody before.
bool reflection_item(const Repo& repo, const Problem& p)
{
    if (p.rule != "CP5-reflection")
        return false;
    const auto v = repo.row(repo.names.visits.find(p.record));
    return v && !repo.visits[*v].reflected_on;
}

std::vector<Item> site_items(const DueContext& c, const Site& site)
{
    const Repo& repo = c.repo;
    std::vector<Item> out;
    for (std::size_t i = 0; i < repo.visits.size(); ++i)
        if (of_site(repo, repo.visits[i], site.id))
            visit_items(c, i, true, true, out);
    for (std::size_t s = 0; s < repo.students.size(); ++s)
        if (repo.students[s].site == site.id)
            second_visit_item(c, s, out);
    for (std::size_t r = 0; r < repo.staff.size(); ++r) {
        const Staff& s = repo.staff[r];
        if (s.site == site.id && educator_eligible(s) && training_due(c.training[r]))
            out.push_back({ItemKind::Training, {}, {}, s.id, c.training[r], {}, {}, nullptr, {}});
    }
    for (std::size_t k = 0; k < repo.sessions.size(); ++k) {
        const TrainingSession& session = repo.sessions[k];
        if (!session_coming(c, session) || !serves_site(session, site.id))
            continue;
        Item item{ItemKind::Session, {}, {}, {}, {}, k, {}, nullptr, {}};
        for (std::size_t r = 0; r < repo.staff.size(); ++r)
            if (repo.staff[r].site == site.id && educator_eligible(repo.staff[r]) && needs(c.training[r], session))
                item.who.push_back(repo.staff[r].id);
        if (!item.who.empty())
            out.push_back(std::move(item));
    }
    for (const Problem& p : c.findings) {
        if (p.reviewed || p.severity == Severity::Off)
            continue;
        if (p.rule == "event-missing") {
            if (p.record == repo.id(site.id))
                out.push_back({ItemKind::EventMissing, {}, {}, {}, {}, {}, {}, &p, {}});
        } else if (!reflection_item(repo, p) && finding_of_site(repo, p, site.id)) {
            out.push_back({ItemKind::Finding, {}, {}, {}, {}, {}, {}, &p, {}});
        }
    }
    return out;
}

bool same_item(const Item& a, const Item& b)
{
    return a.kind == b.kind && a.visit == b.visit && a.student == b.student && a.staff == b.staff &&
           a.session == b.session && a.finding == b.finding;
}

// Each item once: what the coordinator's own part holds leaves the site's.
void drop_own(const std::vector<Item>& own, StaffId person, std::vector<Item>& items)
{
    for (Item& item : items)
        if (item.kind == ItemKind::Session)
            for (const Item& mine : own)
                if (mine.kind == ItemKind::Session && mine.session == item.session)
                    item.who.erase(std::remove(item.who.begin(), item.who.end(), person), item.who.end());
    items.erase(std::remove_if(items.begin(), items.end(),
                               [&](const Item& item) {
                                   if (item.kind == ItemKind::Session)
                                       return item.who.empty();
                                   return std::any_of(own.begin(), own.end(),
                                                      [&](const Item& mine) { return same_item(mine, item); });
                               }),
                 items.end());
}

void order(const Repo& repo, std::vector<Item>& items)
{
    const auto when = [&](const Item& i) {
        if (i.visit)
            return repo.visits[*i.visit].date.value_or(Date{});
        if (i.session)
            return repo.sessions[*i.session].date.value_or(Date{});
        return i.due;
    };
    std::stable_sort(items.begin(), items.end(), [&](const Item& a, const Item& b) {
        if (a.kind != b.kind)
            return a.kind < b.kind;
        return when(a) < when(b);
    });
}

} // namespace

Date reflection_due(const Repo& repo, const Visit& v)
{
    return v.date.value_or(Date{}).add_days(repo.config.practices.reflection_within_days);
}

bool message_shown(const Repo& repo, const Problem& p)
{
    return repo.row(repo.names.visits.find(p.record)) || !repo.find(repo.names.staff.find(p.record));
}

std::vector<Digest> make_digests(const Facts& facts, const Problems& findings, const Options& options)
{
    const Repo& repo = facts.repo();
    DueContext c{repo, facts, findings, repo.as_of, repo.as_of.add_days(options.days),
                 student_visits(repo, facts, repo.as_of), {}};
    c.training.reserve(repo.staff.size());
    for (const Staff& s : repo.staff)
        c.training.push_back(training_status(repo, facts, s.id, repo.as_of));

    std::vector<Digest> out;
    for (std::size_t row = 0; row < repo.staff.size(); ++row) {
        const Staff& s = repo.staff[row];
        if (!options.only.empty() && std::find(options.only.begin(), options.only.end(), s.id) == options.only.end())
            continue;
        // A repeated staff_id (duplicate-key) gets the digest of its first row.
        if (repo.find(s.id) != &s || !s.active)
            continue;
        Digest d{s.id, {}, {}};
        if (educator_eligible(s))
            d.own = educator_items(c, row);
        order(repo, d.own);
        for (const Site& site : repo.sites) {
            if (site.coordinator != s.id || site.status != SiteStatus::Active)
                continue;
            SitePart part{site.id, site_items(c, site)};
            drop_own(d.own, s.id, part.items);
            order(repo, part.items);
            if (!part.items.empty())
                d.sites.push_back(std::move(part));
        }
        if (!d.own.empty() || !d.sites.empty())
            out.push_back(std::move(d));
    }
    return out;
}

} // namespace pthv::remind
