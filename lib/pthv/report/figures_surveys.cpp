// Family surveys (surveys.csv, docs/reports.md): for the district and each
// reported site, the responses of the period, the response rate (responses
// per family reached by a completed visit) and, per question, the share of
// answers that are favourable (4 or 5 of 5). Public: the publication set
// decides which counts are hidden, and a share built on one is hidden.

#include <pthv/report/figures_detail.hpp>

#include <algorithm>

namespace pthv::report {

namespace {

constexpr std::uint8_t k_favourable = 4; // 4 = agree, 5 = strongly agree

SurveyRow empty_row(const Summary& s, std::size_t questions)
{
    SurveyRow r;
    r.site_id = s.site_id;
    r.name = s.name;
    r.questions.resize(questions);
    return r;
}

void add(SurveyRow& r, const std::uint8_t* answers)
{
    ++r.responses.value;
    for (std::size_t q = 0; q < r.questions.size(); ++q) {
        if (answers[q] == 0)
            continue;
        ++r.questions[q].answered.value;
        if (answers[q] >= k_favourable)
            ++r.questions[q].favourable.value;
        else
            ++r.questions[q].unfavourable.value;
    }
}

} // namespace

void survey_figures(const model::Repo& repo, const FigureOptions& o, const SiteScope& scope, Figures& f)
{
    SurveyFigures& s = f.surveys;
    s.present = repo.has_file("surveys.csv");
    if (!s.present)
        return;
    s.questions = repo.survey_questions;
    const std::size_t n = s.questions.size();
    s.rows.push_back(empty_row(f.total, n));
    std::vector<std::size_t> row_of_slot(repo.names.sites.size() + 1, 0); // 0: not a reported site
    for (const auto& site : f.sites) {
        row_of_slot[site_slot(repo.names.sites.find(site.site_id))] = s.rows.size();
        s.rows.push_back(empty_row(site, n));
    }
    for (std::size_t i = 0; i < repo.surveys.size(); ++i) {
        const model::SurveyResponse& r = repo.surveys[i];
        if (!r.date || *r.date < o.period.from || *r.date > o.period.to || !r.site || !scope.covers(r.site))
            continue;
        const std::uint8_t* answers = repo.survey_answers.data() + i * n;
        add(s.rows.front(), answers);
        if (const std::size_t row = row_of_slot[site_slot(r.site)])
            add(s.rows[row], answers);
    }
}

void survey_shares(Figures& f)
{
    auto& rows = f.surveys.rows;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        SurveyRow& r = rows[i];
        // Row i is the summary's: the district (or --site) first, then f.sites.
        const Summary& reached = i == 0 ? f.total : f.sites[i - 1];
        r.response_rate = share_of(r.responses, reached.families_reached);
        for (SurveyQuestion& q : r.questions)
            q.favourable_share = share_meeting(q.answered, q.unfavourable, f.min_cell);
    }
}

} // namespace pthv::report
