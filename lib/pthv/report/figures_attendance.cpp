// Chronic absence of visited and not-visited students (report --attendance
// FILE, docs/reports.md): counts per reported site and for the district,
// the difference of the two rates in percentage points and Newcombe's
// hybrid score interval for it. A comparison, never a claim of cause: the
// renderers say so beside it.

#include <pthv/report/figures_detail.hpp>
#include <pthv/report/publication.hpp>

#include <cstdlib>

namespace pthv::report {

namespace {

struct Counts {
    std::int64_t visited = 0, visited_chronic = 0, other = 0, other_chronic = 0;
};

AttendanceRow make_row(std::string site_id, std::string name, const Counts& c)
{
    return attendance_row(std::move(site_id), std::move(name), c.visited, c.visited_chronic, c.other,
                          c.other_chronic);
}

} // namespace

bool chronically_absent(const io::AttendanceRow& r)
{
    return r.days_absent * 10 >= r.days_enrolled; // days_absent / days_enrolled >= 10%
}

bool counts_for_attendance(const io::AttendanceRow& r) { return r.days_enrolled >= k_min_days_enrolled; }

AttendanceRow attendance_row(std::string site_id, std::string name, std::int64_t visited,
                             std::int64_t visited_chronic, std::int64_t other, std::int64_t other_chronic)
{
    AttendanceRow r;
    r.site_id = std::move(site_id);
    r.name = std::move(name);
    r.visited.students.value = visited;
    r.visited.chronic.value = visited_chronic;
    r.not_visited.students.value = other;
    r.not_visited.chronic.value = other_chronic;
    return r;
}

void finish_attendance_row(AttendanceRow& r) { finish_outcome_row(r, &AttendanceGroup::chronic); }

std::vector<char> students_visited_in(const model::Repo& repo, const model::Period& period)
{
    std::vector<char> visited(repo.names.students.size(), 0);
    for (const auto& v : repo.visits)
        if (v.completed() && v.date && *v.date >= period.from && *v.date <= period.to && v.student)
            visited[v.student.index()] = 1;
    return visited;
}

std::int64_t difference_in_tenths(std::int64_t x1, std::int64_t n1, std::int64_t x2, std::int64_t n2)
{
    const std::int64_t num = (x1 * n2 - x2 * n1) * 1000, den = n1 * n2;
    const std::int64_t magnitude = (std::llabs(num) * 2 + den) / (2 * den);
    return num < 0 ? -magnitude : magnitude;
}

void attendance_figures(const model::Facts& facts, const FigureOptions& o, Figures& f)
{
    if (!o.attendance)
        return;
    const model::Repo& repo = facts.repo();
    const SiteScope scope(repo, o.site);
    const std::vector<char> visited = students_visited_in(repo, o.period);
    std::vector<Counts> by_slot(repo.names.sites.size() + 1);
    Counts all;
    AttendanceFigures& a = f.attendance;
    a.given = true;
    for (const auto& row : *o.attendance) {
        const model::Student* s = repo.find(row.student);
        if (!s || !scope.covers(s->site))
            continue;
        if (!counts_for_attendance(row)) {
            ++a.too_few_days;
            continue;
        }
        const bool was_visited = visited[row.student.index()] != 0;
        for (Counts* c : {&all, &by_slot[site_slot(s->site)]}) {
            (was_visited ? c->visited : c->other) += 1;
            (was_visited ? c->visited_chronic : c->other_chronic) += chronically_absent(row) ? 1 : 0;
        }
    }
    a.rows.push_back(make_row(f.total.site_id, f.total.name, all));
    for (const auto& site : f.sites)
        a.rows.push_back(make_row(site.site_id, site.name,
                                  by_slot[site_slot(repo.names.sites.find(site.site_id))]));
    if (f.is_public && o.publication) // the publication set's later stage decides (publication.hpp)
        o.publication->apply_attendance(f);
    for (auto& r : a.rows)
        finish_attendance_row(r);
}

} // namespace pthv::report
