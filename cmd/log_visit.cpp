// pthv log-visit: record one visit from flags, change one (--update), or
// add many from a form export (--import, log_visit_import.cpp). docs/guide.md,
// log-visit: integrity errors refuse the row, practice findings do not (the
// log must say what happened).

#include <algorithm>
#include <fmt/format.h>
#include <functional>
#include <memory>

#include "commands.hpp"
#include "log_visit.hpp"

#include <pthv/io/csv_edit.hpp>
#include <pthv/record/removal.hpp>
#include <pthv/record/row.hpp>
#include <pthv/record/visit.hpp>
#include <pthv/util/strings.hpp>

namespace pthv::cmd {

namespace {

// Each flag and the visits.csv field it sets.
const std::vector<std::pair<const char*, const char*>> k_flags = {
    {"--student", "student_id"}, {"--site", "site_id"},         {"--date", "date"},
    {"--time", "start_time"},    {"--minutes", "minutes"},      {"--educators", "educators"},
    {"--status", "status"},      {"--arranged-on", "arranged_on"}, {"--focus", "focus"},
    {"--mode", "mode"},          {"--reflected-on", "reflected_on"}, {"--language", "language"},
    {"--notes", "notes"},        {"--interpreter", "interpreter"}, {"--cancelled-by", "cancelled_by"},
};

struct LogVisitOptions {
    std::map<std::string, std::string> values; // field -> flag value
    std::string update;
    std::string remove;
    std::string reason;
    std::string confirm;
    std::string by;
    ImportOptions import;
    WriteOptions write;
};

// The fields named on the command line.
record::Fields given_fields(const LogVisitOptions& o, const CLI::App& sub)
{
    record::Fields fields;
    for (const auto& [flag, field] : k_flags)
        if (sub.count(flag) > 0) {
            refuse_control(flag, o.values.at(field));
            fields[field] = o.values.at(field);
        }
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

// The option of each field in `fields` (every field, with `all`): what a
// refusal of the new or changed row names.
OptionOfField options_of(const record::Fields& fields, bool all)
{
    OptionOfField out;
    for (const auto& [flag, field] : k_flags)
        if (all || fields.count(field))
            out[field] = flag;
    return out;
}

void require_columns(const std::vector<std::string>& header, const record::Fields& fields)
{
    const auto missing = record::missing_columns(header, fields);
    if (!missing.empty())
        throw UsageError("visits.csv has no column " + util::join(missing, ", ") +
                         "; add it to the header row to record it. Nothing was written.");
}

int run_new(const LogVisitOptions& o, const CLI::App& sub, Session& session)
{
    record::Fields fields = given_fields(o, sub);
    for (const char* flag : {"--student", "--date"})
        if (!sub.count(flag))
            throw UsageError(std::string(flag) + " is required to log a visit (or --update ID, --import FILE)");
    parse_date_option(fields["date"], "--date");

    const auto lock = lock_repo(session, o.write.lock_timeout);
    const Loaded current =
        load_for_edit(session, "visits.csv", std::make_shared<const io::Scope>(record::visit_scope({fields})));
    const model::Repo& repo = current.loaded.repo;
    record::complete_new_visit(fields, repo, "completed");
    record::fill_language(fields, current.sources, repo);
    std::set<std::string> reserved;
    fields["visit_id"] = record::make_visit_id(fields["date"], fields["student_id"], repo, reserved);
    const auto& header = repo.files.at("visits.csv").header;
    require_columns(header, fields);

    const auto newline = io::newline_of(current.sources.at("visits.csv"));
    const std::string row = record::render_row(header, fields, newline);
    const record::Edit edit = record::make_append(current.sources, "visits.csv", row, 1);
    std::string done = fields["visit_id"] + "\n";
    if (o.write.dry_run)
        done = fmt::format("{}would add to visits.csv line {}:\n  {}\n", done, *edit.lines.begin(),
                           util::trim(row));
    // Every cell of a new row came from an option or its default.
    return check_and_write(session, current, edit, o.write, done, "visit " + fields["visit_id"],
                           options_of(fields, true));
}

// Changes fields of visit `id` (named by `option` in messages) and writes
// the row back in place, checked like any change. `check` sees the row as
// it is before the change and may refuse it (UsageError).
int update_row(const std::string& option, const std::string& id, const record::Fields& changes,
               const WriteOptions& write, Session& session,
               const std::function<void(const record::Fields&)>& check = {})
{
    const auto lock = lock_repo(session, write.lock_timeout);
    auto by_id = std::make_shared<io::Scope>();
    by_id->visit_id_prefixes.push_back(id);
    Loaded current = load_for_edit(session, "visits.csv", by_id);
    const model::Visit* v = current.loaded.repo.find(current.loaded.repo.names.visits.find(id));
    if (!v) {
        // Every id, for the suggestion.
        const Loaded all = load_for_edit(session, "visits.csv");
        throw UsageError(option + " " + id + ": no visit has this id" +
                         model::did_you_mean(all.loaded.repo.names.visits.closest(id)) + " Nothing was written.");
    }
    const auto& header = current.loaded.repo.files.at("visits.csv").header;
    auto changed = record::edit_row(current.sources, "visits.csv", header, v->line, [&](record::Fields& fields) {
        if (check)
            check(fields);
        for (const auto& [field, value] : changes)
            fields[field] = value;
        // The change is checked among the rows that bear on the visit as it will be.
        current.scope = std::make_shared<const io::Scope>(record::visit_scope({fields}));
        require_columns(header, fields);
    });
    if (!changed)
        throw UsageError("visits.csv: line " + std::to_string(v->line) + " not found; nothing was written");
    // A closed ledger that paid this visit is judged on the ledger's line
    // (paid-not-compensable): it is this change's finding all the same.
    changed->edit.records.insert(id);
    std::string done = id + "\n";
    if (write.dry_run)
        done += fmt::format("would change visits.csv line {} to:\n  {}\n", v->line, changed->text);
    return check_and_write(session, current, changed->edit, write, done, "change to visit " + id,
                           options_of(changes, false));
}

int run_update(const LogVisitOptions& o, const CLI::App& sub, Session& session)
{
    const record::Fields changes = given_fields(o, sub);
    if (changes.empty())
        throw UsageError("--update " + o.update + ": name the fields to change (e.g. --status completed)");
    return update_row("--update", o.update, changes, o.write, session);
}

// --confirm VISIT_ID [--by STAFF]: the visit took place, as of today
// (compensation.require_confirmation pays it in this period).
int run_confirm(const LogVisitOptions& o, const CLI::App& sub, Session& session)
{
    if (!given_fields(o, sub).empty())
        throw UsageError("--confirm takes no other field but --by; to change a visit use --update");
    record::Fields changes{{"confirmed_on", session.as_of().str()}};
    if (sub.count("--by") > 0) {
        refuse_control("--by", o.by);
        if (util::trim(o.by).empty())
            throw UsageError("--by: name the staff member who confirmed the visit (a staff_id)");
        changes["confirmed_by"] = std::string(util::trim(o.by));
    }
    const auto only_completed = [&](const record::Fields& row) {
        const auto status = row.count("status") ? row.at("status") : std::string{};
        if (status != "completed")
            throw UsageError(fmt::format("--confirm {}: the visit is {}; only a completed visit is confirmed "
                                         "(record it with --update {} --status completed first). Nothing was written.",
                                         o.confirm, status.empty() ? "without a status" : status, o.confirm));
        if (const auto it = row.find("confirmed_on"); it != row.end() && !util::trim(it->second).empty())
            throw UsageError(fmt::format("--confirm {}: it was confirmed on {} already. Nothing was written.",
                                         o.confirm, it->second));
    };
    return update_row("--confirm", o.confirm, changes, o.write, session, only_completed);
}

// A row logged by mistake (the same visit twice, the wrong student) is
// removed without a hand edit of the CSV, unless a closed pay period paid
// it: what was paid stays in the log (mark it cancelled instead, and settle
// the payment with payroll).
int run_remove(const LogVisitOptions& o, const CLI::App& sub, Session& session)
{
    if (util::trim(o.reason).empty())
        throw UsageError("--remove " + o.remove + ": say why with --reason TEXT (it goes into the commit message)");
    refuse_control("--reason", o.reason);
    if (!given_fields(o, sub).empty())
        throw UsageError("--remove takes no other field; to change a visit use --update");

    const auto lock = lock_repo(session, o.write.lock_timeout);
    const Loaded current = load_for_edit(session, "visits.csv");
    const model::Repo& repo = current.loaded.repo;
    const model::Visit* v = repo.find(repo.names.visits.find(o.remove));
    if (!v)
        throw UsageError("--remove " + o.remove + ": no visit has this id" +
                         model::did_you_mean(repo.names.visits.closest(o.remove)) + " Nothing was written.");
    for (const auto& l : repo.ledger)
        if (l.item == model::ItemKind::Visit && l.item_id == o.remove)
            throw UsageError(fmt::format("--remove {}: {} line {} paid it, and a paid visit stays in the log; if it did "
                                         "not take place, mark it with --update {} --status cancelled and settle the "
                                         "payment with payroll. Nothing was written.",
                                         o.remove, l.file, l.line, o.remove));
    // The removed visit is remembered in removed_visits.csv (record/removal.hpp).
    const auto removal = record::plan_removal(current.sources, repo, *v, o.reason, session.as_of());
    if (!removal)
        throw UsageError("visits.csv: line " + std::to_string(v->line) + " not found; nothing was written");
    const std::string row(util::trim(io::line_at(current.sources.at("visits.csv"), v->line)));
    const std::string done =
        fmt::format("{} {} (visits.csv line {}): {}\n  {}\n{}Commit it with the reason: {}git commit -am \"remove {}: {}\"\n",
                    o.write.dry_run ? "would remove" : "removed", o.remove, v->line, o.reason, row,
                    removal->tombstone.empty() ? ""
                    : o.write.dry_run          ? "and would record the removal in removed_visits.csv\n"
                                               : "and recorded the removal in removed_visits.csv\n",
                    removal->create_file ? "git add removed_visits.csv && " : "", o.remove, o.reason);
    const auto write = [&] { record::write_removal(session.root(), *removal); };
    return check_and_write(session, current, removal->visits, o.write, done, "removal of visit " + o.remove, {},
                           write);
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
    sub.footer("Examples:\n"
               "  pthv log-visit --student ST0107 --educators T017,T022 --date 2026-09-14 --time 16:30 \\\n"
               "      --minutes 40 --arranged-on 2026-09-08 --focus hopes_and_dreams --mode home\n"
               "  pthv log-visit --student ST0212 --educators T017,T022 --date 2026-10-02 --status scheduled "
               "--arranged-on 2026-09-25\n"
               "  pthv log-visit --update V20260914-ST0107 --reflected-on 2026-09-15\n"
               "  pthv log-visit --import form-export.csv --map form-map.yaml --dry-run\n"
               "  pthv log-visit --remove V20260914-ST0107-2 --reason \"logged twice\"\n"
               "  pthv log-visit --confirm V20260914-ST0107 --by T022\n\n"
               "Prints the visit id. Data-integrity errors (unknown student, bad date, ...) refuse the visit:\n"
               "exit 2, nothing written. Core-practice findings are printed and the visit is recorded:\n"
               "exit 1 where one is an error. An import adds every row or none, and skips rows already\n"
               "logged (same student, date and educators), so it can be run again.");
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
