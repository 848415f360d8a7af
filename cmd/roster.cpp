// pthv roster: the staff table (docs/guide.md, roster): who is trained, whose
// refresher is due, how many visits each made this school year. The nested
// commands live in roster_staff.cpp, roster_train.cpp, roster_students.cpp
// and roster_sessions.cpp.

#include <fmt/format.h>
#include <memory>

#include "commands.hpp"
#include "roster.hpp"

#include <pthv/model/student_visits.hpp>
#include <pthv/util/strings.hpp>

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
    std::string& out = session.out();
    out = render_table(format, l.header, l.keys, l.rows);
    if (format == "text" && !session.global().quiet)
        out += fmt::format("{} as of {}: {} current, {} due soon, {} expired, {} untrained\n",
                           util::plural(static_cast<long long>(l.rows.size()), "staff member", "staff members"),
                           repo.as_of.str(), l.current, l.due_soon, l.expired, l.untrained);
    session.finish();
    return k_exit_ok;
}

} // namespace

Runner setup_roster(CLI::App& sub)
{
    auto o = std::make_shared<StaffOptions>();
    sub.add_option("--site", o->site, "Only staff of this site")->type_name("SITE");
    sub.add_option("--status", o->status, "Only this training status: current, due-soon, expired, untrained")
        ->type_name("STATUS");
    sub.require_subcommand(0, 1);
    std::vector<std::pair<CLI::App*, std::function<int(Session&)>>> nested;
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
    sub.footer(std::string("Columns: id, name, site, role, class, opted in, active, intro training date, latest "
                           "training,\nrefresher due (latest + practices.refresher_months), status (current; "
                           "due-soon: due within\n60 days of --as-of; expired; untrained: no intro training), "
                           "completed visits this school year.\n\n"
                           "Examples:\n"
                           "  pthv roster --as-of 2026-09-01 --status due-soon\n"
                           "  pthv roster --site S01 --format csv -o s01-staff.csv\n"
                           "  pthv roster students --unvisited --homeroom T017\n\n") +
               k_internal_note);
    return [o, nested](Session& s) {
        for (const auto& [app, run] : nested)
            if (app->parsed())
                return run(s);
        return run_staff(*o, s);
    };
}

} // namespace pthv::cmd
