// JSON for scripts (docs/guide.md, report): the district's figures at the top
// level and each site's in `sites`, with `period` {from, to}. A count under
// min_cell in a public report is the string "<N", a withheld one null;
// shares are percentages with one decimal (null when hidden or undefined).

#include <pthv/report/render.hpp>
#include <pthv/report/publication.hpp>
#include <pthv/report/rollup.hpp>
#include <pthv/report/tables.hpp>

#include <cmath>

#include <nlohmann/json.hpp>

namespace pthv::report {

namespace {

using Json = nlohmann::ordered_json;

Json count_json(const Count& c, int min_cell)
{
    switch (c.shown) {
    case Shown::Below: return "<" + std::to_string(min_cell);
    case Shown::Withheld: return nullptr;
    case Shown::Exact: break;
    }
    return c.value;
}

// Percent from tenths: integer arithmetic first, so the double printed is
// always the same short decimal.
Json pct(std::int64_t per_mille_value)
{
    return static_cast<double>(per_mille_value) / 10.0;
}

// A ratio as a number, a true bound as text (">=0.94", as shares print
// theirs), or null.
Json representation_json(const SubgroupRow& r)
{
    if (r.representation_hundredths)
        return static_cast<double>(*r.representation_hundredths) / 100.0;
    if (r.representation_bound == ShareShown::Hidden)
        return nullptr;
    return representation_bound_str(r);
}

Json share_json(const Share& s)
{
    switch (s.shown) {
    case ShareShown::Exact: return pct(per_mille(s.num, s.den));
    case ShareShown::AtLeast: return ">=" + std::to_string(s.bound_per_mille / 10) + "." +
                                     std::to_string(s.bound_per_mille % 10);
    case ShareShown::AtMost: return "<=" + std::to_string(s.bound_per_mille / 10) + "." +
                                    std::to_string(s.bound_per_mille % 10);
    case ShareShown::None:
    case ShareShown::Hidden: break;
    }
    return nullptr;
}

Json period_json(const Figures& f)
{
    Json j{{"from", f.period.from.str()}, {"to", f.period.to.str()}, {"label", f.period.label}};
    if (!f.period.counted_as.empty()) { // a public report of a period still running
        j["counted_as"] = f.period.counted_as;
        j["runs_to"] = f.period.runs_to.str();
        j["next_update"] = first_posting_day(f.period.next_counted).str();
    }
    return j;
}

void headline_json(Json& j, const Summary& s, int m, bool public_report)
{
    j["completed_visits"] = count_json(s.completed_visits, m);
    j["students_visited"] = count_json(s.students_visited, m);
    j["students_enrolled"] = count_json(s.students_enrolled, m);
    j["coverage_pct"] = share_json(s.coverage);
    j["families_reached"] = count_json(s.families_reached, m);
    j["second_visit_students"] = count_json(s.second_visit_students, m);
    j["second_visit_rate_pct"] = share_json(s.second_visit_rate);
    if (s.split_given) {
        j["second_visit_scheduled"] = count_json(s.second_visit_scheduled, m);
        j["second_visit_due"] = count_json(s.second_visit_due, m);
    }
    j["declined"] = count_json(s.declined, m);
    if (!public_report)
        j["declined_families"] = count_json(s.declined_families, m);
    j["scheduled_ahead"] = count_json(s.scheduled_ahead, m);
    j["trained_staff"] = count_json(s.trained_staff, m);
    if (s.educators_given)
        j["participating_educators"] = count_json(s.participating_educators, m);
}

void summary_json(Json& j, const Summary& s, const Figures& f)
{
    headline_json(j, s, f.min_cell, f.is_public);
    j["period"] = period_json(f);
}

void census_json(Json& j, const Census& c, int m);

// A roll-up row's training sessions (sessions.csv).
void sessions_totals_json(Json& j, const SessionTotals& s, int m)
{
    j["sessions_held"] = count_json(s.held, m);
    j["sessions_planned"] = count_json(s.planned, m);
    j["session_trainings"] = count_json(s.trained, m);
}

Json fidelity_json(const FidelityRow& r, int m)
{
    Json j = Json::object();
    j["visits"] = count_json(r.visits, m);
    for (std::size_t k = 0; k < k_practices; ++k)
        j["CP" + std::to_string(k + 1)] = Json{{"short", count_json(r.short_of[k], m)},
                                               {"meeting_pct", share_json(r.meeting[k])}};
    return j;
}

Json tallies_json(const std::vector<Tally>& v, int m)
{
    Json j = Json::object();
    for (const auto& t : v)
        j[t.key] = count_json(t.count, m);
    return j;
}

// events.csv's counts per kind for one row of EventFigures::counts.
Json event_counts_json(const EventCounts& c, int m)
{
    Json j = Json::object();
    for (std::size_t k = 0; k < c.per_kind.size(); ++k)
        j[std::string(model::enum_name(model::k_event_kinds[k]))] = count_json(c.per_kind[k], m);
    return j;
}

const EventCounts* event_counts_of(const Figures& f, const std::string& site_id)
{
    for (const auto& c : f.events.counts)
        if (c.site_id == site_id)
            return &c;
    return nullptr;
}

// Each event of the period; staff ids only in internal reports, notes never.
Json event_list_json(const Figures& f)
{
    Json list = Json::array();
    for (const auto& e : f.events.events) {
        Json x{{"event_id", e.event_id},
               {"date", e.date.str()},
               {"site_id", e.site_id.empty() ? Json(nullptr) : Json(e.site_id)},
               {"kind", e.kind},
               {"title", e.title},
               {"attendees", e.attendees ? count_json(*e.attendees, f.min_cell) : Json(nullptr)}};
        if (!f.is_public)
            x["staff_ids"] = e.staff_ids;
        list.push_back(std::move(x));
    }
    return list;
}

Json sessions_json(const SessionFigures& sf, int m)
{
    Json sessions = Json::array();
    for (const auto& s : sf.sessions)
        sessions.push_back(Json{{"session_id", s.session_id},
                                {"date", s.date.str()},
                                {"kind", s.kind},
                                {"site_id", s.site_id.empty() ? Json(nullptr) : Json(s.site_id)},
                                {"status", s.held ? "held" : "planned"},
                                {"attended", count_json(s.attended, m)},
                                {"capacity", s.capacity ? Json(*s.capacity) : Json(nullptr)}});
    return Json{{"held", count_json(sf.held, m)}, {"planned", count_json(sf.planned, m)}, {"sessions", sessions}};
}

// Percentage points with one decimal, from a proportion.
Json pp_json(double proportion)
{
    return static_cast<double>(std::llround(proportion * 1000)) / 10.0;
}

Json attendance_json(const AttendanceRow& r, int m)
{
    const auto group = [m](const AttendanceGroup& g) {
        return Json{{"students", count_json(g.students, m)},
                    {"chronic", count_json(g.chronic, m)},
                    {"rate_pct", share_json(g.rate)}};
    };
    Json j{{"visited", group(r.visited)}, {"not_visited", group(r.not_visited)}};
    j["difference_pp"] = r.difference_tenths ? pct(*r.difference_tenths) : Json(nullptr);
    j["ci95_pp"] = r.ci95 ? Json::array({pp_json(r.ci95->low), pp_json(r.ci95->high)}) : Json(nullptr);
    return j;
}

Json score_json(const ScoreRow& r, int m)
{
    const auto group = [m](const ScoreGroup& g) {
        return Json{{"students", count_json(g.students, m)},
                    {"proficient", count_json(g.proficient, m)},
                    {"rate_pct", share_json(g.rate)}};
    };
    Json j{{"visited", group(r.visited)}, {"not_visited", group(r.not_visited)}};
    j["difference_pp"] = r.difference_tenths ? pct(*r.difference_tenths) : Json(nullptr);
    j["ci95_pp"] = r.ci95 ? Json::array({pp_json(r.ci95->low), pp_json(r.ci95->high)}) : Json(nullptr);
    return j;
}

// {"ela": {...}, "math": {...}}: each subject's whole row, or a site's.
Json scores_json(const ScoreFigures& sc, bool whole, const std::string& site_id, int m)
{
    Json j = Json::object();
    for (const auto& r : sc.rows)
        if (whole ? r.whole : !r.whole && r.site_id == site_id)
            j[r.subject] = score_json(r, m);
    return j;
}

// The subgroups rows of the whole report (whole) or of one site: one
// object per subgroup and value; the whole report's carry the outcome
// comparisons within the value.
Json subgroups_json(const SubgroupFigures& sg, bool whole, const std::string& site_id, int m)
{
    Json out = Json::array();
    for (const auto& r : sg.rows) {
        if (whole ? !r.whole : r.whole || r.site_id != site_id)
            continue;
        Json j{{"subgroup", r.subgroup},
               {"value", r.value},
               {"students_enrolled", count_json(r.enrolled, m)},
               {"students_visited", count_json(r.visited, m)},
               {"coverage_pct", share_json(r.coverage)},
               {"families_reached", count_json(r.families, m)},
               {"representation", representation_json(r)}};
        if (whole) {
            for (const auto& a : sg.attendance)
                if (a.subgroup == r.subgroup && a.value == r.value)
                    j["attendance"] = attendance_json(a.row, m);
            for (const auto& sc : sg.scores)
                if (sc.subgroup == r.subgroup && sc.value == r.value)
                    j["scores"][sc.row.subject] = score_json(sc.row, m);
        }
        out.push_back(std::move(j));
    }
    return out;
}

Json survey_json(const SurveyRow& r, const std::vector<std::string>& questions, int m)
{
    Json per_question = Json::object();
    for (std::size_t q = 0; q < questions.size() && q < r.questions.size(); ++q)
        per_question[questions[q]] = Json{{"answered", count_json(r.questions[q].answered, m)},
                                          {"favourable_pct", share_json(r.questions[q].favourable_share)}};
    return Json{{"responses", count_json(r.responses, m)},
                {"response_rate_pct", share_json(r.response_rate)},
                {"questions", per_question}};
}

// The report's money rows. Public money that could give back a small count
// is null (figures.hpp); a state total no district shows, its budget too.
// `committed`: with the grant's days and the cost of the visits scheduled
// ahead (a report's rows; the roll-up does not add those up).
Json money_rows_json(const std::vector<FundingRow>& rows, bool budget_withheld, bool committed)
{
    const auto money_json = [](const model::Money& v, bool withheld) { return withheld ? Json(nullptr) : Json(v.str()); };
    Json money = Json::array();
    for (const auto& r : rows) {
        Json x{{"source", r.source},
               {"budget", money_json(r.budget, budget_withheld && r.withheld)},
               {"paid_closed", money_json(r.closed, r.withheld)},
               {"owed_open", money_json(r.pending, r.withheld)},
               {"left", money_json(r.left, r.withheld)}};
        if (committed) {
            x["period_from"] = r.days ? Json(r.days->first.str()) : Json(nullptr);
            x["period_to"] = r.days ? Json(r.days->last.str()) : Json(nullptr);
            x["committed_scheduled"] = money_json(r.committed, r.committed_withheld);
            x["left_after_scheduled"] = money_json(r.left_after_scheduled, r.committed_withheld);
        }
        money.push_back(std::move(x));
    }
    return money;
}

// A roll-up row's parts (rollup.hpp, RollupParts): a district's as its
// report gives them, or the state's (`total`).
void parts_json(Json& j, const RollupParts& p, int m, bool total)
{
    Json fidelity{{"visits", count_json(p.fidelity.visits, m)}};
    for (std::size_t k = 0; k < k_practices; ++k)
        fidelity["CP" + std::to_string(k + 1) + "_meeting_pct"] = share_json(p.fidelity.meeting[k]);
    j["fidelity"] = fidelity;
    const FindingCounts& f = p.findings;
    Json by_rule = Json::object();
    for (const auto& [rule, n] : f.by_rule)
        by_rule[rule] = n;
    j["findings"] = Json{{"errors", count_json(f.errors, m)},
                         {"warnings", count_json(f.warnings, m)},
                         {"reviewed", f.detail_given ? Json(f.reviewed) : Json(nullptr)},
                         {"by_rule", f.detail_given ? by_rule : Json(nullptr)}};
    j["money"] = money_rows_json(p.money, total, !total);
    j["surveys"] = p.surveys.rows.empty() ? Json(nullptr)
                                          : survey_json(p.surveys.rows.front(), p.surveys.questions, m);
    SubgroupFigures sg;
    sg.rows = p.subgroups;
    j["subgroups"] = subgroups_json(sg, true, {}, m);
    if (total) // how many districts name each subgroup, whose rows the state's adds
        for (std::size_t i = 0; i < p.subgroups.size(); ++i)
            j["subgroups"][i]["districts"] = p.subgroups[i].districts;
}

// How many districts each of the state's parts leaves out, in the shape of
// the parts themselves (Rollup::left_out, its dotted keys).
Json parts_left_out_json(const Rollup& r)
{
    const auto n = [&r](const std::string& key) { return r.left_out_of(key); };
    Json fidelity{{"visits", n("fidelity.visits")}};
    for (std::size_t k = 0; k < k_practices; ++k) {
        const std::string key = "CP" + std::to_string(k + 1) + "_meeting_pct";
        fidelity[key] = n("fidelity." + key);
    }
    Json money = Json::array();
    for (const auto& m : r.parts.money)
        money.push_back(Json{{"source", m.source}, {"left_out", n("money." + m.source)}});
    Json surveys = nullptr;
    if (r.parts.surveys.present) {
        Json questions = Json::object();
        for (const auto& q : r.parts.surveys.questions)
            questions[q] = Json{{"answered", n("surveys." + q + ".answered")},
                                {"favourable_pct", n("surveys." + q + ".favourable_pct")}};
        surveys = Json{{"responses", n("surveys.responses")},
                       {"response_rate_pct", n("surveys.response_rate_pct")},
                       {"questions", questions}};
    }
    Json subgroups = Json::array();
    for (const auto& x : r.parts.subgroups) {
        const std::string key = "subgroups." + x.subgroup + "." + x.value + ".";
        subgroups.push_back(Json{{"subgroup", x.subgroup},
                                 {"value", x.value},
                                 {"students_enrolled", n(key + "students_enrolled")},
                                 {"students_visited", n(key + "students_visited")},
                                 {"coverage_pct", n(key + "coverage_pct")},
                                 {"families_reached", n(key + "families_reached")}});
    }
    return Json{{"fidelity", fidelity},
                {"findings", Json{{"errors", n("findings.errors")}, {"warnings", n("findings.warnings")}, {"reviewed", n("findings.reviewed")},
                                  {"by_rule", n("findings.by_rule")}}},
                {"money", money},
                {"surveys", surveys},
                {"subgroups", subgroups}};
}

} // namespace

std::string render_json(const Figures& f)
{
    const int m = f.min_cell;
    Json j;
    j["district"] = f.district;
    j["report"] = f.period.label;
    j["as_of"] = f.as_of.str();
    j["site"] = f.site_filter.empty() ? Json(nullptr) : Json(f.site_filter);
    j["public"] = f.is_public;
    j["min_cell"] = m;
    j["validate"] = Json{{"errors", count_json(f.validate_errors, m)}, {"warnings", count_json(f.validate_warnings, m)}};
    summary_json(j, f.total, f);
    if (!f.fidelity.empty())
        j["fidelity"] = fidelity_json(f.fidelity.front(), m);
    if (const EventCounts* c = event_counts_of(f, ""))
        j["events"] = event_counts_json(*c, m);
    if (f.attendance.given) {
        j["attendance"] = attendance_json(f.attendance.rows.front(), m);
        j["attendance"]["left_out_too_few_days"] = f.attendance.too_few_days;
        j["attendance"]["note"] = attendance_caution(f);
    }
    if (f.scores.given)
        j["scores"] = Json{{"subjects", scores_json(f.scores, true, {}, m)}, {"note", scores_caution(f)}};
    const SurveyFigures& sv = f.surveys;
    if (sv.present)
        j["surveys"] = survey_json(sv.rows.front(), sv.questions, m);
    if (f.subgroups.given)
        j["subgroups"] = subgroups_json(f.subgroups, true, {}, m);
    j["sites"] = Json::array();
    for (std::size_t i = 0; i < f.sites.size(); ++i) {
        const Summary& s = f.sites[i];
        Json x;
        x["site_id"] = s.site_id;
        x["name"] = s.name;
        summary_json(x, s, f);
        x["visit_goal"] = s.visit_goal ? Json(*s.visit_goal) : Json(nullptr);
        x["goal_progress_pct"] = share_json(s.goal_progress);
        if (i + 1 < f.fidelity.size())
            x["fidelity"] = fidelity_json(f.fidelity[i + 1], m);
        if (const EventCounts* c = event_counts_of(f, s.site_id))
            x["events"] = event_counts_json(*c, m);
        if (i + 1 < f.attendance.rows.size())
            x["attendance"] = attendance_json(f.attendance.rows[i + 1], m);
        if (f.scores.given)
            x["scores"] = Json{{"subjects", scores_json(f.scores, false, s.site_id, m)}};
        if (i + 1 < sv.rows.size())
            x["surveys"] = survey_json(sv.rows[i + 1], sv.questions, m);
        if (f.subgroups.given && !f.is_public) // public: a school's own report gives its rows
            x["subgroups"] = subgroups_json(f.subgroups, false, s.site_id, m);
        j["sites"].push_back(std::move(x));
    }
    if (!f.is_public) {
        j["educators"] = Json::array();
        for (const auto& e : f.educators)
            j["educators"].push_back(Json{{"staff_id", e.staff_id}, {"name", e.name}, {"site_id", e.site_id},
                                          {"visits", e.visits}, {"students", e.students}});
    }
    const TrainingFigures& t = f.training;
    Json sessions = Json::array();
    for (const auto& s : t.sessions)
        sessions.push_back(Json{{"date", s.date.str()}, {"kind", s.kind}, {"session", s.session},
                                {"attendees", count_json(s.attendees, m)}});
    j["training"] = Json{{"staff", count_json(t.staff, m)},     {"current", count_json(t.current, m)},
                         {"due_soon", count_json(t.due_soon, m)}, {"expired", count_json(t.expired, m)},
                         {"untrained", count_json(t.untrained, m)}, {"trained_new", count_json(t.trained_new, m)},
                         {"sessions", sessions}};
    if (!f.breakdowns || (f.is_public && f.sessions.present))
        j["training"].erase("sessions");
    if (!t.statuses_given)
        for (const char* k : {"staff", "current", "due_soon", "expired", "untrained"})
            j["training"].erase(k);
    if (f.sessions.present)
        j["training_sessions"] = sessions_json(f.sessions, m);
    j["money"] = money_rows_json(f.money, false, true);
    Json site_money = Json::array();
    const auto money_json = [](const model::Money& v, bool withheld) { return withheld ? Json(nullptr) : Json(v.str()); };
    for (const auto& r : f.site_money) {
        Json x{{"site_id", r.site_id.empty() ? Json(nullptr) : Json(r.site_id)},
               {"source", r.source},
               {"spent", money_json(r.spent, r.withheld)}};
        if (r.site_id.empty())
            x["other_sites"] = r.folded; // public: this many small sites together
        site_money.push_back(std::move(x));
    }
    j["site_money"] = site_money;
    j["months"] = tallies_json(f.months, m);
    j["breakdowns"] = f.breakdowns;
    if (f.breakdowns) {
        Json order = Json::object();
        for (const auto& x : f.visit_order)
            order[x.month] = Json{{"first", count_json(x.first, m)}, {"second", count_json(x.second, m)}};
        j["first_second_by_month"] = order;
        j["modes"] = tallies_json(f.modes, m);
        j["languages"] = tallies_json(f.languages, m);
    }
    if (f.has_interpreters)
        j["interpreted_languages"] = tallies_json(f.interpreted_languages, m);
    if (f.has_logged_on) {
        const auto days = [](const std::optional<int>& d) { return d ? Json(*d) : Json(nullptr); };
        Json delays = Json::array();
        for (const auto& d : f.entry_delays)
            delays.push_back(Json{{"site_id", d.site_id.empty() ? Json(nullptr) : Json(d.site_id)},
                                  {"visits", count_json(d.visits, m)},
                                  {"median_days", days(d.median_days)},
                                  {"p90_days", days(d.p90_days)}});
        j["entry_days"] = delays;
    }
    if (f.has_travel)
        j["travel_minutes"] = Json{{"visits", count_json(f.travel_visits, m)},
                                   {"median", f.median_travel_minutes ? Json(*f.median_travel_minutes)
                                                                      : Json(nullptr)}};
    j["top_sites"] = f.top_sites;
    if (f.events.present)
        j["event_list"] = event_list_json(f);
    return j.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::string render_census_json(const Figures& f)
{
    Json j;
    census_json(j, f.census, f.min_cell);
    return j.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

// The roll-up: `districts` (each as its own report gives it, or its error),
// `total` (the state's) and `total_left_out` (by the keys of `total`: how
// many districts each total leaves out).
std::string render_rollup_json(const Rollup& r)
{
    Json j;
    j["period"] = r.period_text;
    j["as_of"] = r.as_of.str();
    j["public"] = r.is_public;
    j["districts"] = Json::array();
    for (const auto& d : r.districts) {
        Json x{{"district", d.district}, {"repo", d.repo}};
        if (!d.error.empty()) {
            x["error"] = d.error;
        } else {
            headline_json(x, d.total, d.min_cell, r.is_public);
            x["period"] = Json{{"from", d.period.from.str()}, {"to", d.period.to.str()}};
            if (!d.period.counted_as.empty()) // public, the period still running: what it shows
                x["period"]["counted_as"] = d.period.counted_as;
            census_json(x, d.census, d.min_cell); // the census row, beside the headline figures
            sessions_totals_json(x, d.sessions, d.min_cell);
            parts_json(x, d.parts, d.min_cell, false);
        }
        j["districts"].push_back(std::move(x));
    }
    // A total is never under min_cell (it adds shown counts only); one that
    // no district shows is null.
    constexpr int no_min_cell = 0;
    Json total = Json::object();
    headline_json(total, r.total, no_min_cell, r.is_public);
    census_json(total, r.census, no_min_cell);
    total.erase("school_year");
    sessions_totals_json(total, r.sessions, no_min_cell);
    // Beside the totals, under the same keys: how many districts each
    // leaves out (public: their figure hidden in their own report).
    Json left_out = Json::object();
    for (const auto& item : total.items())
        left_out[item.key()] = r.left_out_of(item.key());
    parts_json(total, r.parts, no_min_cell, true);
    const Json parts_left_out = parts_left_out_json(r);
    for (const auto& item : parts_left_out.items())
        left_out[item.key()] = item.value();
    total["districts"] = r.loaded();
    total["failed"] = r.failed;
    j["total"] = total;
    j["total_left_out"] = left_out;
    return j.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

namespace {

void census_json(Json& j, const Census& c, int m)
{
    j["school_year"] = c.school_year;
    j["sites_visiting"] = count_json(c.sites_visiting, m);
    j["completed_visits"] = count_json(c.completed_visits, m);
    j["students_visited"] = count_json(c.students_visited, m);
    j["families_reached"] = count_json(c.families_reached, m);
    j["staff_visiting"] = count_json(c.staff_visiting, m);
    j["staff_trained_new"] = count_json(c.staff_trained_new, m);
    j["virtual_pct"] = share_json(c.virtual_share);
}

} // namespace

} // namespace pthv::report
