// pthv log-visit --update, --confirm and --remove: a change to one visit
// already in visits.csv, checked like any change (log_visit.hpp). The
// changes and their refusals are the library's (record/visit_change.hpp).

#include <memory>

#include "log_visit.hpp"

#include <pthv/record/removal.hpp>
#include <pthv/record/visit.hpp>
#include <pthv/record/visit_change.hpp>
#include <pthv/util/strings.hpp>

namespace pthv::cmd {

namespace {

// Changes fields of visit `id` (named by `option` in messages) and writes
// the row back in place, checked like any change. `refusal` sees the row
// as it is before the change and may refuse it.
int update_row(const std::string& option, const std::string& id, const record::Fields& changes,
               const WriteOptions& write, Session& session,
               const std::function<std::string(const record::Fields&)>& refusal = {})
{
    const auto lock = lock_repo(session, write.lock_timeout);
    record::Current current = open_change(session, "visits.csv", record::visit_row_scope(session.root(), id));
    const record::VisitChange changed = record::change_visit(current, option, id, changes, refusal);
    refuse_if(changed.refused);
    return check_and_write(session, current, changed.row.edit, write,
                           record::visit_change_text(id, changed, write.dry_run), "change to visit " + id,
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
    const model::Date today = session.as_of();
    const bool by = sub.count("--by") > 0;
    if (by)
        refuse_control("--by", o.by);
    const auto confirm = record::confirm_changes(today, by ? std::optional<std::string>(o.by) : std::nullopt);
    refuse_if(confirm.refused);
    const auto unconfirmable = [&](const record::Fields& row) {
        return record::first_refusal("--confirm " + o.confirm, record::confirm_refusals(row, o.confirm));
    };
    return update_row("--confirm", o.confirm, confirm.changes, o.write, session, unconfirmable);
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
    const record::Current current = open_change(session, "visits.csv");
    const record::VisitRemoval r = record::remove_visit(current, o.remove, o.reason, session.as_of());
    refuse_if(r.refused);
    const auto write = [&] { record::write_removal(session.root(), r.removal); };
    return check_and_write(session, current, r.removal.visits, o.write,
                           record::removal_text(o.remove, o.reason, r, o.write.dry_run), "removal of visit " + o.remove,
                           {}, write);
}

} // namespace pthv::cmd
