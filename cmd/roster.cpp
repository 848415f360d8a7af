// pthv roster: the staff table (docs/guide.md, roster): who is trained, whose
// refresher is due, how many visits each made this school year; `roster
// students` and `roster student ID`: which students have had a first and a
// second visit, which have one scheduled, which declined, and which still
// await one (declined families are not "awaiting": participation is
// voluntary for families too, core practice 1); `roster sessions`: the
// training sessions of sessions.csv, held or planned, attended, seats left.
// The tables are model's (student_visits.hpp), their text io's
// (people_table.hpp); the changes live in roster_staff.cpp.

#include <memory>

#include "commands.hpp"
#include "roster.hpp"

#include <pthv/io/people_table.hpp>
#include <pthv/model/student_visits.hpp>
#include <pthv/record/help.hpp>

namespace pthv::cmd {

namespace {

struct StaffOptions {
    std::string site;
    std::string status;
};

int run_staff(const StaffOptions& o, Session& session)
{
    const std::string format = session.format(formats_of("roster"));
    std::optional<model::TrainingStatus> want;
    if (!o.status.empty()) {
        want = model::parse_training_status(o.status);
        if (!want)
            throw UsageError("--status " + o.status + ": use current, due-soon, expired or untrained");
    }
    const model::Repo& repo = session.load().repo;
    const model::SiteId site = repo.names.sites.find(o.site);
    if (!o.site.empty() && !repo.names.sites.defined(site))
        throw UsageError("--site " + o.site + ": no such site" + model::did_you_mean(repo.names.sites.closest(o.site)));
    const auto l =
        model::staff_listing(repo, session.facts(), o.site.empty() ? std::nullopt : std::optional(site), want);
    session.out() = io::staff_table(l, repo.as_of, format, session.global().quiet);
    session.finish();
    return k_exit_ok;
}

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
    session.out() = io::students_table(l, repo.as_of, format, session.global().quiet);
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
    const auto l = model::student_visit_listing(repo, id, o.notes);
    session.out() = io::student_table(repo, *repo.find(id), l, format);
    session.finish();
    return k_exit_ok;
}

int run_sessions(const std::string& site, Session& session)
{
    const std::string format = session.format(formats_of("roster sessions"));
    const model::Repo& repo = session.load().repo;
    const auto l = model::session_listing(repo, filter_ref(repo.names.sites, site, "--site", "site"));
    session.out() = io::sessions_table(repo, l, site, format, session.global().quiet);
    session.finish();
    return k_exit_ok;
}

Runner setup_roster_students(CLI::App& sub)
{
    auto o = std::make_shared<StudentsOptions>();
    sub.add_option("--site", o->site, "Only students of this site")->type_name("SITE");
    sub.add_option("--homeroom", o->homeroom, "Only students of this homeroom teacher")->type_name("ID");
    sub.add_flag("--unvisited", o->filter.unvisited,
                 "Only students still awaiting a visit: none completed this year, not declined");
    sub.add_flag("--declined", o->filter.declined, "Only students whose family declined a visit this year");
    sub.add_flag("--second-due", o->filter.second_due,
                 "Only students due a second visit: exactly one completed this year, none scheduled after it");
    sub.footer(record::help_footer("roster students"));
    return [o](Session& s) { return run_students(*o, s); };
}

Runner setup_roster_student(CLI::App& sub)
{
    auto o = std::make_shared<StudentOptions>();
    sub.add_option("ID", o->id, "The student id")->required();
    sub.add_flag("--notes", o->notes, "Show the visits' private notes too");
    sub.footer(record::help_footer("roster student"));
    return [o](Session& s) { return run_student(*o, s); };
}

Runner setup_roster_sessions(CLI::App& sub)
{
    auto site = std::make_shared<std::string>();
    sub.add_option("--site", *site, "Only sessions held at this site")->type_name("SITE");
    sub.footer(record::help_footer("roster sessions"));
    return [site](Session& s) { return run_sessions(*site, s); };
}

} // namespace

Runner setup_roster(CLI::App& sub)
{
    auto o = std::make_shared<StaffOptions>();
    sub.add_option("--site", o->site, "Only staff of this site")->type_name("SITE");
    sub.add_option("--status", o->status, "Only this training status: current, due-soon, expired, untrained")
        ->type_name("STATUS");
    sub.require_subcommand(0, 1);
    std::vector<std::pair<CLI::App*, Runner>> nested;
    CLI::App* add = sub.add_subcommand("add", "Add a staff member to staff.csv");
    nested.emplace_back(add, setup_roster_add(*add));
    CLI::App* set = sub.add_subcommand("set", "Change fields of one staff member (the rest of the file is kept)");
    nested.emplace_back(set, setup_roster_set(*set));
    CLI::App* train = sub.add_subcommand("train", "Record a training for one or more staff members");
    nested.emplace_back(train, setup_roster_train(*train));
    CLI::App* students = sub.add_subcommand("students", "Students: first and second visits, who still awaits one");
    nested.emplace_back(students, setup_roster_students(*students));
    CLI::App* student = sub.add_subcommand("student", "One student's visits, in date order");
    nested.emplace_back(student, setup_roster_student(*student));
    CLI::App* sessions = sub.add_subcommand("sessions", "Training sessions: held or planned, attended, seats left");
    nested.emplace_back(sessions, setup_roster_sessions(*sessions));
    sub.footer(record::help_footer("roster"));
    return [o, nested](Session& s) {
        for (const auto& [app, run] : nested)
            if (app->parsed())
                return run(s);
        return run_staff(*o, s);
    };
}

} // namespace pthv::cmd
