#pragma once
// The parts of compute_figures (figures.hpp), one file each, so each figure
// has exactly one home: the headline counts (figures.cpp), training
// (figures_training.cpp), fidelity (figures_fidelity.cpp), money
// (figures_money.cpp) and public suppression (figures_public.cpp).
// Internal to lib/pthv/report.

#include <cstddef>
#include <vector>

#include <pthv/pay/events.hpp>
#include <pthv/report/figures.hpp>

namespace pthv::report {

// Which sites a report covers, by handle: all, or the one of --site (none
// at all when --site names no site).
class SiteScope {
public:
    SiteScope(const model::Repo& repo, const std::string& site)
        : m_all(site.empty()), m_only(site.empty() ? model::SiteId{} : repo.names.sites.find(site))
    {
    }
    bool covers(model::SiteId site) const { return m_all || (m_only && site == m_only); }
    // The visits it covers (those whose site it covers), in file order.
    const std::vector<std::size_t>& visits(const ReportBasis& basis) const
    {
        return m_all ? basis.all_visits : m_only ? basis.visits_of[m_only.index() + 1] : none();
    }
    // The rows of students.csv it covers (those of its site), in file order.
    const std::vector<std::size_t>& students(const ReportBasis& basis) const
    {
        return m_all ? basis.all_students : m_only ? basis.students_of[m_only.index() + 1] : none();
    }
    // The rows of staff.csv it covers (those of its site), in file order.
    const std::vector<std::size_t>& staff(const ReportBasis& basis) const
    {
        return m_all ? basis.all_staff : m_only ? basis.staff_of[m_only.index() + 1] : none();
    }
    // The rows of trainings.csv of the staff it covers, in file order.
    const std::vector<std::size_t>& trainings(const ReportBasis& basis) const
    {
        return m_all ? basis.all_trainings : m_only ? basis.trainings_of[m_only.index() + 1] : none();
    }

private:
    static const std::vector<std::size_t>& none()
    {
        static const std::vector<std::size_t> empty;
        return empty;
    }
    bool m_all;
    model::SiteId m_only;
};

// A site handle as a slot of a per-site table: 0 for no site, else handle + 1.
inline std::size_t site_slot(model::SiteId s) { return s ? s.index() + 1 : 0; }

// A count shown as it is (public suppression marks it later).
template <class N>
Count exact(N n)
{
    return Count{static_cast<std::int64_t>(n), Shown::Exact};
}

struct Training {
    std::vector<std::size_t> trained_per_site; // by site slot: staff current or due soon, by home site
    std::size_t trained_all = 0;
};

// Fills f.training; returns the trained staff per site for the summaries.
Training training_figures(const model::Facts& facts, const FigureOptions& o, Figures& f);

// Fills f.fidelity from f.sites (which must be complete) and the findings.
void fidelity_figures(const model::Facts& facts, const FigureOptions& o,
                      Figures& f);

// Fills f.money from the payroll code's spend per funding source.
void money_figures(const model::Facts& facts, const std::vector<pay::VisitWork>& work, const FigureOptions& o,
                   Figures& f);

// The program year (figures_year.cpp). After the summaries: second visits
// scheduled and due per site and district (f.sites must be complete), first
// and second visits per month, events.csv's and sessions.csv's figures
// (left absent without the file).
void second_visit_figures(const model::Facts& facts, const FigureOptions& o, const SiteScope& scope, Figures& f);
void visit_order_figures(const model::Facts& facts, const FigureOptions& o, const SiteScope& scope, Figures& f);
void event_figures(const model::Repo& repo, const FigureOptions& o, const SiteScope& scope, Figures& f);
void session_figures(const model::Facts& facts, const FigureOptions& o, Figures& f);

// A student's family as a key: the family_id, else a family of one, named
// by the student's id even for a student students.csv does not list.
std::uint64_t family_key(const model::Repo& repo, model::StudentId student);

// Per student handle: its latest scheduled visit of the school year (a row
// of Repo::visits), or none.
std::vector<std::optional<std::size_t>> latest_scheduled(const model::Facts& facts);

// Per row of Repo::visits, a bit per core practice (bit k-1 for practice
// k) whose rules found the visit short; CP4-targeting names a homeroom, and
// every visit to a student of it falls short of practice 4.
std::vector<unsigned> practice_shortfalls(const model::Facts& facts, const model::Problems& findings);

// Public money: folds the spending of small sites (figures_public_money.cpp);
// after the publication set has marked the counts, which it reads.
void public_money(const model::Facts& facts, const std::vector<pay::VisitWork>& work, const model::Problems& findings,
                  const FigureOptions& o, Figures& f);

// Fills f.attendance (when o.attendance is set) from f.sites, suppressed
// when public; before census_figures.
void attendance_figures(const model::Facts& facts, const FigureOptions& o, Figures& f);

// Fills f.scores (when o.scores is set) the same way (figures_scores.cpp).
void score_figures(const model::Facts& facts, const FigureOptions& o, Figures& f);

// Fills f.subgroups (reports.subgroups) after the summaries and the
// outcome tables, suppressed when public (figures_subgroups.cpp).
void subgroup_figures(const model::Facts& facts, const FigureOptions& o, Figures& f);

// The outcome tables' rows from their counts, rates and interval included
// (figures_attendance.cpp, figures_scores.cpp): one group of a subgroup
// is compared the same way.
AttendanceRow attendance_row(std::string site_id, std::string name, std::int64_t visited,
                             std::int64_t visited_chronic, std::int64_t other, std::int64_t other_chronic);
void finish_attendance_row(AttendanceRow& r);
ScoreRow score_row_of(const std::string& subject, std::string site_id, std::string name, std::int64_t visited,
                      std::int64_t visited_proficient, std::int64_t other, std::int64_t other_proficient);
void finish_score_row(ScoreRow& r);
// Whether an attendance row counts: enough days enrolled; chronically absent.
bool counts_for_attendance(const io::AttendanceRow& r);
bool chronically_absent(const io::AttendanceRow& r);

// What the outcome tables share (figures_attendance.cpp): per student
// handle, 1 when the student has a completed visit in `period`; and
// (x1 / n1 - x2 / n2) in tenths of a percentage point, half away from zero.
std::vector<char> students_visited_in(const model::Repo& repo, const model::Period& period);
std::int64_t difference_in_tenths(std::int64_t x1, std::int64_t n1, std::int64_t x2, std::int64_t n2);

// surveys.csv (figures_surveys.cpp): the counts, after the summaries; the
// shares (from finish_shares).
void survey_figures(const model::Repo& repo, const FigureOptions& o, const SiteScope& scope, Figures& f);
void survey_shares(Figures& f);

// Fills f.census from the figures already made; after finish_shares.
void census_figures(const model::Repo& repo, Figures& f);

// Sets every share from its counts, hiding those built on hidden counts.
void finish_shares(Figures& f);

// num / den as a share, None when den is 0, Hidden when either is hidden.
Share share_of(const Count& num, const Count& den);

// Rates, difference and interval of an outcome row (its groups' `outcome`
// count: chronic, proficient), from counts that are shown; none where a
// public report hid a count.
template <class Row, class Group>
void finish_outcome_row(Row& r, Count Group::*outcome)
{
    r.visited.rate = share_of(r.visited.*outcome, r.visited.students);
    r.not_visited.rate = share_of(r.not_visited.*outcome, r.not_visited.students);
    if (r.visited.rate.shown != ShareShown::Exact || r.not_visited.rate.shown != ShareShown::Exact)
        return;
    const std::int64_t x1 = (r.visited.*outcome).value, n1 = r.visited.students.value;
    const std::int64_t x2 = (r.not_visited.*outcome).value, n2 = r.not_visited.students.value;
    r.difference_tenths = difference_in_tenths(x1, n1, x2, n2);
    r.ci95 = stats::newcombe_difference(x1, n1, x2, n2);
}
// The share of `all` that does not fall short. Where the shortfall is
// hidden as under min_cell, the share is the true bound it leaves
// (">= 96.4%"), which says no more than "<N" does; hidden where it is withheld.
Share share_meeting(const Count& all, const Count& falling_short, int min_cell);

} // namespace pthv::report
