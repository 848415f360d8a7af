// pthv event add / event list: the program's events of the year in
// events.csv (docs/data.md): celebrations, the district coordinator's site
// visits, meetings with a school's administrators, family events. The first
// event creates the file with its header; later ones are appended, checked
// with the whole repo under the repo lock, as log-visit does.

#include <fmt/format.h>
#include <memory>

#include "commands.hpp"

#include <pthv/model/enums.hpp>
#include <pthv/model/student_visits.hpp>
#include <pthv/record/event.hpp>
#include <pthv/record/row.hpp>
#include <pthv/util/strings.hpp>

namespace pthv::cmd {

namespace {

constexpr const char* k_events_file = "events.csv";

struct EventAddOptions {
    std::string date;
    std::string kind;
    std::string title;
    std::string site;
    std::string attendees;
    std::vector<std::string> staff;
    std::string notes;
    WriteOptions write;
};

// The options as cells, each checked and named when wrong; nothing is
// read from the repo yet.
void check_add_options(const EventAddOptions& o)
{
    if (const auto why = record::event_cells_refusal(o.date, o.kind, o.title, o.attendees); !why.empty())
        throw UsageError(why);
    for (const auto& [option, value] : {std::pair<const char*, const std::string&>{"--title", o.title},
                                        {"--site", o.site}, {"--notes", o.notes}})
        refuse_control(option, value);
    for (const auto& id : o.staff)
        refuse_control("--staff", id);
}

int run_add(const EventAddOptions& o, Session& session)
{
    check_add_options(o);
    if (const auto why = record::future_event_refusal(*model::Date::parse(o.date), session.as_of()); !why.empty())
        throw UsageError("--date " + o.date + " " + why + ". Nothing was written.");
    const auto lock = lock_repo(session, o.write.lock_timeout);
    const record::Current current = load_for_append(session, k_events_file);
    const model::Repo& repo = current.loaded.repo;
    check_ref(repo.names.sites, o.site, "--site", "site");
    for (const auto& id : o.staff)
        check_ref(repo.names.staff, id, "--staff", "staff member");
    const std::string id = record::next_event_id(repo, *model::Date::parse(o.date));
    const record::Fields fields = {{"event_id", id},     {"date", o.date},
                                   {"site_id", o.site},  {"kind", o.kind},
                                   {"title", o.title},   {"attendees", o.attendees},
                                   {"staff_ids", util::join(o.staff, ";")}, {"notes", o.notes}};
    require_columns(k_events_file, repo.files.at(k_events_file).header, fields);
    const record::Edit edit = record::append_records(current, k_events_file, {fields});
    std::string done = id + "\n";
    if (o.write.dry_run)
        done = fmt::format("would add {} to {}:\n  {}\n", id, k_events_file, util::trim(edit.rows));
    return check_and_write(session, current, edit, o.write, done, "event " + id);
}

struct EventListOptions {
    std::string site;
};

int run_list(const EventListOptions& o, Session& session)
{
    const std::string format = session.format(formats_of("event list"));
    const model::Repo& repo = session.load().repo;
    const auto l = model::event_listing(repo, filter_ref(repo.names.sites, o.site, "--site", "site"));
    std::string& out = session.out();
    out = render_table(format, l.header, l.keys, l.rows);
    if (format == "text" && !session.global().quiet)
        out += l.rows.empty() ? std::string("No events recorded (pthv event add records one).\n")
                              : util::plural(static_cast<long long>(l.rows.size()), "event", "events") + "\n";
    session.finish();
    return k_exit_ok;
}

Runner setup_event_add(CLI::App& sub)
{
    auto o = std::make_shared<EventAddOptions>();
    sub.add_option("--date", o->date, "Day of the event")->type_name("DATE")->required();
    sub.add_option("--kind", o->kind,
                   "celebration, site_visit (the district coordinator visits the school), admin_meeting (with "
                   "its administrators), family_event, pthv_week or other")
        ->type_name("KIND")
        ->required();
    sub.add_option("--title", o->title, "What it was, e.g. \"Fall family night\"")->type_name("TEXT")->required();
    sub.add_option("--site", o->site, "The school; without it the event is district-wide")->type_name("SITE");
    sub.add_option("--attendees", o->attendees, "How many people came")->type_name("N");
    sub.add_option("--staff", o->staff, "Staff ids who took part, comma-separated")
        ->type_name("T1,T2")
        ->delimiter(',');
    sub.add_option("--notes", o->notes, "Private notes (never printed in a report)")->type_name("TEXT");
    add_write_options(sub, o->write);
    sub.footer("Prints the new event id, E<yyyymmdd>-<n>. The first event creates events.csv. An event is\n"
               "recorded once it has taken place: a --date after today (--as-of) is refused.\n\n"
               "Examples:\n"
               "  pthv event add --date 2026-10-15 --kind site_visit --site S01 --title \"Coordinator visit\" "
               "--staff C01\n"
               "  pthv event add --date 2027-05-20 --kind celebration --title \"District celebration\" "
               "--attendees 140");
    return [o](Session& s) { return run_add(*o, s); };
}

Runner setup_event_list(CLI::App& sub)
{
    auto o = std::make_shared<EventListOptions>();
    sub.add_option("--site", o->site, "Only this school's events")->type_name("SITE");
    sub.footer("Events by date; SITE is \"district\" for a district-wide event. Notes are not shown.\n\n"
               "Examples:\n"
               "  pthv event list\n"
               "  pthv event list --site S01 --format csv -o s01-events.csv");
    return [o](Session& s) { return run_list(*o, s); };
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
    sub.footer("Examples:\n"
               "  pthv event add --date 2026-10-15 --kind site_visit --site S01 --title \"Coordinator visit\"\n"
               "  pthv event list --site S01");
    return [nested](Session& s) {
        for (const auto& [app, run] : nested)
            if (app->parsed())
                return run(s);
        throw UsageError("event: say what to do: pthv event add ... or pthv event list");
    };
}

} // namespace pthv::cmd
