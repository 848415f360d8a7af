// Data integrity (rules.md): references that name nothing, and visits dated
// where no visit can be. Always errors.

#include <algorithm>
#include <fmt/format.h>

#include <pthv/rules/checks.hpp>
#include <pthv/util/strings.hpp>

namespace pthv::rules {

using namespace pthv::model;

namespace {

// Keys of an index, for "did you mean".
std::vector<std::string> keys_of(const std::unordered_map<std::string, std::size_t>& index)
{
    std::vector<std::string> out;
    out.reserve(index.size());
    for (const auto& [k, v] : index)
        out.push_back(k);
    std::sort(out.begin(), out.end());
    return out;
}

class RefChecker {
public:
    explicit RefChecker(Findings& findings) : m_findings(findings) {}

    void check(const std::unordered_map<std::string, std::size_t>& index, const std::string& id,
               const char* what, const char* target, const std::string& file, std::size_t line,
               const std::string& record, const std::string& who)
    {
        if (id.empty() || index.count(id))
            return;
        // Only suggest among small indexes; a suggestion among a million
        // student ids would cost more than it helps.
        std::string advice = std::string("add it to ") + target + ", or fix the id";
        if (index.size() <= 5000) {
            const std::string near = util::closest_match(id, keys_of(index));
            if (!near.empty())
                advice = "did you mean " + near + "?";
        }
        m_findings.add("unknown-ref", file, line, record,
                       fmt::format("{}: {} {} is not in {}", who, what, id, target), advice);
    }

private:
    Findings& m_findings;
};

} // namespace

void check_unknown_ref(const Context& ctx, Findings& out)
{
    const Repo& repo = ctx.repo;
    RefChecker refs(out);
    for (const auto& s : repo.sites)
        refs.check(repo.staff_index, s.coordinator_id, "coordinator_id", "staff.csv", "sites.csv", s.line, s.id,
                   "site " + s.id);
    for (const auto& s : repo.staff)
        refs.check(repo.site_index, s.site_id, "site_id", "sites.csv", "staff.csv", s.line, s.id,
                   "staff member " + s.id);
    for (const auto& s : repo.students) {
        refs.check(repo.site_index, s.site_id, "site_id", "sites.csv", "students.csv", s.line, s.id,
                   "student " + s.id);
        refs.check(repo.staff_index, s.homeroom_id, "homeroom_id", "staff.csv", "students.csv", s.line, s.id,
                   "student " + s.id);
    }
    for (const auto& t : repo.trainings)
        refs.check(repo.staff_index, t.staff_id, "staff_id", "staff.csv", "trainings.csv", t.line, t.staff_id,
                   "training of " + t.staff_id);
    for (const auto& v : repo.visits) {
        const std::string who = "visit " + v.id;
        refs.check(repo.student_index, v.student_id, "student_id", "students.csv", "visits.csv", v.line, v.id, who);
        refs.check(repo.site_index, v.site_id, "site_id", "sites.csv", "visits.csv", v.line, v.id, who);
        for (const auto& e : v.educators)
            refs.check(repo.staff_index, e, "educator", "staff.csv", "visits.csv", v.line, v.id, who);
    }
}

void check_visit_out_of_year(const Context& ctx, Findings& out)
{
    const auto& sy = ctx.repo.config.school_year;
    for (const auto& v : ctx.repo.visits)
        if (v.date && !ctx.facts.in_school_year(*v.date))
            out.add("visit-out-of-year", "visits.csv", v.line, v.id,
                    fmt::format("visit {} is dated {}, outside the school year {}..{}", v.id, v.date->str(),
                                sy.start.str(), sy.end.str()),
                    "a new school year starts a new data repo (pthv init); or fix the date");
}

void check_visit_in_future(const Context& ctx, Findings& out)
{
    for (const auto& v : ctx.repo.visits)
        if (v.completed() && v.date && ctx.repo.as_of < *v.date)
            out.add("visit-in-future", "visits.csv", v.line, v.id,
                    fmt::format("visit {} is completed but dated {}, after today ({})", v.id, v.date->str(),
                                ctx.repo.as_of.str()),
                    "fix the date, or log the visit as scheduled until it happens");
}

void check_visit_inactive_site(const Context& ctx, Findings& out)
{
    for (const auto& v : ctx.repo.visits) {
        const Site* site = ctx.repo.find_site(ctx.repo.visit_site(v));
        if (site && site->status && *site->status != SiteStatus::Active)
            out.add("visit-inactive-site", "visits.csv", v.line, v.id,
                    fmt::format("visit {} is at site {}, whose status is {}", v.id, site->id,
                                enum_name(*site->status)),
                    "only active sites have visits: set the site's status to active in sites.csv");
    }
}

} // namespace pthv::rules
