// `pthv check-targeting --format json|csv`: the same report for programs
// and spreadsheets. JSON keeps a fixed key order (ordered_json), so the same
// data and --as-of give the same bytes; CSV cells are spreadsheet-safe.

#include <pthv/report/targeting.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <pthv/io/csv.hpp>

namespace pthv::report {

using nlohmann::ordered_json;

namespace {

ordered_json spread_json(const stats::Spread& s)
{
    ordered_json cells = ordered_json::array();
    for (const auto& c : s.cells)
        cells.push_back({{"key", c.key},
                         {"roster", c.roster},
                         {"visited", c.visited},
                         {"coverage", c.coverage}});
    ordered_json out = {{"cells", cells}};
    if (!s.cells.empty()) {
        out["lowest"] = s.cells[s.lowest].key;
        out["highest"] = s.cells[s.highest].key;
    }
    out["tested"] = s.tested;
    out["chi_square"] = s.chi_square;
    out["df"] = s.df;
    out["p"] = s.p;
    out["sparse"] = s.sparse;
    out["uneven"] = s.uneven;
    return out;
}

} // namespace

std::string render_targeting_json(const TargetingReport& rep)
{
    const auto& r = rep.result;
    ordered_json doc;
    doc["by"] = stats::group_by_name(r.by);
    doc["site"] = rep.site ? ordered_json(*rep.site) : ordered_json(nullptr);
    doc["period"] = {
        {"label", rep.period.label}, {"from", rep.period.from.str()}, {"to", rep.period.to.str()}};
    doc["as_of"] = rep.as_of.str();
    doc["settings"] = {{"full_coverage", r.settings.full_coverage},
                       {"alpha", r.settings.alpha},
                       {"min_visited", r.settings.min_visited}};
    doc["flags_source"] = rep.flags_source;
    doc["flags"] = ordered_json::array();
    for (const auto& f : r.flags)
        doc["flags"].push_back({{"flag", f.name},
                                {"label", stats::flag_label(f.name)},
                                {"students", f.students},
                                {"flagged", f.flagged},
                                {"unknown", f.unknown}});
    if (r.flags.empty())
        doc["message"] = no_flags_message();
    doc["tests"] = r.tests;
    doc["possible_targeting"] = r.any_targeting();
    doc["groups"] = ordered_json::array();
    for (const auto& g : r.groups) {
        ordered_json group = {{"group", g.key}, {"site", g.site_id}};
        if (r.by == stats::GroupBy::Grade)
            group["grade"] = g.grade;
        group["roster"] = g.roster;
        group["visited"] = g.visited;
        group["coverage"] = g.coverage;
        group["verdict"] = stats::verdict_name(g.verdict);
        group["tests"] = ordered_json::array();
        for (const auto& t : g.flags)
            group["tests"].push_back({{"flag", t.flag},
                                      {"roster", t.roster},
                                      {"visited", t.visited},
                                      {"flagged_roster", t.flagged_roster},
                                      {"flagged_visited", t.flagged_visited},
                                      {"share_visited", t.share_visited()},
                                      {"share_roster", t.share_roster()},
                                      {"p", t.p_over},
                                      {"adjusted_p", t.q_over},
                                      {"p_under", t.p_under},
                                      {"adjusted_p_under", t.q_under},
                                      {"over", t.over},
                                      {"under", t.under}});
        doc["groups"].push_back(std::move(group));
    }
    doc["findings"] = ordered_json::array();
    for (const auto& f : targeting_findings(rep))
        doc["findings"].push_back(
            {{"group", f.group}, {"flag", f.flag}, {"kind", f.kind}, {"message", f.text}});
    doc["spread"] = ordered_json::array();
    for (const auto& s : rep.spread)
        doc["spread"].push_back({{"site", s.site_id},
                                 {"roster", s.roster},
                                 {"visited", s.visited},
                                 {"coverage", s.coverage},
                                 {"by_grade", spread_json(s.by_grade)},
                                 {"by_homeroom", spread_json(s.by_homeroom)}});
    return doc.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

std::string render_targeting_csv(const TargetingReport& rep)
{
    const auto& r = rep.result;
    std::string out = io::csv_safe_row({"by",
                                        "group",
                                        "site",
                                        "grade",
                                        "roster",
                                        "visited",
                                        "coverage",
                                        "verdict",
                                        "flag",
                                        "flag_roster",
                                        "flag_visited",
                                        "flagged_roster",
                                        "flagged_visited",
                                        "share_visited",
                                        "share_roster",
                                        "p",
                                        "adjusted_p",
                                        "p_under",
                                        "adjusted_p_under",
                                        "finding",
                                        "period_from",
                                        "period_to"},
                                       "\n");
    // The counts, shares and p values are figures (written bare); by, group,
    // site, grade, verdict, flag, finding and the period are text.
    using K = io::CellKind;
    const std::vector<K> kinds = {K::Text,   K::Text,   K::Text,   K::Text,   K::Number, K::Number,
                                  K::Number, K::Text,   K::Text,   K::Number, K::Number, K::Number,
                                  K::Number, K::Number, K::Number, K::Number, K::Number, K::Number,
                                  K::Number, K::Text,   K::Text,   K::Text};
    const std::string by(stats::group_by_name(r.by));
    auto num = [](double v) { return fmt::format("{:.6g}", v); };
    for (const auto& g : r.groups)
        for (std::size_t f = 0; f < r.flags.size(); ++f) {
            std::vector<std::string> row = {by,
                                            g.key,
                                            g.site_id,
                                            g.grade,
                                            std::to_string(g.roster),
                                            std::to_string(g.visited),
                                            fmt::format("{:.4f}", g.coverage),
                                            std::string(stats::verdict_name(g.verdict)),
                                            r.flags[f].name};
            if (f < g.flags.size()) {
                const auto& t = g.flags[f];
                for (const auto n : {t.roster, t.visited, t.flagged_roster, t.flagged_visited})
                    row.push_back(std::to_string(n));
                for (const double v : {t.share_visited(), t.share_roster()})
                    row.push_back(fmt::format("{:.4f}", v));
                for (const double v : {t.p_over, t.q_over, t.p_under, t.q_under})
                    row.push_back(num(v));
                row.push_back(t.over ? "over" : (t.under ? "under" : ""));
            } else {
                row.insert(row.end(), 11, "");
            }
            row.push_back(rep.period.from.str());
            row.push_back(rep.period.to.str());
            out += io::csv_safe_row(row, kinds, "\n");
        }
    return out;
}

} // namespace pthv::report
