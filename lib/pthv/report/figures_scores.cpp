// Test score proficiency of visited and not-visited students (report
// --scores FILE, docs/reports.md): per subject, counts per reported site
// and for the district, the difference of the two rates in percentage
// points and Newcombe's hybrid score interval for it, exactly as the
// attendance comparison (figures_attendance.cpp). A comparison, never a
// claim of cause: the renderers say so beside it.

#include <pthv/report/figures_detail.hpp>
#include <pthv/report/publication.hpp>

#include <algorithm>

namespace pthv::report {

namespace {

struct ScoreCounts {
    std::int64_t visited = 0, visited_proficient = 0, other = 0, other_proficient = 0;
};

ScoreRow score_row(const std::string& subject, std::string site_id, std::string name, const ScoreCounts& c)
{
    return score_row_of(subject, std::move(site_id), std::move(name), c.visited, c.visited_proficient, c.other,
                        c.other_proficient);
}

} // namespace

ScoreRow score_row_of(const std::string& subject, std::string site_id, std::string name, std::int64_t visited,
                      std::int64_t visited_proficient, std::int64_t other, std::int64_t other_proficient)
{
    ScoreRow r;
    r.subject = subject;
    r.site_id = std::move(site_id);
    r.name = std::move(name);
    r.visited.students.value = visited;
    r.visited.proficient.value = visited_proficient;
    r.not_visited.students.value = other;
    r.not_visited.proficient.value = other_proficient;
    return r;
}

void finish_score_row(ScoreRow& r) { finish_outcome_row(r, &ScoreGroup::proficient); }


void score_figures(const model::Facts& facts, const FigureOptions& o, Figures& f)
{
    if (!o.scores)
        return;
    const model::Repo& repo = facts.repo();
    const SiteScope scope(repo, o.site);
    const std::vector<char> visited = students_visited_in(repo, o.period);
    ScoreFigures& sc = f.scores;
    sc.given = true;
    sc.subjects = io::score_subjects(*o.scores);
    // Per subject, per site slot (0: the district).
    const std::size_t slots = repo.names.sites.size() + 1;
    std::vector<ScoreCounts> counts(sc.subjects.size() * (slots + 1));
    for (const auto& row : *o.scores) {
        const model::Student* s = repo.find(row.student);
        if (!s || !scope.covers(s->site))
            continue;
        const auto subject = static_cast<std::size_t>(
            std::lower_bound(sc.subjects.begin(), sc.subjects.end(), row.subject) - sc.subjects.begin());
        const bool was_visited = visited[row.student.index()] != 0;
        for (const std::size_t slot : {std::size_t{0}, site_slot(s->site) + 1}) {
            ScoreCounts& c = counts[subject * (slots + 1) + slot];
            (was_visited ? c.visited : c.other) += 1;
            (was_visited ? c.visited_proficient : c.other_proficient) += row.proficient ? 1 : 0;
        }
    }
    for (std::size_t k = 0; k < sc.subjects.size(); ++k) {
        const ScoreCounts* of = &counts[k * (slots + 1)];
        sc.rows.push_back(score_row(sc.subjects[k], f.total.site_id, f.total.name, of[0]));
        sc.rows.back().whole = true;
        for (const auto& site : f.sites)
            sc.rows.push_back(score_row(sc.subjects[k], site.site_id, site.name,
                                        of[site_slot(repo.names.sites.find(site.site_id)) + 1]));
    }
    if (f.is_public && o.publication) // the publication set's later stage decides (publication.hpp)
        o.publication->apply_scores(f);
    for (auto& r : sc.rows)
        finish_score_row(r);
}

} // namespace pthv::report
