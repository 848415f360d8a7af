#include <doctest/doctest.h>

#include <map>
#include <set>

#include <pthv/io/config.hpp>
#include <pthv/io/settings.hpp>
#include <pthv/util/strings.hpp>

#include "fixture.hpp"

using namespace pthv;

namespace {

const std::string k_probe = "qqqqqqqqqqqqqqqq"; // no setting is anywhere near it

// The keys the table documents under each map of pthv.yaml: "" (the top
// level) -> {district, school_year, ...}, "funding[]" -> {source, amount, sites}.
// The key as pthv.yaml writes it: "funding[]" is the key funding.
std::string key_of(const std::string& part)
{
    return util::ends_with(part, "[]") ? part.substr(0, part.size() - 2) : part;
}

std::map<std::string, std::set<std::string>> documented_maps()
{
    std::map<std::string, std::set<std::string>> out;
    for (const auto& s : io::settings()) {
        const std::string path(s.path);
        std::string parent;
        for (std::size_t dot = path.find('.'); dot != std::string::npos;
             dot = path.find('.', dot + 1)) {
            const std::string here = path.substr(0, dot);
            out[parent].insert(key_of(here.substr(parent.empty() ? 0 : parent.size() + 1)));
            parent = here;
        }
        out[parent].insert(key_of(path.substr(parent.empty() ? 0 : parent.size() + 1)));
    }
    return out;
}

// pthv.yaml text holding an unknown key in the map at `path`, nested in
// flow style: "practices" -> "practices: {qqq: 1}", "funding[]" ->
// "funding: [{qqq: 1}]", "" -> "qqq: 1".
std::string probe_text(const std::string& path)
{
    std::string inner = "{" + k_probe + ": 1}";
    if (path.empty())
        return k_probe + ": 1\n";
    const auto parts = util::split(path, '.');
    for (std::size_t i = parts.size(); i-- > 1;) {
        const bool list = util::ends_with(parts[i], "[]");
        inner = "{" + key_of(parts[i]) + ": " + (list ? "[" + inner + "]" : inner) + "}";
    }
    const bool list = util::ends_with(parts[0], "[]");
    return key_of(parts[0]) + ": " + (list ? "[" + inner + "]" : inner) + "\n";
}

// The keys parse_config knows in the map at `path`, as it lists them when
// it meets an unknown one ("known here: a, b, c").
std::set<std::string> known_keys(const std::string& path)
{
    model::Problems problems;
    io::parse_config(probe_text(path), problems);
    const std::string record = (path.empty() ? "" : path + ".") + k_probe;
    for (const auto& p : problems) {
        if (p.rule != "config-invalid" || p.record.find(k_probe) == std::string::npos)
            continue;
        const std::string prefix = "known here: ";
        REQUIRE_MESSAGE(util::starts_with(p.advice, prefix), p.advice);
        std::set<std::string> out;
        for (const auto& k : util::split(p.advice.substr(prefix.size()), ','))
            out.insert(std::string(util::trim(k)));
        return out;
    }
    FAIL(("parse_config reported no unknown key for " + probe_text(path) + test::dump(problems)));
    return {};
}

} // namespace

TEST_CASE("io::settings")
{
    SUBCASE("the probe reaches each kind of map")
    {
        CHECK(probe_text("") == k_probe + ": 1\n");
        CHECK(probe_text("calendar.school_day") ==
              "calendar: {school_day: {" + k_probe + ": 1}}\n");
        CHECK(probe_text("funding[]") == "funding: [{" + k_probe + ": 1}]\n");
        CHECK(known_keys("calendar.school_day") == std::set<std::string>{"start", "end"});
    }
    SUBCASE("every map of pthv.yaml documents exactly the keys parse_config reads")
    {
        const auto maps = documented_maps();
        CHECK(maps.count("compensation.certificated"));
        CHECK(maps.count("funding[]"));
        for (const auto& [path, keys] : maps) {
            INFO(("map: " + (path.empty() ? std::string("(top level)") : path)));
            CHECK(known_keys(path) == keys);
        }
    }
    SUBCASE("each setting has a type, a default and a meaning, and is listed once")
    {
        std::set<std::string_view> seen;
        for (const auto& s : io::settings()) {
            INFO(s.path);
            CHECK(seen.insert(s.path).second);
            CHECK_FALSE(s.type.empty());
            CHECK_FALSE(s.default_value.empty());
            CHECK_FALSE(s.meaning.empty());
        }
    }
    SUBCASE("the documented numeric defaults are the ones a config without them gets")
    {
        model::Problems problems;
        const auto c = io::parse_config("school_year: {start: 2026-07-01, end: 2027-06-30}\n"
                                        "calendar: {first_day: 2026-08-19, last_day: 2027-06-04}\n",
                                        problems)
                           .config;
        INFO(test::dump(problems));
        CHECK(problems.empty());
        std::map<std::string, std::string> actual = {
            {"practices.arrange_lead_days", std::to_string(c.practices.arrange_lead_days)},
            {"practices.reflection_within_days",
             std::to_string(c.practices.reflection_within_days)},
            {"practices.refresher_months", std::to_string(c.practices.refresher_months)},
            {"reports.min_cell", std::to_string(c.min_cell)},
            {"targeting.min_visited", std::to_string(c.targeting.min_visited)},
            {"calendar.school_day.start", "\"" + c.calendar.day_start.str() + "\""},
            {"calendar.school_day.end", "\"" + c.calendar.day_end.str() + "\""},
            {"school_year.mid_year", c.school_year.mid_year.str() == "2027-01-31"
                                         ? "seven months after start, less a day"
                                         : c.school_year.mid_year.str()},
        };
        for (const auto& s : io::settings())
            if (actual.count(std::string(s.path))) {
                INFO(s.path);
                CHECK(s.default_value == actual[std::string(s.path)]);
            }
        CHECK_FALSE(c.compensation.max_paid_visits_per_staff);
        CHECK(c.targeting.full_coverage == doctest::Approx(0.9));
        CHECK(c.targeting.alpha == doctest::Approx(0.05));
    }
}
