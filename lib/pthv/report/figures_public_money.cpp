// Public money (figures.hpp, fold_public_money). Spending reveals counts:
// three visits by pairs paid 50.00 each is 300.00, and a cent figure can
// single out one person's hourly rate. So a public report prints a site's
// spending only where its visit count is printed and at least min_cell; the
// others of each funding source are summed into one "other sites" line,
// which must itself hold two sites or more and min_cell visits or more, or
// it and its source's spending are withheld. Sources and lines are folded
// on the whole district even in a one-site report, so that no two public
// reports can be subtracted from each other. A source's cost of scheduled
// visits is withheld below min_cell scheduled visits.

#include <pthv/report/figures_detail.hpp>

#include <algorithm>

namespace pthv::report {

namespace {

struct Member {
    const SiteSpendRow* row;
    std::int64_t visits;
};

std::int64_t sum_visits(const std::vector<Member>& v)
{
    std::int64_t n = 0;
    for (const auto& m : v)
        n += m.visits;
    return n;
}

} // namespace

void fold_public_money(std::vector<SiteSpendRow>& site_money, std::vector<FundingRow>& money,
                       const std::vector<Summary>& sites, int min_cell, std::optional<model::Date> as_of)
{
    const auto visits_of = [&](const std::string& id) -> const Count* {
        for (const auto& s : sites)
            if (s.site_id == id)
                return &s.completed_visits;
        return nullptr;
    };
    std::vector<std::string> sources;
    for (const auto& r : money)
        sources.push_back(r.source);
    for (const auto& r : site_money)
        if (std::find(sources.begin(), sources.end(), r.source) == sources.end())
            sources.push_back(r.source);

    std::vector<const SiteSpendRow*> kept;
    std::vector<SiteSpendRow> other_lines;
    for (const auto& source : sources) {
        std::vector<Member> shown, folded;
        for (const auto& r : site_money) {
            if (r.source != source)
                continue;
            const Count* c = visits_of(r.site_id);
            const std::int64_t n = c ? c->value : 0;
            (c && !c->hidden() && n >= min_cell ? shown : folded).push_back({&r, n});
        }
        // One folded site is its line; fewer than min_cell visits in the
        // line are a small count of their own: fold the smallest shown
        // sites in until neither holds.
        std::stable_sort(shown.begin(), shown.end(),
                         [](const Member& a, const Member& b) { return a.visits < b.visits; });
        const auto unsafe = [&] { return !folded.empty() && (folded.size() == 1 || sum_visits(folded) < min_cell); };
        std::size_t next = 0;
        while (unsafe() && next < shown.size())
            folded.push_back(shown[next++]);
        for (std::size_t i = next; i < shown.size(); ++i)
            kept.push_back(shown[i].row);
        if (folded.empty())
            continue;
        SiteSpendRow other{{}, source, {}, folded.size(), unsafe()};
        for (const auto& m : folded)
            other.spent += m.row->spent;
        if (other.withheld) {
            other.spent = {};
            for (auto& r : money)
                if (r.source == source) {
                    r.withheld = true;
                    r.closed = r.pending = r.left = {};
                }
        }
        other_lines.push_back(std::move(other));
    }
    // What the scheduled visits would cost gives back how many there are
    // (two educators at 50.00 each: 300.00 is three visits), so a source's
    // committed figure is shown only for min_cell scheduled visits or more;
    // left after them is left less committed, so it goes with either.
    for (auto& r : money) {
        const bool over = as_of && r.days && r.days->last <= *as_of;
        r.committed_withheld = r.withheld || (!over && r.committed_visits < static_cast<std::size_t>(min_cell));
        if (r.committed_withheld)
            r.committed = r.left_after_scheduled = {};
    }
    std::vector<SiteSpendRow> out;
    for (const auto& r : site_money)
        if (std::find(kept.begin(), kept.end(), &r) != kept.end())
            out.push_back(r);
    for (auto& r : other_lines)
        out.push_back(std::move(r));
    site_money = std::move(out);
}

void public_money(const model::Facts& facts, const std::vector<pay::VisitWork>& work, const model::Problems& findings,
                  const FigureOptions& o, Figures& f)
{
    if (o.site.empty()) {
        fold_public_money(f.site_money, f.money, f.sites, f.min_cell, f.as_of);
        return;
    }
    // One site: the district's folding decides, so that this report and
    // the district's cannot be subtracted from each other.
    FigureOptions whole{o.period, {}, true};
    whole.publication = o.publication;
    whole.basis = o.basis;
    const Figures& district = o.basis->district(whole, [&] { return compute_figures(facts, work, findings, whole); });
    bool has_row = false;
    std::string source;
    for (const auto& r : f.site_money)
        if (r.site_id == o.site) {
            source = r.source;
            has_row = true;
        }
    f.site_money.clear();
    bool listed = false;
    for (const auto& r : district.site_money)
        if (r.site_id == o.site) {
            f.site_money.push_back(r);
            listed = true;
        }
    if (!listed && has_row)
        f.site_money.push_back(SiteSpendRow{o.site, source, {}, 0, true});
    // The sources that may pay the site (figures_money.cpp), as the district shows them.
    std::vector<std::string> shown;
    for (const auto& r : f.money)
        shown.push_back(r.source);
    f.money.clear();
    for (const auto& r : district.money)
        if (std::find(shown.begin(), shown.end(), r.source) != shown.end())
            f.money.push_back(r);
}

} // namespace pthv::report
