// pthv roster train: trainings.csv rows for the staff who attended a
// training, checked with the whole repo and written safely, as log-visit
// does (docs/guide.md: integrity errors refuse, nothing written, exit 2).

#include <memory>

#include "roster.hpp"

#include <pthv/record/help.hpp>
#include <pthv/record/training.hpp>

namespace pthv::cmd {

namespace {

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
