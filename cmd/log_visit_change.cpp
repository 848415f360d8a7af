// pthv log-visit --update, --confirm and --remove: a change to one visit
// already in visits.csv, checked like any change (log_visit.hpp). The
// refusals are the library's (record::confirm_refusals, record::paid_refusals).

#include <fmt/format.h>
#include <functional>
#include <memory>

#include "log_visit.hpp"

#include <pthv/io/csv_edit.hpp>
#include <pthv/record/removal.hpp>
#include <pthv/record/visit.hpp>
#include <pthv/util/strings.hpp>

namespace pthv::cmd {

namespace {

// Changes fields of visit `id` (named by `option` in messages) and writes
// the row back in place, checked like any change. `check` sees the row as
// it is before the change and may refuse it (UsageError).
int update_row(const std::string& option, const std::string& id, const record::Fields& changes,
               const WriteOptions& write, Session& session,
               const std::function<void(const record::Fields&)>& check = {})
{
    const auto lock = lock_repo(session, write.lock_timeout);
    record::Current current = load_for_edit(session, "visits.csv", record::visit_row_scope(session.root(), id));
    const model::Visit* v = current.loaded.repo.find(current.loaded.repo.names.visits.find(id));
    if (!v) {
        // Every id, for the suggestion.
        const record::Current all = load_for_edit(session, "visits.csv");
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
        require_columns("visits.csv", header, fields, true);
    }, true);
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

} // namespace

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
    const auto refuse_unconfirmable = [&](const record::Fields& row) {
        refuse_change("--confirm " + o.confirm, record::confirm_refusals(row, o.confirm));
    };
    return update_row("--confirm", o.confirm, changes, o.write, session, refuse_unconfirmable);
}

// A row logged by mistake (the same visit twice, the wrong student) is
// removed without a hand edit of the CSV, unless a closed pay period paid
// it (record::paid_refusals).
int run_remove(const LogVisitOptions& o, const CLI::App& sub, Session& session)
{
    if (util::trim(o.reason).empty())
        throw UsageError("--remove " + o.remove + ": say why with --reason TEXT (it goes into the commit message)");
    refuse_control("--reason", o.reason);
    if (!given_fields(o, sub).empty())
        throw UsageError("--remove takes no other field; to change a visit use --update");

    const auto lock = lock_repo(session, o.write.lock_timeout);
    const record::Current current = load_for_edit(session, "visits.csv");
    const model::Repo& repo = current.loaded.repo;
    const model::Visit* v = repo.find(repo.names.visits.find(o.remove));
    if (!v)
        throw UsageError("--remove " + o.remove + ": no visit has this id" +
                         model::did_you_mean(repo.names.visits.closest(o.remove)) + " Nothing was written.");
    refuse_change("--remove " + o.remove, record::paid_refusals(repo, o.remove));
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

} // namespace pthv::cmd
