// pthv roster students / roster student ID: which students have had a
// first and a second visit, which have one scheduled, which declined, and
// which still await one (docs/guide.md, roster). Declined families are not
// "awaiting": participation is voluntary for families too (core practice 1).

#include <fmt/format.h>
#include <memory>

#include "roster.hpp"

#include <pthv/model/student_visits.hpp>
#include <pthv/util/strings.hpp>

namespace pthv::cmd {

namespace {

struct StudentsOptions {
    std::string site;
    std::string homeroom;
    bool unvisited = false;
    bool declined = false;
    bool second_due = false;
};

std::string date_of(const model::Repo& repo, const std::optional<std::size_t>& visit)
{
    if (!visit)
        return {};
    const auto& d = repo.visits[*visit].date;
    return d ? d->str() : std::string{};
}

int run_students(const StudentsOptions& o, Session& session)
{
    const std::string format = session.format(formats_of("roster students"));
    const auto& loaded = session.load();
    const model::Repo& repo = loaded.repo;
    const model::SiteId site = check_ref(repo.names.sites, o.site, "--site", "site");
    const model::StaffId homeroom = check_ref(repo.names.staff, o.homeroom, "--homeroom", "staff member");
    const model::Facts& facts = session.facts();
    const auto progress = model::student_visits(repo, facts, repo.as_of);

    std::vector<std::vector<std::string>> rows;
    std::size_t visited = 0, second = 0, awaiting = 0, declined = 0;
    for (std::size_t i = 0; i < repo.students.size(); ++i) {
        const auto& s = repo.students[i];
        const auto& p = progress[i];
        if ((!o.site.empty() && s.site != site) || (!o.homeroom.empty() && s.homeroom != homeroom))
            continue;
        if ((o.unvisited && !p.awaiting()) || (o.declined && !p.declined) || (o.second_due && !p.second_due()))
            continue;
        visited += p.first ? 1U : 0U;
        second += p.second ? 1U : 0U;
        awaiting += p.awaiting() ? 1U : 0U;
        declined += p.declined ? 1U : 0U;
        rows.push_back({std::string(repo.id(s.id)), std::string(s.name), std::string(repo.id(s.site)),
                        std::string(s.grade), std::string(repo.id(s.homeroom)), date_of(repo, p.first),
                        date_of(repo, p.second), date_of(repo, p.next_scheduled), date_of(repo, p.declined),
                        std::to_string(p.completed)});
    }
    std::string& out = session.out();
    out = render_table(format,
                       {"ID", "NAME", "SITE", "GRADE", "HOMEROOM", "FIRST VISIT", "SECOND VISIT", "NEXT SCHEDULED",
                        "DECLINED", "VISITS"},
                       {"student_id", "name", "site_id", "grade", "homeroom_id", "first_visit", "second_visit",
                        "next_scheduled", "declined", "completed_visits"},
                       rows);
    if (format == "text" && !session.global().quiet)
        out += fmt::format("{} as of {}: {} visited, {} with a second visit, {} awaiting a visit, {} declined\n",
                           util::plural(static_cast<long long>(rows.size()), "student", "students"),
                           repo.as_of.str(), visited, second, awaiting, declined);
    session.finish();
    return k_exit_ok;
}

struct StudentOptions {
    std::string id;
    bool notes = false;
};

int run_student(const StudentOptions& o, Session& session)
{
    const std::string format = session.format(formats_of("roster student"));
    const auto& loaded = session.load();
    const model::Repo& repo = loaded.repo;
    const model::StudentId id = check_ref(repo.names.students, o.id, "roster student", "student");
    const model::Student& s = *repo.find(id);

    std::vector<std::vector<std::string>> rows;
    for (const std::size_t i : model::visits_of_student(repo, id)) {
        const auto& v = repo.visits[i];
        std::vector<std::string> educators;
        for (const model::StaffId e : repo.educators(v))
            educators.emplace_back(repo.id(e));
        std::vector<std::string> row = {
            v.date ? v.date->str() : "", v.start_time ? v.start_time->str() : "",
            v.minutes ? std::to_string(*v.minutes) : "",
            v.status ? std::string(model::enum_name(*v.status)) : "", util::join(educators, ";"),
            v.focus ? std::string(model::enum_name(*v.focus)) : "",
            v.mode ? std::string(model::enum_name(*v.mode)) : "", std::string(repo.id(v.id))};
        // Notes are private (docs/data.md): shown only when asked for.
        if (o.notes)
            row.emplace_back(v.notes);
        rows.push_back(std::move(row));
    }
    std::vector<std::string> header = {"DATE", "TIME", "MINUTES", "STATUS", "EDUCATORS", "FOCUS", "MODE", "VISIT"};
    std::vector<std::string> keys = {"date", "start_time", "minutes", "status", "educators", "focus", "mode",
                                     "visit_id"};
    if (o.notes) {
        header.push_back("NOTES");
        keys.push_back("notes");
    }
    std::string& out = session.out();
    if (format == "text")
        out = util::printable_text(fmt::format("{}{}, site {}, grade {}, homeroom {}{}\n", repo.id(s.id),
                                               s.name.empty() ? std::string{} : " " + std::string(s.name),
                                               repo.id(s.site), s.grade, repo.id(s.homeroom),
                                               s.family_given ? ", family " + std::string(repo.id(s.family)) : ""));
    out += render_table(format, header, keys, rows);
    if (format == "text" && rows.empty())
        out += "(no visits logged)\n";
    session.finish();
    return k_exit_ok;
}

} // namespace

std::function<int(Session&)> setup_roster_students(CLI::App& sub)
{
    auto o = std::make_shared<StudentsOptions>();
    sub.add_option("--site", o->site, "Only students of this site")->type_name("SITE");
    sub.add_option("--homeroom", o->homeroom, "Only students of this homeroom teacher")->type_name("ID");
    sub.add_flag("--unvisited", o->unvisited,
                 "Only students still awaiting a visit: none completed this year, not declined");
    sub.add_flag("--declined", o->declined, "Only students whose family declined a visit this year");
    sub.add_flag("--second-due", o->second_due,
                 "Only students due a second visit: exactly one completed this year, none scheduled after it");
    sub.footer(std::string("Per student: first and second completed visit this school year, the next scheduled "
                           "visit\n(on or after --as-of), the latest decline, completed visits.\n\n"
                           "Examples:\n"
                           "  pthv roster students --site S01 --unvisited\n"
                           "  pthv roster students --homeroom T017 --format csv -o t017.csv\n"
                           "  pthv roster students --declined --as-of 2026-12-01\n"
                           "  pthv roster students --second-due --site S01\n\n") +
               k_internal_note);
    return [o](Session& s) { return run_students(*o, s); };
}

std::function<int(Session&)> setup_roster_student(CLI::App& sub)
{
    auto o = std::make_shared<StudentOptions>();
    sub.add_option("ID", o->id, "The student id")->required();
    sub.add_flag("--notes", o->notes, "Show the visits' private notes too");
    sub.footer(std::string("Every visit row of the student, in date order. Notes are private: shown only with "
                           "--notes.\n\n"
                           "Examples:\n"
                           "  pthv roster student ST0107\n"
                           "  pthv roster student ST0107 --notes --format json\n\n") +
               k_internal_note);
    return [o](Session& s) { return run_student(*o, s); };
}

} // namespace pthv::cmd
