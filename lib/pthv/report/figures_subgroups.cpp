// Reach by subgroup (reports.subgroups, docs/reports.md): for each value of
// each subgroup, students enrolled and visited, coverage, families reached
// and representation, for the district (or --site) and each reported site;
// with --attendance or --scores, the outcome comparison within each value
// for the whole report. Visited and families count as the summaries do, so
// a subgroup's values add up to the summary's figures.

#include <pthv/report/figures_detail.hpp>
#include <pthv/report/publication.hpp>

#include <algorithm>
#include <array>

namespace pthv::report {

namespace {

using Code = model::Subgroups::Code;

// A student's value in subgroup g: unknown for a student students.csv
// does not list.
Code code_of(const model::Repo& repo, model::StudentId student, std::size_t g)
{
    const auto row = repo.row(student);
    return row ? repo.subgroups.code(*row, g) : model::Subgroups::k_unknown;
}

// Counts of one subgroup, by (site slot, value code); slot 0 the whole.
struct GroupCounts {
    std::size_t values = 0;
    std::vector<std::int64_t> enrolled, visited, families;
    std::int64_t& at(std::vector<std::int64_t>& v, std::size_t slot, Code c) { return v[slot * values + c]; }
};

// (visited / all visited) / (enrolled / all enrolled) in hundredths, half up.
std::optional<std::int64_t> representation(const Count& visited, const Count& enrolled, const Count& all_visited,
                                           const Count& all_enrolled)
{
    for (const Count* c : {&visited, &enrolled, &all_visited, &all_enrolled})
        if (c->hidden())
            return std::nullopt;
    if (enrolled.value == 0 || all_visited.value == 0 || all_enrolled.value == 0)
        return std::nullopt;
    const std::int64_t num = visited.value * all_enrolled.value * 100, den = all_visited.value * enrolled.value;
    return (2 * num + den) / (2 * den);
}

// Where only the visited count is withheld, the ratio is that count times
// a shown factor: the bound a reader proves of the count (Count::at_least,
// at_most) gives one on the ratio, rounded so that it stays true.
void representation_bound(SubgroupRow& r, const Summary& of)
{
    const Count &all_visited = of.students_visited, &all_enrolled = of.students_enrolled;
    if (r.visited.shown != Shown::Withheld || r.enrolled.hidden() || all_visited.hidden() || all_enrolled.hidden() ||
        r.enrolled.value == 0 || all_visited.value == 0)
        return;
    const std::int64_t den = all_visited.value * r.enrolled.value, factor = all_enrolled.value * 100;
    if (r.visited.at_least > 0) {
        r.representation_bound = ShareShown::AtLeast;
        r.representation_bound_hundredths = r.visited.at_least * factor / den;
    } else if (r.visited.at_most >= 0) {
        r.representation_bound = ShareShown::AtMost;
        r.representation_bound_hundredths = (r.visited.at_most * factor + den - 1) / den;
    }
}

GroupCounts count_group(const model::Facts& facts, const FigureOptions& o, const SiteScope& scope, std::size_t g)
{
    const model::Repo& repo = facts.repo();
    GroupCounts c;
    c.values = repo.subgroups.codes(g);
    const std::size_t cells = (repo.names.sites.size() + 1) * c.values;
    c.enrolled.assign(cells, 0);
    c.visited.assign(cells, 0);
    c.families.assign(cells, 0);
    for (const std::size_t i : scope.students(*o.basis)) {
        const Code v = repo.subgroups.code(i, g);
        ++c.at(c.enrolled, 0, v);
        ++c.at(c.enrolled, site_slot(repo.students[i].site), v);
    }
    // (slot, code, key) once each: students and families visited. Each is
    // one word, the cell (slot * values + code, below 2^31: `cells` counts
    // fit in memory) above a 33-bit key (a family handle, or 2^32 + a
    // student's), so sorting words sorts the triples; and the two lists are
    // made one after the other, so only one is held at a time.
    constexpr int key_bits = 33;
    for (auto* counts : {&c.visited, &c.families}) {
        std::vector<std::uint64_t> seen;
        for (const std::size_t i : scope.visits(*o.basis)) {
            const model::Visit& v = repo.visits[i];
            if (!v.completed() || !v.date || !o.period.contains(*v.date))
                continue;
            const Code code = code_of(repo, v.student, g);
            const std::size_t slot = site_slot(repo.visit_site(v));
            const std::uint64_t key = counts == &c.visited ? v.student.value() : family_key(repo, v.student);
            for (const std::size_t s : {std::size_t{0}, slot})
                seen.push_back(std::uint64_t{s * c.values + code} << key_bits | key);
        }
        std::sort(seen.begin(), seen.end());
        seen.erase(std::unique(seen.begin(), seen.end()), seen.end());
        for (const std::uint64_t x : seen)
            ++(*counts)[x >> key_bits];
    }
    return c;
}

SubgroupRow make_row(const std::string& subgroup, const std::string& value, const Summary& of, bool whole,
                     GroupCounts& c, std::size_t slot, Code code)
{
    SubgroupRow r;
    r.subgroup = subgroup;
    r.value = value;
    r.site_id = of.site_id;
    r.name = of.name;
    r.whole = whole;
    r.enrolled = exact(c.at(c.enrolled, slot, code));
    r.visited = exact(c.at(c.visited, slot, code));
    r.families = exact(c.at(c.families, slot, code));
    return r;
}

// The outcome comparisons within each value, for the whole report: a
// student of the file counts by students.csv's site, visited anywhere in
// the period, as the outcome tables count.
void outcomes(const model::Facts& facts, const FigureOptions& o, const SiteScope& scope,
              const std::vector<char>& visited, Figures& f, std::size_t g)
{
    const model::Repo& repo = facts.repo();
    const std::string& name = repo.subgroups.names()[g];
    const std::size_t codes = repo.subgroups.codes(g);
    // The student's value, or none for a student out of scope.
    const auto code_in_scope = [&](model::StudentId s) -> std::optional<Code> {
        const auto row = repo.row(s);
        if (!row || !scope.covers(repo.students[*row].site))
            return std::nullopt;
        return repo.subgroups.code(*row, g);
    };
    // Per value: visited, of them the outcome, not visited, of them the outcome.
    using OutcomeCounts = std::array<std::int64_t, 4>;
    const auto add = [&](OutcomeCounts& n, model::StudentId s, bool outcome) {
        const std::size_t k = visited[s.index()] ? 0 : 2;
        ++n[k];
        n[k + 1] += outcome ? 1 : 0;
    };
    if (o.attendance) {
        std::vector<OutcomeCounts> n(codes, OutcomeCounts{});
        for (const auto& a : *o.attendance)
            if (const auto code = code_in_scope(a.student); code && counts_for_attendance(a))
                add(n[*code], a.student, chronically_absent(a));
        for (const Code code : repo.subgroups.values(g)) {
            const OutcomeCounts& c = n[code];
            f.subgroups.attendance.push_back({name, repo.subgroups.value(g, code),
                                              attendance_row(f.total.site_id, f.total.name, c[0], c[1], c[2], c[3])});
        }
    }
    if (o.scores) {
        const auto subjects = io::score_subjects(*o.scores);
        std::vector<OutcomeCounts> n(subjects.size() * codes, OutcomeCounts{});
        for (const auto& row : *o.scores)
            if (const auto code = code_in_scope(row.student)) {
                const auto k = static_cast<std::size_t>(
                    std::lower_bound(subjects.begin(), subjects.end(), row.subject) - subjects.begin());
                add(n[k * codes + *code], row.student, row.proficient);
            }
        for (std::size_t k = 0; k < subjects.size(); ++k)
            for (const Code code : repo.subgroups.values(g)) {
                const OutcomeCounts& c = n[k * codes + code];
                ScoreRow r = score_row_of(subjects[k], f.total.site_id, f.total.name, c[0], c[1], c[2], c[3]);
                r.whole = true;
                f.subgroups.scores.push_back({name, repo.subgroups.value(g, code), std::move(r)});
            }
    }
}

} // namespace

void subgroup_figures(const model::Facts& facts, const FigureOptions& o, Figures& f)
{
    const model::Repo& repo = facts.repo();
    if (repo.subgroups.empty())
        return;
    SubgroupFigures& sg = f.subgroups;
    sg.given = true;
    sg.names = repo.subgroups.names();
    // A month's public report gives none (the half year's and the year's
    // do), and a school's public report none: at one school nearly every
    // group is a count under min_cell, and each one hidden there would
    // cost the district's rows as well.
    if (f.is_public && (!f.breakdowns || !o.site.empty()))
        return;
    const SiteScope scope(repo, o.site);
    std::vector<SubgroupRow> site_rows;
    const std::vector<char> visited =
        o.attendance || o.scores ? students_visited_in(repo, o.period) : std::vector<char>{};
    for (std::size_t g = 0; g < repo.subgroups.size(); ++g) {
        GroupCounts c = count_group(facts, o, scope, g);
        for (const Code code : repo.subgroups.values(g)) {
            const std::string& value = repo.subgroups.value(g, code);
            sg.rows.push_back(make_row(sg.names[g], value, f.total, true, c, 0, code));
            if (f.is_public)
                continue;
            for (const Summary& site : f.sites)
                site_rows.push_back(make_row(sg.names[g], value, site, false, c,
                                             site_slot(repo.names.sites.find(site.site_id)), code));
        }
        outcomes(facts, o, scope, visited, f, g);
    }
    // The whole report's rows, then each site's, subgroup by subgroup.
    std::stable_sort(site_rows.begin(), site_rows.end(),
                     [](const SubgroupRow& a, const SubgroupRow& b) { return a.site_id < b.site_id; });
    sg.rows.insert(sg.rows.end(), std::make_move_iterator(site_rows.begin()), std::make_move_iterator(site_rows.end()));
    if (f.is_public && o.publication)
        o.publication->apply_subgroups(f);
    for (SubgroupRow& r : sg.rows) {
        r.coverage = share_of(r.visited, r.enrolled);
        const Summary& of = r.whole ? f.total : *std::find_if(f.sites.begin(), f.sites.end(), [&](const Summary& s) {
            return s.site_id == r.site_id;
        });
        r.representation_hundredths = representation(r.visited, r.enrolled, of.students_visited, of.students_enrolled);
        representation_bound(r, of);
    }
    for (auto& a : sg.attendance)
        finish_attendance_row(a.row);
    for (auto& s : sg.scores)
        finish_score_row(s.row);
}

} // namespace pthv::report
