// pthv roster add / set: changes to staff.csv, checked with the whole repo
// and written safely, as log-visit does (docs/guide.md: integrity errors
// refuse, nothing written, exit 2).

#include <fmt/format.h>
#include <memory>

#include "roster.hpp"

#include <pthv/record/row.hpp>
#include <pthv/record/staff.hpp>
#include <pthv/util/strings.hpp>

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
    record::Fields fields = given(o, sub);
    refuse_control("--id", o.id);
    fields["staff_id"] = o.id;
    if (!fields.count("active"))
        fields["active"] = "yes";
    const auto lock = lock_repo(session, o.write.lock_timeout);
    const record::Current current = load_for_edit(session, "staff.csv");
    require_columns("staff.csv", current.loaded.repo.files.at("staff.csv").header, fields);
    const auto edit = record::append_records(current, "staff.csv", {fields});
    std::string done = fmt::format("added {} to staff.csv\n", o.id);
    if (o.write.dry_run)
        done = fmt::format("would add to staff.csv line {}:\n  {}\n", *edit.lines.begin(), util::trim(edit.rows));
    return check_and_write(session, current, edit, o.write, done, "staff member " + o.id);
}

int run_set(const StaffEditOptions& o, const CLI::App& sub, Session& session)
{
    const record::Fields changes = given(o, sub);
    if (changes.empty())
        throw UsageError("roster set " + o.id + ": name the fields to change (e.g. --opted-in no)");
    const auto lock = lock_repo(session, o.write.lock_timeout);
    const record::Current current = load_for_edit(session, "staff.csv");
    const record::StaffChange changed = record::change_staff(current, o.id, changes);
    if (!changed.refused.empty())
        throw UsageError(changed.refused);
    std::string done = fmt::format("changed {} in staff.csv\n", o.id);
    if (o.write.dry_run)
        done = fmt::format("would change staff.csv line {} to:\n  {}\n", changed.line, changed.row.text);
    return check_and_write(session, current, changed.row.edit, o.write, done, "change to staff member " + o.id);
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

} // namespace pthv::cmd
