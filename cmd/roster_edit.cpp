// pthv roster add / set / train: changes to staff.csv and trainings.csv,
// checked with the whole repo and written safely, as log-visit does
// (docs/guide.md: integrity errors refuse, nothing written, exit 2).

#include <fmt/format.h>
#include <memory>

#include "log_visit.hpp"
#include "roster.hpp"

#include <pthv/io/csv_edit.hpp>
#include <pthv/model/money.hpp>
#include <pthv/record/row.hpp>
#include <pthv/util/strings.hpp>

namespace pthv::cmd {

namespace {

// Flags of a staff row and their staff.csv fields.
const std::vector<std::pair<const char*, const char*>> k_staff_flags = {
    {"--name", "name"},         {"--site", "site_id"},         {"--role", "role"},     {"--class", "class"},
    {"--opted-in", "opted_in"}, {"--hourly-rate", "hourly_rate"}, {"--active", "active"},
};

struct StaffEditOptions {
    std::string id;
    std::map<std::string, std::string> values;
    WriteOptions write;
};

void add_staff_flags(CLI::App& sub, StaffEditOptions& o)
{
    for (const auto& [flag, field] : k_staff_flags)
        o.values[field];
    sub.add_option("--name", o.values["name"], "Full name")->type_name("TEXT");
    sub.add_option("--site", o.values["site_id"], "Home site (sites.csv)")->type_name("SITE");
    sub.add_option("--role", o.values["role"], "teacher, counselor, liaison, paraprofessional, ...")
        ->type_name("ROLE");
    sub.add_option("--class", o.values["class"], "certificated or classified (decides the pay rule)")
        ->type_name("CLASS");
    sub.add_option("--opted-in", o.values["opted_in"], "yes or no: participation is voluntary")->type_name("YES|NO");
    sub.add_option("--hourly-rate", o.values["hourly_rate"], "Overrides the class's hourly rate, e.g. 27.35")
        ->type_name("MONEY");
    sub.add_option("--active", o.values["active"], "yes or no")->type_name("YES|NO");
    add_write_options(sub, o.write);
}

record::Fields given(const StaffEditOptions& o, const CLI::App& sub)
{
    record::Fields fields;
    for (const auto& [flag, field] : k_staff_flags)
        if (sub.count(flag) > 0) {
            refuse_control(flag, o.values.at(field));
            fields[field] = o.values.at(field);
        }
    // An amount past what pthv accepts is refused here, naming the option,
    // before the row is built (docs/payroll.md).
    if (const auto it = fields.find("hourly_rate"); it != fields.end() && !it->second.empty()) {
        const auto m = model::Money::parse(it->second);
        if (!m || m->cents() < 0)
            throw UsageError("--hourly-rate " + it->second + ": not an amount of money (like 27.35)");
        if (!m->within_limit())
            throw UsageError("--hourly-rate " + it->second + ": more than " + model::Money::max_amount().grouped() +
                             ", the largest amount pthv accepts");
    }
    return fields;
}

void require_columns(const std::string& file, const std::vector<std::string>& header, const record::Fields& f)
{
    const auto missing = record::missing_columns(header, f);
    if (!missing.empty())
        throw UsageError(file + " has no column " + util::join(missing, ", ") + "; nothing was written");
}

int run_add(const StaffEditOptions& o, const CLI::App& sub, Session& session)
{
    record::Fields fields = given(o, sub);
    refuse_control("--id", o.id);
    fields["staff_id"] = o.id;
    if (!fields.count("active"))
        fields["active"] = "yes";
    const auto lock = lock_repo(session, o.write.lock_timeout);
    const Loaded current = load_for_edit(session, "staff.csv");
    const auto& header = current.loaded.repo.files.at("staff.csv").header;
    require_columns("staff.csv", header, fields);
    const auto newline = io::newline_of(current.sources.at("staff.csv"));
    const std::string row = record::render_row(header, fields, newline);
    const auto edit = record::make_append(current.sources, "staff.csv", row, 1);
    std::string done = fmt::format("added {} to staff.csv\n", o.id);
    if (o.write.dry_run)
        done = fmt::format("would add to staff.csv line {}:\n  {}\n", *edit.lines.begin(), util::trim(row));
    return check_and_write(session, current, edit, o.write, done, "staff member " + o.id);
}

int run_set(const StaffEditOptions& o, const CLI::App& sub, Session& session)
{
    const record::Fields changes = given(o, sub);
    if (changes.empty())
        throw UsageError("roster set " + o.id + ": name the fields to change (e.g. --opted-in no)");
    const auto lock = lock_repo(session, o.write.lock_timeout);
    const Loaded current = load_for_edit(session, "staff.csv");
    const auto& staff = current.loaded.repo.names.staff;
    const model::Staff* s = current.loaded.repo.find(staff.find(o.id));
    if (!s)
        throw UsageError("roster set " + o.id + ": no staff member has this id" +
                         model::did_you_mean(staff.closest(o.id)) + " Nothing was written.");
    const auto& header = current.loaded.repo.files.at("staff.csv").header;
    const auto changed = record::edit_row(current.sources, "staff.csv", header, s->line, [&](record::Fields& fields) {
        for (const auto& [field, value] : changes)
            fields[field] = value;
        require_columns("staff.csv", header, fields);
    });
    if (!changed)
        throw UsageError("staff.csv: line " + std::to_string(s->line) + " not found; nothing was written");
    std::string done = fmt::format("changed {} in staff.csv\n", o.id);
    if (o.write.dry_run)
        done = fmt::format("would change staff.csv line {} to:\n  {}\n", s->line, changed->text);
    return check_and_write(session, current, changed->edit, o.write, done, "change to staff member " + o.id);
}

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

// Hours attended may be fewer than the session's (someone left early), never
// more: the row is paid at the training rate (docs/payroll.md).
void check_hours_within_session(const std::string& text, const model::TrainingSession& s, const std::string& id)
{
    const auto h = model::parse_hundredths(text);
    if (h && s.hours_x100 && *h > *s.hours_x100)
        throw UsageError(fmt::format("--hours {}: session {} lasts {} hours; a training row pays at most the "
                                     "session's hours. Give the hours attended, or leave --hours out. Nothing "
                                     "was written.",
                                     text, id, model::format_hundredths(*s.hours_x100)));
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
    const Loaded current = load_for_edit(session, "trainings.csv");
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
    const auto& header = repo.files.at("trainings.csv").header;
    const auto newline = io::newline_of(current.sources.at("trainings.csv"));
    std::string rows;
    for (const auto& id : o.ids) {
        const record::Fields fields = {
            {"staff_id", id}, {"date", o.date}, {"kind", o.kind}, {"hours", o.hours}, {"session", o.session}};
        require_columns("trainings.csv", header, fields);
        rows += record::render_row(header, fields, newline);
    }
    const auto edit = record::make_append(current.sources, "trainings.csv", rows, o.ids.size());
    std::string done = fmt::format("recorded the {} training of {} for {}\n", o.kind, o.date, util::join(o.ids, ", "));
    if (o.write.dry_run)
        done = fmt::format("would add to trainings.csv:\n{}", rows);
    return check_and_write(session, current, edit, o.write, done, "training");
}

} // namespace

std::function<int(Session&)> setup_roster_add(CLI::App& sub)
{
    auto o = std::make_shared<StaffEditOptions>();
    sub.add_option("--id", o->id, "The new staff id")->type_name("ID")->required();
    add_staff_flags(sub, *o);
    sub.footer(std::string("Examples:\n"
                           "  pthv roster add --id T101 --name \"Ana Ruiz\" --site S01 --role teacher "
                           "--class certificated --opted-in yes\n"
                           "  pthv roster add --id C207 --name \"Sam Ortiz\" --site S03 --role liaison "
                           "--class classified --opted-in yes --hourly-rate 27.35\n\n") +
               k_internal_note);
    CLI::App* app = &sub;
    return [o, app](Session& s) { return run_add(*o, *app, s); };
}

std::function<int(Session&)> setup_roster_set(CLI::App& sub)
{
    auto o = std::make_shared<StaffEditOptions>();
    sub.add_option("ID", o->id, "The staff id")->required();
    add_staff_flags(sub, *o);
    sub.footer("Only the named fields change; every other byte of staff.csv is kept.\n\n"
               "Examples:\n"
               "  pthv roster set T017 --opted-in no\n"
               "  pthv roster set C207 --hourly-rate 28.50 --site S04\n"
               "  pthv roster set T033 --active no");
    CLI::App* app = &sub;
    return [o, app](Session& s) { return run_set(*o, *app, s); };
}

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
