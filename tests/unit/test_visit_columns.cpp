// The optional visits.csv columns interpreter, confirmed_on, confirmed_by,
// cancelled_by and logged_on (docs/data.md), and what they change: CP5-pair
// and CP1-opted-in, interpreters' pay, payroll's unconfirmed items and
// late-entry. A repo without them is the rest of the suite.

#include <doctest/doctest.h>

#include "fixture.hpp"

#include <algorithm>

#include <pthv/model/facts.hpp>
#include <pthv/model/period.hpp>
#include <pthv/pay/items.hpp>
#include <pthv/record/import_map.hpp>
#include <pthv/record/visit.hpp>
#include <pthv/report/figures.hpp>
#include <pthv/report/publication.hpp>
#include <pthv/report/tables.hpp>
#include <pthv/rules/registry.hpp>
#include <pthv/util/strings.hpp>

using namespace pthv;
using pay::ItemStatus;
using test::contains;

namespace {

const char* const k_new_columns = ",interpreter,confirmed_on,confirmed_by,cancelled_by,logged_on";

// The tiny repo with the new columns: `cells` (each ",a,b,c,d,e" or empty
// for five empty cells) after each of its three visit rows.
io::Sources with_columns(const std::vector<std::string>& cells)
{
    auto src = test::tiny_repo();
    auto lines = util::split(src.at("visits.csv"), '\n');
    std::string out = lines[0] + k_new_columns + "\n";
    for (std::size_t i = 1; i < lines.size() && !lines[i].empty(); ++i)
        out += lines[i] + (i - 1 < cells.size() && !cells[i - 1].empty() ? cells[i - 1] : std::string(",,,,,")) + "\n";
    src["visits.csv"] = out;
    return src;
}

// Visit V20260914-ST01 (line 2) with one educator, T01, and these new cells.
io::Sources one_educator(const std::string& cells, const std::string& mode = "home")
{
    auto src = with_columns({cells});
    test::replace(src, "visits.csv", "45,T01;T02,completed,2026-09-08,hopes_and_dreams,home",
                  "45,T01,completed,2026-09-08,hopes_and_dreams," + mode);
    return src;
}

test::PaidItems items_for(const io::Sources& sources, std::string_view month, std::string_view as_of = "2027-06-30")
{
    const auto period = pay::month_period(month);
    REQUIRE(period);
    return test::paid_items(sources, as_of, *period);
}

const pay::PayItem* find(const test::PaidItems& items, std::string_view staff, std::string_view id)
{
    for (const auto& i : items)
        if (items.staff(i) == staff && items.id(i) == id)
            return &i;
    return nullptr;
}

// How many visit items `staff` has (empty: anyone).
std::size_t visit_items(const test::PaidItems& items, std::string_view staff = {})
{
    return static_cast<std::size_t>(std::count_if(items.begin(), items.end(), [&](const auto& i) {
        return i.kind == model::ItemKind::Visit && (staff.empty() || items.staff(i) == staff);
    }));
}

} // namespace

TEST_CASE("visits.csv new columns: loading")
{
    SUBCASE("the columns empty: the repo validates clean, as without them")
    {
        CHECK(test::validate(with_columns({})).empty());
    }
    SUBCASE("a roster id is a staff interpreter; a name is an outside one")
    {
        const auto loaded = io::load_sources(with_columns({",T03,,,,", ",Ana Ruiz,,,,"}), test::as_of());
        const auto* a = test::visit(loaded.repo, "V20260914-ST01");
        const auto* b = test::visit(loaded.repo, "V20260914-ST02");
        CHECK(loaded.repo.id(a->interpreter) == "T03");
        CHECK_FALSE(a->outside_interpreter);
        CHECK_FALSE(b->interpreter);
        CHECK(b->outside_interpreter);
        CHECK(b->interpreted());
    }
    SUBCASE("text shaped like a staff id but not on the roster is unknown-ref, with did you mean")
    {
        const auto p = test::only(test::validate(with_columns({",T04,,,,"})), "unknown-ref");
        CHECK(p.line == 2);
        CHECK(p.message == "visit V20260914-ST01: interpreter T04 is not in staff.csv");
        CHECK(contains(p.advice, "did you mean"));
    }
    SUBCASE("only letters then digits is staff-id shaped")
    {
        CHECK(model::is_staff_id_shaped("T099"));
        CHECK(model::is_staff_id_shaped("S7"));
        CHECK(model::is_staff_id_shaped("42"));
        CHECK_FALSE(model::is_staff_id_shaped("Language Line"));
        CHECK_FALSE(model::is_staff_id_shaped("ASL2Go"));
        CHECK_FALSE(model::is_staff_id_shaped("T-14"));
        CHECK_FALSE(model::is_staff_id_shaped("Ana"));
        CHECK_FALSE(model::is_staff_id_shaped(""));
    }
    SUBCASE("confirmed_by names a roster row")
    {
        const auto p = test::only(test::validate(with_columns({",,2026-09-15,T09,,"})), "unknown-ref");
        CHECK(p.message == "visit V20260914-ST01: confirmed_by T09 is not in staff.csv");
    }
    SUBCASE("bad dates and enums are value-invalid, with file and line")
    {
        const auto problems = test::validate(with_columns({",,2026-09-31,,,", ",,,,maybe,", ",,,,,10/01/2026"}));
        CHECK(test::count(problems, "value-invalid") == 3);
        for (const auto& p : problems) {
            CHECK(p.file == "visits.csv");
            CHECK(p.line >= 2);
        }
    }
    SUBCASE("cancelled_by on a visit that was not called off is value-invalid; on a cancelled one it is not")
    {
        const auto p = test::only(test::validate(with_columns({",,,,family,"})), "value-invalid");
        CHECK(p.message == "visit V20260914-ST01: cancelled_by is family but the visit is completed");
        auto src = with_columns({"", "", ",,,,family,"});
        test::replace(src, "visits.csv", "T02;T03,scheduled", "T02;T03,cancelled");
        CHECK(test::validate(src).empty());
    }
    SUBCASE("a confirmation before the visit is value-invalid; the same day is fine")
    {
        const auto p = test::only(test::validate(with_columns({",,2026-09-13,T02,,"})), "value-invalid");
        CHECK(contains(p.message, "confirmed_on 2026-09-13 is before the visit (2026-09-14)"));
        CHECK(test::validate(with_columns({",,2026-09-14,T02,,"})).empty());
    }
}

TEST_CASE("CP5-pair with interpreters and virtual visits")
{
    SUBCASE("an educator and an interpreter are a pair, staff or outside")
    {
        CHECK(test::count(test::validate(one_educator(",T03,,,,")), "CP5-pair") == 0);
        CHECK(test::count(test::validate(one_educator(",Ana Ruiz,,,,")), "CP5-pair") == 0);
    }
    SUBCASE("an interpreter who is the educator is no second person")
    {
        CHECK(test::only(test::validate(one_educator(",T01,,,,")), "CP5-pair").line == 2);
    }
    SUBCASE("an interpreter alone is no pair")
    {
        auto src = one_educator(",T03,,,,");
        test::replace(src, "visits.csv", "45,T01,completed", "45,,completed");
        CHECK(contains(test::only(test::validate(src), "CP5-pair").message, "has no educators"));
    }
    SUBCASE("a virtual visit needs one educator; none fires")
    {
        CHECK(test::count(test::validate(one_educator("", "virtual")), "CP5-pair") == 0);
        auto src = one_educator("", "virtual");
        test::replace(src, "visits.csv", "45,T01,completed", "45,,completed");
        CHECK(contains(test::only(test::validate(src), "CP5-pair").message, "virtual visit V20260914-ST01 has no"));
    }
    SUBCASE("practices.virtual_pair: yes holds a virtual visit to the pair")
    {
        auto src = one_educator("", "virtual");
        test::replace(src, "pthv.yaml", "refresher_months: 24", "refresher_months: 24\n  virtual_pair: yes");
        CHECK(test::only(test::validate(src), "CP5-pair").line == 2);
    }
}

TEST_CASE("CP1-opted-in holds a staff interpreter; CP2 does not")
{
    auto src = one_educator(",T03,,,,");
    test::replace(src, "staff.csv", "liaison,classified,yes", "liaison,classified,no");
    const auto p = test::only(test::validate(src), "CP1-opted-in");
    CHECK(p.message == "visit V20260914-ST01: interpreter T03 has not opted in: core practice 1, visits are "
                       "voluntary for staff");
    SUBCASE("an interpreter without training is no CP2-trained finding")
    {
        test::replace(src, "trainings.csv", "T03,2026-08-10,intro,3,2026-08 intro\n", "");
        CHECK(test::count(test::validate(src), "CP2-trained") == 0);
    }
    SUBCASE("opted in: quiet")
    {
        CHECK(test::count(test::validate(one_educator(",T03,,,,")), "CP1-opted-in") == 0);
    }
}

TEST_CASE("late-entry")
{
    SUBCASE("logged 8 days after the visit fires (a warning)")
    {
        const auto p = test::only(test::validate(with_columns({",,,,,2026-09-22"})), "late-entry");
        CHECK(p.severity == model::Severity::Warning);
        CHECK(p.line == 2);
        CHECK(p.message == "visit V20260914-ST01 of 2026-09-14 was logged on 2026-09-22, 8 days after it (log "
                           "within 7 days)");
    }
    SUBCASE("7 days after, no logged_on, or a scheduled visit: quiet")
    {
        CHECK(test::validate(with_columns({",,,,,2026-09-21", ",,,,,"})).empty());
        CHECK(test::count(test::validate(with_columns({"", "", ",,,,,2026-10-30"}), "2026-10-01"), "late-entry") ==
              0);
    }
    SUBCASE("practices.log_within_days moves the line")
    {
        auto src = with_columns({",,,,,2026-09-17"});
        CHECK(test::count(test::validate(src), "late-entry") == 0);
        test::replace(src, "pthv.yaml", "refresher_months: 24", "refresher_months: 24\n  log_within_days: 2");
        CHECK(test::count(test::validate(src), "late-entry") == 1);
    }
}

TEST_CASE("interpreters are paid like educators, once per event")
{
    SUBCASE("a staff interpreter is paid by the class's rule for the event, once for two siblings")
    {
        const auto items = items_for(with_columns({",T03,,,,", ",T03,,,,"}), "2026-09");
        const auto* i = find(items, "T03", "V20260914-ST01");
        REQUIRE(i);
        CHECK(i->status == ItemStatus::Paid);
        CHECK(i->amount.str() == "27.35"); // classified: own 27.35/h, minimum 60 minutes
        CHECK(visit_items(items, "T03") == 1);
        CHECK(visit_items(items, "T01") == 1);
    }
    SUBCASE("an interpreter who is also an educator is paid once")
    {
        const auto items = items_for(with_columns({",T01,,,,"}), "2026-09");
        CHECK(visit_items(items, "T01") == 1);
    }
    SUBCASE("an outside interpreter is not paid")
    {
        const auto items = items_for(with_columns({",Ana Ruiz,,,,"}), "2026-09");
        CHECK(visit_items(items) == 2); // T01 and T02, nobody else
    }
}

TEST_CASE("compensation.require_confirmation")
{
    const std::string on = "max_paid_visits_per_staff: 60\n  require_confirmation: yes";

    SUBCASE("off (the default): confirmed_on changes nothing")
    {
        const auto items = items_for(with_columns({}), "2026-09");
        CHECK(find(items, "T01", "V20260914-ST01")->status == ItemStatus::Paid);
    }
    SUBCASE("no confirmed_on: listed unconfirmed at 0.00")
    {
        auto src = with_columns({});
        test::replace(src, "pthv.yaml", "max_paid_visits_per_staff: 60", on);
        const auto items = items_for(src, "2026-09");
        const auto* i = find(items, "T01", "V20260914-ST01");
        CHECK(i->status == ItemStatus::Unconfirmed);
        CHECK(i->amount.str() == "0.00");
        CHECK(pay::item_status_name(i->status) == "unconfirmed");
        CHECK(pay::pay_totals(items).unconfirmed == 2);
    }
    SUBCASE("confirmed in the visit's period: paid there")
    {
        auto src = with_columns({",,2026-09-20,T02,,"});
        test::replace(src, "pthv.yaml", "max_paid_visits_per_staff: 60", on);
        const auto items = items_for(src, "2026-09");
        CHECK(find(items, "T01", "V20260914-ST01")->status == ItemStatus::Paid);
    }
    SUBCASE("confirmed on a sibling's row: the event is confirmed")
    {
        auto src = with_columns({"", ",,2026-09-20,T02,,"});
        test::replace(src, "pthv.yaml", "max_paid_visits_per_staff: 60", on);
        const auto items = items_for(src, "2026-09");
        CHECK(find(items, "T01", "V20260914-ST01")->status == ItemStatus::Paid);
    }
    SUBCASE("confirmed in a later period: unconfirmed in the visit's, late in the confirmation's")
    {
        auto src = with_columns({",,2026-10-02,T02,,"});
        test::replace(src, "pthv.yaml", "max_paid_visits_per_staff: 60", on);
        const auto september = items_for(src, "2026-09");
        const auto* sep = find(september, "T01", "V20260914-ST01");
        CHECK(sep->status == ItemStatus::Unconfirmed);
        CHECK(contains(sep->note, "confirmed on 2026-10-02, after this period"));
        const auto oct = items_for(src, "2026-10");
        const auto* late = find(oct, "T01", "V20260914-ST01");
        CHECK(late->status == ItemStatus::Late);
        CHECK(late->amount.str() == "50.00");
        CHECK(contains(late->note, "confirmed on 2026-10-02"));
    }
}

TEST_CASE("new settings read from pthv.yaml")
{
    auto src = test::tiny_repo();
    auto loaded = io::load_sources(src, test::as_of());
    CHECK_FALSE(loaded.repo.config.practices.virtual_pair);
    CHECK(loaded.repo.config.practices.log_within_days == 7);
    CHECK_FALSE(loaded.repo.config.compensation.require_confirmation);
    test::replace(src, "pthv.yaml", "refresher_months: 24",
                  "refresher_months: 24\n  virtual_pair: yes\n  log_within_days: 3");
    test::replace(src, "pthv.yaml", "max_paid_visits_per_staff: 60",
                  "max_paid_visits_per_staff: 60\n  require_confirmation: yes");
    loaded = io::load_sources(src, test::as_of());
    CHECK(loaded.repo.config.practices.virtual_pair);
    CHECK(loaded.repo.config.practices.log_within_days == 3);
    CHECK(loaded.repo.config.compensation.require_confirmation);
    SUBCASE("a value that is not yes or no is config-invalid, naming the key")
    {
        test::replace(src, "pthv.yaml", "virtual_pair: yes", "virtual_pair: maybe");
        const auto p = test::only(test::validate(src), "config-invalid");
        CHECK(contains(p.message, "practices.virtual_pair"));
    }
}

namespace {

report::Figures figures_of(const io::Sources& sources, bool is_public)
{
    // A public report shows a period once it has ended: the year, once over.
    const auto loaded = io::load_sources(sources, test::as_of(is_public ? "2027-07-01" : "2026-10-01"));
    const auto findings = rules::check_repo(loaded.repo, loaded.problems);
    std::string error;
    auto p = model::parse_period("end-of-year", loaded.repo.config, loaded.repo.as_of, error);
    if (p && is_public) // a public report counts what report --public counts
        p = report::public_period(*p, loaded.repo, error);
    REQUIRE(p);
    const model::Facts facts(loaded.repo);
    return report::compute_figures(facts, pay::visit_work(facts), findings, {*p, {}, is_public});
}

bool has_table(const report::Figures& f, const std::string& name)
{
    const auto tables = report::report_tables(f);
    return std::any_of(tables.begin(), tables.end(), [&](const report::Table& t) { return t.name == name; });
}

} // namespace

TEST_CASE("report: interpreted visits by language and days from visit to log entry")
{
    // V20260914-ST01 (es) with a staff interpreter, logged 2 days after;
    // V20260914-ST02 (es) with an outside one, logged 10 days after.
    const auto src = with_columns({",T03,,,,2026-09-16", ",Ana Ruiz,,,,2026-09-24"});

    SUBCASE("interpreted visits are counted by language")
    {
        const auto f = figures_of(src, false);
        REQUIRE(f.interpreted_languages.size() == 1);
        CHECK(f.interpreted_languages[0].key == "es");
        CHECK(f.interpreted_languages[0].count.value == 2);
        CHECK(has_table(f, "interpreted_languages"));
    }
    SUBCASE("median and 90th percentile by nearest rank, for the district and the site")
    {
        const auto f = figures_of(src, false);
        REQUIRE(f.entry_delays.size() == 2);
        CHECK(f.entry_delays[0].site_id.empty());
        CHECK(f.entry_delays[0].visits.value == 2);
        CHECK(f.entry_delays[0].median_days == 2);
        CHECK(f.entry_delays[0].p90_days == 10);
        CHECK(f.entry_delays[1].site_id == "S01");
        CHECK(f.entry_delays[1].median_days == 2);
        CHECK(has_table(f, "entry_days"));
    }
    SUBCASE("public: counts under min_cell are <10 and no day figures are shown")
    {
        const auto f = figures_of(src, true);
        CHECK(f.interpreted_languages[0].count.shown == report::Shown::Below);
        CHECK(f.entry_delays[0].visits.shown == report::Shown::Below);
        CHECK_FALSE(f.entry_delays[0].median_days);
        CHECK_FALSE(f.entry_delays[0].p90_days);
    }
    SUBCASE("a visits.csv without the columns has neither section")
    {
        const auto f = figures_of(test::tiny_repo(), false);
        CHECK_FALSE(f.has_interpreters);
        CHECK_FALSE(f.has_logged_on);
        CHECK_FALSE(has_table(f, "interpreted_languages"));
        CHECK_FALSE(has_table(f, "entry_days"));
    }
}

TEST_CASE("a scoped load keeps the visits a staff member interpreted")
{
    // T03 interprets V20260914-ST01; a change naming T03 is checked with it.
    const auto src = with_columns({",T03,,,,"});
    auto scope = std::make_shared<io::Scope>();
    scope->students = {"ST09"};
    scope->staff = {"T03"};
    auto options = test::as_of();
    options.scope = scope;
    const auto loaded = io::load_sources(src, options);
    CHECK(test::visit(loaded.repo, "V20260914-ST01"));  // interpreted by T03
    CHECK(test::visit(loaded.repo, "V20261015-ST03"));  // T03 an educator
    CHECK_FALSE(test::visit(loaded.repo, "V20260914-ST02")); // neither
    CHECK(record::visit_scope({{{"student_id", "ST09"}, {"interpreter", "T03"}}}).staff.count("T03") == 1);
}

TEST_CASE("an import map converts confirmed_on and logged_on by date_format")
{
    model::Problems problems;
    const auto map = record::parse_import_map("m.yaml",
                                              "columns:\n  student_id: Student\n  date: When\n"
                                              "  confirmed_on: Confirmed\n  logged_on: Entered\n"
                                              "date_format: \"%m/%d/%Y\"\n",
                                              problems);
    REQUIRE(map);
    io::CsvTable t;
    t.file = "x.csv";
    t.header = {"Student", "When", "Confirmed", "Entered"};
    const auto f = record::map_row(*map, t, {2, {"ST01", "9/14/2026", "9/15/2026", "9/16/2026"}}, problems);
    CHECK(problems.empty());
    CHECK(f.at("confirmed_on") == "2026-09-15");
    CHECK(f.at("logged_on") == "2026-09-16");
    record::map_row(*map, t, {3, {"ST01", "9/14/2026", "15/9/2026", ""}}, problems);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].line == 3);
    CHECK(contains(problems[0].message, "confirmed_on"));
}
