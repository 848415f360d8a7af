// pthv log-visit --import FILE [--map MAP.yaml]: many visits from a form
// export, all or nothing (docs/guide.md). Every bad row is reported on its own line
// of FILE; rows already logged are skipped so the same export can be
// imported again and again (record/import_change.hpp).

#include <cstdio>

#include "log_visit.hpp"

#include <pthv/record/import_change.hpp>
#include <pthv/record/import_read.hpp>
#include <pthv/rules/registry.hpp>

namespace pthv::cmd {

int run_import(const ImportOptions& o, const WriteOptions& w, Session& session)
{
    const record::OpenedExport e = record::open_export(o.file, "--import"); // its rows are read one at a time
    refuse_if(e.refused, ProblemLines::import);
    std::fputs(e.note.c_str(), stderr);
    record::ChosenMap chosen = record::choose_import_map(o.file, o.map, e.head, record::visit_target());
    refuse_if(chosen.refused, ProblemLines::import);
    for (const auto& [field, value] : o.defaults)
        chosen.map.defaults[field] = value; // a flag wins over the map's default

    const auto lock = lock_repo(session, w.lock_timeout);
    const auto scope = std::make_shared<const io::Scope>(record::import_scope(e.head, e.text, chosen.map));
    record::Current current = open_change(session, "visits.csv", scope);
    const record::VisitImport i =
        record::check_visit_import(current, e.head, e.text, chosen.map, o.file, session.as_of());
    refuse_if(i.refused, ProblemLines::import);
    if (!i.plan.rows.empty() && !w.dry_run)
        record::write_edit(session.root(), i.edit);
    if (!i.plan.rows.empty())
        std::fputs(record::added_columns_note(i.edit, w.dry_run).c_str(), stderr);
    session.out() += record::visit_import_text(i, w.dry_run, session.global().quiet, session.color());
    session.finish();
    return rules::tally(i.findings).errors > 0 ? k_exit_findings : k_exit_ok;
}

} // namespace pthv::cmd
