// Core practice 4, no targeting: visit every student or a true
// cross-section, so no family is singled out by a concern flag. The
// analysis follows rules.md "The targeting check" step by step.

#include <pthv/stats/targeting.hpp>

#include <algorithm>
#include <unordered_map>
#include <utility>

#include <pthv/stats/benjamini_hochberg.hpp>
#include <pthv/stats/hypergeometric.hpp>

namespace pthv::stats {

using namespace pthv::model;

double FlagTest::share_visited() const
{
    return visited > 0 ? static_cast<double>(flagged_visited) / static_cast<double>(visited) : 0.0;
}

double FlagTest::share_roster() const
{
    return roster > 0 ? static_cast<double>(flagged_roster) / static_cast<double>(roster) : 0.0;
}

bool TargetingResult::any_targeting() const
{
    return std::any_of(groups.begin(), groups.end(), [](const GroupResult& g) {
        return g.verdict == Verdict::PossibleTargeting;
    });
}

std::vector<char> students_visited(const Repo& repo, Date from, Date to)
{
    std::vector<char> visited(repo.students.size(), 0);
    for (const auto& v : repo.visits) {
        if (!v.completed() || !v.date || *v.date < from || to < *v.date)
            continue;
        const auto st = repo.student_index.find(v.student_id);
        if (st != repo.student_index.end())
            visited[st->second] = 1;
    }
    return visited;
}

namespace {

// Per group (or per roster pool), the counts every test needs, per flag.
struct Counts
{
    std::int64_t roster = 0;
    std::int64_t visited = 0;
    std::vector<std::int64_t> known, flagged, known_visited, flagged_visited;

    explicit Counts(std::size_t flags)
        : known(flags), flagged(flags), known_visited(flags), flagged_visited(flags)
    {
    }

    void add_roster(const Student& s)
    {
        ++roster;
        for (std::size_t f = 0; f < known.size(); ++f) {
            known[f] += s.flag(f) >= 0;
            flagged[f] += s.flag(f) == 1;
        }
    }
    void add_visited(const Student& s)
    {
        ++visited;
        for (std::size_t f = 0; f < known.size(); ++f) {
            known_visited[f] += s.flag(f) >= 0;
            flagged_visited[f] += s.flag(f) == 1;
        }
    }
};

struct Group
{
    std::string key;
    std::string site_id;
    std::string grade;
    Counts counts;
};

std::string group_key(GroupBy by, const Student& s)
{
    switch (by) {
    case GroupBy::Homeroom:
        return s.homeroom_id.empty() ? s.site_id + " (no homeroom)" : s.homeroom_id;
    case GroupBy::Site:
        return s.site_id;
    case GroupBy::Grade:
        return s.site_id + " grade " + s.grade;
    case GroupBy::Educator:
        break;
    }
    return {};
}

// Homerooms, sites, grades: every student is in exactly one group, so one
// pass over the students does it.
std::vector<Group> student_groups(const Repo& repo, const TargetingOptions& o,
                                  const std::vector<char>& in_scope,
                                  const std::vector<char>& visited)
{
    const std::size_t flags = repo.flag_names.size();
    std::vector<Group> groups;
    std::unordered_map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < repo.students.size(); ++i) {
        if (!in_scope[i])
            continue;
        const Student& s = repo.students[i];
        auto [it, added] = index.try_emplace(group_key(o.by, s), groups.size());
        if (added)
            groups.push_back(
                Group{it->first, s.site_id, o.by == GroupBy::Grade ? s.grade : "", Counts(flags)});
        Group& g = groups[it->second];
        g.counts.add_roster(s);
        if (visited[i])
            g.counts.add_visited(s);
    }
    return groups;
}

// Educators: the roster is the home site's students (counted once per
// site, not once per educator); the visited are the distinct students of
// that site each educator saw in the period.
std::vector<Group> educator_groups(const Repo& repo, const TargetingOptions& o,
                                   const std::vector<char>& in_scope)
{
    const std::size_t flags = repo.flag_names.size();
    std::unordered_map<std::string, Counts> sites;
    for (std::size_t i = 0; i < repo.students.size(); ++i)
        if (in_scope[i])
            sites.try_emplace(repo.students[i].site_id, flags)
                .first->second.add_roster(repo.students[i]);

    std::vector<std::pair<std::size_t, std::size_t>> seen; // (staff index, student index)
    for (const auto& v : repo.visits) {
        if (!v.completed() || !v.date || *v.date < o.from || o.to < *v.date)
            continue;
        const auto st = repo.student_index.find(v.student_id);
        if (st == repo.student_index.end() || !in_scope[st->second])
            continue;
        for (const auto& e : v.educators) {
            const auto staff = repo.staff_index.find(e);
            if (staff != repo.staff_index.end() &&
                repo.staff[staff->second].site_id == repo.students[st->second].site_id)
                seen.emplace_back(staff->second, st->second);
        }
    }
    std::sort(seen.begin(), seen.end());
    seen.erase(std::unique(seen.begin(), seen.end()), seen.end());

    std::vector<Group> groups;
    std::unordered_map<std::size_t, std::size_t> index; // staff index -> group
    for (const auto& [staff, student] : seen) {
        auto [it, added] = index.try_emplace(staff, groups.size());
        if (added) {
            const Staff& s = repo.staff[staff];
            Counts c(flags);
            const Counts& pool = sites.at(s.site_id);
            c.roster = pool.roster;
            c.known = pool.known;
            c.flagged = pool.flagged;
            groups.push_back(Group{s.id, s.site_id, "", std::move(c)});
        }
        groups[it->second].counts.add_visited(repo.students[student]);
    }
    return groups;
}

bool group_less(GroupBy by, const Group& a, const Group& b)
{
    if (a.site_id != b.site_id)
        return a.site_id < b.site_id;
    if (by == GroupBy::Grade && a.grade != b.grade)
        return grade_less(a.grade, b.grade);
    return a.key < b.key;
}

} // namespace

TargetingResult analyse_targeting(const Facts& facts, const TargetingOptions& options)
{
    const Repo& repo = facts.repo();
    const Targeting& settings = repo.config.targeting;
    TargetingResult result;
    result.by = options.by;
    result.settings = settings;

    std::vector<char> in_scope(repo.students.size(), 1);
    if (options.site)
        for (std::size_t i = 0; i < repo.students.size(); ++i)
            in_scope[i] = repo.students[i].site_id == *options.site;
    for (std::size_t f = 0; f < repo.flag_names.size(); ++f) {
        FlagSummary s{repo.flag_names[f], 0, 0, 0};
        for (std::size_t i = 0; i < repo.students.size(); ++i)
            if (in_scope[i]) {
                ++s.students;
                s.flagged += repo.students[i].flag(f) == 1;
                s.unknown += repo.students[i].flag(f) < 0;
            }
        result.flags.push_back(std::move(s));
    }

    std::vector<Group> groups =
        options.by == GroupBy::Educator
            ? educator_groups(repo, options, in_scope)
            : student_groups(repo, options, in_scope,
                             students_visited(repo, options.from, options.to));
    std::sort(groups.begin(), groups.end(),
              [&](const Group& a, const Group& b) { return group_less(options.by, a, b); });

    // Tests, then one Benjamini-Hochberg adjustment over all of them
    // (rules.md: across every (group, flag) test of the run).
    std::vector<double> p_over;
    std::vector<double> p_under;
    std::vector<std::pair<std::size_t, std::size_t>> where; // (group, flag)
    for (auto& g : groups) {
        const Counts& c = g.counts;
        if (c.roster == 0)
            continue;
        GroupResult r;
        r.key = std::move(g.key);
        r.site_id = std::move(g.site_id);
        r.grade = std::move(g.grade);
        r.roster = c.roster;
        r.visited = c.visited;
        r.coverage = static_cast<double>(r.visited) / static_cast<double>(r.roster);
        if (r.coverage >= settings.full_coverage) {
            r.verdict = Verdict::VisitsAll;
        } else if (r.visited < settings.min_visited) {
            r.verdict = Verdict::TooFew;
        } else {
            r.verdict = Verdict::CrossSection;
            for (std::size_t f = 0; f < repo.flag_names.size(); ++f) {
                FlagTest t;
                t.flag = repo.flag_names[f];
                t.roster = c.known[f];
                t.visited = c.known_visited[f];
                t.flagged_roster = c.flagged[f];
                t.flagged_visited = c.flagged_visited[f];
                t.p_over = hypergeometric_upper_tail(t.roster, t.flagged_roster, t.visited,
                                                     t.flagged_visited);
                t.p_under = hypergeometric_lower_tail(t.roster, t.flagged_roster, t.visited,
                                                      t.flagged_visited);
                p_over.push_back(t.p_over);
                p_under.push_back(t.p_under);
                where.emplace_back(result.groups.size(), r.flags.size());
                r.flags.push_back(std::move(t));
            }
        }
        result.groups.push_back(std::move(r));
    }
    const auto q_over = benjamini_hochberg(p_over);
    const auto q_under = benjamini_hochberg(p_under);
    for (std::size_t i = 0; i < where.size(); ++i) {
        GroupResult& g = result.groups[where[i].first];
        FlagTest& t = g.flags[where[i].second];
        t.q_over = q_over[i];
        t.q_under = q_under[i];
        t.over = t.q_over < settings.alpha;
        t.under = t.q_under < settings.alpha;
        if (t.over)
            g.verdict = Verdict::PossibleTargeting;
    }
    result.tests = where.size();
    return result;
}

} // namespace pthv::stats
