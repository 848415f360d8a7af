// The payroll renderers (pay/render.cpp) lay out the items they are given:
// a block per staff member in text, a row per item in CSV, an object per
// staff member in JSON, and the budget warnings in each.

#include <doctest/doctest.h>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "fixture.hpp"

#include <pthv/pay/render.hpp>
#include <pthv/util/strings.hpp>

using namespace pthv;
using test::contains;

TEST_CASE("pay::render_text, render_csv and render_json")
{
    const auto period = pay::month_period("2026-09");
    REQUIRE(period);
    const auto items = test::paid_items(test::tiny_repo(), "2026-10-01", *period);
    REQUIRE(items.size() == 5); // two visits each for T01 and T02, T03's late training
    const std::string warning = "funding source district would go 1.00 below zero";
    const pay::PayrollView view{items.loaded->repo, *period, items, {}, 0, 0, {warning}, {}};

    SUBCASE("text: the period, a block per staff member with their pay rule, the warnings")
    {
        const std::string text = pay::render_text(view, false);
        CHECK(util::starts_with(text, "Payroll 2026-09 (2026-09-01 to 2026-09-30), Test District\n"));
        CHECK(contains(text, "\nT01  Ana Lopez (teacher, S01): certificated, 50.00 per visit\n"));
        CHECK(contains(text, "\nT03  Cara Diaz (liaison, S01): classified, 27.35/h (own rate), minimum 60 min\n"));
        CHECK(contains(text, "\nwarning: " + warning + "\n"));
    }
    SUBCASE("quiet text is the warnings alone")
    {
        CHECK(pay::render_text(view, true) == "warning: " + warning + "\n");
    }
    SUBCASE("CSV: the ledger columns, then the payroll office's, and a row per item")
    {
        const std::string csv = pay::render_csv(view);
        CHECK(contains(csv.substr(0, csv.find('\n')), ",status,note,staff_name,rule,paid_minutes,findings"));
        CHECK(std::count(csv.begin(), csv.end(), '\n') == 1 + 5);
    }
    SUBCASE("CSV: amounts stay numbers, even below zero; a name beginning with - is guarded")
    {
        auto sources = test::tiny_repo();
        test::replace(sources, "staff.csv", "Ana Lopez", "-Ana Lopez");
        const auto named = test::paid_items(sources, "2026-10-01", *period);
        std::vector<pay::PayItem> changed = named;
        changed[0].amount = model::Money::from_cents(-1250); // a correction
        const pay::PayrollView negative{named.loaded->repo, *period, changed, {}, 0, 0, {}, {}};
        const std::string csv = pay::render_csv(negative);
        const std::string row = csv.substr(csv.find('\n') + 1);
        INFO(row);
        CHECK(util::starts_with(row, "2026-09,T01,training,2026-08-10/intro,2026-08-10,,3.00,40.00,-12.50,S01,"));
        CHECK(contains(row.substr(0, row.find('\n')), ",'-Ana Lopez,training 40.00/h,,"));
    }
    SUBCASE("JSON: the period, an object per staff member, the warnings")
    {
        const auto doc = nlohmann::json::parse(pay::render_json(view));
        CHECK(doc["period"]["label"] == "2026-09");
        CHECK(doc["staff"].size() == 3);
        CHECK(doc["staff"][2]["items"][0]["rule"] == "training 28.00/h");
        CHECK(doc["warnings"][0] == warning);
        CHECK(doc["closed_file"].is_null());
    }
}
