// pthv roster sessions: the training sessions of sessions.csv, held (dated
// on or before --as-of) or planned, with how many trainings.csv rows name
// each and the seats left (docs/data.md).

#include <algorithm>
#include <fmt/format.h>
#include <memory>

#include "roster.hpp"

#include <pthv/model/money.hpp>
#include <pthv/util/strings.hpp>

namespace pthv::cmd {

namespace {

struct SessionsOptions {
    std::string site;
};

std::vector<std::string> session_row(const model::Repo& repo, const model::TrainingSession& s, int attended)
{
    const std::string seats = s.capacity ? std::to_string(std::max(0, *s.capacity - attended)) : "";
    return {std::string(repo.id(s.id)),
            s.date ? s.date->str() : "",
            s.kind ? std::string(model::enum_name(*s.kind)) : "",
            s.site ? std::string(repo.id(s.site)) : "district",
            std::string(s.trainer),
            s.hours_x100 ? model::format_hundredths(*s.hours_x100) : "",
            s.capacity ? std::to_string(*s.capacity) : "",
            std::to_string(attended),
            seats,
            model::session_held(s, repo.as_of) ? "held" : "planned",
            std::string(s.location)};
}

int run_sessions(const SessionsOptions& o, Session& session)
{
    const std::string format = session.format(formats_of("roster sessions"));
    const model::Repo& repo = session.load().repo;
    const model::SiteId site = check_ref(repo.names.sites, o.site, "--site", "site");
    const std::vector<int> attended = model::session_attendance(repo);
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < repo.sessions.size(); ++i)
        if (o.site.empty() || repo.sessions[i].site == site)
            order.push_back(i);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return repo.sessions[a].date.value_or(model::Date{}) < repo.sessions[b].date.value_or(model::Date{});
    });
    std::vector<std::vector<std::string>> rows;
    for (const std::size_t i : order)
        rows.push_back(session_row(repo, repo.sessions[i], attended[i]));
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
    out = render_table(format,
                       {"SESSION", "DATE", "KIND", "SITE", "TRAINER", "HOURS", "CAPACITY", "ATTENDED", "SEATS LEFT",
                        "STATUS", "LOCATION"},
                       {"session_id", "date", "kind", "site_id", "trainer", "hours", "capacity", "attended",
                        "seats_left", "status", "location"},
                       rows);
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
