#include <pthv/report/rollup.hpp>

#include <algorithm>
#include <iterator>

#include <fmt/format.h>

#include <pthv/report/figures_detail.hpp>
#include <pthv/report/render.hpp>
#include <pthv/report/svg.hpp>
#include <pthv/util/strings.hpp>

namespace pthv::report {

namespace {

// The summed counts, each with its districts' counts as parts.
using CountOf = Count Summary::*;
const CountOf k_summed[] = {&Summary::completed_visits,  &Summary::students_visited,
                            &Summary::students_enrolled, &Summary::families_reached,
                            &Summary::second_visit_students, &Summary::declined,
                            &Summary::participating_educators};
using CensusCount = Count Census::*;
const CensusCount k_census_summed[] = {&Census::sites_visiting, &Census::staff_trained_new};

void sum_districts(Rollup& r)
{
    std::int64_t virtual_visits = 0;
    for (const auto& d : r.districts) {
        if (!d.error.empty())
            continue;
        for (const CountOf c : k_summed)
            (r.total.*c).value += (d.total.*c).value;
        for (const CensusCount c : k_census_summed)
            (r.census.*c).value += (d.census.*c).value;
        virtual_visits += d.virtual_visits;
        r.sessions.held.value += d.sessions.held.value;
        r.sessions.planned.value += d.sessions.planned.value;
        r.sessions.trained.value += d.sessions.trained.value;
        r.min_cell = std::max(r.min_cell, d.min_cell);
    }
    if (!r.is_public)
        return;
    for (const CountOf c : k_summed) {
        std::vector<Count*> parts;
        for (auto& d : r.districts)
            if (d.error.empty())
                parts.push_back(&(d.total.*c));
        suppress_group(parts, &(r.total.*c), r.min_cell);
    }
    std::vector<Count*> trained, at_sessions;
    for (auto& d : r.districts)
        if (d.error.empty()) {
            trained.push_back(&d.census.staff_trained_new);
            at_sessions.push_back(&d.sessions.trained);
        }
    suppress_group(trained, &r.census.staff_trained_new, r.min_cell);
    suppress_group(at_sessions, &r.sessions.trained, r.min_cell);
    r.census.virtual_share = share_of(Count{virtual_visits, Shown::Exact}, r.total.completed_visits);
    if (virtual_visits < r.min_cell)
        r.census.virtual_share.shown = ShareShown::Hidden;
}

// The census counts that are headline counts, as the headline shows them
// (after the roll-up's own suppression).
void sync_census(Census& c, const Summary& s)
{
    c.completed_visits = s.completed_visits;
    c.students_visited = s.students_visited;
    c.families_reached = s.families_reached;
    c.staff_visiting = s.participating_educators;
}

void finish_summary(Summary& s)
{
    s.coverage = share_of(s.students_visited, s.students_enrolled);
    s.second_visit_rate = share_of(s.second_visit_students, s.students_visited);
}

// A row per district (a repo that could not be loaded: its error, no
// figures), then the state's (for people only: tidy CSV has no totals row).
Table districts_table(const Rollup& r)
{
    static const std::pair<const char*, const char*> k_columns[] = {
        {"district", "district"}, {"repo", "repo"}, {"period", "period"},
        {"visits", "completed_visits"}, {"students", "students_visited"}, {"enrolled", "students_enrolled"},
        {"coverage", "coverage_pct"}, {"families", "families_reached"}, {"2nd visit", "second_visit_students"},
        {"2nd-visit rate", "second_visit_rate_pct"}, {"declined", "declined"},
        {"educators", "staff_visiting"}, {"sites visiting", "sites_visiting"},
        {"trained new", "staff_trained_new"}, {"virtual", "virtual_pct"}, {"sessions held", "sessions_held"},
        {"planned", "sessions_planned"}, {"trained at them", "session_trainings"}, {"error", "error"}};
    Table t;
    t.name = "districts";
    t.title = "By district";
    t.min_cell = r.min_cell;
    for (const auto& [people, key] : k_columns) {
        t.header.emplace_back(people);
        t.keys.emplace_back(key);
        t.numeric.push_back(t.header.size() > 3 && t.header.size() < std::size(k_columns));
    }
    t.note = "educators, sites visiting, trained new and virtual are each district's census row; sessions: "
             "sessions.csv's training sessions, held by the as-of date or planned after it, and the trainings "
             "recorded at the held ones";
    const auto figures = [](const Summary& s, const Census& c, const SessionTotals& ts) {
        return std::vector<Cell>{Cell::of(s.completed_visits),       Cell::of(s.students_visited),
                                 Cell::of(s.students_enrolled),      Cell::of(s.coverage),
                                 Cell::of(s.families_reached),       Cell::of(s.second_visit_students),
                                 Cell::of(s.second_visit_rate),      Cell::of(s.declined),
                                 Cell::of(c.staff_visiting),         Cell::of(c.sites_visiting),
                                 Cell::of(c.staff_trained_new),      Cell::of(c.virtual_share),
                                 Cell::of(ts.held),                  Cell::of(ts.planned),
                                 Cell::of(ts.trained)};
    };
    for (const auto& x : r.districts) {
        std::vector<Cell> row = {Cell::of(x.district), Cell::of(x.repo)};
        if (x.error.empty()) {
            row.push_back(Cell::of(x.period.from.str() + ".." + x.period.to.str()));
            for (auto& c : figures(x.total, x.census, x.sessions))
                row.push_back(std::move(c));
            row.push_back(Cell::of(""));
        } else {
            row.resize(std::size(k_columns) - 1, Cell::missing());
            row.push_back(Cell::of(x.error));
        }
        t.add(row);
    }
    std::vector<Cell> state = {Cell::of("state"), Cell::of(""), Cell::of("")};
    for (auto& c : figures(r.total, r.census, r.sessions))
        state.push_back(std::move(c));
    state.push_back(Cell::of(""));
    t.add(state, RowFor::People);
    return t;
}

} // namespace

DistrictFigures district_figures(const Figures& f, const std::string& repo)
{
    DistrictFigures d;
    d.district = f.district;
    d.repo = repo;
    d.period = f.period;
    d.total = f.total;
    d.census = f.census;
    d.virtual_visits = f.census.virtual_share.num;
    d.sessions.held = Count{f.sessions.held.value, Shown::Exact};
    d.sessions.planned = Count{f.sessions.planned.value, Shown::Exact};
    for (const auto& s : f.sessions.sessions)
        if (s.held)
            d.sessions.trained.value += s.attended.value;
    d.min_cell = f.min_cell;
    return d;
}

Rollup make_rollup(std::vector<DistrictFigures> districts, const std::string& period_text, model::Date as_of,
                   bool is_public)
{
    Rollup r;
    r.period_text = period_text;
    r.as_of = as_of;
    r.is_public = is_public;
    r.districts = std::move(districts);
    r.failed = static_cast<std::size_t>(
        std::count_if(r.districts.begin(), r.districts.end(), [](const DistrictFigures& d) { return !d.error.empty(); }));
    r.total.name = "state";
    sum_districts(r);
    if (!r.is_public) {
        std::int64_t virtual_visits = 0;
        for (const auto& d : r.districts)
            virtual_visits += d.error.empty() ? d.virtual_visits : 0;
        r.census.virtual_share = share_of(Count{virtual_visits, Shown::Exact}, r.total.completed_visits);
    }
    finish_summary(r.total);
    sync_census(r.census, r.total);
    for (auto& d : r.districts) {
        finish_summary(d.total); // again: the roll-up may have withheld a count
        sync_census(d.census, d.total);
    }
    return r;
}

Document rollup_document(const Rollup& r)
{
    Document d;
    d.title = fmt::format("State roll-up of Parent Teacher Home Visits, {}", r.period_text);
    d.preamble.push_back(fmt::format("{} district repos, as of {}.", r.districts.size(), r.as_of.str()));
    if (r.failed > 0) {
        d.preamble.push_back(fmt::format("{} could not be loaded and {} left out of the totals; see the error column.",
                                         util::plural(static_cast<long long>(r.failed), "repo", "repos"),
                                         r.failed == 1 ? "is" : "are"));
        d.alert_line = 1;
    }
    if (r.is_public)
        d.preamble.push_back(fmt::format("Public: counts under a district's min_cell are shown as <N, and * marks "
                                         "a figure withheld so that a small count cannot be worked out."));
    d.tables.push_back(districts_table(r));
    return d;
}

std::string render_rollup(const Rollup& r, const std::string& format)
{
    const Document d = rollup_document(r);
    if (format == "md")
        return md_document(d);
    if (format == "csv")
        return csv_table(d.tables.front());
    if (format == "html") {
        std::vector<Bar> bars;
        for (const auto& x : r.districts)
            if (x.error.empty()) {
                const Share& s = x.total.coverage;
                const std::int64_t v = s.shown == ShareShown::Exact ? per_mille(s.num, s.den) : -1;
                bars.push_back({x.district, v, share_str(s)});
            }
        const std::string title = "Coverage of enrolment by district";
        return html_document(d, "<section class=\"charts\">\n<figure><figcaption>" + title + "</figcaption>\n" +
                                    svg_rows(title, bars) + "</figure>\n</section>\n");
    }
    return text_document(d);
}

} // namespace pthv::report
