// pthv roster train: trainings.csv rows for the staff who attended a
// training, checked with the whole repo and written safely, as log-visit
// does (docs/guide.md: integrity errors refuse, nothing written, exit 2).

#include <fmt/format.h>
#include <memory>

#include "roster.hpp"

#include <pthv/model/money.hpp>
#include <pthv/record/row.hpp>
#include <pthv/record/training.hpp>
#include <pthv/util/strings.hpp>

namespace pthv::cmd {

namespace {

struct TrainOptions {
    std::string date;
    std::string kind;
    std::string hours;
    std::string session;
    std::vector<std::string> ids;
    WriteOptions write;
};

// Hours of one training row: 0 to 24 (docs/payroll.md), so no
// training can pay a figure past what a ledger cell holds.
void check_hours_option(const std::string& text)
{
    const auto h = model::parse_hundredths(text);
    if (!h || *h < 0)
        throw UsageError("--hours " + text + ": not a number of hours (like 3 or 2.5)");
    if (*h > 24 * 100)
        throw UsageError("--hours " + text + ": at most 24 hours a training row");
}

// Hours attended within the session's (record::session_hours_refusal).
void check_hours_within_session(const std::string& text, const model::TrainingSession& s, const std::string& id)
{
    const auto h = model::parse_hundredths(text);
    if (!h)
        return; // check_hours_option names it
    if (const auto why = record::session_hours_refusal(*h, s, id); !why.empty())
        throw UsageError("--hours " + text + ": " + why + ". Give the hours attended, or leave --hours out. "
                         "Nothing was written.");
}

// With sessions.csv, --session names one of its sessions: the date, kind
// and hours not given come from it, and a date or kind given must be the
// session's (trainings.csv's session cell must match it, docs/data.md).
// Without the file, --session is free text and every field is given.
TrainOptions with_session(const TrainOptions& o, const model::Repo& repo)
{
    TrainOptions filled = o;
    if (o.session.empty() || !repo.has_file("sessions.csv"))
        return filled;
    const model::SessionId id = check_ref(repo.names.sessions, o.session, "--session", "session of sessions.csv");
    const model::TrainingSession* found = repo.find(id);
    if (!found)
        return filled; // check_ref found it defined
    const model::TrainingSession& s = *found;
    const auto fill = [&](std::string& value, const std::string& session_value, const char* option) {
        if (value.empty())
            value = session_value;
        else if (std::string(option) == "--hours")
            check_hours_within_session(value, s, o.session);
        else if (value != session_value)
            throw UsageError(fmt::format("{} {}: session {} has {} {}; nothing was written", option, value,
                                         o.session, option + 2, session_value));
    };
    fill(filled.date, s.date ? s.date->str() : "", "--date");
    fill(filled.kind, s.kind ? std::string(model::enum_name(*s.kind)) : "", "--kind");
    fill(filled.hours, s.hours_x100 ? model::format_hundredths(*s.hours_x100) : "", "--hours");
    return filled;
}

void check_train_options(const TrainOptions& o)
{
    for (const auto& [option, value] : {std::pair<const char*, const std::string&>{"--date", o.date},
                                        {"--kind", o.kind}, {"--hours", o.hours}})
        if (value.empty())
            throw UsageError(std::string(option) + " is required (or --session naming a session of sessions.csv)");
    parse_date_option(o.date, "--date");
    check_hours_option(o.hours);
}

int run_train(const TrainOptions& given, Session& session)
{
    for (const auto& [option, value] : {std::pair<const char*, const std::string&>{"--kind", given.kind},
                                        {"--hours", given.hours}, {"--session", given.session}})
        refuse_control(option, value);
    for (const auto& id : given.ids)
        refuse_control("ID", id);
    const auto lock = lock_repo(session, given.write.lock_timeout);
    const record::Current current = load_for_edit(session, "trainings.csv");
    const model::Repo& repo = current.loaded.repo;
    const TrainOptions o = with_session(given, repo);
    check_train_options(o);
    // A staff id typed on the command line is named as typed, not as a line
    // of trainings.csv that was never written.
    const auto& staff = repo.names.staff;
    for (const auto& id : o.ids)
        if (!staff.defined(staff.find(id)))
            throw UsageError("roster train " + id + ": no staff member has this id in staff.csv" +
                             model::did_you_mean(staff.closest(id)) + " Nothing was written.");
    std::vector<record::Fields> rows;
    for (const auto& id : o.ids) {
        rows.push_back({{"staff_id", id}, {"date", o.date}, {"kind", o.kind}, {"hours", o.hours}, {"session", o.session}});
        require_columns("trainings.csv", repo.files.at("trainings.csv").header, rows.back());
    }
    const auto edit = record::append_records(current, "trainings.csv", rows);
    std::string done = fmt::format("recorded the {} training of {} for {}\n", o.kind, o.date, util::join(o.ids, ", "));
    if (o.write.dry_run)
        done = fmt::format("would add to trainings.csv:\n{}", edit.rows);
    return check_and_write(session, current, edit, o.write, done, "training");
}

} // namespace

std::function<int(Session&)> setup_roster_train(CLI::App& sub)
{
    auto o = std::make_shared<TrainOptions>();
    sub.add_option("--date", o->date, "Day of the training (required unless --session names a session)")
        ->type_name("DATE");
    sub.add_option("--kind", o->kind, "intro or refresher (required unless --session names a session)")
        ->type_name("KIND");
    sub.add_option("--hours", o->hours,
                   "Hours attended, at most 24 and at most the session's, paid at the class's training rate "
                   "(default: the session's)")
        ->type_name("H");
    sub.add_option("--session", o->session,
                   "Which session: with sessions.csv, its session_id (date, kind and hours come from it); "
                   "without, any text, e.g. \"2026-08 intro, Riverbend HS\"")
        ->type_name("ID|TEXT");
    sub.add_option("ID", o->ids, "Staff ids who attended")->required();
    add_write_options(sub, o->write);
    sub.footer("One trainings.csv row per staff id. An unknown staff id, or a training already recorded\n"
               "(same staff, date and kind), refuses them all: exit 2, nothing written.\n\n"
               "Examples:\n"
               "  pthv roster train --date 2026-08-12 --kind intro --hours 6 --session \"2026-08 intro, "
               "Cedar Grove\" T101 T102\n"
               "  pthv roster train --date 2027-02-03 --kind refresher --hours 2 T017\n"
               "  pthv roster train --session INTRO-AUG T101 T102      (sessions.csv gives date, kind, hours)");
    return [o](Session& s) { return run_train(*o, s); };
}

} // namespace pthv::cmd
