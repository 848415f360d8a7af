#include <pthv/report/audit.hpp>

#include <cmath>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <pthv/util/strings.hpp>

namespace pthv::report {

namespace {

struct MeasureName {
    const char* kind_measure;
    const char* words;
};

// Every measure publication.cpp defines, as people read it.
constexpr MeasureName k_measures[] = {
    {"V|ahead", "visits scheduled after the as-of date"},
    {"V|declined", "declined visits"},
    {"V|completed", "completed visits"},
    {"V|month", "completed visits in month"},
    {"V|mode", "completed visits by mode"},
    {"V|lang", "completed visits in language"},
    {"V|ilang", "interpreted visits in language"},
    {"V|entry", "visits with a log date"},
    {"V|short", "visits falling short of core practice"},
    {"V|meet", "visits meeting core practice"},
    {"V|firstv", "first visits in month"},
    {"V|secondv", "second visits in month"},
    {"S|enrolled", "students enrolled"},
    {"S|visited", "students visited"},
    {"S|second", "students with a second visit"},
    {"S|sched", "students with a second visit scheduled"},
    {"S|due", "students due a second visit"},
    {"S|unvisited", "enrolled students not visited"},
    {"S|first", "first visits in month"},
    {"S|secondm", "second visits in month"},
    {"S|att", "students with attendance"},
    {"S|score", "students with a test score"},
    {"F|reached", "families reached"},
    {"F|declined", "families who declined"},
    {"T|educators", "educators visiting"},
    {"T|staff", "opted-in staff"},
    {"T|status", "staff by training status"},
    {"T|trained", "trained staff"},
    {"T|new", "staff newly trained"},
    {"T|session", "staff at training"},
    {"A|session", "places taken at session"},
    {"R|responses", "survey responses"},
    {"R|answered", "answers to question"},
    {"R|fav", "favourable answers to question"},
    {"R|unfav", "answers not favourable to question"},
};

} // namespace

std::string describe_cell(const std::string& key)
{
    const auto parts = util::split(key, '|');
    if (parts.size() < 4)
        return key;
    const std::string km = parts[0] + "|" + parts[3];
    std::string words = parts[3];
    for (const auto& m : k_measures)
        if (km == m.kind_measure)
            words = m.words;
    for (std::size_t i = 4; i < parts.size(); ++i) // a test score's group, then its subject
        words += " " + parts[i];
    words += parts[2] == "*" ? ", district" : ", site " + parts[2];
    if (parts[1] != "-")
        words += ", " + parts[1];
    return words;
}

AuditResult audit_publication(const model::Facts& facts, const std::vector<pay::VisitWork>& work,
                              const model::Problems& findings, const std::vector<io::AttendanceRow>* attendance,
                              const std::vector<io::ScoreRow>* scores)
{
    const model::Repo& repo = facts.repo();
    AuditResult a;
    a.district = repo.config.district;
    a.min_cell = repo.config.min_cell;
    // The audit reads what the reports print, not what the set decided:
    // the decisions are checked, not trusted.
    const Publication decided(facts, findings, attendance, scores);
    const Publication pub = Publication::as_printed(facts, work, findings, attendance, scores, decided);
    for (const auto& p : pub.periods())
        a.periods.push_back(model::describe_period(p));
    a.tally = pub.cells().tally();
    a.breaches = pub.audit();
    a.sites = repo.sites.size();
    a.reports = pub.reports();
    a.unmodelled = pub.unmodelled();
    a.relations = pub.cells().relations();
    a.relations_refused = pub.cells().relations_refused();
    return a;
}

std::string render_audit_text(const AuditResult& a)
{
    std::string out = fmt::format("{}: audit of the publication set (reports.publish)\n", a.district);
    out += fmt::format("  {} periods: {}\n", a.periods.size(), util::join(a.periods, "; "));
    out += fmt::format("  {} public reports (the district and {} sites for each period)\n", a.reports, a.sites);
    const auto hidden = a.tally.below + a.tally.withheld;
    out += fmt::format("  {} distinct figures, {} shown as <{}, {} withheld as complements ({:.1f}% hidden)\n",
                       a.tally.published, a.tally.below, a.min_cell, a.tally.withheld,
                       a.tally.published ? 100.0 * static_cast<double>(hidden) / static_cast<double>(a.tally.published) : 0.0);
    out += fmt::format("  {} relations a reader can add and subtract (totals and parts, district and sites, periods "
                       "and months, complements){}\n",
                       a.relations,
                       a.relations_refused ? fmt::format("; {} more that the people counted do not bear out, not assumed",
                                                         a.relations_refused)
                                           : std::string());
    for (const auto& b : a.breaches) {
        const auto bound = [](double v) {
            return std::isnan(v) ? std::string("?") : std::isinf(v) ? std::string("any") : fmt::format("{:.2f}", v);
        };
        out += fmt::format("not protected: {} ({}): a reader of the set can prove {}..{}", describe_cell(b.key),
                           b.value, bound(b.lo), bound(b.hi));
        if (!b.pinned_by.empty()) {
            std::vector<std::string> names;
            for (const auto& k : b.pinned_by)
                names.push_back(describe_cell(k));
            out += "\n    from: " + util::join(names, "; ");
        }
        out += "\n";
    }
    if (a.unmodelled > 0)
        out += fmt::format("not protected: {} printed by the public reports are not cells of the set "
                           "(they are withheld; a defect of pthv: please report it)\n",
                           util::plural(static_cast<long long>(a.unmodelled), "count", "counts"));
    out += a.ok() ? fmt::format("ok: no small count can be narrowed below 1..{} from everything the set publishes\n",
                                a.min_cell - 1)
                  : fmt::format("{} small counts could be worked out: do not post this set\n", a.breaches.size() + a.unmodelled);
    return out;
}

std::string render_audit_json(const AuditResult& a)
{
    nlohmann::ordered_json j;
    j["ok"] = a.ok();
    j["min_cell"] = a.min_cell;
    j["periods"] = a.periods;
    j["reports"] = a.reports;
    j["figures"] = a.tally.published;
    j["below"] = a.tally.below;
    j["withheld"] = a.tally.withheld;
    j["unmodelled"] = a.unmodelled;
    j["relations"] = a.relations;
    j["relations_refused"] = a.relations_refused;
    j["breaches"] = nlohmann::ordered_json::array();
    for (const auto& b : a.breaches) {
        nlohmann::ordered_json e;
        e["cell"] = b.key;
        e["figure"] = describe_cell(b.key);
        e["value"] = b.value;
        e["provable"] = {std::isfinite(b.lo) ? nlohmann::ordered_json(b.lo) : nlohmann::ordered_json(nullptr),
                         std::isfinite(b.hi) ? nlohmann::ordered_json(b.hi) : nlohmann::ordered_json(nullptr)};
        e["pinned_by"] = b.pinned_by;
        j["breaches"].push_back(std::move(e));
    }
    return j.dump(2) + "\n";
}

} // namespace pthv::report
