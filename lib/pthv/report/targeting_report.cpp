// check-targeting's analysis and the renderer its format picks
// (targeting.hpp, targeting_report and render_targeting).

#include <pthv/report/targeting.hpp>

#include <pthv/io/repo_files.hpp>
#include <pthv/util/parallel.hpp>
#include <pthv/util/strings.hpp>

namespace pthv::report {

TargetingReport targeting_report(const model::Repo& repo, const std::function<const model::Facts&()>& facts,
                                 const TargetingAsk& ask)
{
    TargetingReport rep;
    rep.as_of = repo.as_of;
    if (!ask.site.empty())
        rep.site = ask.site;
    rep.period = ask.period;
    auto spread = util::start_beside([&] {
        return stats::analyse_spread(repo, {rep.site, rep.period.from, rep.period.to});
    });
    rep.result = stats::analyse_targeting(facts(), {ask.by, rep.site, rep.period.from, rep.period.to});
    rep.spread = spread.get(); // rethrows what the thread threw
    rep.flags_source = io::flags_source(repo, ask.flags_file);
    return rep;
}

std::string render_targeting(const TargetingReport& report, const std::string& format, bool quiet)
{
    if (format == "json")
        return render_targeting_json(report);
    if (format == "csv")
        return render_targeting_csv(report);
    return util::printable_text(render_targeting_text(report, quiet)); // no raw ESC
}

} // namespace pthv::report
