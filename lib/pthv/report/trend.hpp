#pragma once
// `pthv trend REPO...` (docs/reports.md, trends across school years): one
// district's repos of several school years, a row per year, oldest first,
// each figure beside its change from the year before. Each year is the
// report `pthv report --period end-of-year` gives (the same
// compute_figures), counted to the same day of the school year as the
// as-of date (same_day) unless --full, so a May run compares May with May.
//
// In public, each year's figures are those of that year's own public
// report, and a change is shown only when both of its years show the
// figure: a difference is then worked out from published figures alone and
// never gives back a count one year's report hides.

#include <array>
#include <optional>
#include <string>
#include <vector>

#include <pthv/model/money.hpp>
#include <pthv/model/period.hpp>
#include <pthv/report/figures.hpp>
#include <pthv/report/tables.hpp>

namespace pthv::report {

// The day a school year is counted to: the date in [start, end] with
// `as_of`'s month and day (28 February for 29 February in a common year),
// the school year's end when that day falls after it, and never past
// `as_of` itself. A year that starts after `as_of` gives `as_of` (its
// period is then refused by model::parse_period).
model::Date same_day(model::Date as_of, const model::SchoolYear& year);

struct TrendSite {
    std::string site_id;
    std::string name;
};

struct TrendYear {
    std::string district;    // pthv.yaml's district
    std::string school_year; // "2025-26"
    std::string repo;        // as given on the command line
    model::Period period{};
    Summary total;           // the district's headline figures
    Census census;           // its census row
    std::array<Share, k_practices> meeting{}; // fidelity: CP1..CP5 meeting, the district's row
    model::Money spent;      // closed and pending spending over every funding source
    bool spent_withheld = false; // public: a source's spending is withheld, so the sum would give it back
    std::vector<TrendSite> sites; // the report's sites (active, or with visits), by id
    int min_cell = 10;
};

// The year's row from its end-of-year report figures (in public, its public ones).
TrendYear trend_year(const Figures& f, const std::string& repo);

// A site that only some of the years report, and which years.
struct SiteYears {
    std::string site_id;
    std::string name; // as the latest year that has it names it
    std::vector<std::string> school_years;
};

struct Trend {
    std::string district;
    model::Date as_of;
    bool full = false;
    bool is_public = false;
    std::vector<TrendYear> years; // oldest first
    std::vector<SiteYears> partial_sites; // by site id
};

// Why these years cannot be compared, or nullopt: repos of different
// districts, two repos of one school year, or no repo at all.
std::optional<std::string> trend_refusal(const std::vector<TrendYear>& years);

// The years (in any order, none refused by trend_refusal) in order, with
// the sites that only some of them report.
Trend make_trend(std::vector<TrendYear> years, model::Date as_of, bool full, bool is_public);

// The trend as a document: the years (in several tables for people, the
// figures of a table each beside its change), and the sites that only some
// years have. For programs, one tidy table: trend_table.
Document trend_document(const Trend& t);
// One record per school year: school_year, repo, period_from, period_to,
// then each figure's key followed by `<key>_change`.
Table trend_table(const Trend& t);

// {"district", "as_of", "full", "public", "years": [{"school_year", ...,
// "<key>", "<key>_change", ...}], "sites_in_some_years": [...]}.
std::string render_trend_json(const Trend& t);
// text, md, html (with a chart of coverage by year) or csv (trend_table).
std::string render_trend(const Trend& t, const std::string& format);

} // namespace pthv::report
