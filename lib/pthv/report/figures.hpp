#pragma once
// The figures of `pthv report` (docs/guide.md, report) as plain data: the one
// place each of them is computed from the Repo, its Facts and the rules'
// findings. Renderers (render_*.hpp) only format what is here.
//
// Public reports (docs/reports.md) print the counts of the publication set
// (publication.hpp), which decides for every public report of the school
// year together what is shown as "<N" (every count under min_cell, zero
// included) and what is withheld as "*" so that nothing hidden can be
// worked back; a share built on a hidden count is hidden.
// Never throws for any repo: rows the loader could not read are simply absent.

#include <array>
#include <functional>
#include <memory>
#include <tuple>
#include <map>
#include <mutex>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <pthv/io/attendance.hpp>
#include <pthv/io/scores.hpp>
#include <pthv/model/student_visits.hpp>
#include <pthv/model/facts.hpp>
#include <pthv/model/period.hpp>
#include <pthv/model/problem.hpp>
#include <pthv/pay/events.hpp>
#include <pthv/pay/funding.hpp>
#include <pthv/stats/proportions.hpp>

namespace pthv::report {

enum class Shown {
    Exact,
    Below,    // under min_cell: shown as "<N"
    Withheld, // complementary suppression: shown as "*"
};

struct Count {
    std::int64_t value = 0;
    Shown shown = Shown::Exact;
    // Withheld: a true bound the report prints instead of "*" (">=165"),
    // what a reader proves from the figures shown (Publication::range);
    // 0 for none.
    std::int64_t at_least = 0;
    // Hidden: a true upper bound a reader proves the same way, which the
    // report prints only through a share's bound; -1 for none.
    std::int64_t at_most = -1;
    bool hidden() const { return shown != Shown::Exact; }
};

// A count of the data check's findings (errors, warnings) as a report
// prints it: in public, 1..min_cell-1 is "<N", since most findings are
// visits that fell short of a practice; none is said as none, as the
// report's own header says whether there are any.
Count finding_count(std::size_t n, bool is_public, int min_cell);

enum class ShareShown {
    Exact,
    None,    // no denominator (0): shown as "-"
    Hidden,  // built on a suppressed count
    AtLeast, // public fidelity: fewer than min_cell visits fall short
    AtMost,  // public fidelity: fewer than min_cell visits meet it
};

// num / den, and for AtLeast/AtMost the bound in tenths of a percent,
// rounded so the bound stays true.
struct Share {
    std::int64_t num = 0;
    std::int64_t den = 0;
    ShareShown shown = ShareShown::Exact;
    std::int64_t bound_per_mille = 0;
};

// The headline figures, for the district and for each site.
struct Summary {
    std::string site_id; // empty for the district
    std::string name;
    Count completed_visits;      // completed visits dated in the period
    Count students_visited;      // distinct students with one of them
    Count students_enrolled;     // students on the roster
    Count families_reached;      // distinct family_id (a student without one: a family of one)
    Count second_visit_students; // students with two or more completed visits in the period
    Count second_visit_scheduled; // students with exactly one, and a visit scheduled after it
    Count second_visit_due;       // students_visited - second_visit_students - second_visit_scheduled
    Count declined;              // visits in the period the family declined
    Count declined_families;     // distinct families among them
    Count scheduled_ahead;       // scheduled visits dated after the as-of date
    Count trained_staff;         // staff of the site whose training is current or due soon
    Count participating_educators; // distinct educators on its completed visits
    Share coverage;              // students_visited / students_enrolled
    Share second_visit_rate;     // second_visit_students / students_visited
    std::optional<int> visit_goal;
    Share goal_progress;         // students_visited / visit_goal (sites only)
    // False in a public report but for the district's own figures: second
    // visits scheduled and due are given for the district only (at a
    // school nearly all are small), and families who declined not at all.
    bool split_given = true;
    // False in a public report without breakdowns (a month): participating
    // educators are given for the half year and the year only.
    bool educators_given = true;
};

struct EducatorRow { // internal reports only
    std::string staff_id;
    std::string name;
    std::string site_id;
    std::int64_t visits = 0;   // completed visits in the period with this educator
    std::int64_t students = 0; // distinct students among them
};

constexpr std::size_t k_practices = 5;
extern const std::array<const char*, k_practices> k_practice_names;

// Fidelity to the five core practices: the share of completed visits in the
// period with no finding of that practice's rules (a CP4-targeting finding
// names a homeroom: every visit to a student of it counts as falling short).
struct FidelityRow {
    std::string site_id; // empty for the district
    std::string name;
    Count visits;
    std::array<Count, k_practices> short_of; // visits with a finding
    std::array<Share, k_practices> meeting;
};

struct TrainingSession {
    model::Date date;
    std::string kind;
    std::string session;
    Count attendees;
};

struct TrainingFigures {
    Count current, due_soon, expired, untrained; // active opted-in staff, as of --as-of
    Count staff;                                  // their total
    Count trained_new; // staff (any) whose first intro training is dated in the period
    // False in a school's public report: staff by training status are given
    // for the district only (at one school all but `current` are small).
    bool statuses_given = true;
    std::vector<TrainingSession> sessions;        // held in the period, by date (public: none with sessions.csv)
};

struct Tally { // a labelled count: a month, a mode, a language
    std::string key;
    Count count;
};

// Spending against each funding source, from the payroll code
// (pay/funding.hpp), so payroll and report never disagree.
struct FundingRow {
    std::string source; // empty: spending no source pays
    model::Money budget;
    model::Money closed;  // paid in closed payroll files, dated in the period
    model::Money pending; // compensable in the period, not yet in a closed payroll
    model::Money left;    // budget less everything spent up to the period's end
    bool withheld = false; // public: closed, pending and left hidden (figures_public_money.cpp)
    std::optional<model::DateRange> days; // funding[].period (the school year without one); none: not in pthv.yaml
    model::Money committed;               // scheduled visits after --as-of it would pay (pay/committed.hpp)
    std::size_t committed_visits = 0;     // how many; never printed (public: decides committed_withheld)
    model::Money left_after_scheduled;    // left - committed
    bool committed_withheld = false;      // public: committed and left_after_scheduled hidden
};

struct SiteSpendRow {
    std::string site_id; // empty: public "other sites", `folded` of them together
    std::string source;
    model::Money spent;  // closed + pending
    std::size_t folded = 0;
    bool withheld = false; // public: `spent` hidden
};

// First and second visits of the school year (docs/data.md), by the month
// they fell in: whether follow-ups happen in winter and spring.
struct VisitOrderMonth {
    std::string month; // "2026-09"
    Count first, second;
};

// events.csv (optional): a count per kind for each site and the district.
struct EventCounts {
    std::string site_id; // empty: the district (every event in scope); "-": district-wide events only
    std::string name;
    std::vector<Count> per_kind; // in model::k_event_kinds order
};

struct EventRow {
    model::Date date;
    std::string event_id, site_id, kind, title; // site_id empty: district-wide
    // As events.csv gives it; in public, a number under min_cell is "<N"
    // like any count of people.
    std::optional<Count> attendees;
    std::string staff_ids; // internal reports only; empty in public
};

struct EventFigures {
    bool present = false; // events.csv exists
    std::vector<EventCounts> counts; // the district first, then each site, then district-wide
    std::vector<EventRow> events;    // in the period, by date
};

// sessions.csv (optional): sessions held (on or before --as-of) and planned.
struct SessionRow {
    std::string session_id;
    model::Date date;
    std::string kind, site_id, trainer; // trainer: internal reports only
    bool held = false;
    Count attended; // trainings naming it
    std::optional<int> capacity;
};

struct SessionFigures {
    bool present = false; // sessions.csv exists
    Count held, planned;
    std::vector<SessionRow> sessions; // of the school year, by date
};

// The national census row (report --table census), for the report's
// period (the census asks for the whole school year). Each figure is one of
// the report's own: the district's summary, the modes tally, training.
struct Census {
    std::string school_year;  // "2025-26", from school_year start and end
    Count sites_visiting;     // reported sites with a completed visit in the period
    Count completed_visits;   // = total.completed_visits
    Count students_visited;   // = total.students_visited
    Count families_reached;   // = total.families_reached
    Count staff_visiting;     // = total.participating_educators
    Count staff_trained_new;  // = training.trained_new
    Share virtual_share;      // completed visits with mode virtual / completed visits
};

// Chronic absence (report --attendance FILE): students with at least
// k_min_days_enrolled days enrolled, chronically absent when days_absent /
// days_enrolled >= 10%. Visited = a completed visit in the period.
constexpr std::int64_t k_min_days_enrolled = 10;

struct AttendanceGroup {
    Count students;
    Count chronic;
    Share rate; // chronic / students
};

struct AttendanceRow {
    std::string site_id; // empty for the district (or the --site)
    std::string name;
    AttendanceGroup visited, not_visited;
    // Visited minus not visited, in tenths of a percentage point, and
    // Newcombe's hybrid score 95% interval (as proportions); unset when a
    // group has no students or, in public, any of the four counts is hidden.
    std::optional<std::int64_t> difference_tenths;
    std::optional<stats::Interval> ci95;
};

struct AttendanceFigures {
    bool given = false;          // --attendance was given
    std::int64_t too_few_days = 0; // rows in scope left out: fewer than k_min_days_enrolled days
    std::vector<AttendanceRow> rows; // the district (or --site) first, then each reported site
};

// Test scores (report --scores FILE): for each subject, the students of the
// file with a row for it, proficient or not. Visited = a completed visit
// in the period, as for attendance.
struct ScoreGroup {
    Count students;
    Count proficient;
    Share rate; // proficient / students
};

struct ScoreRow {
    std::string subject;
    bool whole = false;  // the row of the whole report: the district, or the --site
    std::string site_id; // empty for the district; the --site for its whole row
    std::string name;
    ScoreGroup visited, not_visited;
    // As AttendanceRow's: visited minus not visited in tenths of a
    // percentage point, and Newcombe's hybrid score 95% interval.
    std::optional<std::int64_t> difference_tenths;
    std::optional<stats::Interval> ci95;
};

struct ScoreFigures {
    bool given = false;                // --scores was given
    std::vector<std::string> subjects; // io::score_subjects of the file
    // Per subject, in the order of `subjects`: the district (or --site)
    // first, then each reported site.
    std::vector<ScoreRow> rows;
};

// Subgroups (reports.subgroups, docs/reports.md "Reach by subgroup"): for
// each subgroup and value, whether the program reaches its students in
// proportion. Visited and families are counted as the summary counts them
// (a completed visit in the period at a site of the row), enrolled by
// students.csv's site, so the values of a subgroup add up to the summary.
struct SubgroupRow {
    std::string subgroup, value; // value "unknown": an empty cell
    std::string site_id;         // empty for the district (or the --site's whole row)
    std::string name;
    bool whole = false;          // the row of the whole report: the district, or the --site
    Count enrolled, visited, families;
    Share coverage; // visited / enrolled
    // (visited / all visited) / (enrolled / all enrolled), in hundredths:
    // 100 = reached in proportion. None without students, or where a count
    // it rests on is hidden.
    std::optional<std::int64_t> representation_hundredths;
    // Public, where visited is withheld and the rest shown: the bound its
    // proven range gives instead (AtLeast or AtMost, in hundredths); else Hidden.
    ShareShown representation_bound = ShareShown::Hidden;
    std::int64_t representation_bound_hundredths = 0;
    std::size_t districts = 0; // the state's row of a roll-up: the districts naming the subgroup, whose rows it adds
};

// The outcome comparison (--attendance, --scores) within one value of a
// subgroup, for the whole report only (at one school nearly every group
// would be too small to give).
struct SubgroupAttendance {
    std::string subgroup, value;
    AttendanceRow row;
};

struct SubgroupScore {
    std::string subgroup, value;
    ScoreRow row;
};

struct SubgroupFigures {
    bool given = false;              // reports.subgroups names some
    std::vector<std::string> names;  // in reports.subgroups order
    // Per subgroup and value (byte order, unknown last): the whole report's
    // rows first, then each reported site's. Public: the district's rows
    // only, in the half year's and the year's reports (figures_subgroups.cpp).
    std::vector<SubgroupRow> rows;
    std::vector<SubgroupAttendance> attendance; // with --attendance
    std::vector<SubgroupScore> scores;          // with --scores: per subgroup, value and subject
};

// surveys.csv (optional): family survey responses dated in the period.
// A question's answers are 1..5; 4 and 5 are favourable.
struct SurveyQuestion {
    Count answered;   // responses that answered it
    Count favourable; // of them, answered 4 or 5 (never printed: its share is)
    Count unfavourable; // the rest: public, the share is a bound where this is under min_cell
    Share favourable_share; // favourable / answered
};

struct SurveyRow {
    std::string site_id; // empty for the district (or the --site)
    std::string name;
    Count responses;
    Share response_rate; // responses / the row's summary's families_reached
    std::vector<SurveyQuestion> questions; // in SurveyFigures::questions order
};

struct SurveyFigures {
    bool present = false;               // surveys.csv exists
    std::vector<std::string> questions; // its q_<name> columns, as <name>
    std::vector<SurveyRow> rows;        // the district (or --site) first, then each reported site
};

// How long completed visits of the period took to reach the log: logged_on
// less the visit's date, in days, over the visits that have logged_on.
// Median and 90th percentile by nearest rank (the smallest number of days
// that at least half, or nine in ten, of the visits took at most).
struct EntryDelay {
    std::string site_id; // empty for the district
    std::string name;
    Count visits; // completed visits of the period with logged_on
    std::optional<int> median_days, p90_days; // none without visits, or when `visits` is hidden
};

struct Figures {
    std::string district;
    model::Period period; // never past --as-of (model/period.hpp)
    model::Date as_of;
    std::string site_filter; // --site, or empty
    bool is_public = false;
    // False in a public report of a short period (public_breakdowns in
    // publication.hpp): visit_order, modes, languages, interpreted_languages,
    // entry_delays, training.sessions and surveys are left empty and not printed.
    bool breakdowns = true;
    int min_cell = 10;
    Count validate_errors;   // the whole repo's (JSON `validate`), as finding_count() shows them
    Count validate_warnings;
    // What the banner says, of the findings about the period only: those on
    // a visit, training or event dated in it (a finding about no dated
    // record, a staff member or the settings, is no period's).
    std::size_t period_errors = 0;
    std::size_t period_warnings = 0;
    bool rows_left_out = false;        // a file or rows could not be read (csv-syntax)
    std::size_t cells_unread = 0;      // cells of the period's records that did not parse, counted as unknown
    std::size_t practice_findings = 0; // findings of the core practices' rules about the period
    std::size_t unmodelled = 0;        // public: counts the publication set does not hold (withheld)

    Summary total; // the district (or the one site with --site)
    std::vector<Summary> sites;       // active sites and any site with visits, by site id
    std::vector<EducatorRow> educators; // empty in public reports
    std::vector<FidelityRow> fidelity;  // the district first, then each site
    TrainingFigures training;
    std::vector<Tally> months;    // completed visits per month of the period
    std::vector<VisitOrderMonth> visit_order; // first and second visits per month of the period
    EventFigures events;
    SessionFigures sessions;
    std::vector<Tally> modes;     // home, community, virtual, unknown
    std::vector<Tally> languages; // by count, then name; "unspecified" last
    // Only when visits.csv has the column (a repo without it reports as before):
    bool has_interpreters = false;            // visits.csv has `interpreter`
    std::vector<Tally> interpreted_languages; // completed visits with an interpreter, like `languages` (public: one, "all")
    bool has_logged_on = false;               // visits.csv has `logged_on`
    // Internal reports only, when visits.csv has `travel_minutes`: the
    // completed visits of the period that give it, and their median by
    // nearest rank (none without any).
    bool has_travel = false;
    Count travel_visits;
    std::optional<int> median_travel_minutes;
    std::vector<EntryDelay> entry_delays;     // the district first, then each site of `sites`
    std::vector<std::string> top_sites; // site ids: top 3 by completed visits, ties by id
    std::vector<FundingRow> money;
    std::vector<SiteSpendRow> site_money;
    Census census;
    AttendanceFigures attendance;
    ScoreFigures scores;
    SurveyFigures surveys;
    SubgroupFigures subgroups;
};

class Publication;
struct FigureOptions;

// What every report over the same data works out alike, whatever its site:
// each student's first and second visits, each student's last scheduled
// visit, each visit's practice shortfalls, the visits, students, staff and
// trainings of each site, the day each finding is about, and the spending
// of each period. Made once where many reports are computed (the
// publication set, the audit); a report given none makes its own.
class ReportBasis {
public:
    ReportBasis(const model::Facts& facts, const model::Problems& findings);
    std::vector<model::StudentVisits> progress;     // model::student_visits as of --as-of
    std::vector<std::optional<std::size_t>> latest; // per student handle: latest_scheduled
    std::vector<unsigned> shortfalls;               // per visit: practice_shortfalls
    std::vector<std::uint8_t> visit_order;          // per visit: 1 a student's first, 2 the second, else 0
    std::vector<std::size_t> all_visits;            // 0 .. visits - 1
    std::vector<std::vector<std::size_t>> visits_of; // per site slot (site_slot): its visits, in file order
    std::vector<std::size_t> all_students;           // 0 .. students - 1 (rows of students.csv)
    std::vector<std::vector<std::size_t>> students_of; // per site slot: its students, in file order
    std::vector<std::optional<model::Date>> finding_days; // per finding: the day it is about, if any
    std::vector<std::size_t> all_staff;                    // 0 .. staff - 1 (rows of staff.csv)
    std::vector<std::vector<std::size_t>> staff_of;        // per site slot: its staff, in file order
    std::vector<std::size_t> all_trainings;                // rows of trainings.csv naming a staff member on file
    std::vector<std::vector<std::size_t>> trainings_of;    // per site slot: those of its staff, in file order
    std::vector<std::int32_t> first_intro; // per staff handle: day of the first intro training, INT32_MAX for none

    // pay::spending_between(from, to), worked out once per period.
    const pay::Spending& spending(const std::vector<pay::VisitWork>& work, model::Date from, model::Date to) const;
    // The district's report of `o` (no site), made by `make` once per
    // period and publication: a site's public report folds its money as
    // the district's does.
    const Figures& district(const FigureOptions& o, const std::function<Figures()>& make) const;

private:
    const model::Facts& m_facts;
    mutable std::mutex m_mutex;
    mutable std::map<std::pair<std::int32_t, std::int32_t>, pay::Spending> m_spending;
    mutable std::map<std::tuple<std::int32_t, std::int32_t, const Publication*>, std::unique_ptr<Figures>> m_district;
};

struct FigureOptions {
    model::Period period; // never past --as-of (model/period.hpp)
    std::string site; // only this site; empty: the district
    bool is_public = false;
    // --attendance FILE, read (io::read_attendance); null: no attendance section.
    const std::vector<io::AttendanceRow>* attendance = nullptr;
    // --scores FILE, read (io::read_scores); null: no scores section.
    const std::vector<io::ScoreRow>* scores = nullptr;
    // Public: the publication set whose decisions the report prints
    // (publication.hpp); null: made for this report.
    const Publication* publication = nullptr;
    // Null: made for this report.
    const ReportBasis* basis = nullptr;
};

// `findings` are every problem rules::check_repo gave (loader's included).
// `work` is pay::visit_work(facts), made once by the caller.
Figures compute_figures(const model::Facts& facts, const std::vector<pay::VisitWork>& work,
                        const model::Problems& findings, const FigureOptions& options);

// Public money (figures_public_money.cpp): a site's spending is shown only
// when its completed visits are shown and at least min_cell; the others are
// folded into one "other sites" line per funding source, with more sites
// folded in while that line holds a single site or fewer than min_cell
// visits; a line still that small is withheld, and so is its source's
// spending, since the source less its shown sites would give it back.
// `sites` are the district's public summaries (every site, suppressed).
// A source whose days end by `as_of` has nothing scheduled after it: its
// committed 0.00 is no count, and is shown.
void fold_public_money(std::vector<SiteSpendRow>& site_money, std::vector<FundingRow>& money,
                       const std::vector<Summary>& sites, int min_cell,
                       std::optional<model::Date> as_of = std::nullopt);

} // namespace pthv::report
