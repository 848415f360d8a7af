// pthv log-visit: record one visit from flags, or add many from a form
// export (--import); a change to one is log_visit_change.cpp's. docs/guide.md,
// log-visit: integrity errors refuse the row, practice findings do not (the
// log must say what happened).

#include <cstdio>
#include <memory>

#include "commands.hpp"
#include "log_visit.hpp"

#include <pthv/record/help.hpp>
#include <pthv/record/import_change.hpp>
#include <pthv/record/import_read.hpp>
#include <pthv/record/visit.hpp>
#include <pthv/record/visit_change.hpp>
#include <pthv/rules/registry.hpp>

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
    // --educators "T04 T05" is two educators, as with a comma.
    if (fields.count("educators"))
        fields["educators"] = record::educators_option(fields["educators"]);
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

// --import FILE [--map MAP.yaml]: many visits from a form export, all or
// nothing (docs/import.md). Every bad row is reported on its own line of
// FILE; rows already logged are skipped so the same export can be imported
// again and again. Fields given as flags are defaults for every row.
int run_import(const LogVisitOptions& lv, const CLI::App& sub, Session& session)
{
    const ImportOptions& o = lv.import;
    const WriteOptions& w = lv.write;
    record::ImportInput in = record::read_import(o.file, "--import", o.map, record::visit_target());
    std::fputs(in.note.c_str(), stderr);
    refuse_if(in.refused, ProblemLines::import);
    for (const auto& [field, value] : given_fields(lv, sub))
        in.map.defaults[field] = value; // a flag wins over the map's default

    const auto lock = lock_repo(session, w.lock_timeout);
    const auto scope = std::make_shared<const io::Scope>(record::import_scope(in.head, in.text, in.map));
    record::Current current = open_change(session, "visits.csv", scope);
    const record::VisitImport i = record::check_visit_import(current, in.head, in.text, in.map, o.file, session.as_of());
    refuse_if(i.refused, ProblemLines::import);
    if (!i.plan.rows.empty() && !w.dry_run)
        record::write_edit(session.root(), i.edit);
    if (!i.plan.rows.empty())
        std::fputs(record::added_columns_note(i.edit, w.dry_run).c_str(), stderr);
    session.out() += record::visit_import_text(i, w.dry_run, session.global().quiet, session.color());
    session.finish();
    return rules::tally(i.findings).errors > 0 ? k_exit_findings : k_exit_ok;
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
        const record::VisitActionChoice chosen = record::choose_visit_action(
            {!o->update.empty(), !o->remove.empty(), !o->reason.empty(), !o->confirm.empty(), app->count("--by") > 0,
             !o->import.file.empty(), !o->import.map.empty()});
        refuse_if(chosen.refused);
        switch (chosen.action) {
        case record::VisitAction::import:
            return run_import(*o, *app, s);
        case record::VisitAction::remove:
            return run_remove(*o, *app, s);
        case record::VisitAction::confirm:
            return run_confirm(*o, *app, s);
        case record::VisitAction::update:
            return run_update(*o, *app, s);
        case record::VisitAction::add:
            break;
        }
        return run_new(*o, *app, s);
    };
}

} // namespace pthv::cmd
