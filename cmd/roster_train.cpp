// pthv roster train: trainings.csv rows for the staff who attended a
// training, checked with the whole repo and written safely, as log-visit
// does (docs/guide.md: integrity errors refuse, nothing written, exit 2).

#include <fmt/format.h>
#include <memory>

#include "roster.hpp"

#include <pthv/record/row.hpp>
#include <pthv/record/training.hpp>
#include <pthv/util/strings.hpp>

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
    const record::Current current = load_for_edit(session, "trainings.csv");
    const model::Repo& repo = current.loaded.repo;
    record::TrainingCells o = given.cells;
    if (const auto why = record::complete_training(o, repo); !why.empty())
        throw UsageError(why);
    // A staff id typed on the command line is named as typed, not as a line
    // of trainings.csv that was never written.
    const auto& staff = repo.names.staff;
    for (const auto& id : given.ids)
        if (!staff.defined(staff.find(id)))
            throw UsageError("roster train " + id + ": no staff member has this id in staff.csv" +
                             model::did_you_mean(staff.closest(id)) + " Nothing was written.");
    std::vector<record::Fields> rows;
    for (const auto& id : given.ids) {
        rows.push_back({{"staff_id", id}, {"date", o.date}, {"kind", o.kind}, {"hours", o.hours}, {"session", o.session}});
        require_columns("trainings.csv", repo.files.at("trainings.csv").header, rows.back());
    }
    const auto edit = record::append_records(current, "trainings.csv", rows);
    std::string done =
        fmt::format("recorded the {} training of {} for {}\n", o.kind, o.date, util::join(given.ids, ", "));
    if (given.write.dry_run)
        done = fmt::format("would add to trainings.csv:\n{}", edit.rows);
    return check_and_write(session, current, edit, given.write, done, "training");
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
