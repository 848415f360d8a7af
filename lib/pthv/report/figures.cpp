#include <pthv/report/figures.hpp>

#include <unordered_map>

#include <algorithm>
#include <climits>
#include <map>
#include <optional>

#include <pthv/report/figures_detail.hpp>
#include <pthv/report/publication.hpp>
#include <pthv/rules/registry.hpp>
#include <pthv/util/parallel.hpp>

namespace pthv::report {

Count finding_count(std::size_t n, bool is_public, int min_cell)
{
    const auto value = static_cast<std::int64_t>(n);
    return {value, is_public && value > 0 && value < min_cell ? Shown::Below : Shown::Exact};
}

using model::SiteId;
using model::StaffId;
using model::Visit;
using model::VisitStatus;

const std::array<const char*, k_practices> k_practice_names = {
    "1 voluntary, arranged in advance", "2 trained and compensated", "3 hopes and dreams first",
    "4 no targeting", "5 in pairs, reflecting together"};

namespace {


// Things counted once each per site and over the district (students,
// families, educators): every sighting is a (site slot, key) pair, and the
// pairs are sorted and counted in runs, so nothing is hashed.
class Distinct {
public:
    // `key` below 2^33 (a handle, or 2^32 + a student's: family_key), `slot`
    // below 2^31.
    void add(std::size_t slot, std::uint64_t key) { m_hits.push_back(std::uint64_t{slot} << k_key_bits | key); }

    struct Counts {
        std::vector<std::size_t> per_site, twice_per_site; // by slot: distinct keys, and those seen twice or more
        std::size_t all = 0, twice_all = 0;
    };
    Counts count(std::size_t slots)
    {
        Counts c;
        c.per_site.assign(slots, 0);
        c.twice_per_site.assign(slots, 0);
        std::sort(m_hits.begin(), m_hits.end());
        for (std::size_t b = 0, e = 0; b < m_hits.size(); b = e) {
            e = b + 1;
            while (e < m_hits.size() && m_hits[e] == m_hits[b])
                ++e;
            ++c.per_site[m_hits[b] >> k_key_bits];
            c.twice_per_site[m_hits[b] >> k_key_bits] += e - b >= 2 ? 1 : 0;
        }
        std::vector<std::uint64_t> keys(m_hits.size());
        for (std::size_t i = 0; i < m_hits.size(); ++i)
            keys[i] = m_hits[i] & k_key_mask;
        std::sort(keys.begin(), keys.end());
        for (std::size_t b = 0, e = 0; b < keys.size(); b = e) {
            e = b + 1;
            while (e < keys.size() && keys[e] == keys[b])
                ++e;
            ++c.all;
            c.twice_all += e - b >= 2 ? 1 : 0;
        }
        return c;
    }

private:
    // Each (slot, key) as one word, the slot above the key: sorting the
    // words sorts the pairs, in half the memory (a state's year is
    // millions of sightings).
    static constexpr int k_key_bits = 33;
    static constexpr std::uint64_t k_key_mask = (std::uint64_t{1} << k_key_bits) - 1;
    std::vector<std::uint64_t> m_hits;
};

// Everything one pass over the visits counts, by site slot.
struct VisitCounts {
    std::vector<std::int64_t> completed, declined, scheduled_ahead; // by slot; the district's in `all_*`
    std::int64_t all_completed = 0, all_declined = 0, all_scheduled_ahead = 0;
    Distinct students, families, declined_families, educators;
    std::vector<std::int64_t> educator_visits;          // by staff handle
    std::vector<std::pair<std::uint32_t, std::uint64_t>> educator_students; // (staff, student key)
    std::vector<std::int64_t> months;                   // from the period's first month
    std::array<std::int64_t, 4> modes{};                // home, community, virtual, unrecorded
    std::vector<std::pair<std::string_view, std::int64_t>> languages; // in order first seen
    std::vector<std::pair<std::string_view, std::int64_t>> interpreted_languages; // the same, interpreted visits
    std::vector<std::pair<std::size_t, int>> entry_days; // (slot, logged_on - date)
    std::vector<int> travel_minutes; // of the visits that give it
};

void count_language(std::vector<std::pair<std::string_view, std::int64_t>>& languages, std::string_view language)
{
    auto lang = std::find_if(languages.begin(), languages.end(), [&](const auto& l) { return l.first == language; });
    if (lang == languages.end())
        lang = languages.insert(lang, {language, 0});
    ++lang->second;
}

int month_number(model::Date d) { return d.year() * 12 + d.month() - 1; }

// The sites reported: every active site, and any other that has students
// or visits, so nothing logged goes missing; by site id.
std::vector<SiteId> reported_sites(const model::Repo& repo, const SiteScope& scope, const ReportBasis& basis)
{
    std::vector<char> mark(repo.names.sites.size(), 0);
    const auto keep = [&](SiteId s) {
        if (s && scope.covers(s))
            mark[s.index()] = 1;
    };
    for (const auto& s : repo.sites)
        if (s.status == model::SiteStatus::Active)
            keep(s.id);
    for (const std::size_t i : scope.students(basis))
        keep(repo.students[i].site);
    for (const std::size_t i : scope.visits(basis))
        keep(repo.visit_site(repo.visits[i]));
    std::vector<SiteId> out;
    for (std::uint32_t h = 0; h < mark.size(); ++h)
        if (mark[h])
            out.emplace_back(h);
    std::sort(out.begin(), out.end(), [&](SiteId a, SiteId b) { return repo.id(a) < repo.id(b); });
    return out;
}

// A visit's student as a key (no student is a key of its own).
std::uint64_t student_key(model::StudentId s) { return s.value(); }

VisitCounts count_visits(const model::Facts& facts, const FigureOptions& o, const SiteScope& scope)
{
    const model::Repo& repo = facts.repo();
    const std::size_t slots = repo.names.sites.size() + 1;
    VisitCounts c;
    c.completed.assign(slots, 0);
    c.declined.assign(slots, 0);
    c.scheduled_ahead.assign(slots, 0);
    c.educator_visits.assign(repo.names.staff.size(), 0);
    const int first_month = month_number(o.period.from);
    c.months.assign(static_cast<std::size_t>(std::max(0, month_number(o.period.to) - first_month + 1)), 0);

    const model::VisitNumbers* travel = repo.visit_numbers_of("travel_minutes");
    for (const std::size_t i : scope.visits(*o.basis)) {
        const Visit& v = repo.visits[i];
        const SiteId site = repo.visit_site(v);
        const std::size_t slot = site_slot(site);
        if (v.status == VisitStatus::Scheduled && v.date && *v.date > repo.as_of) {
            ++c.scheduled_ahead[slot];
            ++c.all_scheduled_ahead;
        }
        if (!v.date || *v.date < o.period.from || *v.date > o.period.to)
            continue;
        if (v.status == VisitStatus::Declined) {
            ++c.declined[slot];
            ++c.all_declined;
            c.declined_families.add(slot, family_key(repo, v.student));
        }
        if (!v.completed())
            continue;
        ++c.completed[slot];
        ++c.all_completed;
        c.students.add(slot, student_key(v.student));
        c.families.add(slot, family_key(repo, v.student));
        for (const StaffId e : facts.educators(i)) { // each once, even if named twice
            c.educators.add(slot, e.value());
            ++c.educator_visits[e.index()];
            c.educator_students.emplace_back(e.value(), student_key(v.student));
        }
        ++c.months[static_cast<std::size_t>(month_number(*v.date) - first_month)];
        ++c.modes[v.mode ? static_cast<std::size_t>(*v.mode) : 3];
        count_language(c.languages, v.language);
        if (v.interpreted())
            count_language(c.interpreted_languages, v.language);
        if (v.logged_on)
            c.entry_days.emplace_back(slot, *v.logged_on - *v.date);
        if (const std::int32_t x = travel ? travel->at(i) : model::VisitNumbers::k_none;
            x != model::VisitNumbers::k_none)
            c.travel_minutes.push_back(x);
    }
    return c;
}

void fill_summary(Summary& s, std::int64_t completed, std::int64_t declined, std::int64_t scheduled_ahead,
                  std::size_t students, std::size_t second, std::size_t families, std::size_t declined_families,
                  std::size_t educators, std::size_t enrolled, std::size_t trained)
{
    s.completed_visits = exact(completed);
    s.students_visited = exact(students);
    s.students_enrolled = exact(enrolled);
    s.families_reached = exact(families);
    s.second_visit_students = exact(second);
    s.declined = exact(declined);
    s.declined_families = exact(declined_families);
    s.scheduled_ahead = exact(scheduled_ahead);
    s.trained_staff = exact(trained);
    s.participating_educators = exact(educators);
}

// The headline figures, per reported site and for the district (or --site).
void summaries(const model::Repo& repo, const std::vector<SiteId>& sites, VisitCounts& c, const Training& training,
               const SiteScope& scope, const FigureOptions& o, Figures& f)
{
    const std::size_t slots = repo.names.sites.size() + 1;
    std::vector<std::size_t> enrolled(slots, 0);
    std::size_t enrolled_all = 0;
    for (const std::size_t i : scope.students(*o.basis)) {
        ++enrolled[site_slot(repo.students[i].site)];
        ++enrolled_all;
    }
    const auto students = c.students.count(slots);
    const auto families = c.families.count(slots);
    const auto declined_families = c.declined_families.count(slots);
    const auto educators = c.educators.count(slots);
    for (const SiteId id : sites) {
        const std::size_t k = site_slot(id);
        Summary s;
        s.site_id = std::string(repo.id(id));
        const model::Site* site = repo.find(id);
        s.name = site ? std::string(site->name) : s.site_id;
        s.visit_goal = site ? site->visit_goal : std::nullopt;
        fill_summary(s, c.completed[k], c.declined[k], c.scheduled_ahead[k], students.per_site[k],
                     students.twice_per_site[k], families.per_site[k], declined_families.per_site[k],
                     educators.per_site[k], enrolled[k], training.trained_per_site[k]);
        f.sites.push_back(std::move(s));
    }
    f.total.name = o.site.empty() ? f.district : (f.sites.empty() ? o.site : f.sites.front().name);
    f.total.site_id = o.site;
    fill_summary(f.total, c.all_completed, c.all_declined, c.all_scheduled_ahead, students.all, students.twice_all,
                 families.all, declined_families.all, educators.all, enrolled_all, training.trained_all);
}

// Internal reports: each educator on a completed visit in the period, by
// home site, then id.
void educator_rows(const model::Repo& repo, VisitCounts& c, Figures& f)
{
    std::vector<std::int64_t> students(repo.names.staff.size(), 0);
    auto& pairs = c.educator_students;
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
    for (const auto& [staff, student] : pairs)
        ++students[staff];
    std::vector<StaffId> ids;
    for (std::uint32_t h = 0; h < c.educator_visits.size(); ++h)
        if (c.educator_visits[h] > 0)
            ids.emplace_back(h);
    std::sort(ids.begin(), ids.end(), [&](StaffId a, StaffId b) { return repo.id(a) < repo.id(b); });
    for (const StaffId id : ids) {
        EducatorRow row;
        row.staff_id = std::string(repo.id(id));
        const model::Staff* s = repo.find(id);
        row.name = s ? std::string(s->name) : std::string{};
        row.site_id = s ? std::string(repo.id(s->site)) : std::string{};
        row.visits = c.educator_visits[id.index()];
        row.students = students[id.index()];
        f.educators.push_back(std::move(row));
    }
    std::stable_sort(f.educators.begin(), f.educators.end(),
                     [](const EducatorRow& a, const EducatorRow& b) { return a.site_id < b.site_id; });
}

// Visits by language: by count, then name; "unspecified" (no language, or
// the word itself) last.
std::vector<Tally> language_tallies(std::vector<std::pair<std::string_view, std::int64_t>> languages)
{
    std::vector<Tally> out;
    std::sort(languages.begin(), languages.end());
    std::int64_t unspecified = 0;
    for (const auto& [key, n] : languages) {
        if (key.empty())
            unspecified = n;
        else if (key != "unspecified")
            out.push_back({std::string(key), exact(n)});
        else
            unspecified += n;
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const Tally& a, const Tally& b) { return a.count.value > b.count.value; });
    if (unspecified > 0)
        out.push_back({"unspecified", exact(unspecified)});
    return out;
}

// Completed visits per month, mode and language.
void tallies(const FigureOptions& o, const VisitCounts& c, Figures& f)
{
    model::Date m = model::Date::from_ymd(o.period.from.year(), o.period.from.month(), 1).value_or(o.period.from);
    for (const std::int64_t n : c.months) {
        f.months.push_back({m.str().substr(0, 7), exact(n)});
        m = m.add_months(1);
    }
    const char* const names[] = {"home", "community", "virtual"};
    for (std::size_t i = 0; i < 3; ++i)
        f.modes.push_back({names[i], exact(c.modes[i])});
    if (c.modes[3] > 0)
        f.modes.push_back({"unrecorded", exact(c.modes[3])});
    f.languages = language_tallies(c.languages);
    f.interpreted_languages = language_tallies(c.interpreted_languages);
}

// The nearest-rank percentile `pct` of sorted `days`.
std::optional<int> percentile(const std::vector<int>& days, std::size_t pct)
{
    if (days.empty())
        return std::nullopt;
    const std::size_t rank = (pct * days.size() + 99) / 100; // ceil(pct% of n), at least 1
    return days[std::max<std::size_t>(rank, 1) - 1];
}

EntryDelay entry_delay(std::string site_id, std::string name, std::vector<int> days)
{
    std::sort(days.begin(), days.end());
    EntryDelay d;
    d.site_id = std::move(site_id);
    d.name = std::move(name);
    d.visits = exact(static_cast<std::int64_t>(days.size()));
    d.median_days = percentile(days, 50);
    d.p90_days = percentile(days, 90);
    return d;
}

// Days from visit to log entry, for the district and each reported site.
void entry_delays(const model::Repo& repo, const std::vector<SiteId>& sites, const VisitCounts& c, Figures& f)
{
    std::vector<int> all;
    std::vector<std::vector<int>> by_slot(repo.names.sites.size() + 1);
    for (const auto& [slot, days] : c.entry_days) {
        all.push_back(days);
        by_slot[slot].push_back(days);
    }
    f.entry_delays.push_back(entry_delay(f.total.site_id, f.total.name, std::move(all)));
    for (std::size_t i = 0; i < sites.size(); ++i)
        f.entry_delays.push_back(
            entry_delay(f.sites[i].site_id, f.sites[i].name, std::move(by_slot[site_slot(sites[i])])));
}

// visits.csv has `column` (a repo without it reports as before).
bool has_column(const model::Repo& repo, const char* column)
{
    const auto it = repo.files.find("visits.csv");
    return it != repo.files.end() &&
           std::find(it->second.header.begin(), it->second.header.end(), column) != it->second.header.end();
}

// The top three sites by completed visits (ties by id).
void top_sites(Figures& f)
{
    std::vector<const Summary*> ranked;
    for (const auto& s : f.sites)
        if (s.completed_visits.value > 0)
            ranked.push_back(&s);
    std::stable_sort(ranked.begin(), ranked.end(), [](const Summary* a, const Summary* b) {
        return a->completed_visits.value > b->completed_visits.value;
    });
    for (std::size_t i = 0; i < ranked.size() && i < 3; ++i)
        f.top_sites.push_back(ranked[i]->site_id);
}

// The day each dated record's line is about, per file, for the banner.
struct LineDays {
    std::unordered_map<std::uint32_t, model::Date> visits, trainings, events;

    explicit LineDays(const model::Repo& repo)
    {
        for (const auto& v : repo.visits)
            if (v.date)
                visits[v.line] = *v.date;
        for (const auto& t : repo.trainings)
            if (t.date)
                trainings[t.line] = *t.date;
        for (const auto& e : repo.events)
            if (e.date)
                events[e.line] = *e.date;
    }

    // The day a finding is about: its row's date, or the date of the visit
    // it names; none for a finding about no dated record.
    std::optional<model::Date> of(const model::Repo& repo, const model::Problem& p) const
    {
        const auto at = [&](const std::unordered_map<std::uint32_t, model::Date>& days) -> std::optional<model::Date> {
            const auto it = days.find(static_cast<std::uint32_t>(p.line));
            return it == days.end() ? std::nullopt : std::optional<model::Date>(it->second);
        };
        if (p.file == "visits.csv")
            if (auto d = at(visits))
                return d;
        if (p.file == "trainings.csv")
            if (auto d = at(trainings))
                return d;
        if (p.file == "events.csv")
            if (auto d = at(events))
                return d;
        if (const model::Visit* v = repo.find(repo.names.visits.find(p.record)); v && v->date)
            return v->date;
        return std::nullopt;
    }
};

// What the banner of every format says of the data (tables.cpp): only what
// is true of this repo and of the period shown. `days`: the day each
// finding is about (ReportBasis::finding_days).
void count_unread(const model::Period& period, const model::Problems& findings,
                  const std::vector<std::optional<model::Date>>& days, Figures& f)
{
    for (std::size_t i = 0; i < findings.size(); ++i) {
        const model::Problem& p = findings[i];
        if (p.reviewed)
            continue;
        if (p.rule == "csv-syntax") {
            f.rows_left_out = true; // a row that could not be read may be any period's
            continue;
        }
        const auto& day = i < days.size() ? days[i] : std::nullopt;
        if (!day || !period.contains(*day))
            continue;
        (p.severity == model::Severity::Error ? f.period_errors : f.period_warnings) += 1;
        if (p.rule == "value-invalid" || p.rule == "required-missing")
            f.cells_unread += 1;
        else if (const rules::Rule* r = rules::find_rule(p.rule); r && r->practice > 0)
            f.practice_findings += 1;
    }
}

} // namespace

std::uint64_t family_key(const model::Repo& repo, model::StudentId student)
{
    if (const model::Student* s = repo.find(student))
        return s->family.value();
    if (const model::FamilyId f = repo.names.families.find(repo.id(student)))
        return f.value();
    return (std::uint64_t{1} << 32) + student.value();
}

namespace {

void leave_out_breakdowns(Figures& f)
{
    f.breakdowns = false;
    f.visit_order.clear();
    f.modes.clear();
    f.languages.clear();
    f.interpreted_languages.clear();
    f.has_interpreters = false;
    f.entry_delays.clear();
    f.has_logged_on = false;
    f.training.sessions.clear();
    f.surveys = SurveyFigures{};
}

} // namespace

ReportBasis::ReportBasis(const model::Facts& facts, const model::Problems& findings)
    : progress(model::student_visits(facts.repo(), facts, facts.repo().as_of)), latest(latest_scheduled(facts)),
      shortfalls(practice_shortfalls(facts, findings)), visits_of(facts.repo().names.sites.size() + 1),
      students_of(facts.repo().names.sites.size() + 1), m_facts(facts)
{
    const model::Repo& repo = facts.repo();
    all_students.resize(repo.students.size());
    for (std::size_t i = 0; i < repo.students.size(); ++i) {
        all_students[i] = i;
        students_of[site_slot(repo.students[i].site)].push_back(i);
    }
    visit_order.assign(repo.visits.size(), 0);
    for (const auto& p : progress) {
        if (p.first)
            visit_order[*p.first] = 1;
        if (p.second)
            visit_order[*p.second] = 2;
    }
    all_visits.resize(repo.visits.size());
    for (std::size_t i = 0; i < repo.visits.size(); ++i) {
        all_visits[i] = i;
        visits_of[site_slot(repo.visit_site(repo.visits[i]))].push_back(i);
    }
    staff_of.resize(visits_of.size());
    all_staff.resize(repo.staff.size());
    for (std::size_t i = 0; i < repo.staff.size(); ++i) {
        all_staff[i] = i;
        staff_of[site_slot(repo.staff[i].site)].push_back(i);
    }
    trainings_of.resize(visits_of.size());
    first_intro.assign(repo.names.staff.size(), INT32_MAX);
    for (std::size_t i = 0; i < repo.trainings.size(); ++i) {
        const model::Training& t = repo.trainings[i];
        if (t.date && t.kind == model::TrainingKind::Intro && t.staff)
            first_intro[t.staff.index()] = std::min(first_intro[t.staff.index()], t.date->days());
        if (const model::Staff* s = repo.find(t.staff)) {
            all_trainings.push_back(i);
            trainings_of[site_slot(s->site)].push_back(i);
        }
    }
    const LineDays days(repo);
    finding_days.reserve(findings.size());
    for (const auto& p : findings)
        finding_days.push_back(days.of(repo, p));
}

const pay::Spending& ReportBasis::spending(const std::vector<pay::VisitWork>& work, model::Date from,
                                           model::Date to) const
{
    const std::lock_guard lock(m_mutex);
    const auto key = std::make_pair(from.days(), to.days());
    auto it = m_spending.find(key);
    if (it == m_spending.end())
        it = m_spending.emplace(key, pay::spending_between(m_facts, work, from, to)).first;
    return it->second;
}

const Figures& ReportBasis::district(const FigureOptions& o, const std::function<Figures()>& make) const
{
    const auto key = std::make_tuple(o.period.from.days(), o.period.to.days(), o.publication);
    {
        const std::lock_guard lock(m_mutex);
        const auto it = m_district.find(key);
        if (it != m_district.end())
            return *it->second;
    }
    auto made = std::make_unique<Figures>(make()); // outside the lock: it may ask for spending()
    const std::lock_guard lock(m_mutex);
    return *m_district.try_emplace(key, std::move(made)).first->second;
}

Figures compute_figures(const model::Facts& facts, const std::vector<pay::VisitWork>& work,
                        const model::Problems& findings, const FigureOptions& o)
{
    if (!o.basis) {
        const ReportBasis basis(facts, findings);
        FigureOptions with = o;
        with.basis = &basis;
        return compute_figures(facts, work, findings, with);
    }
    const model::Repo& repo = facts.repo();
    Figures f;
    f.district = repo.config.district;
    f.period = o.period;
    f.as_of = repo.as_of;
    f.site_filter = o.site;
    f.is_public = o.is_public;
    f.min_cell = repo.config.min_cell;
    const auto t = rules::tally(findings);
    f.validate_errors = finding_count(t.errors, f.is_public, f.min_cell);
    f.validate_warnings = finding_count(t.warnings, f.is_public, f.min_cell);
    count_unread(o.period, findings, o.basis->finding_days, f);

    const SiteScope scope(repo, o.site);
    // Visits by month and the money read only the facts and write only
    // their own tables (f.visit_order, f.money, f.site_money), which nothing
    // below reads before they are joined: worked out on a second thread
    // beside the rest.
    auto beside = util::start_beside([&] {
        // In public, the district's only: at one school a month's first or
        // second visits are mostly a handful, each given back by the
        // month's visits less the other.
        if (!o.is_public || (public_breakdowns(o.period) && o.site.empty()))
            visit_order_figures(facts, o, scope, f);
        money_figures(facts, work, o, f);
    });
    const std::vector<SiteId> sites = reported_sites(repo, scope, *o.basis);
    const Training training = training_figures(facts, o, f);
    VisitCounts counts = count_visits(facts, o, scope);
    summaries(repo, sites, counts, training, scope, o, f);
    second_visit_figures(facts, o, scope, f);
    event_figures(repo, o, scope, f);
    session_figures(facts, o, f);
    survey_figures(repo, o, scope, f);
    if (!o.is_public)
        educator_rows(repo, counts, f);
    tallies(o, counts, f);
    f.has_interpreters = has_column(repo, "interpreter");
    f.has_logged_on = has_column(repo, "logged_on");
    if (f.has_logged_on)
        entry_delays(repo, sites, counts, f);
    f.has_travel = !o.is_public && has_column(repo, "travel_minutes");
    if (f.has_travel) {
        std::sort(counts.travel_minutes.begin(), counts.travel_minutes.end());
        f.travel_visits = exact(static_cast<std::int64_t>(counts.travel_minutes.size()));
        f.median_travel_minutes = percentile(counts.travel_minutes, 50);
    }
    top_sites(f);
    fidelity_figures(facts, o, f);
    beside.get(); // rethrows what the thread threw
    std::optional<Publication> made; // the set, when the caller has none at hand
    FigureOptions with_set = o;
    if (o.is_public && !public_breakdowns(o.period))
        leave_out_breakdowns(f);
    if (o.is_public && f.sessions.present) // the session plan gives each session's attendance
        f.training.sessions.clear();
    if (o.is_public && f.has_interpreters) { // by language nearly every count is small: all together
        Tally all{"all", exact(0)};
        for (const auto& language : f.interpreted_languages)
            all.count.value += language.count.value;
        f.interpreted_languages.assign(1, all);
    }
    if (o.is_public) {
        if (!with_set.publication)
            with_set.publication = &made.emplace(facts, findings, o.attendance, o.scores);
        with_set.publication->apply(f);
        public_money(facts, work, findings, with_set, f);
    }
    finish_shares(f);
    attendance_figures(facts, with_set, f);
    score_figures(facts, with_set, f);
    subgroup_figures(facts, with_set, f);
    census_figures(repo, f);
    return f;
}

} // namespace pthv::report
