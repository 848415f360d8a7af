#include <pthv/io/config.hpp>

#include <algorithm>
#include <set>
#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <pthv/io/yaml_keys.hpp>
#include <pthv/model/enums.hpp>
#include <pthv/util/mail.hpp>
#include <pthv/util/strings.hpp>

namespace pthv::io {

using model::Date;
using model::Money;

namespace {

// Reads settings and records what is wrong with them, naming the key path.
class Reader {
public:
    Reader(model::Problems& problems, std::string_view file) : m_problems(problems), m_file(file) {}

    bool ok() const { return m_ok; }

    void invalid(const YAML::Node& node, const std::string& path, const std::string& what,
                 const std::string& advice = {})
    {
        report(node, path, path + ": " + what, advice);
    }

    // The same with the whole message given (when the path alone would not
    // say what is wrong, e.g. an empty key).
    void report(const YAML::Node& node, const std::string& record, const std::string& message,
                const std::string& advice = {})
    {
        m_ok = false;
        const std::size_t line = node.IsDefined() && node.Mark().line >= 0
                                     ? static_cast<std::size_t>(node.Mark().line) + 1
                                     : 0;
        m_problems.push_back({"config-invalid", model::Severity::Error, m_file, line, record, message, advice});
    }

    std::optional<std::string> scalar(const YAML::Node& node, const std::string& path)
    {
        if (!node.IsScalar()) {
            invalid(node, path, "expected a single value");
            return std::nullopt;
        }
        return node.Scalar();
    }

    std::optional<Date> date(const YAML::Node& node, const std::string& path)
    {
        const auto s = scalar(node, path);
        if (!s)
            return std::nullopt;
        const auto d = Date::parse(*s);
        if (!d)
            invalid(node, path, "\"" + *s + "\" is not a date (YYYY-MM-DD)");
        return d;
    }

    std::optional<model::TimeOfDay> time(const YAML::Node& node, const std::string& path)
    {
        const auto s = scalar(node, path);
        if (!s)
            return std::nullopt;
        const auto t = model::TimeOfDay::parse(*s);
        if (!t)
            invalid(node, path, "\"" + *s + "\" is not a time (\"HH:MM\", 24 h)");
        return t;
    }

    std::optional<bool> yes_no(const YAML::Node& node, const std::string& path)
    {
        const auto s = scalar(node, path);
        if (!s)
            return std::nullopt;
        const auto b = model::parse_yes_no(*s);
        if (!b)
            invalid(node, path, "\"" + *s + "\" is not yes or no");
        return b;
    }

    std::optional<Money> money(const YAML::Node& node, const std::string& path)
    {
        const auto s = scalar(node, path);
        if (!s)
            return std::nullopt;
        const auto m = Money::parse(*s);
        if (!m || m->cents() < 0) {
            invalid(node, path, "\"" + *s + "\" is not an amount (like 45.00)");
            return std::nullopt;
        }
        // Every amount is bounded, so no sum of them can overflow (docs/data.md).
        if (!m->within_limit()) {
            invalid(node, path,
                    fmt::format("{} is more than {}, the largest amount pthv accepts", *s,
                                Money::max_amount().grouped()));
            return std::nullopt;
        }
        return m;
    }

    std::optional<int> integer(const YAML::Node& node, const std::string& path, int min, int max)
    {
        const auto s = scalar(node, path);
        if (!s)
            return std::nullopt;
        int v = 0;
        try {
            std::size_t used = 0;
            v = std::stoi(*s, &used);
            if (used != s->size())
                throw std::invalid_argument("trailing");
        } catch (const std::exception&) {
            invalid(node, path, "\"" + *s + "\" is not a whole number");
            return std::nullopt;
        }
        if (v < min || v > max) {
            invalid(node, path, fmt::format("{} is out of range ({} to {})", v, min, max));
            return std::nullopt;
        }
        return v;
    }

    std::optional<double> fraction(const YAML::Node& node, const std::string& path, double min, double max)
    {
        const auto s = scalar(node, path);
        if (!s)
            return std::nullopt;
        double v = 0;
        try {
            std::size_t used = 0;
            v = std::stod(*s, &used);
            if (used != s->size())
                throw std::invalid_argument("trailing");
        } catch (const std::exception&) {
            invalid(node, path, "\"" + *s + "\" is not a number");
            return std::nullopt;
        }
        if (!(v >= min && v <= max)) {
            invalid(node, path, fmt::format("{} is out of range ({} to {})", *s, min, max));
            return std::nullopt;
        }
        return v;
    }

    // Reports keys of a map that pthv does not know (a typo would otherwise
    // silently leave a default in force).
    void known_keys(const YAML::Node& map, const std::string& path, std::initializer_list<const char*> keys)
    {
        if (!map.IsMap()) {
            invalid(map, path, "expected a mapping of settings");
            return;
        }
        std::vector<std::string> known(keys.begin(), keys.end());
        for (const auto& kv : map) {
            // A key that is not a plain value ([x]: 1) reads as empty.
            const std::string key = kv.first.IsScalar() ? kv.first.Scalar() : std::string{};
            if (std::find(known.begin(), known.end(), key) == known.end()) {
                const std::string near = key.empty() ? std::string{} : util::closest_match(key, known);
                // Quoted, so an empty or odd key still reads as a key.
                report(kv.first, path.empty() ? key : path + "." + key,
                       (path.empty() ? "" : path + ": ") + "unknown setting \"" + key + "\"",
                       near.empty() ? "known here: " + util::join(known, ", ") : "did you mean " + near + "?");
            }
        }
    }

private:
    model::Problems& m_problems;
    std::string m_file;
    bool m_ok = true;
};

std::optional<model::DateRange> parse_holiday(Reader& r, const YAML::Node& node, const std::string& path)
{
    const auto s = r.scalar(node, path);
    if (!s)
        return std::nullopt;
    const auto dots = s->find("..");
    const auto first = Date::parse(dots == std::string::npos ? *s : s->substr(0, dots));
    const auto last = Date::parse(dots == std::string::npos ? *s : s->substr(dots + 2));
    if (!first || !last || *last < *first) {
        r.invalid(node, path, "\"" + *s + "\" is not a date or a range like 2026-12-21..2027-01-01");
        return std::nullopt;
    }
    return model::DateRange{*first, *last};
}

void parse_calendar(Reader& r, const YAML::Node& n, model::Config& c)
{
    r.known_keys(n, "calendar", {"first_day", "last_day", "weekdays", "school_day", "holidays"});
    if (!n.IsMap())
        return;
    auto& cal = c.calendar;
    if (!n["first_day"] || !n["last_day"])
        r.invalid(n, "calendar", "first_day and last_day are required");
    // Compared only when both were read: a missing or broken day is
    // reported once, not again as "before" its default.
    bool both = true;
    if (const auto d = n["first_day"] ? r.date(n["first_day"], "calendar.first_day") : std::nullopt; d)
        cal.first_day = d.value();
    else
        both = false;
    if (const auto d = n["last_day"] ? r.date(n["last_day"], "calendar.last_day") : std::nullopt; d)
        cal.last_day = d.value();
    else
        both = false;
    if (both && cal.last_day < cal.first_day)
        r.invalid(n["last_day"], "calendar.last_day", "is before calendar.first_day");
    if (const auto w = n["weekdays"]) {
        static const char* k_names[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
        cal.weekdays.fill(false);
        if (!w.IsSequence())
            r.invalid(w, "calendar.weekdays", "expected a list like [mon, tue, wed, thu, fri]");
        else
            for (std::size_t i = 0; i < w.size(); ++i) {
                const std::string v = w[i].IsScalar() ? w[i].Scalar() : "";
                bool found = false;
                for (std::size_t k = 0; k < 7; ++k)
                    if (v == k_names[k])
                        found = cal.weekdays[k] = true;
                if (!found)
                    r.invalid(w[i], fmt::format("calendar.weekdays[{}]", i),
                              "\"" + v + "\" is not a weekday (mon, tue, wed, thu, fri, sat, sun)");
            }
    }
    if (const auto sd = n["school_day"]) {
        r.known_keys(sd, "calendar.school_day", {"start", "end"});
        if (sd.IsMap()) {
            if (sd["start"])
                if (auto t = r.time(sd["start"], "calendar.school_day.start"))
                    cal.day_start = *t;
            if (sd["end"])
                if (auto t = r.time(sd["end"], "calendar.school_day.end"))
                    cal.day_end = *t;
            if (!(cal.day_start < cal.day_end))
                r.invalid(sd, "calendar.school_day", "start must be before end");
        }
    }
    if (const auto h = n["holidays"]) {
        if (!h.IsSequence())
            r.invalid(h, "calendar.holidays", "expected a list of dates and ranges");
        else
            for (std::size_t i = 0; i < h.size(); ++i)
                if (auto range = parse_holiday(r, h[i], fmt::format("calendar.holidays[{}]", i)))
                    cal.holidays.push_back(*range);
    }
}

void parse_practices(Reader& r, const YAML::Node& n, model::Config& c)
{
    r.known_keys(n, "practices",
                 {"arrange_lead_days", "reflection_within_days", "refresher_months", "virtual_pair", "log_within_days",
                  "severity"});
    if (!n.IsMap())
        return;
    auto& p = c.practices;
    if (n["arrange_lead_days"])
        p.arrange_lead_days = r.integer(n["arrange_lead_days"], "practices.arrange_lead_days", 0, 365)
                                  .value_or(p.arrange_lead_days);
    if (n["reflection_within_days"])
        p.reflection_within_days =
            r.integer(n["reflection_within_days"], "practices.reflection_within_days", 0, 365)
                .value_or(p.reflection_within_days);
    if (n["refresher_months"])
        p.refresher_months =
            r.integer(n["refresher_months"], "practices.refresher_months", 1, 240).value_or(p.refresher_months);
    if (n["virtual_pair"])
        p.virtual_pair = r.yes_no(n["virtual_pair"], "practices.virtual_pair").value_or(p.virtual_pair);
    if (n["log_within_days"])
        p.log_within_days =
            r.integer(n["log_within_days"], "practices.log_within_days", 0, 365).value_or(p.log_within_days);
    if (const auto s = n["severity"]) {
        if (!s.IsMap()) {
            r.invalid(s, "practices.severity", "expected a mapping like {CP5-reflection: warning}");
            return;
        }
        // Which ids exist is the rules' business; the loader checks them
        // against the registry (see rules/registry.hpp).
        for (const auto& kv : s) {
            const std::string id = kv.first.Scalar();
            const std::string path = "practices.severity." + id;
            const auto v = r.scalar(kv.second, path);
            if (!v)
                continue;
            if (const auto sev = model::parse_severity(*v))
                p.severity[id] = *sev;
            else
                r.invalid(kv.second, path, "\"" + *v + "\" is not error, warning or off");
        }
    }
}

std::optional<model::PayRule> parse_pay_rule(Reader& r, const YAML::Node& n, const std::string& path)
{
    r.known_keys(n, path, {"per_visit", "hourly", "minimum_minutes"});
    if (!n.IsMap())
        return std::nullopt;
    model::PayRule rule;
    if (n["per_visit"])
        rule.per_visit = r.money(n["per_visit"], path + ".per_visit");
    if (n["hourly"])
        rule.hourly = r.money(n["hourly"], path + ".hourly");
    if (n["minimum_minutes"])
        rule.minimum_minutes = r.integer(n["minimum_minutes"], path + ".minimum_minutes", 0, 600).value_or(0);
    if (n["per_visit"] && n["hourly"])
        r.invalid(n, path, "give per_visit or hourly, not both");
    if (!n["per_visit"] && !n["hourly"])
        r.invalid(n, path, "needs per_visit or hourly");
    return rule;
}

void parse_compensation(Reader& r, const YAML::Node& n, model::Config& c)
{
    r.known_keys(n, "compensation",
                 {"certificated", "classified", "training", "max_paid_visits_per_staff", "require_confirmation"});
    if (!n.IsMap())
        return;
    auto& comp = c.compensation;
    if (n["certificated"])
        comp.certificated = parse_pay_rule(r, n["certificated"], "compensation.certificated");
    if (n["classified"])
        comp.classified = parse_pay_rule(r, n["classified"], "compensation.classified");
    if (const auto t = n["training"]) {
        r.known_keys(t, "compensation.training", {"certificated_hourly", "classified_hourly"});
        if (t.IsMap()) {
            if (t["certificated_hourly"])
                comp.training_certificated_hourly =
                    r.money(t["certificated_hourly"], "compensation.training.certificated_hourly");
            if (t["classified_hourly"])
                comp.training_classified_hourly =
                    r.money(t["classified_hourly"], "compensation.training.classified_hourly");
        }
    }
    if (n["max_paid_visits_per_staff"])
        comp.max_paid_visits_per_staff =
            r.integer(n["max_paid_visits_per_staff"], "compensation.max_paid_visits_per_staff", 0, 100000);
    if (n["require_confirmation"])
        comp.require_confirmation =
            r.yes_no(n["require_confirmation"], "compensation.require_confirmation").value_or(false);
}

// funding[].period: {from: 2025-10-01, to: 2026-09-30}, both days counted.
std::optional<model::DateRange> parse_funding_period(Reader& r, const YAML::Node& n, const std::string& path)
{
    r.known_keys(n, path, {"from", "to"});
    if (!n.IsMap())
        return std::nullopt;
    if (!n["from"] || !n["to"]) {
        r.invalid(n, path, "needs from and to, like {from: 2025-10-01, to: 2026-09-30}");
        return std::nullopt;
    }
    const auto from = r.date(n["from"], path + ".from");
    const auto to = r.date(n["to"], path + ".to");
    if (!from || !to)
        return std::nullopt;
    if (*to < *from) {
        r.invalid(n["to"], path, fmt::format("to ({}) is before from ({})", to->str(), from->str()));
        return std::nullopt;
    }
    return model::DateRange{*from, *to};
}

void parse_funding(Reader& r, const YAML::Node& n, model::Config& c)
{
    if (!n.IsSequence()) {
        r.invalid(n, "funding", "expected a list of sources like {source: district, amount: 45000.00}");
        return;
    }
    const model::DateRange year{c.school_year.start, c.school_year.end};
    for (std::size_t i = 0; i < n.size(); ++i) {
        const auto f = n[i];
        const std::string path = fmt::format("funding[{}]", i);
        r.known_keys(f, path, {"source", "amount", "sites", "period"});
        if (!f.IsMap())
            continue;
        model::FundingSource src;
        if (f["source"]) {
            src.source = r.scalar(f["source"], path + ".source").value_or("");
        } else {
            r.invalid(f, path, "needs a source name");
        }
        if (f["amount"])
            src.amount = r.money(f["amount"], path + ".amount").value_or(Money{});
        else
            r.invalid(f, path, "needs an amount");
        if (const auto s = f["sites"]) {
            if (!s.IsSequence()) {
                r.invalid(s, path + ".sites", "expected a list of site ids");
            } else {
                // Each entry names a site of sites.csv (check_funding_sites):
                // a typo here would move that site's costs to another source.
                std::vector<std::string> sites;
                for (std::size_t k = 0; k < s.size(); ++k) {
                    const std::string at = fmt::format("{}.sites[{}]", path, k);
                    if (!s[k].IsScalar()) {
                        r.invalid(s[k], at, "expected a site id like S01");
                        continue;
                    }
                    sites.push_back(s[k].Scalar());
                    src.site_lines.push_back(s[k].Mark().line >= 0 ? static_cast<std::size_t>(s[k].Mark().line) + 1
                                                                   : 0);
                }
                src.sites = sites;
            }
        }
        if (const auto p = f["period"])
            src.period = parse_funding_period(r, p, path + ".period");
        // An item goes to the first source that fits (pay/funding.hpp), so a
        // source whose every site and day an earlier one already takes never
        // pays: say so, rather than let the money go elsewhere without a
        // word (a source with no sites list written first, say).
        const model::DateRange days = src.period.value_or(year);
        for (std::size_t k = 0; k < c.funding.size(); ++k) {
            const auto& e = c.funding[k];
            const model::DateRange other = e.period.value_or(year);
            const bool all_sites =
                !e.sites || (src.sites && std::all_of(src.sites->begin(), src.sites->end(), [&](const std::string& id) {
                    return std::find(e.sites->begin(), e.sites->end(), id) != e.sites->end();
                }));
            if (all_sites && !(days.first < other.first) && !(other.last < days.last)) {
                r.invalid(f, path,
                          fmt::format("never pays: funding[{}] ({}) comes first and pays for all of its sites "
                                      "and days",
                                      k, e.source),
                          "an item goes to the first source that fits: move this one up, or give them sites "
                          "lists or periods of their own");
                break;
            }
        }
        c.funding.push_back(std::move(src));
    }
}

// A list of event kinds, like [site_visit, celebration]; empty is allowed.
std::vector<model::EventKind> parse_event_kinds(Reader& r, const YAML::Node& n, const std::string& path)
{
    std::vector<model::EventKind> kinds;
    if (!n.IsSequence()) {
        r.invalid(n, path, "expected a list of event kinds like [site_visit, celebration]");
        return kinds;
    }
    for (std::size_t i = 0; i < n.size(); ++i) {
        const std::string at = fmt::format("{}[{}]", path, i);
        const auto v = r.scalar(n[i], at);
        if (!v)
            continue;
        if (const auto k = model::parse_enum<model::EventKind>(*v))
            kinds.push_back(*k);
        else
            r.invalid(n[i], at,
                      "\"" + *v + "\" is not an event kind (celebration, site_visit, admin_meeting, family_event, "
                                   "pthv_week, other)");
    }
    return kinds;
}

void parse_events(Reader& r, const YAML::Node& n, model::Config& c)
{
    r.known_keys(n, "events", {"per_site", "district", "due"});
    if (!n.IsMap())
        return;
    if (n["per_site"])
        c.events.per_site = parse_event_kinds(r, n["per_site"], "events.per_site");
    if (n["district"])
        c.events.district = parse_event_kinds(r, n["district"], "events.district");
    if (n["due"])
        c.events.due = r.date(n["due"], "events.due");
}

void parse_remind(Reader& r, const YAML::Node& n, model::Config& c)
{
    r.known_keys(n, "remind", {"from"});
    if (!n.IsMap() || !n["from"])
        return;
    const auto from = r.scalar(n["from"], "remind.from");
    if (!from)
        return;
    if (!util::parse_mailbox(*from).ok) {
        r.invalid(n["from"], "remind.from", "\"" + *from + "\" is not an e-mail address",
                  "give an address, or a name and an address: \"PTHV Riverbend <pthv@example.org>\"");
        return;
    }
    c.remind.from = *from;
}

// True when `text` is UTF-8; else reports the first bad byte's line and
// column. Settings are printed in every report (the district's name in
// HTML): text that is not UTF-8 stops here, as in the CSV files.
bool check_utf8(std::string_view text, model::Problems& problems, std::string_view file)
{
    const std::size_t bad = util::find_invalid_utf8(text);
    if (bad == std::string_view::npos)
        return true;
    const std::string_view before = text.substr(0, bad);
    const std::size_t line = static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n')) + 1;
    const std::size_t line_start = before.rfind('\n');
    const std::size_t column = line_start == std::string_view::npos ? bad + 1 : bad - line_start;
    problems.push_back({"config-invalid", model::Severity::Error, std::string(file), line, {},
                        fmt::format("not UTF-8 (invalid byte 0x{:02X} at column {})",
                                    static_cast<unsigned char>(text[bad]), column),
                        "save pthv.yaml as UTF-8"});
    return false;
}

// The YAML document, when it is a mapping of settings; else nullopt and
// the problem.
std::optional<YAML::Node> load_settings(std::string_view text, model::Problems& problems, std::string_view file)
{
    YAML::Node root;
    try {
        root = YAML::Load(std::string(text));
    } catch (const YAML::Exception& e) {
        problems.push_back({"config-invalid", model::Severity::Error, std::string(file),
                            e.mark.line >= 0 ? static_cast<std::size_t>(e.mark.line) + 1 : 0, {},
                            "not valid YAML: " + e.msg, "check the indentation and quoting near this line"});
        return std::nullopt;
    }
    if (!root.IsMap()) {
        problems.push_back({"config-invalid", model::Severity::Error, std::string(file), 1, {},
                            "expected a mapping of settings (district:, school_year:, calendar:, ...)",
                            "`pthv init` writes a commented example"});
        return std::nullopt;
    }
    return root;
}

// Keys written twice: yaml-cpp reads the first and drops the second without
// a word, so a setting appended to the file would silently change nothing.
// True when there was one.
bool report_duplicates(std::string_view text, model::Problems& problems, std::string_view file)
{
    const auto found = duplicate_keys(text);
    for (const auto& d : found)
        problems.push_back({"config-invalid", model::Severity::Error, std::string(file), d.line, d.path,
                            duplicate_message(d), "keep one of the two and delete the other"});
    return !found.empty();
}

// school_year's start and end; true when both were read and are in order.
// The order checks run only on dates that were read: a missing or broken
// date is reported once, not again as out of order against its default.
bool parse_year_bounds(Reader& r, const YAML::Node& sy, model::SchoolYear& year)
{
    if (!sy["start"] || !sy["end"])
        r.invalid(sy, "school_year", "start and end are required");
    bool have_start = false, have_end = false;
    if (sy["start"])
        if (const auto d = r.date(sy["start"], "school_year.start")) {
            year.start = *d;
            have_start = true;
        }
    if (sy["end"])
        if (const auto d = r.date(sy["end"], "school_year.end")) {
            year.end = *d;
            have_end = true;
        }
    const bool ordered = have_start && have_end && !(year.end < year.start);
    if (have_start && have_end && !ordered)
        r.invalid(sy, "school_year", "end is before start");
    return ordered;
}

// school_year.mid_year, checked to fall inside a year whose bounds are
// `ordered`. Default: the day before the start's seventh month (July 1 ->
// January 31).
void parse_mid_year(Reader& r, const YAML::Node& sy, model::SchoolYear& year, bool ordered)
{
    year.mid_year = year.start.add_months(7).add_days(-1);
    bool have_mid = !sy["mid_year"];
    if (sy["mid_year"])
        if (const auto d = r.date(sy["mid_year"], "school_year.mid_year")) {
            year.mid_year = *d;
            have_mid = true;
        }
    if (ordered && have_mid && (year.mid_year < year.start || year.end < year.mid_year))
        r.invalid(sy["mid_year"] ? sy["mid_year"] : sy, "school_year.mid_year", "must fall inside the school year");
}

void parse_school_year(Reader& r, const YAML::Node& root, model::Config& c)
{
    const auto sy = root["school_year"];
    if (!sy) {
        r.invalid(root, "school_year", "is required, like {start: 2026-07-01, end: 2027-06-30}");
        return;
    }
    r.known_keys(sy, "school_year", {"start", "end", "mid_year"});
    if (!sy.IsMap())
        return;
    const bool ordered = parse_year_bounds(r, sy, c.school_year);
    parse_mid_year(r, sy, c.school_year, ordered);
}

// An entry of reports.publish, by its form (its dates are checked against
// the school year when a report is made).
bool publishable_period(const std::string& text)
{
    if (text == "mid-year" || text == "end-of-year" || text == "monthly")
        return true;
    if (text.size() == 7)
        return model::Date::parse(text + "-01").has_value();
    const auto dots = text.find("..");
    return dots != std::string::npos && model::Date::parse(text.substr(0, dots)) &&
           model::Date::parse(text.substr(dots + 2));
}

// reports.subgroups: names of attribute columns of students.csv. A flag_*
// column is a concern flag, which check-targeting reads and no report may
// break counts down by; a name is a column name, kept plain because it
// ends up in every table and key.
void parse_subgroups(Reader& r, const YAML::Node& n, model::Config& c)
{
    c.subgroups_line = n.Mark().line >= 0 ? n.Mark().line + 1 : 0;
    if (!n.IsSequence()) {
        r.invalid(n, "reports.subgroups", "expected a list of students.csv columns, like [ell, iep, frl, race_ethnicity]");
        return;
    }
    static const std::set<std::string> k_student_columns{"student_id", "site_id", "grade", "homeroom_id",
                                                         "family_id", "name"};
    for (std::size_t i = 0; i < n.size(); ++i) {
        const std::string at = fmt::format("reports.subgroups[{}]", i);
        const std::string name = n[i].IsScalar() ? n[i].Scalar() : std::string();
        const bool plain = !name.empty() && name.size() <= 40 && std::all_of(name.begin(), name.end(), [](char ch) {
            return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_';
        });
        if (!plain)
            r.invalid(n[i], at, "expected a column name of lower-case letters, digits and _, like race_ethnicity");
        else if (name.rfind("flag_", 0) == 0)
            r.invalid(n[i], at, name + " is a concern flag (check-targeting reads it): no report is broken down by one");
        else if (k_student_columns.count(name))
            r.invalid(n[i], at, name + " is one of students.csv's own columns, not an attribute that groups students");
        else if (std::find(c.subgroups.begin(), c.subgroups.end(), name) != c.subgroups.end())
            r.invalid(n[i], at, name + " is named twice");
        else
            c.subgroups.push_back(name);
    }
}

void parse_reports(Reader& r, const YAML::Node& n, model::Config& c)
{
    r.known_keys(n, "reports", {"min_cell", "publish", "subgroups"});
    if (n.IsMap() && n["min_cell"])
        c.min_cell = r.integer(n["min_cell"], "reports.min_cell", 1, 1000).value_or(c.min_cell);
    if (n.IsMap() && n["subgroups"])
        parse_subgroups(r, n["subgroups"], c);
    if (!n.IsMap() || !n["publish"])
        return;
    const YAML::Node p = n["publish"];
    if (!p.IsSequence()) {
        r.invalid(p, "reports.publish", "expected a list of periods, like [mid-year, end-of-year, monthly]");
        return;
    }
    c.publish.clear();
    for (std::size_t i = 0; i < p.size(); ++i) {
        const std::string at = fmt::format("reports.publish[{}]", i);
        const std::string text = p[i].IsScalar() ? p[i].Scalar() : std::string();
        if (!publishable_period(text))
            r.invalid(p[i], at, "expected mid-year, end-of-year, monthly, YYYY-MM or YYYY-MM-DD..YYYY-MM-DD");
        else
            c.publish.push_back(text);
    }
}

void parse_targeting(Reader& r, const YAML::Node& n, model::Config& c)
{
    r.known_keys(n, "targeting", {"full_coverage", "alpha", "min_visited"});
    if (!n.IsMap())
        return;
    if (n["full_coverage"])
        c.targeting.full_coverage = r.fraction(n["full_coverage"], "targeting.full_coverage", 0.0, 1.0).value_or(0.9);
    if (n["alpha"])
        c.targeting.alpha = r.fraction(n["alpha"], "targeting.alpha", 0.0, 1.0).value_or(0.05);
    if (n["min_visited"])
        c.targeting.min_visited = r.integer(n["min_visited"], "targeting.min_visited", 1, 100000).value_or(5);
}

// Each section of pthv.yaml in turn; the required ones are reported when
// missing, the optional ones keep their defaults.
void parse_settings(Reader& r, const YAML::Node& root, model::Config& c)
{
    r.known_keys(root, "", {"district", "school_year", "calendar", "practices", "compensation", "funding",
                            "reports", "targeting", "events", "remind"});
    if (root["district"])
        c.district = r.scalar(root["district"], "district").value_or("");
    parse_school_year(r, root, c);
    if (const auto cal = root["calendar"])
        parse_calendar(r, cal, c);
    else
        r.invalid(root, "calendar", "is required (first_day, last_day, weekdays, school_day, holidays)");
    if (const auto p = root["practices"])
        parse_practices(r, p, c);
    if (const auto comp = root["compensation"])
        parse_compensation(r, comp, c);
    if (const auto f = root["funding"])
        parse_funding(r, f, c);
    if (const auto rep = root["reports"])
        parse_reports(r, rep, c);
    if (const auto t = root["targeting"])
        parse_targeting(r, t, c);
    if (const auto e = root["events"])
        parse_events(r, e, c);
    if (const auto m = root["remind"])
        parse_remind(r, m, c);
}

} // namespace

bool check_funding_sites(const model::Config& config, const model::Ids<model::SiteId>& sites,
                         model::Problems& problems, std::string_view file)
{
    bool ok = true;
    for (std::size_t i = 0; i < config.funding.size(); ++i) {
        const auto& f = config.funding[i];
        if (!f.sites)
            continue;
        for (std::size_t k = 0; k < f.sites->size(); ++k) {
            const std::string& id = (*f.sites)[k];
            if (sites.defined(sites.find(id)))
                continue;
            ok = false;
            const std::string near = sites.closest(id);
            problems.push_back({"config-invalid", model::Severity::Error, std::string(file),
                                k < f.site_lines.size() ? f.site_lines[k] : 0, fmt::format("funding[{}].sites", i),
                                fmt::format("funding[{}].sites: \"{}\" is not a site_id of sites.csv", i, id),
                                near.empty() ? "list only the site ids of sites.csv"
                                             : "did you mean " + near + "?"});
        }
    }
    return ok;
}

ConfigResult parse_config(std::string_view text, model::Problems& problems, std::string_view file)
{
    ConfigResult result;
    if (!check_utf8(text, problems, file))
        return result;
    const auto root = load_settings(text, problems, file);
    if (!root)
        return result;
    Reader r(problems, file);
    parse_settings(r, *root, result.config);
    const bool duplicates = report_duplicates(text, problems, file);
    result.ok = r.ok() && !duplicates;
    return result;
}

} // namespace pthv::io
