#pragma once
// The publication set (docs/reports.md, "What a public report protects"):
// everything pthv lets a district post, taken together. For every period
// of reports.publish, the district's public report and every site's, with
// all their tables, are cells of one stats::Protection, defined by the
// people each counts; suppression is decided once for the whole set, so no
// table, site report, period or complement gives back what another hides.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <pthv/io/attendance.hpp>
#include <pthv/io/scores.hpp>
#include <pthv/model/facts.hpp>
#include <pthv/model/period.hpp>
#include <pthv/model/problem.hpp>
#include <pthv/pay/events.hpp>
#include <pthv/report/figures.hpp>
#include <pthv/stats/protection.hpp>

namespace pthv::report {

// The last day a public report counts: the day before the as-of date's month.
model::Date publication_cutoff(model::Date as_of);
// The first as-of date whose public reports count `last`: the first day of
// the month after it.
model::Date first_posting_day(model::Date last);

// The periods of reports.publish as public reports count them (up to
// publication_cutoff); a period with nothing ended yet, and a month not yet
// over, are left out. Months in school-year order.
std::vector<model::Period> published_periods(const model::Repo& repo);

// The longest period of reports.publish that begins with `period` and ends
// after it (end-of-year for mid-year), whether it has ended or not: what
// hiding a figure of `period` would hide of it as well, once it is posted.
std::optional<model::Period> outlasting(const model::Period& period, const model::Config& config);

// Whether the district's reports.publish lists the period, by its label:
// mid-year, end-of-year, a month (any month of the school year when it
// lists monthly) or a range as written. `rollup --public` needs it.
bool publishes_period(const model::Config& config, const model::Period& period);

// Whether a public report of `period` breaks its visits down (by mode,
// language, interpreter, log entry, first and second visit per month), its
// training by session and its surveys by question: only a period of three
// months or more does. In one month at one school nearly every part of
// such a table is a count under min_cell, and each one hidden there would
// cost figures of the year as well.
bool public_breakdowns(const model::Period& period);

// `requested` (as --period gave it) as a public report counts it, or
// nullopt with `error` saying why it may not be published: not listed in
// reports.publish, nothing of it ended yet, or a month not yet over.
std::optional<model::Period> public_period(const model::Period& requested, const model::Repo& repo,
                                           std::string& error);

class Publication {
public:
    // The set with what its public reports hide decided once, for all of
    // them together (stats::Protection::suppress). `attendance` and
    // `scores` (each may be null): their outcome tables are protected
    // after everything else, which stays as the set without them shows it;
    // with both, the attendance table as the set with it alone shows it,
    // and the scores table after it. The subgroups table (reports.subgroups,
    // and its outcome comparisons) is protected last, the same way.
    Publication(const model::Facts& facts, const model::Problems& findings,
                const std::vector<io::AttendanceRow>* attendance, const std::vector<io::ScoreRow>* scores = nullptr);

    // The set as public reports printed it: each report of every period and
    // scope computed with `decided`, and each of its counts marked as
    // printed. What the audit reads. Its cells and relations are those of
    // `decided` when that counted the same files (they depend only on the
    // data), else counted again; what each shows is only what was printed.
    static Publication as_printed(const model::Facts& facts, const std::vector<pay::VisitWork>& work,
                                  const model::Problems& findings,
                                  const std::vector<io::AttendanceRow>* attendance,
                                  const std::vector<io::ScoreRow>* scores, const Publication& decided);

    // The set with primary suppression alone (every count under min_cell
    // shown as "<N", nothing withheld): what the audit must catch.
    static Publication primary_only(const model::Facts& facts, const model::Problems& findings);

    const std::vector<model::Period>& periods() const { return m_periods; }
    const stats::Protection& cells() const { return m_cells; }
    std::size_t reports() const { return m_reports; }
    std::size_t unmodelled() const { return m_unmodelled; }
    // Every small count the set does not protect enough (docs/reports.md).
    std::vector<stats::Breach> audit() const { return m_cells.audit(); }

    // What a reader can prove of a count of cell `c` not shown
    // (Protection::shown_range), as the set without the outcome tables gives
    // it, so that a report's tables print the same with an outcome table or
    // without; an outcome table's counts have none. `lo` is 0 under
    // min_cell: a withheld count is printed as at least `lo` (">=165")
    // only from min_cell up.
    stats::Protection::Range range(stats::Protection::CellId c) const;

    // Marks every count of the public report `f` as the set decided. A
    // count the set does not hold, or holds with another number (a
    // definition that drifted), is withheld and counted in f.unmodelled.
    void apply(Figures& f) const;
    // The same for the attendance table, once its counts are made.
    void apply_attendance(Figures& f) const;
    // And for the scores table.
    void apply_scores(Figures& f) const;
    // And for the subgroups table and its outcome comparisons.
    void apply_subgroups(Figures& f) const;

private:
    explicit Publication(const model::Repo& repo);
    // `subgroups`: with the subgroups table (reports.subgroups).
    Publication(const model::Facts& facts, const model::Problems& findings,
                const std::vector<io::AttendanceRow>* attendance, const std::vector<io::ScoreRow>* scores,
                bool subgroups);
    void build(const model::Facts& facts, const model::Problems& findings,
               const std::vector<io::AttendanceRow>* attendance, const std::vector<io::ScoreRow>* scores,
               bool subgroups);
    // Every figure `before` decided stays as it is; the rest is decided.
    void fix_from(const Publication& before);
    void observe(Figures& f);
    void relations();

    std::vector<model::Period> m_periods;
    stats::Protection m_cells;
    std::size_t m_reports = 0;
    std::size_t m_unmodelled = 0; // printed counts the cells do not hold
    // The files counted (build()): as_printed takes a set that counted the same ones as it is.
    const std::vector<io::AttendanceRow>* m_attendance = nullptr;
    const std::vector<io::ScoreRow>* m_scores = nullptr;
    bool m_subgroups = false;
    int m_outcome_stage = 1; // the stage of the outcome tables (attendance, scores, subgroups)
    std::vector<std::optional<stats::Protection::Range>> m_fixed_range; // per cell fixed by fix_from(): its range() there
};

// The key of a cell: kind (V visits, S students, F families, T staff, A
// session places, R survey responses, O outcomes), period ("-" for none),
// scope ("*" the district, else a site id), measure and its part.
std::string cell_key(char kind, const model::Period* period, const std::string& scope, const std::string& measure,
                     const std::string& part = {});
// The same key, appended to `key` (a buffer used again and again).
void append_cell_key(std::string& key, char kind, const model::Period* period, std::string_view scope,
                     std::string_view measure, std::string_view part = {});

} // namespace pthv::report
