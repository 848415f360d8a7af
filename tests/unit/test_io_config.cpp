#include <doctest/doctest.h>

#include <algorithm>
#include <cstring>

#include <pthv/io/config.hpp>
#include <pthv/io/yaml_keys.hpp>

#include "fixture.hpp"

using namespace pthv;

namespace {

struct Parsed {
    io::ConfigResult result;
    model::Problems problems;
};

Parsed parse(const std::string& text)
{
    Parsed p;
    p.result = io::parse_config(text, p.problems);
    return p;
}

// The fixture's pthv.yaml with one line replaced (or added when `from` is empty).
std::string with(std::string_view from, std::string_view to)
{
    std::string text = test::k_config;
    if (from.empty())
        return text + std::string(to) + "\n";
    const auto pos = text.find(from);
    REQUIRE_MESSAGE(pos != std::string::npos, from);
    text.replace(pos, from.size(), to);
    return text;
}

// Exactly one config-invalid problem, whose record is `path`.
model::Problem invalid_at(const std::string& text, const std::string& path)
{
    const auto p = parse(text);
    CHECK_FALSE(p.result.ok);
    INFO(test::dump(p.problems));
    REQUIRE(p.problems.size() == 1);
    CHECK(p.problems[0].rule == "config-invalid");
    CHECK(p.problems[0].record == path);
    // The message starts with the key path (an unknown key: with its parent's).
    const bool named = p.problems[0].message.rfind(path + ": ", 0) == 0 ||
                       p.problems[0].message.rfind(path + " is set twice", 0) == 0 ||
                       test::contains(p.problems[0].message, "unknown setting");
    CHECK(named);
    return p.problems[0];
}

} // namespace

TEST_CASE("io::parse_config funding[].period")
{
    SUBCASE("a period is read; without one a source has none (the school year)")
    {
        const auto p = parse(with("  - {source: district, amount: 10000.00}",
                                  "  - {source: federal, amount: 1.00, period: {from: 2026-10-01, to: 2027-09-30}}\n"
                                  "  - {source: district, amount: 10000.00}"));
        INFO(test::dump(p.problems));
        REQUIRE(p.result.ok);
        REQUIRE(p.result.config.funding.size() == 2);
        REQUIRE(p.result.config.funding[0].period);
        CHECK(p.result.config.funding[0].period->first.str() == "2026-10-01");
        CHECK(p.result.config.funding[0].period->last.str() == "2027-09-30");
        CHECK_FALSE(p.result.config.funding[1].period);
    }
    SUBCASE("two sources without a sites list may share the year when their periods differ")
    {
        CHECK(parse(with("  - {source: district, amount: 10000.00}",
                         "  - {source: spring, amount: 1.00, period: {from: 2027-01-01, to: 2027-06-30}}\n"
                         "  - {source: district, amount: 10000.00}"))
                  .result.ok);
    }
    SUBCASE("one without a list whose whole period an earlier one holds never pays")
    {
        const auto p = invalid_at(with("  - {source: district, amount: 10000.00}",
                                       "  - {source: district, amount: 10000.00}\n"
                                       "  - {source: spring, amount: 1.00, period: {from: 2027-01-01, to: "
                                       "2027-06-30}}"),
                                  "funding[1]");
        CHECK(test::contains(p.message, "never pays: funding[0] (district) comes first"));
        CHECK(p.line == 20);
    }
    SUBCASE("so does a grant listed after a source with no sites list for the same days")
    {
        invalid_at(with("  - {source: district, amount: 10000.00}",
                        "  - {source: district, amount: 10000.00}\n"
                        "  - {source: title-1, amount: 1.00, sites: [S01]}"),
                   "funding[1]");
        invalid_at(with("  - {source: district, amount: 10000.00}",
                        "  - {source: title-1, amount: 1.00, sites: [S01, S02]}\n"
                        "  - {source: title-2, amount: 1.00, sites: [S02], period: {from: 2026-09-01, to: "
                        "2026-12-31}}\n"
                        "  - {source: district, amount: 10000.00}"),
                   "funding[1]");
        // A grant before the catch-all, or one whose days reach past it, pays.
        CHECK(parse(with("  - {source: district, amount: 10000.00}",
                         "  - {source: title-1, amount: 1.00, sites: [S01]}\n"
                         "  - {source: district, amount: 10000.00}"))
                  .result.ok);
        CHECK(parse(with("  - {source: district, amount: 10000.00}",
                         "  - {source: district, amount: 10000.00, period: {from: 2026-07-01, to: 2026-09-30}}\n"
                         "  - {source: title-1, amount: 1.00, sites: [S01]}"))
                  .result.ok);
    }
}

TEST_CASE("io::parse_config")
{
    SUBCASE("the fixture's settings are read")
    {
        const auto p = parse(test::k_config);
        CHECK(p.problems.empty());
        REQUIRE(p.result.ok);
        const auto& c = p.result.config;
        CHECK(c.district == "Test District");
        CHECK(c.school_year.start.str() == "2026-07-01");
        CHECK(c.school_year.mid_year.str() == "2027-01-31");
        CHECK(c.calendar.first_day.str() == "2026-08-19");
        CHECK(c.calendar.day_end.str() == "15:30");
        REQUIRE(c.calendar.holidays.size() == 2);
        CHECK(c.calendar.holidays[1].first.str() == "2026-11-26");
        CHECK(c.calendar.holidays[1].last.str() == "2026-11-27");
        CHECK(c.calendar.holidays[0].first == c.calendar.holidays[0].last);
        CHECK(c.compensation.certificated->per_visit->cents() == 5000);
        CHECK(c.compensation.classified->hourly->cents() == 2800);
        CHECK(c.compensation.classified->minimum_minutes == 60);
        CHECK(c.compensation.training_classified_hourly->cents() == 2800);
        CHECK(c.compensation.max_paid_visits_per_staff == 60);
        REQUIRE(c.funding.size() == 1);
        CHECK(c.funding[0].amount.cents() == 1000000);
        CHECK_FALSE(c.funding[0].sites);
    }
    SUBCASE("only the school year and the calendar's days are needed; the rest has defaults")
    {
        const auto p = parse("school_year: {start: 2026-07-01, end: 2027-06-30}\n"
                             "calendar: {first_day: 2026-08-19, last_day: 2027-06-04}\n");
        CHECK(p.problems.empty());
        const auto& c = p.result.config;
        CHECK(c.school_year.mid_year.str() == "2027-01-31"); // default: end of January
        CHECK(c.practices.arrange_lead_days == 1);
        CHECK(c.practices.reflection_within_days == 7);
        CHECK(c.practices.refresher_months == 24);
        CHECK(c.calendar.weekdays[0]);
        CHECK_FALSE(c.calendar.weekdays[5]);
        CHECK(c.calendar.day_start.str() == "08:00");
        CHECK(c.min_cell == 10);
        CHECK(c.targeting.min_visited == 5);
        CHECK_FALSE(c.compensation.max_paid_visits_per_staff);
    }
    SUBCASE("the template pthv init writes is valid")
    {
        const auto p = parse(io::default_config_text("Riverbend \\\"Unified\\\"", 2026));
        CHECK(p.problems.empty());
        CHECK(p.result.config.district == "Riverbend \"Unified\"");
        CHECK(p.result.config.school_year.start.str() == "2026-07-01");
    }
    SUBCASE("broken YAML is config-invalid on its line")
    {
        const auto p = parse("school_year: {start: 2026-07-01\ncalendar: [\n");
        REQUIRE(p.problems.size() == 1);
        CHECK(p.problems[0].rule == "config-invalid");
        CHECK(p.problems[0].line > 0);
        CHECK(test::contains(p.problems[0].message, "not valid YAML"));
    }
    SUBCASE("a file that is not a mapping, or empty, is config-invalid")
    {
        for (const char* text : {"", "just words\n", "- a\n- b\n"}) {
            const auto p = parse(text);
            REQUIRE(p.problems.size() == 1);
            CHECK(p.problems[0].rule == "config-invalid");
            CHECK_FALSE(p.result.ok);
        }
    }
    SUBCASE("the school year and calendar are required")
    {
        const auto p = parse("district: x\n");
        CHECK(test::count(p.problems, "config-invalid") == 2);
        CHECK(parse("school_year: {start: 2026-07-01, end: 2027-06-30}\ncalendar: {first_day: 2026-08-19}\n")
                  .problems.size() == 1);
    }
    SUBCASE("each setting's wrong type or value names its key path")
    {
        invalid_at(with("start: 2026-07-01,", "start: 2026-13-01,"), "school_year.start");
        invalid_at(with("end: 2027-06-30,", "end: soon,"), "school_year.end");
        invalid_at(with("mid_year: 2027-01-31", "mid_year: 2027-08-01"), "school_year.mid_year");
        invalid_at(with("first_day: 2026-08-19", "first_day: 08/19/2026"), "calendar.first_day");
        invalid_at(with("last_day: 2027-06-04", "last_day: 2026-06-04"), "calendar.last_day");
        invalid_at(with("[mon, tue,", "[mon, tuesday,"), "calendar.weekdays[1]");
        invalid_at(with("weekdays: [mon, tue, wed, thu, fri]", "weekdays: mon"), "calendar.weekdays");
        invalid_at(with("start: \"08:00\"", "start: \"8am\""), "calendar.school_day.start");
        invalid_at(with("end: \"15:30\"", "end: \"25:00\""), "calendar.school_day.end");
        invalid_at(with("end: \"15:30\"", "end: \"07:00\""), "calendar.school_day");
        invalid_at(with("2026-09-07,", "2026-09-31,"), "calendar.holidays[0]");
        invalid_at(with("2026-11-26..2026-11-27", "2026-11-27..2026-11-26"), "calendar.holidays[1]");
        invalid_at(with("holidays: [2026-09-07, 2026-11-26..2026-11-27]", "holidays: 2026-09-07"),
                   "calendar.holidays");
        invalid_at(with("arrange_lead_days: 1", "arrange_lead_days: one"), "practices.arrange_lead_days");
        invalid_at(with("arrange_lead_days: 1", "arrange_lead_days: -1"), "practices.arrange_lead_days");
        invalid_at(with("reflection_within_days: 7", "reflection_within_days: 7.5"),
                   "practices.reflection_within_days");
        invalid_at(with("refresher_months: 24", "refresher_months: 0"), "practices.refresher_months");
        invalid_at(with("refresher_months: 24", "refresher_months: 24\n  severity: [CP5-pair]"),
                   "practices.severity");
        invalid_at(with("refresher_months: 24", "refresher_months: 24\n  severity: {CP5-pair: maybe}"),
                   "practices.severity.CP5-pair");
        invalid_at(with("per_visit: 50.00", "per_visit: 50.005"), "compensation.certificated.per_visit");
        invalid_at(with("per_visit: 50.00", "per_visit: -50"), "compensation.certificated.per_visit");
        invalid_at(with("{per_visit: 50.00}", "{per_visit: 50.00, hourly: 45.00}"), "compensation.certificated");
        invalid_at(with("{per_visit: 50.00}", "{minimum_minutes: 60}"), "compensation.certificated");
        invalid_at(with("hourly: 28.00,", "hourly: $28,"), "compensation.classified.hourly");
        invalid_at(with("minimum_minutes: 60", "minimum_minutes: 601"), "compensation.classified.minimum_minutes");
        invalid_at(with("certificated_hourly: 40.00", "certificated_hourly: forty"),
                   "compensation.training.certificated_hourly");
        invalid_at(with("classified_hourly: 28.00}", "classified_hourly: 1e3}"),
                   "compensation.training.classified_hourly");
        invalid_at(with("max_paid_visits_per_staff: 60", "max_paid_visits_per_staff: lots"),
                   "compensation.max_paid_visits_per_staff");
        invalid_at(with("amount: 10000.00}", "amount: ten thousand}"), "funding[0].amount");
        invalid_at(with("{source: district, amount: 10000.00}", "{amount: 10000.00}"), "funding[0]");
        invalid_at(with("{source: district, amount: 10000.00}", "{source: district}"), "funding[0]");
        invalid_at(with("amount: 10000.00}", "amount: 10000.00, sites: S01}"), "funding[0].sites");
        invalid_at(with("  - {source: district, amount: 10000.00}", "  - {source: district, amount: 1}\n"
                                                                     "  - {source: other, amount: 1}"),
                   "funding[1]");
        invalid_at(with("funding:\n  - {source: district, amount: 10000.00}", "funding: 10000"), "funding");
        invalid_at(with("amount: 10000.00}", "amount: 10000.00, period: {from: 2026-10-01, to: 2026-09-31}}"),
                   "funding[0].period.to");
        invalid_at(with("amount: 10000.00}", "amount: 10000.00, period: {from: 2026-10-01, to: 2026-09-30}}"),
                   "funding[0].period");
        invalid_at(with("amount: 10000.00}", "amount: 10000.00, period: {from: 2026-10-01}}"), "funding[0].period");
        invalid_at(with("amount: 10000.00}", "amount: 10000.00, period: 2026-10-01}"), "funding[0].period");
        invalid_at(with("amount: 10000.00}", "amount: 10000.00, period: {from: 2026-10-01, to: 2026-12-31, till: 2026-12-31}}"),
                   "funding[0].period.till");
        invalid_at(with("min_cell: 10", "min_cell: 0"), "reports.min_cell");
        invalid_at(with("full_coverage: 0.9", "full_coverage: 1.5"), "targeting.full_coverage");
        invalid_at(with("alpha: 0.05", "alpha: nan"), "targeting.alpha");
        invalid_at(with("min_visited: 5", "min_visited: five"), "targeting.min_visited");
        invalid_at(with("district: Test District", "district: [a, b]"), "district");
    }
    SUBCASE("an unknown setting is named with its path, quoted, with a suggestion")
    {
        const auto p = invalid_at(with("refresher_months: 24", "refresher_month: 24"), "practices.refresher_month");
        CHECK(p.message == "practices: unknown setting \"refresher_month\"");
        CHECK(p.advice == "did you mean refresher_months?");
        CHECK(p.line == 12);
    }
    SUBCASE("an unknown top-level setting, or an empty key, reads clearly")
    {
        CHECK(invalid_at(with("", "colour: blue"), "colour").message == "unknown setting \"colour\"");
        const auto p = invalid_at(with("", "\"\": 1"), "");
        CHECK(p.message == "unknown setting \"\"");
        CHECK(test::contains(p.advice, "known here: district"));
    }
    SUBCASE("a section written twice is config-invalid on the second line, naming the first")
    {
        // What `printf 'reports: {min_cell: 20}' >> pthv.yaml` does: yaml-cpp
        // alone would keep min_cell 10 without a word.
        const auto p = invalid_at(with("", "reports: {min_cell: 20}"), "reports");
        CHECK(p.line == 22);
        CHECK(p.message == "reports is set twice (first on line 20); pthv will not guess which one is meant");
        CHECK(p.advice == "keep one of the two and delete the other");
    }
    SUBCASE("a key written twice at any depth, flow or block, is named by its path")
    {
        CHECK(invalid_at(with("  refresher_months: 24", "  refresher_months: 24\n  refresher_months: 12"),
                         "practices.refresher_months")
                  .line == 13);
        CHECK(invalid_at(with("{min_cell: 10}", "{min_cell: 10, min_cell: 5}"), "reports.min_cell").line == 20);
        CHECK(invalid_at(with("{source: district, amount: 10000.00}",
                              "{source: district, amount: 10000.00, amount: 99999.00}"),
                         "funding[0].amount")
                  .line == 19);
        CHECK(invalid_at(with("{source: district, amount: 10000.00}",
                              "{source: district, amount: 10000.00, period: {from: 2026-07-01, to: 2027-06-30, "
                              "from: 2026-10-01}}"),
                         "funding[0].period.from")
                  .line == 19);
        // A quoted key is the same key.
        CHECK(invalid_at(with("district: Test District", "district: Test District\n\"district\": Other"),
                         "district")
                  .line == 2);
    }
    SUBCASE("a key written twice is reported beside the file's other problems")
    {
        const auto p = parse(with("refresher_months: 24", "refresher_months: two\n  refresher_months: 12"));
        CHECK_FALSE(p.result.ok);
        REQUIRE(p.problems.size() == 2);
        CHECK(test::contains(test::dump(p.problems), "practices.refresher_months is set twice (first on line 12)"));
    }
    SUBCASE("the same key in different mappings, and a merge key used twice, are not duplicates")
    {
        CHECK(parse(with("{min_cell: 10}", "{min_cell: 10}\n# min_cell: 20")).problems.empty());
        const auto keys = io::duplicate_keys("a: &a {x: 1}\nb: &b {y: 2}\nc:\n  <<: *a\n  <<: *b\n  x: 3\n"
                                             "d: [{x: 1}, {x: 2}]\n");
        CHECK(keys.empty());
    }
    SUBCASE("a document that refers to itself is walked once")
    {
        CHECK(io::duplicate_keys("a: &x {b: *x, b: 1}\n").size() == 1);
        CHECK(io::duplicate_keys("a: [b\n").empty()); // not YAML: the parse reports it
    }
    SUBCASE("a setting's problem carries its YAML line")
    {
        const auto p = invalid_at(with("min_visited: 5", "min_visited: five"), "targeting.min_visited");
        CHECK(p.line == 21);
    }
    SUBCASE("a wrong setting falls back to its default so checking goes on")
    {
        const auto p = parse(with("arrange_lead_days: 1", "arrange_lead_days: soon"));
        CHECK(p.result.config.practices.arrange_lead_days == 1);
        CHECK(p.result.config.calendar.first_day.str() == "2026-08-19");
    }
    SUBCASE("severity overrides are read by rule id")
    {
        const auto p = parse(with("refresher_months: 24", "refresher_months: 24\n  severity: {CP5-reflection: off}"));
        CHECK(p.problems.empty());
        CHECK(p.result.config.practices.severity.at("CP5-reflection") == model::Severity::Off);
    }
    SUBCASE("funding sources with a sites list")
    {
        const auto p = parse(with("  - {source: district, amount: 10000.00}",
                                  "  - {source: title-1, amount: 30000.00, sites: [S01, S02]}\n"
                                  "  - {source: district, amount: 45000.00}"));
        CHECK(p.problems.empty());
        REQUIRE(p.result.config.funding.size() == 2);
        CHECK(p.result.config.funding[0].sites == std::vector<std::string>{"S01", "S02"});
    }
}

TEST_CASE("io::parse_config: events")
{
    SUBCASE("absent: nothing expected, due is calendar.last_day")
    {
        const auto p = parse(test::k_config);
        CHECK(p.result.config.events.per_site.empty());
        CHECK(p.result.config.events.district.empty());
        CHECK(p.result.config.events_due().str() == "2027-06-04");
    }
    SUBCASE("lists and due are read; lists may be empty")
    {
        const auto p = parse(std::string(test::k_config) +
                             "events: {per_site: [site_visit, admin_meeting], district: [], due: 2027-05-31}\n");
        REQUIRE(p.result.ok);
        const auto& e = p.result.config.events;
        CHECK(e.per_site == std::vector<model::EventKind>{model::EventKind::SiteVisit, model::EventKind::AdminMeeting});
        CHECK(e.district.empty());
        CHECK(p.result.config.events_due().str() == "2027-05-31");
    }
    SUBCASE("an unknown kind is config-invalid, naming the key path")
    {
        const auto p = parse(std::string(test::k_config) + "events: {district: [party]}\n");
        CHECK_FALSE(p.result.ok);
        REQUIRE(p.problems.size() == 1);
        CHECK(p.problems[0].message == "events.district[0]: \"party\" is not an event kind (celebration, site_visit, "
                                       "admin_meeting, family_event, pthv_week, other)");
    }
}

TEST_CASE("io::parse_config: amounts are bounded")
{
    SUBCASE("a money setting up to 9,999,999.99 is read")
    {
        const auto p = parse(with("certificated: {per_visit: 50.00}", "certificated: {per_visit: 9999999.99}"));
        CHECK(p.problems.empty());
        CHECK(p.result.config.compensation.certificated->per_visit->cents() == 999999999);
    }
    SUBCASE("a money setting past 9,999,999.99 is config-invalid on its line, never a wrapped figure")
    {
        const auto text = with("classified: {hourly: 28.00, minimum_minutes: 60}",
                               "classified: {hourly: 9223372036854775.80, minimum_minutes: 60}");
        const auto p = invalid_at(text, "compensation.classified.hourly");
        CHECK(p.line == 15);
        CHECK(p.message == "compensation.classified.hourly: 9223372036854775.80 is more than 9,999,999.99, the "
                           "largest amount pthv accepts");
        CHECK(invalid_at(with("{source: district, amount: 10000.00}", "{source: district, amount: 10000000.00}"),
                         "funding[0].amount")
                  .line == 19);
        invalid_at(with("training: {certificated_hourly: 40.00,", "training: {certificated_hourly: 10000000,"),
                   "compensation.training.certificated_hourly");
    }
}

TEST_CASE("io::check_funding_sites")
{
    model::Ids<model::SiteId> sites;
    sites.table().define("S01", 0);
    sites.table().define("S02", 1);
    const auto funding = [](const std::string& list) {
        return with("  - {source: district, amount: 10000.00}",
                    "  - {source: title-1, amount: 300.00, sites: " + list + "}\n  - {source: district, amount: 5.00}");
    };

    SUBCASE("every entry a site_id of sites.csv passes")
    {
        auto p = parse(funding("[S01, S02]"));
        CHECK(p.problems.empty());
        CHECK(io::check_funding_sites(p.result.config, sites, p.problems));
        CHECK(p.problems.empty());
    }
    SUBCASE("a typo is config-invalid on the entry's line, with a suggestion")
    {
        auto p = parse(with("  - {source: district, amount: 10000.00}",
                            "  - source: title-1\n    amount: 300.00\n    sites:\n      - S01\n      - S2\n"
                            "  - {source: district, amount: 5.00}"));
        REQUIRE(p.problems.empty());
        CHECK_FALSE(io::check_funding_sites(p.result.config, sites, p.problems));
        const auto bad = test::only(p.problems, "config-invalid");
        CHECK(bad.file == "pthv.yaml");
        CHECK(bad.line == 23);
        CHECK(bad.message == "funding[0].sites: \"S2\" is not a site_id of sites.csv");
        CHECK(test::contains(bad.advice, "did you mean S0"));
    }
    SUBCASE("an entry that is not a site id (a list, a mapping, nothing) is config-invalid when read")
    {
        invalid_at(funding("[S01, [S02]]"), "funding[0].sites[1]");
        invalid_at(funding("[S01, {id: S02}]"), "funding[0].sites[1]");
        invalid_at(funding("[S01, ~]"), "funding[0].sites[1]");
    }
    SUBCASE("the load checks them against sites.csv: S02's costs never move silently")
    {
        auto src = test::tiny_repo();
        src["pthv.yaml"] = funding("[S01, S2]");
        const auto problems = test::validate(src);
        const auto p = test::only(problems, "config-invalid");
        CHECK(p.line == 19);
        CHECK(test::contains(p.message, "\"S2\" is not a site_id of sites.csv"));
        src["pthv.yaml"] = funding("[S01, S02]");
        CHECK(test::validate(src).empty());
    }
}

TEST_CASE("io::parse_config refuses text that is not UTF-8")
{
    SUBCASE("a Latin-1 district name is config-invalid on its line, with its column")
    {
        const auto p = parse(with("district: Test District", "district: Distrito de Le\xF3n"));
        INFO(test::dump(p.problems));
        REQUIRE(p.problems.size() == 1);
        CHECK(p.problems[0].rule == "config-invalid");
        CHECK(p.problems[0].line == 1);
        CHECK(p.problems[0].message == "not UTF-8 (invalid byte 0xF3 at column 25)");
        CHECK(p.result.config.district.empty()); // nothing of the file is taken
    }
    SUBCASE("a bad byte further down names that line")
    {
        const auto p = parse(with("", "# caf\xE9"));
        REQUIRE(p.problems.size() == 1);
        const auto lines = std::count(test::k_config, test::k_config + std::strlen(test::k_config), '\n');
        CHECK(p.problems[0].line == static_cast<std::size_t>(lines) + 1);
    }
    SUBCASE("UTF-8 names are read as they are")
    {
        const auto p = parse(with("district: Test District", "district: Distrito de Le\xC3\xB3n"));
        CHECK(p.problems.empty());
        CHECK(p.result.config.district == "Distrito de Le\xC3\xB3n");
    }
}
