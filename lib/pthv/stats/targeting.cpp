// Core practice 4, no targeting: visit every student or a true
// cross-section, so no family is singled out by a concern flag. The
// analysis follows docs/rules.md "The targeting check" step by step.

#include <pthv/stats/targeting.hpp>

#include <algorithm>
#include <optional>
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
        if (const auto row = repo.row(v.student))
            visited[*row] = 1;
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

// A site handle as a slot of a table: 0 for no site, else handle + 1.
std::size_t site_slot(SiteId s) { return s ? s.index() + 1 : 0; }

std::string group_key(const Repo& repo, GroupBy by, const Student& s)
{
    const std::string site(repo.id(s.site));
    switch (by) {
    case GroupBy::Homeroom:
        return s.homeroom ? std::string(repo.id(s.homeroom)) : site + " (no homeroom)";
    case GroupBy::Site:
        return site;
    case GroupBy::Grade:
        return site + " grade " + std::string(s.grade);
    case GroupBy::Educator:
        break;
    }
    return {};
}

// Each student's grade as a small number: the grades a district uses are a
// handful, so a look through those seen so far beats hashing the text.
std::vector<std::uint32_t> grade_codes(const Repo& repo, std::size_t& count)
{
    std::vector<std::string_view> seen;
    std::vector<std::uint32_t> codes(repo.students.size());
    for (std::size_t i = 0; i < repo.students.size(); ++i) {
        const std::string_view g = repo.students[i].grade;
        auto it = std::find(seen.begin(), seen.end(), g);
        if (it == seen.end())
            it = seen.insert(seen.end(), g);
        codes[i] = static_cast<std::uint32_t>(it - seen.begin());
    }
    count = seen.size();
    return codes;
}

// Homerooms, sites, grades: every student is in exactly one group, so one
// pass over the students does it, with each group found by a slot number
// made from handles (a homeroom, a site, a site and grade).
std::vector<Group> student_groups(const Repo& repo, const TargetingOptions& o,
                                  const std::vector<char>& in_scope,
                                  const std::vector<char>& visited)
{
    const std::size_t flags = repo.flag_names.size();
    const std::size_t sites = repo.names.sites.size() + 1;
    std::size_t grades = 1;
    std::vector<std::uint32_t> grade;
    if (o.by == GroupBy::Grade)
        grade = grade_codes(repo, grades);
    const std::size_t staff = repo.names.staff.size();
    const std::size_t slots = o.by == GroupBy::Homeroom ? staff + sites : o.by == GroupBy::Site ? sites : sites * grades;
    const auto slot_of = [&](std::size_t i, const Student& s) -> std::size_t {
        switch (o.by) {
        case GroupBy::Homeroom: return s.homeroom ? s.homeroom.index() : staff + site_slot(s.site);
        case GroupBy::Site: return site_slot(s.site);
        default: return site_slot(s.site) * grades + grade[i];
        }
    };
    constexpr std::uint32_t k_none = 0xFFFFFFFFu;
    std::vector<std::uint32_t> group_of(slots, k_none);
    std::vector<Group> groups;
    for (std::size_t i = 0; i < repo.students.size(); ++i) {
        if (!in_scope[i])
            continue;
        const Student& s = repo.students[i];
        std::uint32_t& g = group_of[slot_of(i, s)];
        if (g == k_none) {
            g = static_cast<std::uint32_t>(groups.size());
            groups.push_back(Group{group_key(repo, o.by, s), std::string(repo.id(s.site)),
                                   o.by == GroupBy::Grade ? std::string(s.grade) : "", Counts(flags)});
        }
        Group& group = groups[g];
        group.counts.add_roster(s);
        if (visited[i])
            group.counts.add_visited(s);
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
    std::vector<std::optional<Counts>> sites(repo.names.sites.size() + 1);
    for (std::size_t i = 0; i < repo.students.size(); ++i)
        if (in_scope[i]) {
            auto& pool = sites[site_slot(repo.students[i].site)];
            if (!pool)
                pool.emplace(flags);
            pool->add_roster(repo.students[i]);
        }

    std::vector<std::pair<std::size_t, std::size_t>> seen; // (staff row, student row)
    for (const auto& v : repo.visits) {
        if (!v.completed() || !v.date || *v.date < o.from || o.to < *v.date)
            continue;
        const auto st = repo.row(v.student);
        if (!st || !in_scope[*st])
            continue;
        for (const StaffId e : repo.educators(v)) {
            const std::uint32_t staff = repo.names.staff.row(e);
            if (staff < repo.staff.size() && repo.staff[staff].site == repo.students[*st].site)
                seen.emplace_back(staff, *st);
        }
    }
    std::sort(seen.begin(), seen.end());
    seen.erase(std::unique(seen.begin(), seen.end()), seen.end());

    // `seen` is sorted by staff row: each educator's pairs are one run.
    std::vector<Group> groups;
    for (std::size_t k = 0; k < seen.size(); ++k) {
        const auto [staff, student] = seen[k];
        if (k == 0 || seen[k - 1].first != staff) {
            const Staff& s = repo.staff[staff];
            Counts c(flags);
            const Counts& pool = *sites[site_slot(s.site)];
            c.roster = pool.roster;
            c.known = pool.known;
            c.flagged = pool.flagged;
            groups.push_back(Group{std::string(repo.id(s.id)), std::string(repo.id(s.site)), "", std::move(c)});
        }
        groups.back().counts.add_visited(repo.students[student]);
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
    if (options.site) {
        const SiteId site = repo.names.sites.find(*options.site);
        for (std::size_t i = 0; i < repo.students.size(); ++i)
            in_scope[i] = site ? repo.students[i].site == site : options.site->empty() && !repo.students[i].site;
    }
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
    // (docs/rules.md: across every (group, flag) test of the run).
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
