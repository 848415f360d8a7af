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
    model::StudentFilter filter;
};

int run_students(const StudentsOptions& o, Session& session)
{
    const std::string format = session.format(formats_of("roster students"));
    const model::Repo& repo = session.load().repo;
    model::StudentFilter filter = o.filter;
    filter.site = filter_ref(repo.names.sites, o.site, "--site", "site");
    filter.homeroom = filter_ref(repo.names.staff, o.homeroom, "--homeroom", "staff member");
    const auto l = model::student_listing(repo, session.facts(), filter);
    std::string& out = session.out();
    out = render_table(format, l.header, l.keys, l.rows);
    if (format == "text" && !session.global().quiet)
        out += fmt::format("{} as of {}: {} visited, {} with a second visit, {} awaiting a visit, {} declined\n",
                           util::plural(static_cast<long long>(l.rows.size()), "student", "students"),
                           repo.as_of.str(), l.visited, l.second, l.awaiting, l.declined);
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
    const model::Repo& repo = session.load().repo;
    const model::StudentId id = check_ref(repo.names.students, o.id, "roster student", "student");
    const model::Student& s = *repo.find(id);
    const auto l = model::student_visit_listing(repo, id, o.notes);
    std::string& out = session.out();
    if (format == "text")
        out = util::printable_text(fmt::format("{}{}, site {}, grade {}, homeroom {}{}\n", repo.id(s.id),
                                               s.name.empty() ? std::string{} : " " + std::string(s.name),
                                               repo.id(s.site), s.grade, repo.id(s.homeroom),
                                               s.family_given ? ", family " + std::string(repo.id(s.family)) : ""));
    out += render_table(format, l.header, l.keys, l.rows);
    if (format == "text" && l.rows.empty())
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
    sub.add_flag("--unvisited", o->filter.unvisited,
                 "Only students still awaiting a visit: none completed this year, not declined");
    sub.add_flag("--declined", o->filter.declined, "Only students whose family declined a visit this year");
    sub.add_flag("--second-due", o->filter.second_due,
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
