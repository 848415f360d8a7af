// Data integrity (docs/rules.md): references that name nothing, and visits dated
// where no visit can be. Always errors.

#include <algorithm>
#include <map>
#include <type_traits>
#include <fmt/format.h>

#include <pthv/io/references.hpp>
#include <pthv/rules/checks.hpp>

namespace pthv::rules {

using namespace pthv::model;

namespace {

// Only suggest among small tables; a suggestion among a million student
// ids would cost more than it helps.
constexpr std::size_t k_most_suggested = 5000;

// A reference resolved to a handle at load: it names nothing when no row
// of its target file (io::references, from the schemas) defines it. The suggestion for an unknown id is worked out
// once per id, not once per row that names it: a site id missing from
// sites.csv may be named by thousands of visits, and each suggestion reads
// every site id.
class RefChecker {
public:
    RefChecker(const Repo& repo, Findings& findings) : m_repo(repo), m_findings(findings) {}

    // Checks the reference `file`'s `column` makes (io::reference) with
    // the id `id`, found on `line` of the row of `record`, whose messages
    // begin with `who`.
    template <typename Id>
    void check(const Ids<Id>& ids, Id id, std::string_view file, std::string_view column, std::size_t line,
               std::string_view record, const std::string& who)
    {
        if (!id || ids.defined(id))
            return;
        const io::Reference& ref = io::reference(file, column);
        // An id the target defines on a line that was not read would look
        // missing: such a check waits until the file reads cleanly.
        const auto info = m_repo.files.find(ref.target);
        if (info == m_repo.files.end() || !info->second.complete) {
            m_findings.hold_back(ref.target, file);
            return;
        }
        if (!m_findings.keeps_integrity(file, line)) // a check of a change: not one of its rows
            return;
        const std::string_view text = ids.text(id);
        const std::uint64_t key = (std::uint64_t{kind_of<Id>()} << 32) | id.value();
        auto it = m_advice.find(key);
        if (it == m_advice.end()) {
            const std::string near = ids.closest(text, k_most_suggested);
            it = m_advice.emplace(key, near.empty() ? "add it to " + ref.target + ", or fix the id"
                                                    : "did you mean " + near + "?")
                     .first;
        }
        Problem& p = m_findings.add("unknown-ref", file, line, record,
                                    fmt::format("{}: {} {} is not in {}", who, ref.word, text, ref.target),
                                    it->second);
        p.column = ref.column;
        p.value = std::string(text);
        if constexpr (std::is_same_v<Id, StaffId>)
            p.staff = {std::string(text)};
        if constexpr (std::is_same_v<Id, SiteId>)
            p.site = std::string(text);
        if (file == "visits.csv")
            p.visit = std::string(record);
    }

private:
    template <typename Id> static std::uint32_t kind_of()
    {
        if constexpr (std::is_same_v<Id, SiteId>)
            return 0;
        else if constexpr (std::is_same_v<Id, StaffId>)
            return 1;
        else if constexpr (std::is_same_v<Id, SessionId>)
            return 3;
        else
            return 2;
    }

    const Repo& m_repo;
    Findings& m_findings;
    std::map<std::uint64_t, std::string> m_advice; // by kind and handle
};

// The references of the optional files: events.csv's site and staff,
// sessions.csv's site, (with sessions.csv) trainings.csv's session, and
// surveys.csv's site and student.
void check_optional_refs(const Repo& repo, RefChecker& refs)
{
    const Names& n = repo.names;
    for (const auto& e : repo.events) {
        const auto id = repo.id(e.id);
        const std::string who = fmt::format("event {}", id);
        refs.check(n.sites, e.site, "events.csv", "site_id", e.line, id, who);
        for (const StaffId s : repo.staff_of(e))
            refs.check(n.staff, s, "events.csv", "staff_ids", e.line, id, who);
    }
    for (const auto& s : repo.sessions) {
        const auto id = repo.id(s.id);
        refs.check(n.sites, s.site, "sessions.csv", "site_id", s.line, id,
                   fmt::format("session {}", id));
    }
    for (const auto& r : repo.surveys) {
        const auto id = repo.id(r.id);
        const std::string who = fmt::format("survey response {}", id);
        refs.check(n.sites, r.site, "surveys.csv", "site_id", r.line, id, who);
        refs.check(n.students, r.student, "surveys.csv", "student_id", r.line, id, who);
    }
    for (const auto& t : repo.trainings) {
        const auto id = repo.id(t.staff);
        refs.check(n.sessions, t.session_id, "trainings.csv", "session", t.line, id,
                   fmt::format("training of {}", id));
    }
}

} // namespace

void check_unknown_ref(const Context& ctx, Findings& out)
{
    const Repo& repo = ctx.repo;
    const Names& n = repo.names;
    RefChecker refs(repo, out);
    for (const auto& s : repo.sites) {
        const auto id = repo.id(s.id);
        refs.check(n.staff, s.coordinator, "sites.csv", "coordinator_id", s.line, id,
                   fmt::format("site {}", id));
    }
    for (const auto& s : repo.staff) {
        const auto id = repo.id(s.id);
        refs.check(n.sites, s.site, "staff.csv", "site_id", s.line, id, fmt::format("staff member {}", id));
    }
    for (const auto& s : repo.students) {
        if (n.sites.defined(s.site) && (!s.homeroom || n.staff.defined(s.homeroom)))
            continue;
        const auto id = repo.id(s.id);
        const std::string who = fmt::format("student {}", id);
        refs.check(n.sites, s.site, "students.csv", "site_id", s.line, id, who);
        refs.check(n.staff, s.homeroom, "students.csv", "homeroom_id", s.line, id, who);
    }
    for (const auto& t : repo.trainings) {
        const auto id = repo.id(t.staff);
        refs.check(n.staff, t.staff, "trainings.csv", "staff_id", t.line, id,
                   fmt::format("training of {}", id));
    }
    check_optional_refs(repo, refs);
    for (const auto& v : repo.visits) {
        // Nearly every visit names only what exists: the message is built
        // only for one that does not.
        const auto educators = repo.educators(v);
        const auto staff_known = [&](StaffId e) { return !e || n.staff.defined(e); };
        const bool known = (!v.student || n.students.defined(v.student)) && (!v.site || n.sites.defined(v.site)) &&
                           std::all_of(educators.begin(), educators.end(), staff_known) &&
                           staff_known(v.interpreter) && staff_known(v.confirmed_by);
        if (known)
            continue;
        const auto id = repo.id(v.id);
        const std::string who = fmt::format("visit {}", id);
        refs.check(n.students, v.student, "visits.csv", "student_id", v.line, id, who);
        refs.check(n.sites, v.site, "visits.csv", "site_id", v.line, id, who);
        for (const StaffId e : educators)
            refs.check(n.staff, e, "visits.csv", "educators", v.line, id, who);
        refs.check(n.staff, v.interpreter, "visits.csv", "interpreter", v.line, id, who);
        refs.check(n.staff, v.confirmed_by, "visits.csv", "confirmed_by", v.line, id, who);
    }
}

void check_visit_out_of_year(const Context& ctx, Findings& out)
{
    const auto& sy = ctx.repo.config.school_year;
    for (const auto& v : ctx.repo.visits)
        if (v.date && !ctx.facts.in_school_year(*v.date))
            out.on_visit("visit-out-of-year", ctx.repo, v,
                    fmt::format("visit {} is dated {}, outside the school year {}..{}", ctx.repo.id(v.id),
                                v.date->str(), sy.start.str(), sy.end.str()),
                    "a new school year starts a new data repo (pthv init); or fix the date");
}

void check_visit_in_future(const Context& ctx, Findings& out)
{
    for (const auto& v : ctx.repo.visits)
        if (v.completed() && v.date && ctx.repo.as_of < *v.date)
            out.on_visit("visit-in-future", ctx.repo, v,
                    fmt::format("visit {} is completed but dated {}, after today ({})", ctx.repo.id(v.id),
                                v.date->str(), ctx.repo.as_of.str()),
                    "fix the date, or log the visit as scheduled until it happens");
}

void check_visit_inactive_site(const Context& ctx, Findings& out)
{
    for (const auto& v : ctx.repo.visits) {
        const Site* site = ctx.repo.find(ctx.repo.visit_site(v));
        if (site && site->status && *site->status != SiteStatus::Active)
            out.on_visit("visit-inactive-site", ctx.repo, v,
                    fmt::format("visit {} is at site {}, whose status is {}", ctx.repo.id(v.id),
                                ctx.repo.id(site->id), enum_name(*site->status)),
                    "only active sites have visits: set the site's status to active in sites.csv")
                .site = std::string(ctx.repo.id(site->id));
    }
}

} // namespace pthv::rules
