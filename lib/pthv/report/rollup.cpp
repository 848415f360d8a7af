#include <pthv/report/rollup.hpp>

#include <algorithm>

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
    std::vector<Count*> trained;
    for (auto& d : r.districts)
        if (d.error.empty())
            trained.push_back(&d.census.staff_trained_new);
    suppress_group(trained, &r.census.staff_trained_new, r.min_cell);
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

std::string pct_cell(const Share& s)
{
    std::string v = share_str(s);
    if (!v.empty() && v.back() == '%')
        v.pop_back();
    return v;
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
        d.preamble.push_back(fmt::format("{} could not be loaded and {} left out of the totals; see the last table.",
                                         util::plural(static_cast<long long>(r.failed), "repo", "repos"),
                                         r.failed == 1 ? "is" : "are"));
        d.alert_line = 1;
    }
    if (r.is_public)
        d.preamble.push_back(fmt::format("Public: counts under a district's min_cell are shown as <N, and * marks "
                                         "a figure withheld so that a small count cannot be worked out."));
    Table t{"districts", "By district",
            {"district", "repo", "period", "visits", "students", "enrolled", "coverage", "families", "2nd visit",
             "2nd-visit rate", "declined", "educators", "sites visiting", "trained new", "virtual %"},
            {}, {}, "the census columns (sites visiting, trained new, virtual %) are each district's census row"};
    for (std::size_t i = 0; i < t.header.size(); ++i)
        t.numeric.push_back(i >= 3);
    const auto row = [&](const std::string& name, const std::string& repo, const std::string& period,
                         const Summary& s, const Census& c, int m) {
        t.rows.push_back({name, repo, period, count_str(s.completed_visits, m), count_str(s.students_visited, m),
                          count_str(s.students_enrolled, m), share_str(s.coverage), count_str(s.families_reached, m),
                          count_str(s.second_visit_students, m), share_str(s.second_visit_rate),
                          count_str(s.declined, m), count_str(s.participating_educators, m),
                          count_str(c.sites_visiting, m), count_str(c.staff_trained_new, m), pct_cell(c.virtual_share)});
    };
    Table failed{"failed", "Repos that could not be loaded", {"repo", "error"}, {}, {false, false}, {}};
    for (const auto& x : r.districts) {
        if (!x.error.empty()) {
            failed.rows.push_back({x.repo, x.error});
            continue;
        }
        row(x.district, x.repo, x.period.from.str() + ".." + x.period.to.str(), x.total, x.census, x.min_cell);
    }
    row("state", "", "", r.total, r.census, r.min_cell);
    d.tables.push_back(std::move(t));
    if (!failed.rows.empty())
        d.tables.push_back(std::move(failed));
    return d;
}

std::string render_rollup(const Rollup& r, const std::string& format)
{
    const Document d = rollup_document(r);
    if (format == "md")
        return md_document(d);
    if (format == "csv")
        return csv_document(d.tables);
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
