#include <pthv/report/rollup.hpp>

#include <algorithm>
#include <iterator>

#include <fmt/format.h>

#include <pthv/report/figures_detail.hpp>
#include <pthv/report/render.hpp>
#include <pthv/report/rollup_detail.hpp>
#include <pthv/report/svg.hpp>
#include <pthv/util/strings.hpp>

namespace pthv::report {

namespace {

// The headline counts the state sums, each with its key in JSON and CSV.
struct SummedCount {
    Count Summary::*member;
    const char* key;
};
const SummedCount k_summed[] = {
    {&Summary::completed_visits, "completed_visits"},
    {&Summary::students_visited, "students_visited"},
    {&Summary::students_enrolled, "students_enrolled"},
    {&Summary::families_reached, "families_reached"},
    {&Summary::second_visit_students, "second_visit_students"},
    {&Summary::second_visit_scheduled, "second_visit_scheduled"},
    {&Summary::second_visit_due, "second_visit_due"},
    {&Summary::declined, "declined"},
    {&Summary::declined_families, "declined_families"},
    {&Summary::scheduled_ahead, "scheduled_ahead"},
    {&Summary::trained_staff, "trained_staff"},
    {&Summary::participating_educators, "participating_educators"}};

using rollup_detail::share_shown;
using rollup_detail::sum_shown;

void sum_districts(Rollup& r)
{
    const auto& ds = r.districts;
    for (const auto& [member, key] : k_summed)
        r.total.*member = sum_shown(ds, [m = member](const DistrictFigures& d) -> const Count& { return d.total.*m; },
                                    r.left_out[key]);
    r.left_out["staff_visiting"] = r.left_out["participating_educators"];
    r.total.coverage = share_shown(ds, [](const DistrictFigures& d) -> const Share& { return d.total.coverage; },
                                   r.left_out["coverage_pct"]);
    r.total.second_visit_rate = share_shown(
        ds, [](const DistrictFigures& d) -> const Share& { return d.total.second_visit_rate; },
        r.left_out["second_visit_rate_pct"]);
    r.census.sites_visiting = sum_shown(
        ds, [](const DistrictFigures& d) -> const Count& { return d.census.sites_visiting; }, r.left_out["sites_visiting"]);
    r.census.staff_trained_new = sum_shown(
        ds, [](const DistrictFigures& d) -> const Count& { return d.census.staff_trained_new; },
        r.left_out["staff_trained_new"]);
    r.census.virtual_share = share_shown(
        ds, [](const DistrictFigures& d) -> const Share& { return d.census.virtual_share; }, r.left_out["virtual_pct"]);
    r.sessions.held = sum_shown(ds, [](const DistrictFigures& d) -> const Count& { return d.sessions.held; },
                                r.left_out["sessions_held"]);
    r.sessions.planned = sum_shown(ds, [](const DistrictFigures& d) -> const Count& { return d.sessions.planned; },
                                   r.left_out["sessions_planned"]);
    r.sessions.trained = sum_shown(ds, [](const DistrictFigures& d) -> const Count& { return d.sessions.trained; },
                                   r.left_out["session_trainings"]);
}

// The census counts that are headline counts, as the headline shows them.
void sync_census(Census& c, const Summary& s)
{
    c.completed_visits = s.completed_visits;
    c.students_visited = s.students_visited;
    c.families_reached = s.families_reached;
    c.staff_visiting = s.participating_educators;
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
    for (const auto& [people, key] : k_columns) {
        t.header.emplace_back(people);
        t.keys.emplace_back(key);
        t.numeric.push_back(t.header.size() > 3 && t.header.size() < std::size(k_columns));
    }
    t.note = "educators, sites visiting, trained new and virtual are each district's census row; sessions: "
             "sessions.csv's training sessions, held by the as-of date or planned after it, and the trainings "
             "recorded at the held ones";
    if (r.is_public)
        t.note += ". state: each total adds only the districts whose own public report shows that figure (a share: "
                  "both its counts); left out: how many districts it leaves out, their figure being <N or * there "
                  "(a total none shows is -)";
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
    constexpr std::size_t first_figure = 3; // after district, repo, period
    const std::size_t error_column = std::size(k_columns) - 1;
    // For programs, a last column names the figures of the district that
    // the state's public total leaves out (as `suppressed` names its empty
    // cells); tidy CSV has no totals row to say it.
    t.keys.emplace_back("left_out_of_total");
    for (const auto& x : r.districts) {
        std::vector<Cell> row = {Cell::of(x.district), Cell::of(x.repo)};
        if (x.error.empty()) {
            row.push_back(Cell::of(x.period.from.str() + ".." + x.period.to.str()));
            for (auto& c : figures(x.total, x.census, x.sessions))
                row.push_back(std::move(c));
            row.push_back(Cell::of(""));
        } else {
            row.resize(error_column, Cell::missing());
            row.push_back(Cell::of(x.error));
        }
        t.min_cell = x.min_cell; // "<N" as the district's own report shows it
        rollup_detail::add_district_row(t, row, first_figure);
    }
    std::vector<Cell> state = {Cell::of("state"), Cell::of(""), Cell::of("")};
    for (auto& c : figures(r.total, r.census, r.sessions))
        state.push_back(c.kind == Cell::Kind::CountOf && c.count.hidden() ? Cell::missing() : std::move(c));
    state.push_back(Cell::of(""));
    t.add(state, RowFor::People);
    if (r.is_public) {
        std::vector<Cell> left = {Cell::of("left out"), Cell::of(""), Cell::of("")};
        for (std::size_t i = first_figure; i < error_column; ++i)
            left.push_back(Cell::num(static_cast<std::int64_t>(r.left_out_of(t.keys[i]))));
        left.push_back(Cell::of(""));
        t.add(left, RowFor::People);
    }
    return t;
}

// As each district's report says it in its banner: which districts' records
// of the period have findings or could not all be read, so that a reader of
// the state's figures knows which rest on records still to be put right.
void data_check_lines(const Rollup& r, Document& d)
{
    std::vector<std::string> with_errors, with_warnings, unread;
    for (const auto& x : r.districts) {
        if (!x.error.empty())
            continue;
        if (x.period_errors > 0) // how many only in private: a public report says whether (report_preamble)
            with_errors.push_back(r.is_public ? x.district : fmt::format("{} ({})", x.district, x.period_errors));
        else if (x.period_warnings > 0)
            with_warnings.push_back(x.district);
        if (x.rows_left_out || x.cells_unread > 0)
            unread.push_back(x.district);
    }
    if (!with_errors.empty()) {
        d.preamble.push_back(fmt::format(
            "The data check finds errors in the records of the period of {}: {}. Their figures count those records "
            "as they stand; the findings table gives each district's errors and warnings.",
            util::plural(static_cast<long long>(with_errors.size()), "district", "districts"),
            util::join(with_errors, ", ")));
        if (d.alert_line == static_cast<std::size_t>(-1))
            d.alert_line = d.preamble.size() - 1;
    }
    if (!with_warnings.empty())
        d.preamble.push_back(fmt::format("Warnings only in the records of the period of {}: {}.",
                                         util::plural(static_cast<long long>(with_warnings.size()), "district",
                                                      "districts"),
                                         util::join(with_warnings, ", ")));
    if (!unread.empty())
        d.preamble.push_back(fmt::format("Some rows or cells could not be read and are left out or counted as unknown "
                                         "in {}: {}.",
                                         util::plural(static_cast<long long>(unread.size()), "district", "districts"),
                                         util::join(unread, ", ")));
}

} // namespace

DistrictFigures district_figures(const Figures& f, const model::Problems& findings, const std::string& repo)
{
    DistrictFigures d;
    d.district = f.district;
    d.repo = repo;
    d.period = f.period;
    d.total = f.total;
    d.census = f.census;
    d.sessions.held = Count{f.sessions.held.value, Shown::Exact};
    d.sessions.planned = Count{f.sessions.planned.value, Shown::Exact};
    for (const auto& s : f.sessions.sessions)
        if (s.held) {
            d.sessions.trained.value += s.attended.value;
            // The district's public report prints each session's count, not
            // their sum: the sum is shown only when it adds shown counts,
            // or it would give back the hidden ones.
            if (f.is_public && s.attended.hidden())
                d.sessions.trained.shown = Shown::Withheld;
        }
    d.parts = district_parts(f, findings);
    d.period_errors = f.period_errors;
    d.period_warnings = f.period_warnings;
    d.cells_unread = f.cells_unread;
    d.rows_left_out = f.rows_left_out;
    d.min_cell = f.min_cell;
    return d;
}

std::size_t Rollup::left_out_of(const std::string& key) const
{
    const auto it = left_out.find(key);
    return it == left_out.end() ? 0 : it->second;
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
    sync_census(r.census, r.total);
    sum_parts(r);
    return r;
}

Document rollup_document(const Rollup& r)
{
    Document d;
    d.title = fmt::format("State roll-up of Parent Teacher Home Visits, {}", r.period_text);
    d.preamble.push_back(fmt::format("{} district repos, as of {}.", r.districts.size(), r.as_of.str()));
    if (r.failed > 0) {
        d.preamble.push_back(fmt::format("{} could not be reported and {} left out of the totals; see the error column.",
                                         util::plural(static_cast<long long>(r.failed), "repo", "repos"),
                                         r.failed == 1 ? "is" : "are"));
        d.alert_line = 1;
    }
    data_check_lines(r, d);
    if (r.is_public) {
        d.preamble.push_back("Public: each district's figures are those of its own public report (a count under its "
                             "min_cell shown as <N, * a figure its report withholds so that a small count cannot be "
                             "worked out).");
        d.preamble.push_back("Each state total adds only the districts whose report shows that figure; the row \"left "
                             "out\" says how many districts each total leaves out.");
    }
    d.tables.push_back(districts_table(r));
    for (auto& t : parts_tables(r))
        d.tables.push_back(std::move(t));
    return d;
}

std::string render_rollup(const Rollup& r, const std::string& format, const std::string& table)
{
    const Document d = rollup_document(r);
    if (format == "md")
        return md_document(d);
    if (format == "csv") {
        for (const auto& t : d.tables)
            if (t.name == table)
                return csv_table(t);
        return csv_table(d.tables.front());
    }
    if (format == "html") {
        std::vector<std::pair<std::string, const Share*>> rows;
        for (const auto& x : r.districts)
            if (x.error.empty())
                rows.emplace_back(x.district, &x.total.coverage);
        return html_with_coverage(d, "Coverage of enrolment by district", rows);
    }
    return text_document(d);
}

} // namespace pthv::report
