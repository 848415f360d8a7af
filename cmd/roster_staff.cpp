// pthv roster add / set / train: changes to staff.csv and trainings.csv,
// checked with the whole repo and written safely, as log-visit does
// (docs/guide.md: integrity errors refuse, nothing written, exit 2).

#include <memory>

#include "roster.hpp"

#include <pthv/record/help.hpp>
#include <pthv/record/row.hpp>
#include <pthv/record/staff.hpp>
#include <pthv/record/training.hpp>

namespace pthv::cmd {

namespace {

// Flags of a staff row and their staff.csv fields.
const FlagFields k_staff_flags = {
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
    record::Fields fields = given_flags(sub, k_staff_flags, o.values);
    // An amount past what pthv accepts is refused here, naming the option,
    // before the row is built (docs/payroll.md).
    if (const auto it = fields.find("hourly_rate"); it != fields.end())
        if (const std::string why = record::hourly_rate_refusal(it->second); !why.empty())
            throw UsageError("--hourly-rate " + it->second + ": " + why);
    return fields;
}

int run_add(const StaffEditOptions& o, const CLI::App& sub, Session& session)
{
    const record::Fields fields = given(o, sub);
    refuse_control("--id", o.id);
    const auto lock = lock_repo(session, o.write.lock_timeout);
    const record::Current current = open_change(session, "staff.csv");
    return check_and_write(session, current, record::add_staff(current, o.id, fields, o.write.dry_run), o.write);
}

int run_set(const StaffEditOptions& o, const CLI::App& sub, Session& session)
{
    const record::Fields changes = given(o, sub);
    if (changes.empty())
        throw UsageError("roster set " + o.id + ": name the fields to change (e.g. --opted-in no)");
    const auto lock = lock_repo(session, o.write.lock_timeout);
    const record::Current current = open_change(session, "staff.csv");
    const record::StaffChange changed = record::change_staff(current, o.id, changes);
    refuse_if(changed.refused);
    return check_and_write(session, current, changed.row.edit, o.write,
                           record::staff_change_text(o.id, changed, o.write.dry_run), "change to staff member " + o.id);
}

// roster train: one trainings.csv row for each staff member who attended.
struct TrainOptions {
    record::TrainingCells cells;
    std::vector<std::string> ids;
    WriteOptions write;
};

int run_train(const TrainOptions& given, Session& session)
{
    for (const auto& [option, value] : {std::pair<const char*, const std::string&>{"--kind", given.cells.kind},
                                        {"--hours", given.cells.hours}, {"--session", given.cells.session}})
        refuse_control(option, value);
    for (const auto& id : given.ids)
        refuse_control("ID", id);
    const auto lock = lock_repo(session, given.write.lock_timeout);
    const record::Current current = open_change(session, "trainings.csv");
    const auto rows = record::new_trainings(current, given.cells, given.ids, given.write.dry_run);
    return check_and_write(session, current, rows, given.write);
}

} // namespace

std::function<int(Session&)> setup_roster_add(CLI::App& sub)
{
    auto o = std::make_shared<StaffEditOptions>();
    sub.add_option("--id", o->id, "The new staff id")->type_name("ID")->required();
    add_staff_flags(sub, *o);
    sub.footer(record::help_footer("roster add"));
    CLI::App* app = &sub;
    return [o, app](Session& s) { return run_add(*o, *app, s); };
}

std::function<int(Session&)> setup_roster_set(CLI::App& sub)
{
    auto o = std::make_shared<StaffEditOptions>();
    sub.add_option("ID", o->id, "The staff id")->required();
    add_staff_flags(sub, *o);
    sub.footer(record::help_footer("roster set"));
    CLI::App* app = &sub;
    return [o, app](Session& s) { return run_set(*o, *app, s); };
}

std::function<int(Session&)> setup_roster_train(CLI::App& sub)
{
    auto o = std::make_shared<TrainOptions>();
    sub.add_option("--date", o->cells.date, "Day of the training (required unless --session names a session)")
        ->type_name("DATE");
    sub.add_option("--kind", o->cells.kind, "intro or refresher (required unless --session names a session)")
        ->type_name("KIND");
    sub.add_option("--hours", o->cells.hours,
                   "Hours attended, at most 24 and at most the session's, paid at the class's training rate "
                   "(default: the session's)")
        ->type_name("H");
    sub.add_option("--session", o->cells.session,
                   "Which session: with sessions.csv, its session_id (date, kind and hours come from it); "
                   "without, any text, e.g. \"2026-08 intro, Riverbend HS\"")
        ->type_name("ID|TEXT");
    sub.add_option("ID", o->ids, "Staff ids who attended")->required();
    add_write_options(sub, o->write);
    sub.footer(record::help_footer("roster train"));
    return [o](Session& s) { return run_train(*o, s); };
}

} // namespace pthv::cmd
