#include <pthv/stats/targeting.hpp>

#include <algorithm>
#include <map>
#include <set>

#include <pthv/stats/benjamini_hochberg.hpp>
#include <pthv/stats/hypergeometric.hpp>

namespace pthv::stats {

using namespace pthv::model;

std::optional<GroupBy> parse_group_by(std::string_view text)
{
    if (text == "homeroom")
        return GroupBy::Homeroom;
    if (text == "site")
        return GroupBy::Site;
    if (text == "grade")
        return GroupBy::Grade;
    if (text == "educator")
        return GroupBy::Educator;
    return std::nullopt;
}

std::string_view group_by_name(GroupBy by)
{
    switch (by) {
    case GroupBy::Homeroom: return "homeroom";
    case GroupBy::Site: return "site";
    case GroupBy::Grade: return "grade";
    case GroupBy::Educator: return "educator";
    }
    return "homeroom";
}

std::string_view verdict_name(Verdict v)
{
    switch (v) {
    case Verdict::VisitsAll: return "visits all";
    case Verdict::CrossSection: return "cross-section";
    case Verdict::PossibleTargeting: return "possible targeting";
    case Verdict::TooFew: return "too few to judge";
    }
    return "";
}

bool TargetingResult::any_targeting() const
{
    return std::any_of(groups.begin(), groups.end(),
                       [](const GroupResult& g) { return g.verdict == Verdict::PossibleTargeting; });
}

namespace {

struct Group {
    std::string site_id;
    std::vector<std::size_t> roster;   // student indices
    std::set<std::size_t> visited;     // student indices
};

} // namespace

TargetingResult analyse_targeting(const Facts& facts, const TargetingOptions& options)
{
    const Repo& repo = facts.repo();
    const Config& config = repo.config;
    TargetingResult result;
    result.flag_names = repo.flag_names;

    std::map<std::string, Group> groups;
    auto include_site = [&](const std::string& site) { return !options.site || *options.site == site; };

    // Rosters.
    if (options.by == GroupBy::Educator) {
        // An educator's pool is the students of their home site.
        std::map<std::string, std::vector<std::size_t>> by_site;
        for (std::size_t i = 0; i < repo.students.size(); ++i)
            by_site[repo.students[i].site_id].push_back(i);
        for (const auto& s : repo.staff)
            if (include_site(s.site_id) && by_site.count(s.site_id))
                groups[s.id] = Group{s.site_id, by_site[s.site_id], {}};
    } else {
        for (std::size_t i = 0; i < repo.students.size(); ++i) {
            const Student& st = repo.students[i];
            if (!include_site(st.site_id))
                continue;
            std::string key;
            switch (options.by) {
            case GroupBy::Homeroom: key = st.homeroom_id.empty() ? st.site_id + " (no homeroom)" : st.homeroom_id; break;
            case GroupBy::Site: key = st.site_id; break;
            case GroupBy::Grade: key = st.site_id + " grade " + st.grade; break;
            case GroupBy::Educator: break;
            }
            auto& g = groups[key];
            g.site_id = st.site_id;
            g.roster.push_back(i);
        }
    }

    // Who was visited in the period.
    for (const auto& v : repo.visits) {
        if (!v.completed() || !v.date || *v.date < options.from || options.to < *v.date)
            continue;
        const auto st = repo.student_index.find(v.student_id);
        if (st == repo.student_index.end())
            continue;
        const Student& s = repo.students[st->second];
        if (options.by == GroupBy::Educator) {
            for (const auto& e : Facts::educator_set(v)) {
                auto g = groups.find(e);
                if (g != groups.end() && s.site_id == g->second.site_id)
                    g->second.visited.insert(st->second);
            }
            continue;
        }
        std::string key;
        switch (options.by) {
        case GroupBy::Homeroom: key = s.homeroom_id.empty() ? s.site_id + " (no homeroom)" : s.homeroom_id; break;
        case GroupBy::Site: key = s.site_id; break;
        case GroupBy::Grade: key = s.site_id + " grade " + s.grade; break;
        case GroupBy::Educator: break;
        }
        auto g = groups.find(key);
        if (g != groups.end())
            g->second.visited.insert(st->second);
    }

    // Tests, then one Benjamini-Hochberg adjustment over all of them.
    std::vector<double> p_over;
    std::vector<double> p_under;
    std::vector<std::pair<std::size_t, std::size_t>> where; // (group, flag)
    for (auto& [key, g] : groups) {
        if (g.roster.empty())
            continue;
        GroupResult r;
        r.key = key;
        r.site_id = g.site_id;
        r.roster = static_cast<std::int64_t>(g.roster.size());
        r.visited = static_cast<std::int64_t>(g.visited.size());
        r.coverage = static_cast<double>(r.visited) / static_cast<double>(r.roster);
        if (r.coverage >= config.targeting.full_coverage) {
            r.verdict = Verdict::VisitsAll;
        } else if (r.visited < config.targeting.min_visited) {
            r.verdict = Verdict::TooFew;
        } else {
            r.verdict = Verdict::CrossSection;
            for (std::size_t f = 0; f < repo.flag_names.size(); ++f) {
                FlagTest t;
                t.flag = repo.flag_names[f];
                for (const std::size_t s : g.roster)
                    t.flagged_roster += repo.students[s].flags[f] == 1;
                for (const std::size_t s : g.visited)
                    t.flagged_visited += repo.students[s].flags[f] == 1;
                t.p_over = hypergeometric_upper_tail(r.roster, t.flagged_roster, r.visited, t.flagged_visited);
                t.p_under = hypergeometric_lower_tail(r.roster, t.flagged_roster, r.visited, t.flagged_visited);
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
        t.over = t.q_over < config.targeting.alpha;
        t.under = t.q_under < config.targeting.alpha;
        if (t.over)
            g.verdict = Verdict::PossibleTargeting;
    }
    result.tests = where.size();
    return result;
}

} // namespace pthv::stats
