#include <pthv/report/trend.hpp>

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <pthv/report/render.hpp>
#include <pthv/report/svg.hpp>
#include <pthv/util/strings.hpp>

namespace pthv::report {

namespace {

// One figure of a year: a count, a share or money, as the year's report
// shows it.
struct Value {
    enum class Kind { CountOf, ShareOf, MoneyOf } kind = Kind::CountOf;
    Count count;
    Share share;
    model::Money money;
    bool withheld = false; // MoneyOf
};

Value count_value(const Count& c) { return {Value::Kind::CountOf, c, {}, {}, false}; }
Value share_value(const Share& s) { return {Value::Kind::ShareOf, {}, s, {}, false}; }

// The figures of a year, each with its key (JSON and CSV) and its column
// for people, grouped into the tables people read.
struct Figure {
    const char* key;
    const char* label;
    const char* group;
    Value (*get)(const TrendYear&);
};

const char* const k_reach = "Visits and reach";
const char* const k_census = "Census";
const char* const k_fidelity = "Fidelity to the core practices (share of completed visits meeting each)";
const char* const k_training = "Training and money";

template <std::size_t P>
Value meeting(const TrendYear& y)
{
    return share_value(y.meeting[P]);
}

const Figure k_figures[] = {
    {"completed_visits", "visits", k_reach, [](const TrendYear& y) { return count_value(y.total.completed_visits); }},
    {"students_visited", "students", k_reach, [](const TrendYear& y) { return count_value(y.total.students_visited); }},
    {"students_enrolled", "enrolled", k_reach,
     [](const TrendYear& y) { return count_value(y.total.students_enrolled); }},
    {"coverage_pct", "coverage", k_reach, [](const TrendYear& y) { return share_value(y.total.coverage); }},
    {"families_reached", "families", k_reach, [](const TrendYear& y) { return count_value(y.total.families_reached); }},
    {"second_visit_students", "2nd visit", k_reach,
     [](const TrendYear& y) { return count_value(y.total.second_visit_students); }},
    {"second_visit_rate_pct", "2nd-visit rate", k_reach,
     [](const TrendYear& y) { return share_value(y.total.second_visit_rate); }},
    {"declined", "declined", k_reach, [](const TrendYear& y) { return count_value(y.total.declined); }},
    {"sites_visiting", "sites visiting", k_census, [](const TrendYear& y) { return count_value(y.census.sites_visiting); }},
    {"staff_visiting", "educators visiting", k_census,
     [](const TrendYear& y) { return count_value(y.census.staff_visiting); }},
    {"virtual_pct", "virtual", k_census, [](const TrendYear& y) { return share_value(y.census.virtual_share); }},
    {"CP1_meeting_pct", "CP1", k_fidelity, meeting<0>},
    {"CP2_meeting_pct", "CP2", k_fidelity, meeting<1>},
    {"CP3_meeting_pct", "CP3", k_fidelity, meeting<2>},
    {"CP4_meeting_pct", "CP4", k_fidelity, meeting<3>},
    {"CP5_meeting_pct", "CP5", k_fidelity, meeting<4>},
    {"trained_staff", "staff trained", k_training, [](const TrendYear& y) { return count_value(y.total.trained_staff); }},
    {"staff_trained_new", "trained new", k_training,
     [](const TrendYear& y) { return count_value(y.census.staff_trained_new); }},
    {"spent", "spent", k_training,
     [](const TrendYear& y) { return Value{Value::Kind::MoneyOf, {}, {}, y.spent, y.spent_withheld}; }},
};

bool shown(const Value& v)
{
    switch (v.kind) {
    case Value::Kind::CountOf: return !v.count.hidden();
    case Value::Kind::ShareOf: return v.share.shown == ShareShown::Exact || v.share.shown == ShareShown::None;
    case Value::Kind::MoneyOf: return !v.withheld;
    }
    return false;
}

Cell value_cell(const Value& v)
{
    switch (v.kind) {
    case Value::Kind::CountOf: return Cell::of(v.count);
    case Value::Kind::ShareOf: return Cell::of(v.share);
    case Value::Kind::MoneyOf: break;
    }
    return Cell::of(v.money, v.withheld);
}

std::string signed_tenths(std::int64_t pm)
{
    const std::int64_t a = pm < 0 ? -pm : pm;
    return fmt::format("{}{}.{}", pm < 0 ? "-" : "+", a / 10, a % 10);
}

// The change from `before` to `now`: missing for the first year and for a
// share without a denominator in either year; suppressed where either year
// hides the figure (a public report's "<N", "*" or a bound), since a
// difference with one hidden side would give it back. `for_people` adds
// the sign, thousands separators and "pp".
Cell change_cell(const Value* before, const Value& now, bool for_people)
{
    if (!before)
        return Cell::missing();
    if (!shown(*before) || !shown(now))
        return Cell::suppressed();
    std::string text;
    switch (now.kind) {
    case Value::Kind::CountOf: {
        const std::int64_t d = now.count.value - before->count.value;
        text = for_people ? (d < 0 ? "-" : "+") + util::with_thousands(d < 0 ? -d : d) : std::to_string(d);
        break;
    }
    case Value::Kind::ShareOf: {
        if (now.share.shown == ShareShown::None || before->share.shown == ShareShown::None)
            return Cell::missing();
        const std::int64_t d = per_mille(now.share.num, now.share.den) - per_mille(before->share.num, before->share.den);
        text = signed_tenths(d);
        if (for_people)
            text += " pp";
        else if (text[0] == '+')
            text.erase(0, 1);
        break;
    }
    case Value::Kind::MoneyOf: {
        const model::Money d = now.money - before->money;
        text = for_people ? (d.cents() < 0 ? "" : "+") + d.grouped() : d.str();
        break;
    }
    }
    return Cell::decimal(text);
}

std::vector<Value> values_of(const TrendYear& y)
{
    std::vector<Value> out;
    for (const auto& f : k_figures)
        out.push_back(f.get(y));
    return out;
}

std::string period_text(const TrendYear& y)
{
    return y.period.from.str() + ".." + y.period.to.str();
}

// A table for people: the school year, its period, then each figure of
// `group` with its change in brackets ("1,139 (+120)").
Table people_table(const Trend& t, const char* group, const std::string& name)
{
    Table table;
    table.name = name;
    table.title = group;
    table.header = {"school year", "counted"};
    table.keys = {"school_year", "period"};
    table.numeric = {false, false};
    for (const auto& f : k_figures)
        if (f.group == group) {
            table.header.emplace_back(f.label);
            table.keys.emplace_back(f.key);
            table.numeric.push_back(true);
        }
    std::vector<Value> before;
    for (const auto& y : t.years) {
        table.min_cell = y.min_cell;
        const auto now = values_of(y);
        std::vector<std::string> row = {y.school_year, period_text(y)};
        for (std::size_t i = 0; i < now.size(); ++i) {
            if (k_figures[i].group != group)
                continue;
            Table one; // formats the cells as every table does
            one.min_cell = y.min_cell;
            one.add({value_cell(now[i]), change_cell(before.empty() ? nullptr : &before[i], now[i], true)});
            std::string cell = one.rows.front()[0];
            if (!before.empty())
                cell += " (" + one.rows.front()[1] + ")";
            row.push_back(std::move(cell));
        }
        table.rows.push_back(std::move(row));
        before = now;
    }
    return table;
}

Table sites_table(const Trend& t)
{
    Table table;
    table.name = "sites_in_some_years";
    table.title = "Sites in only some of the years";
    table.header = {"site", "name", "school years"};
    table.keys = {"site_id", "name", "school_years"};
    table.numeric = {false, false, false};
    table.note = "a site counts in a year when that year's report lists it: an active site, or one with visits";
    for (const auto& s : t.partial_sites)
        table.add({Cell::of(s.site_id), Cell::of(s.name), Cell::of(util::join(s.school_years, ", "))});
    return table;
}

// A figure in JSON as the year's own report writes it: a count under
// min_cell as "<N", a withheld one null, a share in percent (a public bound
// as ">=93.9"), money as "1234.50".
nlohmann::ordered_json value_json(const Value& v, int min_cell)
{
    switch (v.kind) {
    case Value::Kind::CountOf:
        if (v.count.shown == Shown::Below)
            return "<" + std::to_string(min_cell);
        return v.count.hidden() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(v.count.value);
    case Value::Kind::ShareOf:
        switch (v.share.shown) {
        case ShareShown::Exact: return static_cast<double>(per_mille(v.share.num, v.share.den)) / 10.0;
        case ShareShown::AtLeast: return ">=" + signed_tenths(v.share.bound_per_mille).substr(1);
        case ShareShown::AtMost: return "<=" + signed_tenths(v.share.bound_per_mille).substr(1);
        case ShareShown::None:
        case ShareShown::Hidden: break;
        }
        return nullptr;
    case Value::Kind::MoneyOf: break;
    }
    return v.withheld ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(v.money.str());
}

// A change in JSON: null for the first year, without a denominator, or
// hidden; a number, money as its text.
nlohmann::ordered_json change_json(const Value* before, const Value& now)
{
    const Cell c = change_cell(before, now, false);
    if (c.kind != Cell::Kind::Decimal)
        return nullptr;
    if (now.kind == Value::Kind::MoneyOf)
        return c.text;
    if (now.kind == Value::Kind::ShareOf)
        return std::stod(c.text);
    return std::stoll(c.text);
}

} // namespace

model::Date same_day(model::Date as_of, const model::SchoolYear& year)
{
    const auto on = [&](int y) {
        auto d = model::Date::from_ymd(y, as_of.month(), as_of.day());
        return d ? *d : *model::Date::from_ymd(y, as_of.month(), as_of.day() - 1); // 29 February
    };
    model::Date day = on(year.start.year());
    if (day < year.start)
        day = on(year.start.year() + 1);
    day = std::min(day, year.end);
    return std::min(day, as_of);
}

TrendYear trend_year(const Figures& f, const std::string& repo)
{
    TrendYear y;
    y.district = f.district;
    y.school_year = f.census.school_year;
    y.repo = repo;
    y.period = f.period;
    y.total = f.total;
    y.census = f.census;
    if (!f.fidelity.empty())
        y.meeting = f.fidelity.front().meeting;
    for (const auto& m : f.money) {
        y.spent += m.closed + m.pending;
        // Every source's spending is printed on its own: their sum is
        // shown only when each is, or it would give back a withheld one.
        y.spent_withheld = y.spent_withheld || m.withheld;
    }
    for (const auto& s : f.sites)
        y.sites.push_back({s.site_id, s.name});
    y.min_cell = f.min_cell;
    return y;
}

std::optional<std::string> trend_refusal(const std::vector<TrendYear>& years)
{
    if (years.empty())
        return "no repo to compare";
    for (std::size_t i = 1; i < years.size(); ++i) {
        const auto& a = years.front();
        const auto& b = years[i];
        if (b.district != a.district)
            return fmt::format("{} is \"{}\" and {} is \"{}\" (pthv.yaml's district): a trend compares the school "
                               "years of one district; use pthv rollup for several districts",
                               a.repo, util::printable(a.district), b.repo, util::printable(b.district));
    }
    for (std::size_t i = 0; i < years.size(); ++i)
        for (std::size_t j = i + 1; j < years.size(); ++j)
            if (years[i].school_year == years[j].school_year)
                return fmt::format("{} and {} are both the school year {} (pthv.yaml's school_year): give one "
                                   "repo per school year",
                                   years[i].repo, years[j].repo, years[i].school_year);
    return std::nullopt;
}

Trend make_trend(std::vector<TrendYear> years, model::Date as_of, bool full, bool is_public)
{
    Trend t;
    t.as_of = as_of;
    t.full = full;
    t.is_public = is_public;
    std::stable_sort(years.begin(), years.end(),
                     [](const TrendYear& a, const TrendYear& b) { return a.period.from < b.period.from; });
    t.years = std::move(years);
    if (!t.years.empty())
        t.district = t.years.front().district;
    std::map<std::string, SiteYears> sites;
    for (const auto& y : t.years)
        for (const auto& s : y.sites) {
            auto& entry = sites[s.site_id];
            entry.site_id = s.site_id;
            entry.name = s.name;
            entry.school_years.push_back(y.school_year);
        }
    for (auto& [id, s] : sites)
        if (s.school_years.size() < t.years.size())
            t.partial_sites.push_back(std::move(s));
    return t;
}

Table trend_table(const Trend& t)
{
    Table table;
    table.name = "trend";
    table.title = "By school year";
    for (const char* k : {"school_year", "repo", "period_from", "period_to"}) {
        table.header.emplace_back(k);
        table.keys.emplace_back(k);
        table.numeric.push_back(false);
    }
    for (const auto& f : k_figures)
        for (const std::string& k : {std::string(f.key), std::string(f.key) + "_change"}) {
            table.header.push_back(k);
            table.keys.push_back(k);
            table.numeric.push_back(true);
        }
    std::vector<Value> before;
    for (const auto& y : t.years) {
        table.min_cell = y.min_cell;
        const auto now = values_of(y);
        std::vector<Cell> row = {Cell::of(y.school_year), Cell::of(y.repo), Cell::of(y.period.from.str()),
                                 Cell::of(y.period.to.str())};
        for (std::size_t i = 0; i < now.size(); ++i) {
            row.push_back(value_cell(now[i]));
            row.push_back(change_cell(before.empty() ? nullptr : &before[i], now[i], false));
        }
        table.add(row);
        before = now;
    }
    return table;
}

Document trend_document(const Trend& t)
{
    Document d;
    d.title = fmt::format("Parent Teacher Home Visits across school years: {}", util::printable(t.district));
    std::vector<std::string> names;
    for (const auto& y : t.years)
        names.push_back(y.school_year);
    d.preamble.push_back(fmt::format("School years {}, as of {}.", util::join(names, ", "), t.as_of.str()));
    d.preamble.push_back(
        t.full ? "Each year is counted whole (--full): a school year still under way only to the as-of date."
               : fmt::format("Each year is counted from its start to the same day of the school year as the as-of "
                             "date ({:02}-{:02}), so the years compare like with like.",
                             t.as_of.month(), t.as_of.day()));
    d.preamble.push_back("In brackets: the change from the year before (shares in percentage points).");
    if (t.is_public)
        d.preamble.push_back("Public: each year's figures are those of its own public report (a count under its "
                             "min_cell shown as <N, * a figure it withholds); a change is shown only where both "
                             "years show the figure, so no difference gives back a hidden count.");
    if (!t.partial_sites.empty())
        d.preamble.push_back(fmt::format("{} only some of the years; their figures move the district's totals.",
                                         util::plural(static_cast<long long>(t.partial_sites.size()),
                                                      "site is in", "sites are in")));
    d.tables.push_back(people_table(t, k_reach, "reach"));
    d.tables.push_back(people_table(t, k_census, "census"));
    d.tables.push_back(people_table(t, k_fidelity, "fidelity"));
    d.tables.push_back(people_table(t, k_training, "training_money"));
    d.tables.back().note = "staff trained: opted-in staff whose training is current or due soon on the day counted; "
                           "spent: closed and pending pay over every funding source";
    if (!t.partial_sites.empty())
        d.tables.push_back(sites_table(t));
    return d;
}

std::string render_trend_json(const Trend& t)
{
    using Json = nlohmann::ordered_json;
    Json j;
    j["district"] = t.district;
    j["as_of"] = t.as_of.str();
    j["full"] = t.full;
    j["public"] = t.is_public;
    j["years"] = Json::array();
    std::vector<Value> before;
    for (const auto& y : t.years) {
        Json x{{"school_year", y.school_year},
               {"repo", y.repo},
               {"period", Json{{"from", y.period.from.str()}, {"to", y.period.to.str()}}}};
        const auto now = values_of(y);
        for (std::size_t i = 0; i < now.size(); ++i) {
            x[k_figures[i].key] = value_json(now[i], y.min_cell);
            x[std::string(k_figures[i].key) + "_change"] = change_json(before.empty() ? nullptr : &before[i], now[i]);
        }
        j["years"].push_back(std::move(x));
        before = now;
    }
    j["sites_in_some_years"] = Json::array();
    for (const auto& s : t.partial_sites)
        j["sites_in_some_years"].push_back(
            Json{{"site_id", s.site_id}, {"name", s.name}, {"school_years", s.school_years}});
    return j.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::string render_trend(const Trend& t, const std::string& format)
{
    if (format == "csv")
        return csv_table(trend_table(t));
    const Document d = trend_document(t);
    if (format == "md")
        return md_document(d);
    if (format == "html") {
        std::vector<std::pair<std::string, const Share*>> rows;
        for (const auto& y : t.years)
            rows.emplace_back(y.school_year, &y.total.coverage);
        return html_with_coverage(d, "Coverage of enrolment by school year", rows);
    }
    return text_document(d);
}

} // namespace pthv::report
