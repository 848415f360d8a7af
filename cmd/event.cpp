// pthv event add / event list: the program's events of the year in
// events.csv (docs/data.md): celebrations, the district coordinator's site
// visits, meetings with a school's administrators, family events. The first
// event creates the file with its header; later ones are appended, checked
// with the whole repo under the repo lock, as log-visit does.

#include <memory>

#include "commands.hpp"

#include <pthv/io/people_table.hpp>
#include <pthv/model/student_visits.hpp>
#include <pthv/record/event.hpp>
#include <pthv/record/help.hpp>

namespace pthv::cmd {

namespace {

struct EventAddOptions {
    record::EventCells cells;
    WriteOptions write;
};

// The options as cells, each checked and named when wrong; nothing is
// read from the repo yet.
void check_add_options(const record::EventCells& c, const Session& session)
{
    refuse_if(record::event_cells_refusal(c.date, c.kind, c.title, c.attendees));
    for (const auto& [option, value] : {std::pair<const char*, const std::string&>{"--title", c.title},
                                        {"--site", c.site}, {"--notes", c.notes}})
        refuse_control(option, value);
    for (const auto& id : c.staff)
        refuse_control("--staff", id);
    if (const auto why = record::future_event_refusal(*model::Date::parse(c.date), session.as_of()); !why.empty())
        throw UsageError("--date " + c.date + " " + why + ". Nothing was written.");
}

int run_add(const EventAddOptions& o, Session& session)
{
    check_add_options(o.cells, session);
    const auto lock = lock_repo(session, o.write.lock_timeout);
    const record::Current current = open_change(session, "events.csv", nullptr, true);
    const model::Repo& repo = current.loaded.repo;
    check_ref(repo.names.sites, o.cells.site, "--site", "site");
    for (const auto& id : o.cells.staff)
        check_ref(repo.names.staff, id, "--staff", "staff member");
    return check_and_write(session, current, record::new_event(current, o.cells, o.write.dry_run), o.write);
}

int run_list(const std::string& site, Session& session)
{
    const std::string format = session.format(formats_of("event list"));
    const model::Repo& repo = session.load().repo;
    const auto l = model::event_listing(repo, filter_ref(repo.names.sites, site, "--site", "site"));
    session.out() = io::events_table(l, format, session.global().quiet);
    session.finish();
    return k_exit_ok;
}

Runner setup_event_add(CLI::App& sub)
{
    auto o = std::make_shared<EventAddOptions>();
    sub.add_option("--date", o->cells.date, "Day of the event")->type_name("DATE")->required();
    sub.add_option("--kind", o->cells.kind,
                   "celebration, site_visit (the district coordinator visits the school), admin_meeting (with "
                   "its administrators), family_event, pthv_week or other")
        ->type_name("KIND")
        ->required();
    sub.add_option("--title", o->cells.title, "What it was, e.g. \"Fall family night\"")
        ->type_name("TEXT")
        ->required();
    sub.add_option("--site", o->cells.site, "The school; without it the event is district-wide")->type_name("SITE");
    sub.add_option("--attendees", o->cells.attendees, "How many people came")->type_name("N");
    sub.add_option("--staff", o->cells.staff, "Staff ids who took part, comma-separated")
        ->type_name("T1,T2")
        ->delimiter(',');
    sub.add_option("--notes", o->cells.notes, "Private notes (never printed in a report)")->type_name("TEXT");
    add_write_options(sub, o->write);
    sub.footer(record::help_footer("event add"));
    return [o](Session& s) { return run_add(*o, s); };
}

Runner setup_event_list(CLI::App& sub)
{
    auto site = std::make_shared<std::string>();
    sub.add_option("--site", *site, "Only this school's events")->type_name("SITE");
    sub.footer(record::help_footer("event list"));
    return [site](Session& s) { return run_list(*site, s); };
}

} // namespace

Runner setup_event(CLI::App& sub)
{
    sub.require_subcommand(0, 1);
    std::vector<std::pair<CLI::App*, Runner>> nested;
    CLI::App* add = sub.add_subcommand("add", "Record an event in events.csv");
    nested.emplace_back(add, setup_event_add(*add));
    CLI::App* list = sub.add_subcommand("list", "List the events of the year");
    nested.emplace_back(list, setup_event_list(*list));
    sub.footer(record::help_footer("event"));
    return [nested](Session& s) {
        for (const auto& [app, run] : nested)
            if (app->parsed())
                return run(s);
        throw UsageError("event: say what to do: pthv event add ... or pthv event list");
    };
}

} // namespace pthv::cmd
