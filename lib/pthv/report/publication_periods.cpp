// Which periods the publication set holds (publication.hpp, reports.publish),
// and how a public report counts them: only whole periods of the list that
// have ended, so a figure posted once is never posted again with a few more
// visits (the two together would give those visits away). A period still
// running shows the longest period of the list that begins with it and has
// ended (end-of-year in March shows mid-year), until it ends itself.

#include <pthv/report/publication.hpp>

#include <algorithm>

namespace pthv::report {

model::Date publication_cutoff(model::Date as_of)
{
    const auto first = model::Date::from_ymd(as_of.year(), as_of.month(), 1);
    return first ? first->add_days(-1) : as_of;
}

model::Date first_posting_day(model::Date last)
{
    const auto first = model::Date::from_ymd(last.year(), last.month(), 1);
    return first ? first->add_months(1) : last.add_days(1);
}

namespace {

std::optional<model::Period> cut(const std::string& text, const model::Repo& repo, std::string& error)
{
    const model::Date cutoff = publication_cutoff(repo.as_of);
    auto p = model::parse_period(text, repo.config, cutoff, error);
    if (!p) {
        if (error.rfind("starts after", 0) == 0)
            error = "nothing of it has ended yet: a public report shows periods over by " + cutoff.str() +
                    ", the end of the last full month before the as-of date";
        return std::nullopt;
    }
    p->cut_at_month = p->cut_at_as_of;
    p->cut_at_as_of = false;
    if (p->cut_at_month) {
        std::string ignored;
        const auto whole = model::parse_period(text, repo.config, repo.config.school_year.end, ignored);
        p->runs_to = whole ? whole->to : p->to;
    }
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

// f(text) for every entry of reports.publish, "monthly" as each month of
// the school year, in the list's order.
template <class F>
void for_each_entry(const model::Config& config, F&& f)
{
    for (const auto& entry : config.publish) {
        if (entry == "monthly")
            for (const auto& m : months_of_year(config))
                f(m);
        else
            f(entry);
    }
}

// Every entry of reports.publish as cut() makes it, in the list's order (a
// month not over left out).
std::vector<model::Period> listed_periods(const model::Repo& repo)
{
    std::vector<model::Period> out;
    for_each_entry(repo.config, [&](const std::string& text) {
        std::string error;
        auto p = cut(text, repo, error);
        if (p && !(is_month(text) && p->cut_at_month)) // a month is published once it has ended
            out.push_back(std::move(*p));
    });
    return out;
}

// The period of the list that `running` shows: of those that begin on its
// first day and have ended, the longest.
const model::Period* counted_as(const model::Period& running, const std::vector<model::Period>& listed)
{
    const model::Period* best = nullptr;
    for (const auto& q : listed)
        if (!q.cut_at_month && q.from == running.from && q.to <= running.to && (!best || best->to < q.to))
            best = &q;
    return best;
}

// Every entry of reports.publish whole, whether it has ended or not.
std::vector<model::Period> whole_periods(const model::Config& config)
{
    std::vector<model::Period> out;
    for_each_entry(config, [&](const std::string& text) {
        std::string ignored;
        if (auto q = model::parse_period(text, config, config.school_year.end, ignored))
            out.push_back(std::move(*q));
    });
    return out;
}

// `running` as it is published: the figures of counted_as(), or nullopt
// (`error` says when it is first published). `whole`: whole_periods().
std::optional<model::Period> as_published(model::Period running, const std::vector<model::Period>& listed,
                                          const std::vector<model::Period>& whole, std::string& error)
{
    // The ends of the periods of the list that begin with it, whether
    // ended or not.
    std::vector<model::Date> ends{running.runs_to};
    for (const auto& q : whole)
        if (q.from == running.from && q.to <= running.runs_to)
            ends.push_back(q.to);
    std::sort(ends.begin(), ends.end());
    const auto q = counted_as(running, listed);
    const model::Date shown = q ? q->to : running.from.add_days(-1);
    const auto next = std::upper_bound(ends.begin(), ends.end(), shown);
    running.next_counted = next == ends.end() ? running.runs_to : *next;
    if (!q) {
        error = "has not ended, and no period reports.publish lists that begins on " + running.from.str() +
                " has ended either: a public report shows only whole periods of that list, so that no figure is "
                "posted again with a few more visits; it is first posted on " +
                first_posting_day(running.next_counted).str();
        return std::nullopt;
    }
    running.to = q->to;
    running.counted_as = q->label;
    return running;
}


} // namespace

std::optional<model::Period> outlasting(const model::Period& period, const model::Config& config)
{
    std::optional<model::Period> out;
    for (auto& q : whole_periods(config))
        if (q.from == period.from && period.to < q.to && (!out || out->to < q.to))
            out = std::move(q);
    return out;
}

bool public_breakdowns(const model::Period& period)
{
    return period.to.days() - period.from.days() + 1 >= 89; // any three calendar months
}


std::vector<model::Period> published_periods(const model::Repo& repo)
{
    const std::vector<model::Period> listed = listed_periods(repo), whole = whole_periods(repo.config);
    std::vector<model::Period> out;
    for (const auto& entry : listed) {
        std::string error;
        const auto p = entry.cut_at_month ? as_published(entry, listed, whole, error) : entry;
        if (!p)
            continue;
        const bool seen = std::any_of(out.begin(), out.end(), [&](const model::Period& q) {
            return q.from == p->from && q.to == p->to;
        });
        if (!seen)
            out.push_back(*p);
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
    if (p && p->cut_at_month)
        return as_published(*p, listed_periods(repo), whole_periods(repo.config), error);
    return p;
}

} // namespace pthv::report
