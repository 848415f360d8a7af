#include <pthv/report/figures.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include <pthv/report/figures_detail.hpp>
#include <pthv/rules/registry.hpp>

namespace pthv::report {

using model::Visit;
using model::VisitStatus;

const std::array<const char*, k_practices> k_practice_names = {
    "1 voluntary, arranged in advance", "2 trained and compensated", "3 hopes and dreams first",
    "4 no targeting", "5 in pairs, reflecting together"};

namespace {

// Everything one Summary counts, gathered in one pass over the visits.
// Only sizes and counts are read, so the sets are hashed, and they hold
// views of the repo's own ids (at state scale, copies of a million ids
// were much of the report's time).
struct Acc {
    std::int64_t completed = 0, declined = 0, scheduled_ahead = 0;
    std::unordered_map<std::string_view, int> visits_per_student;
    std::unordered_set<std::string_view> families, declined_families, educators;
};

Count exact(std::size_t n)
{
    return Count{static_cast<std::int64_t>(n), Shown::Exact};
}

void fill_summary(Summary& s, const Acc& a, std::size_t enrolled, std::size_t trained)
{
    s.completed_visits = Count{a.completed, Shown::Exact};
    s.students_visited = exact(a.visits_per_student.size());
    s.students_enrolled = exact(enrolled);
    s.families_reached = exact(a.families.size());
    std::size_t second = 0;
    for (const auto& [id, n] : a.visits_per_student)
        if (n >= 2)
            ++second;
    s.second_visit_students = exact(second);
    s.declined = Count{a.declined, Shown::Exact};
    s.declined_families = exact(a.declined_families.size());
    s.scheduled_ahead = Count{a.scheduled_ahead, Shown::Exact};
    s.trained_staff = exact(trained);
    s.participating_educators = exact(a.educators.size());
}

} // namespace

Figures compute_figures(const model::Facts& facts, const model::Problems& findings, const FigureOptions& o)
{
    const model::Repo& repo = facts.repo();
    Figures f;
    f.district = repo.config.district;
    f.period = o.period;
    f.as_of = repo.as_of;
    f.site_filter = o.site;
    f.is_public = o.is_public;
    f.min_cell = repo.config.min_cell;
    const auto t = rules::tally(findings);
    f.validate_errors = t.errors;
    f.validate_warnings = t.warnings;

    const auto in_scope = [&](const std::string& site) { return o.site.empty() || site == o.site; };
    const auto in_period = [&](const Visit& v) { return v.date && *v.date >= o.period.from && *v.date <= o.period.to; };
    const auto family_of = [&](const std::string& student_id) -> std::string_view {
        const model::Student* s = repo.find_student(student_id);
        return s ? s->family() : student_id;
    };

    // The sites reported: every active site, and any other that has
    // students or visits, so nothing logged goes missing.
    std::set<std::string> site_ids;
    for (const auto& s : repo.sites)
        if (s.status == model::SiteStatus::Active && in_scope(s.id))
            site_ids.insert(s.id);
    for (const auto& s : repo.students)
        if (!s.site_id.empty() && in_scope(s.site_id))
            site_ids.insert(s.site_id);
    for (const auto& v : repo.visits) {
        const std::string& site = repo.visit_site(v);
        if (!site.empty() && in_scope(site))
            site_ids.insert(site);
    }

    const Training training = training_figures(facts, o, site_ids, f);

    std::unordered_map<std::string_view, Acc> per_site;
    Acc all;
    std::map<std::string, EducatorRow> educators;
    std::unordered_map<std::string_view, std::unordered_set<std::string_view>> educator_students;
    std::map<std::string, std::int64_t> months, modes, languages;
    for (model::Date m = model::Date::from_ymd(o.period.from.year(), o.period.from.month(), 1).value_or(o.period.from);
         m <= o.period.to; m = m.add_months(1))
        months[m.str().substr(0, 7)] = 0;

    for (const Visit& v : repo.visits) {
        const std::string& site = repo.visit_site(v);
        if (!in_scope(site))
            continue;
        Acc& a = per_site[site];
        if (v.status == VisitStatus::Scheduled && v.date && *v.date > repo.as_of) {
            ++a.scheduled_ahead;
            ++all.scheduled_ahead;
        }
        if (!in_period(v))
            continue;
        if (v.status == VisitStatus::Declined) {
            for (Acc* x : {&a, &all}) {
                ++x->declined;
                x->declined_families.insert(family_of(v.student_id));
            }
        }
        if (!v.completed())
            continue;
        for (Acc* x : {&a, &all}) {
            ++x->completed;
            ++x->visits_per_student[v.student_id];
            x->families.insert(family_of(v.student_id));
        }
        for (auto it = v.educators.begin(); it != v.educators.end(); ++it) {
            const std::string& e = *it;
            if (std::find(v.educators.begin(), it, e) != it)
                continue; // named twice on this visit: counted once
            a.educators.insert(e);
            all.educators.insert(e);
            EducatorRow& row = educators[e];
            row.staff_id = e;
            ++row.visits;
            educator_students[e].insert(v.student_id);
        }
        ++months[v.date->str().substr(0, 7)];
        modes[v.mode ? std::string(model::enum_name(*v.mode)) : std::string("unrecorded")]++;
        languages[v.language.empty() ? std::string("unspecified") : v.language]++;
    }

    std::map<std::string, std::size_t> enrolled;
    std::size_t enrolled_all = 0;
    for (const auto& s : repo.students)
        if (in_scope(s.site_id)) {
            ++enrolled[s.site_id];
            ++enrolled_all;
        }

    for (const auto& id : site_ids) {
        Summary s;
        s.site_id = id;
        const model::Site* site = repo.find_site(id);
        s.name = site ? site->name : id;
        s.visit_goal = site ? site->visit_goal : std::nullopt;
        const auto trained = training.trained_per_site.find(id);
        fill_summary(s, per_site[id], enrolled[id],
                     trained == training.trained_per_site.end() ? 0 : trained->second);
        f.sites.push_back(std::move(s));
    }
    f.total.name = o.site.empty() ? f.district : (f.sites.empty() ? o.site : f.sites.front().name);
    f.total.site_id = o.site;
    fill_summary(f.total, all, enrolled_all, training.trained_all);

    if (!o.is_public) {
        for (auto& [id, row] : educators) {
            const model::Staff* s = repo.find_staff(id);
            row.name = s ? s->name : std::string{};
            row.site_id = s ? s->site_id : std::string{};
            row.students = static_cast<std::int64_t>(educator_students[std::string_view(id)].size());
            f.educators.push_back(row);
        }
        std::stable_sort(f.educators.begin(), f.educators.end(),
                         [](const EducatorRow& a, const EducatorRow& b) { return a.site_id < b.site_id; });
    }

    for (const auto& [key, n] : months)
        f.months.push_back({key, Count{n, Shown::Exact}});
    for (const char* m : {"home", "community", "virtual"})
        f.modes.push_back({m, Count{modes[m], Shown::Exact}});
    if (modes.count("unrecorded"))
        f.modes.push_back({"unrecorded", Count{modes["unrecorded"], Shown::Exact}});
    for (const auto& [key, n] : languages)
        if (key != "unspecified")
            f.languages.push_back({key, Count{n, Shown::Exact}});
    std::stable_sort(f.languages.begin(), f.languages.end(),
                     [](const Tally& a, const Tally& b) { return a.count.value > b.count.value; });
    if (languages.count("unspecified"))
        f.languages.push_back({"unspecified", Count{languages["unspecified"], Shown::Exact}});

    std::vector<const Summary*> ranked;
    for (const auto& s : f.sites)
        if (s.completed_visits.value > 0)
            ranked.push_back(&s);
    std::stable_sort(ranked.begin(), ranked.end(), [](const Summary* a, const Summary* b) {
        return a->completed_visits.value > b->completed_visits.value;
    });
    for (std::size_t i = 0; i < ranked.size() && i < 3; ++i)
        f.top_sites.push_back(ranked[i]->site_id);

    fidelity_figures(facts, findings, o, f);
    money_figures(facts, o, f);
    if (o.is_public) {
        apply_public(f);
        public_money(facts, findings, o, f);
    }
    finish_shares(f);
    return f;
}

} // namespace pthv::report
