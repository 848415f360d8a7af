// Which periods the publication set holds (publication.hpp, reports.publish),
// and how a public report counts them: up to the end of the last month the
// as-of date has ended, so a figure posted on the 3rd is still the one
// posted on the 28th, and no month is published in part.

#include <pthv/report/publication.hpp>

#include <algorithm>

namespace pthv::report {

model::Date publication_cutoff(model::Date as_of)
{
    const auto first = model::Date::from_ymd(as_of.year(), as_of.month(), 1);
    return first ? first->add_days(-1) : as_of;
}

namespace {

std::optional<model::Period> cut(const std::string& text, const model::Repo& repo, std::string& error)
{
    const model::Date cutoff = publication_cutoff(repo.as_of);
    auto p = model::parse_period(text, repo.config, cutoff, error);
    if (!p) {
        if (error.rfind("starts after", 0) == 0)
            error = "nothing of it has ended yet: a public report counts up to " + cutoff.str() +
                    ", the end of the last full month before the as-of date";
        return std::nullopt;
    }
    p->cut_at_month = p->cut_at_as_of;
    p->cut_at_as_of = false;
    return p;
}

bool is_month(const std::string& text) { return text.size() == 7 && text[4] == '-'; }

std::vector<std::string> months_of_year(const model::Config& config)
{
    std::vector<std::string> out;
    const auto& y = config.school_year;
    auto m = model::Date::from_ymd(y.start.year(), y.start.month(), 1);
    for (; m && *m <= y.end; m = m->add_months(1))
        out.push_back(m->str().substr(0, 7));
    return out;
}

} // namespace

bool public_breakdowns(const model::Period& period)
{
    return period.to.days() - period.from.days() + 1 >= 89; // any three calendar months
}

std::vector<model::Period> published_periods(const model::Repo& repo)
{
    std::vector<model::Period> out;
    const auto add = [&](const std::string& text) {
        std::string error;
        auto p = cut(text, repo, error);
        if (!p || (is_month(text) && p->cut_at_month)) // a month is published once it has ended
            return;
        const bool seen = std::any_of(out.begin(), out.end(), [&](const model::Period& q) {
            return q.from == p->from && q.to == p->to;
        });
        if (!seen)
            out.push_back(std::move(*p));
    };
    for (const auto& entry : repo.config.publish) {
        if (entry == "monthly")
            for (const auto& m : months_of_year(repo.config))
                add(m);
        else
            add(entry);
    }
    return out;
}

// By the list as written: published_periods() keeps one of two entries
// with the same dates (mid-year and end-of-year before the mid-year date),
// and a district that lists end-of-year publishes it.
bool publishes_period(const model::Config& config, const model::Period& period)
{
    // A month's label is YYYY-MM, and parse_period has put it in the year.
    const bool month = period.label.size() == 7 && period.label[4] == '-';
    const auto& listed = config.publish;
    return std::any_of(listed.begin(), listed.end(), [&](const std::string& entry) {
        return entry == period.label || (month && entry == "monthly");
    });
}

std::optional<model::Period> public_period(const model::Period& requested, const model::Repo& repo,
                                           std::string& error)
{
    const auto& listed = repo.config.publish;
    if (!publishes_period(repo.config, requested)) {
        std::string names;
        for (const auto& e : listed)
            names += (names.empty() ? "" : ", ") + e;
        error = "is not among the periods reports.publish in pthv.yaml lists for public reports (" +
                (names.empty() ? std::string("none") : names) +
                "); add it there, so that it is protected together with every other public report";
        return std::nullopt;
    }
    auto p = cut(requested.label, repo, error);
    if (p && is_month(requested.label) && p->cut_at_month) {
        error = "has not ended yet: a month's public report counts the whole month, once it is over";
        return std::nullopt;
    }
    return p;
}

} // namespace pthv::report
