// Which periods the publication set holds (publication.hpp, reports.publish).

#include <pthv/report/publication.hpp>

#include <algorithm>

namespace pthv::report {

namespace {

std::optional<model::Period> cut(const std::string& text, const model::Repo& repo, std::string& error)
{
    // Public reports count up to the as-of date, as every report does.
    const model::Date cutoff = repo.as_of;
    auto p = model::parse_period(text, repo.config, cutoff, error);
    if (!p) {
        return std::nullopt;
    }
    return p;
}

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

std::vector<model::Period> published_periods(const model::Repo& repo)
{
    std::vector<model::Period> out;
    const auto add = [&](const std::string& text) {
        std::string error;
        auto p = cut(text, repo, error);
        if (!p)
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

} // namespace pthv::report
