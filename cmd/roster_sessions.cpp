// pthv roster sessions: the training sessions of sessions.csv, held (dated
// on or before --as-of) or planned, with how many trainings.csv rows name
// each and the seats left (docs/data.md).

#include <fmt/format.h>
#include <memory>

#include "roster.hpp"

#include <pthv/model/student_visits.hpp>
#include <pthv/util/strings.hpp>

namespace pthv::cmd {

namespace {

struct SessionsOptions {
    std::string site;
};

int run_sessions(const SessionsOptions& o, Session& session)
{
    const std::string format = session.format(formats_of("roster sessions"));
    const model::Repo& repo = session.load().repo;
    const auto l = model::session_listing(repo, filter_ref(repo.names.sites, o.site, "--site", "site"));
    const auto& rows = l.rows;
    std::string& out = session.out();
    // No sessions: say so, without a header over nothing (csv and json
    // still give their empty table, for scripts).
    if (format == "text" && rows.empty()) {
        if (!session.global().quiet)
            out = !repo.has_file("sessions.csv")
                      ? "No sessions.csv: training sessions are not planned in this repo.\n"
                      : (o.site.empty() ? "No sessions in sessions.csv.\n" : "No sessions at site " + o.site + ".\n");
        session.finish();
        return k_exit_ok;
    }
    out = render_table(format, l.header, l.keys, rows);
    session.finish();
    return k_exit_ok;
}

} // namespace

std::function<int(Session&)> setup_roster_sessions(CLI::App& sub)
{
    auto o = std::make_shared<SessionsOptions>();
    sub.add_option("--site", o->site, "Only sessions held at this site")->type_name("SITE");
    sub.footer("Each session of sessions.csv by date: held (on or before --as-of) or planned, the trainings\n"
               "that name it (attended) and the seats left (none when attended passes capacity: see\n"
               "session-over-capacity). An empty capacity is no limit.\n\n"
               "Examples:\n"
               "  pthv roster sessions\n"
               "  pthv roster sessions --site S01 --format csv -o s01-sessions.csv\n"
               "  pthv roster train --session INTRO-AUG T101 T102");
    return [o](Session& s) { return run_sessions(*o, s); };
}

} // namespace pthv::cmd
