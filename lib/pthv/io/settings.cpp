#include <pthv/io/settings.hpp>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

namespace pthv::io {

// Defaults are those of model::Config and parse_config; a setting that is
// absent and has no default leaves that part of the program unset (no pay
// rule, no cap), which the rules report where it matters.
const std::vector<SettingInfo>& settings()
{
    static const std::vector<SettingInfo> k_settings = {
        {"district", "text", "empty", "the district's name, at the head of every report"},
        {"school_year.start", "date", "required",
         "first day of the school year every rule and report works within"},
        {"school_year.end", "date", "required", "last day of the school year"},
        {"school_year.mid_year", "date", "seven months after start, less a day",
         "last day of the mid-year report (report --period mid-year)"},
        {"calendar.first_day", "date", "required", "first day of instruction"},
        {"calendar.last_day", "date", "required", "last day of instruction"},
        {"calendar.weekdays", "list of mon..sun", "[mon, tue, wed, thu, fri]",
         "the days of the week with school"},
        {"calendar.school_day.start", "time \"HH:MM\"", "\"08:00\"", "when the school day begins"},
        {"calendar.school_day.end", "time \"HH:MM\"", "\"15:30\"",
         "when it ends; a visit that does not overlap start..end, or is on a day without school, "
         "is outside the school day (and so paid, core practice 2)"},
        {"calendar.holidays", "list of dates and FIRST..LAST ranges", "[]", "days without school"},
        {"practices.arrange_lead_days", "integer 0..365", "1",
         "a completed visit is arranged at least this many days ahead (CP1-arranged)"},
        {"practices.reflection_within_days", "integer 0..365", "7",
         "the pair reflects within this many days after the visit (CP5-reflection)"},
        {"practices.refresher_months", "integer 1..240", "24",
         "training older than this is due for a refresher (CP2-refresher)"},
        {"practices.virtual_pair", "yes/no", "no",
         "a virtual visit needs two people like any other (CP5-pair); with no, one educator is enough"},
        {"practices.log_within_days", "integer 0..365", "7",
         "a visit is logged within this many days after it (late-entry, by logged_on)"},
        {"practices.severity", "map: rule id -> error, warning or off", "{}",
         "overrides a rule's default severity; data-integrity rules are always errors"},
        {"compensation.certificated.per_visit", "money", "none",
         "paid to certificated staff for each visit event outside the school day"},
        {"compensation.certificated.hourly", "money", "none",
         "or paid by the hour instead (not both)"},
        {"compensation.certificated.minimum_minutes", "integer 0..600", "0",
         "with hourly: a visit is paid at least this many minutes"},
        {"compensation.classified.per_visit", "money", "none",
         "paid to classified staff for each visit event"},
        {"compensation.classified.hourly", "money", "none",
         "or by the hour; a staff member's hourly_rate in staff.csv overrides it"},
        {"compensation.classified.minimum_minutes", "integer 0..600", "0",
         "with hourly: a visit is paid at least this many minutes"},
        {"compensation.training.certificated_hourly", "money", "none",
         "paid per training hour to certificated staff"},
        {"compensation.training.classified_hourly", "money", "none",
         "paid per training hour to classified staff"},
        {"compensation.max_paid_visits_per_staff", "integer 0..100000", "none (no cap)",
         "paid visits per staff member in the school year; later ones are over the cap and not "
         "paid (over-cap)"},
        {"compensation.require_confirmation", "yes/no", "no",
         "with yes, a completed visit is paid only once confirmed_on is set, in the period holding that "
         "day; until then payroll lists it as unconfirmed at 0.00"},
        {"funding[].source", "text", "required",
         "the name of a funding source (title-1, district, ...)"},
        {"funding[].amount", "money", "required", "its budget for its period"},
        {"funding[].sites", "list of site ids", "every site",
         "the sites it pays for, each a site_id of sites.csv; an item goes to the first source, in "
         "this order, that lists its site (or has no list) and whose period holds its date; an item "
         "no source pays is unfunded"},
        {"funding[].period", "{from: date, to: date}", "the school year",
         "the days whose items it may pay, both counted (a federal grant: {from: 2025-10-01, to: "
         "2026-09-30}); `pthv init --from` moves it on by a year"},
        {"reports.min_cell", "integer 1..1000", "10",
         "public reports show a count below this as \"<N\" (\"<10\" for 10), so no family can be "
         "picked out"},
        {"reports.publish", "list of periods", "[mid-year, end-of-year, monthly]",
         "the periods whose public reports may be posted: mid-year, end-of-year, monthly (every month "
         "of the school year), YYYY-MM or YYYY-MM-DD..YYYY-MM-DD; `pthv report --audit` reads all of "
         "their public reports together, and `pthv rollup --public` takes only a period listed here"},
        {"reports.subgroups", "list of students.csv columns", "[] (none)",
         "attribute columns of students.csv (for example [ell, iep, frl, race_ethnicity]) whose values "
         "group students in the subgroups table: coverage and representation per value, and with "
         "--attendance or --scores the comparison within each value; never a flag_* column; the "
         "column may be left empty and its values given by `pthv report --subgroups FILE`"},
        {"targeting.full_coverage", "number 0..1", "0.9",
         "a group whose share of students visited reaches this visits everyone and passes "
         "(CP4-targeting)"},
        {"targeting.alpha", "number 0..1", "0.05",
         "the false-discovery rate across all tests of the targeting check"},
        {"targeting.min_visited", "integer 1..100000", "5",
         "a group with fewer students visited is too few to judge"},
        {"events.per_site", "list of event kinds", "[] (none expected)",
         "the kinds of event (celebration, site_visit, admin_meeting, family_event, pthv_week, other) every "
         "active site holds in the school year, e.g. [site_visit, admin_meeting, celebration] (event-missing)"},
        {"events.district", "list of event kinds", "[] (none expected)",
         "the kinds of district-wide event (no site_id) the school year holds, e.g. [celebration]"},
        {"events.due", "date", "calendar.last_day",
         "from this day on, a kind missing from events.csv is reported (event-missing)"},
        {"remind.from", "e-mail address, or \"Name <address>\"", "none",
         "the sender of pthv remind's messages (From:); --format eml and --send need it"},
    };
    return k_settings;
}

std::string settings_text()
{
    std::string out = "pthv.yaml (district settings; \"default\" applies when a setting is absent)\n";
    out += fmt::format("  {:<42} {:<38} {}\n", "setting", "type", "default");
    for (const auto& s : settings()) {
        out += fmt::format("  {:<42} {:<38} {}\n", s.path, s.type, s.default_value);
        out += fmt::format("  {:<42} {}\n", "", s.meaning);
    }
    return out;
}

std::string settings_yaml()
{
    YAML::Emitter y;
    y << YAML::BeginMap << YAML::Key << "name" << YAML::Value << "pthv.yaml";
    y << YAML::Key << "title" << YAML::Value << "District settings";
    y << YAML::Key << "settings" << YAML::Value << YAML::BeginSeq;
    for (const auto& s : settings())
        y << YAML::Flow << YAML::BeginMap << YAML::Key << "path" << YAML::Value << std::string(s.path)
          << YAML::Key << "type" << YAML::Value << std::string(s.type) << YAML::Key << "default" << YAML::Value
          << std::string(s.default_value) << YAML::Key << "meaning" << YAML::Value << std::string(s.meaning)
          << YAML::EndMap;
    y << YAML::EndSeq << YAML::EndMap;
    return std::string(y.c_str()) + "\n";
}

} // namespace pthv::io
