// pthv log-visit: record one visit from flags, change one (--update), or
// add many from a form export (--import, log_visit_import.cpp). docs/guide.md,
// log-visit: integrity errors refuse the row, practice findings do not (the
// log must say what happened).

#include <algorithm>
#include <memory>

#include "commands.hpp"
#include "log_visit.hpp"

#include <pthv/record/help.hpp>
#include <pthv/record/visit.hpp>
#include <pthv/record/visit_change.hpp>

namespace pthv::cmd {

namespace {

// Each flag and the visits.csv field it sets.
const FlagFields k_flags = {
    {"--student", "student_id"}, {"--site", "site_id"},         {"--date", "date"},
    {"--time", "start_time"},    {"--minutes", "minutes"},      {"--educators", "educators"},
    {"--status", "status"},      {"--arranged-on", "arranged_on"}, {"--focus", "focus"},
    {"--mode", "mode"},          {"--reflected-on", "reflected_on"}, {"--language", "language"},
    {"--notes", "notes"},        {"--interpreter", "interpreter"}, {"--cancelled-by", "cancelled_by"},
};

} // namespace

record::Fields given_fields(const LogVisitOptions& o, const CLI::App& sub)
{
    record::Fields fields = given_flags(sub, k_flags, o.values);
    // On the command line a blank separates ids too: --educators "T04 T05"
    // is two educators, as with a comma (an import's cells may hold names
    // with blanks, mapped by values:, so this is for the option only).
    if (fields.count("educators")) {
        std::string& e = fields["educators"];
        std::replace_if(e.begin(), e.end(), [](char c) { return c == ' ' || c == '\t'; }, ',');
        e = record::join_ids(e);
    }
    return fields;
}

OptionOfField options_of(const record::Fields& fields, bool all)
{
    OptionOfField out;
    for (const auto& [flag, field] : k_flags)
        if (all || fields.count(field))
            out[field] = flag;
    return out;
}

namespace {

int run_new(const LogVisitOptions& o, const CLI::App& sub, Session& session)
{
    const record::Fields fields = given_fields(o, sub);
    for (const char* flag : {"--student", "--date"})
        if (!sub.count(flag))
            throw UsageError(std::string(flag) + " is required to log a visit (or --update ID, --import FILE)");
    parse_date_option(fields.at("date"), "--date");

    const auto lock = lock_repo(session, o.write.lock_timeout);
    const auto scope = std::make_shared<const io::Scope>(record::visit_scope({fields}));
    const record::Current current = open_change(session, "visits.csv", scope);
    const record::NewVisit visit = record::new_visit(current, fields);
    refuse_if(visit.refused);
    // Every cell of a new row came from an option or its default.
    return check_and_write(session, current, visit.edit, o.write, record::new_visit_text(visit, o.write.dry_run),
                           "visit " + visit.fields.at("visit_id"), options_of(visit.fields, true));
}

} // namespace

Runner setup_log_visit(CLI::App& sub)
{
    auto o = std::make_shared<LogVisitOptions>();
    for (const auto& [flag, field] : k_flags)
        o->values[field];
    sub.add_option("--student", o->values["student_id"], "Student id (students.csv)")->type_name("ID");
    sub.add_option("--educators", o->values["educators"], "Staff ids, comma-separated: T017,T022")
        ->type_name("IDS");
    sub.add_option("--date", o->values["date"], "Day of the visit")->type_name("DATE");
    sub.add_option("--time", o->values["start_time"], "Start time, HH:MM (24 h); needed when completed")
        ->type_name("HH:MM");
    sub.add_option("--minutes", o->values["minutes"], "Length in minutes (1..600); needed when completed")
        ->type_name("N");
    sub.add_option("--arranged-on", o->values["arranged_on"], "The day the family agreed to the visit")
        ->type_name("DATE");
    sub.add_option("--focus", o->values["focus"], "hopes_and_dreams, academics or other")->type_name("FOCUS");
    sub.add_option("--mode", o->values["mode"], "home, community or virtual")->type_name("MODE");
    sub.add_option("--status", o->values["status"],
                   "scheduled, completed (default), declined, cancelled or no_show")
        ->type_name("STATUS");
    sub.add_option("--reflected-on", o->values["reflected_on"], "The day the pair reflected together")
        ->type_name("DATE");
    sub.add_option("--language", o->values["language"], "Language of the conversation")->type_name("LANG");
    sub.add_option("--notes", o->values["notes"], "Private notes (never printed in a report)")->type_name("TEXT");
    sub.add_option("--site", o->values["site_id"], "Site (default: the student's)")->type_name("SITE");
    sub.add_option("--update", o->update, "Change the named fields of this visit; keep the rest of the file")
        ->type_name("VISIT_ID");
    sub.add_option("--remove", o->remove,
                   "Remove this visit's row, logged by mistake (refused once a closed pay period paid it)")
        ->type_name("VISIT_ID");
    sub.add_option("--reason", o->reason, "With --remove: why (printed for the commit message)")->type_name("TEXT");
    sub.add_option("--interpreter", o->values["interpreter"],
                   "Who interpreted: a staff id (paid like an educator) or an outside interpreter's name")
        ->type_name("WHO");
    sub.add_option("--cancelled-by", o->values["cancelled_by"],
                   "With --status cancelled or no_show: family, staff or other")
        ->type_name("WHO");
    sub.add_option("--confirm", o->confirm,
                   "Record that this completed visit took place: confirmed_on = today (the as-of date)")
        ->type_name("VISIT_ID");
    sub.add_option("--by", o->by, "With --confirm: the staff member who confirmed it")->type_name("STAFF");
    sub.add_option("--import", o->import.file, "Add many visits from a CSV export, all or nothing")
        ->type_name("FILE");
    sub.add_option("--map", o->import.map, "With --import: which column is which field (YAML, see docs/import.md)")
        ->type_name("MAP.yaml");
    add_write_options(sub, o->write);
    sub.footer(record::help_footer("log-visit"));
    CLI::App* app = &sub;
    return [o, app](Session& s) {
        if (!o->confirm.empty() && (!o->import.file.empty() || !o->remove.empty()))
            throw UsageError("--confirm goes alone (with --by); not with --import or --remove");
        if (!o->import.file.empty()) {
            if (!o->update.empty())
                throw UsageError("--import and --update do not go together");
            ImportOptions import = o->import;
            import.defaults = given_fields(*o, *app);
            return run_import(import, o->write, s);
        }
        if (!o->import.map.empty())
            throw UsageError("--map goes with --import FILE");
        if (!o->remove.empty()) {
            if (!o->update.empty())
                throw UsageError("--remove and --update do not go together");
            return run_remove(*o, *app, s);
        }
        if (!o->reason.empty())
            throw UsageError("--reason goes with --remove VISIT_ID");
        if (!o->confirm.empty()) {
            if (!o->update.empty())
                throw UsageError("--confirm and --update do not go together");
            return run_confirm(*o, *app, s);
        }
        if (app->count("--by") > 0)
            throw UsageError("--by goes with --confirm VISIT_ID");
        return o->update.empty() ? run_new(*o, *app, s) : run_update(*o, *app, s);
    };
}

} // namespace pthv::cmd
