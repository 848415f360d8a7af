#include <pthv/stats/spread.hpp>

#include <algorithm>
#include <map>
#include <optional>
#include <string_view>

#include <pthv/stats/chi_square.hpp>
#include <pthv/stats/targeting.hpp>

namespace pthv::stats {

using namespace pthv::model;

Spread spread_of(std::vector<SpreadCell> cells, double alpha)
{
    Spread s;
    std::int64_t roster = 0;
    std::int64_t visited = 0;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        SpreadCell& c = cells[i];
        c.coverage =
            c.roster > 0 ? static_cast<double>(c.visited) / static_cast<double>(c.roster) : 0.0;
        roster += c.roster;
        visited += c.visited;
        if (c.coverage < cells[s.lowest].coverage)
            s.lowest = i;
        if (c.coverage > cells[s.highest].coverage)
            s.highest = i;
    }
    s.cells = std::move(cells);
    if (s.cells.size() < 2 || roster == 0 || visited == 0 || visited == roster)
        return s;
    // Chi-square test of homogeneity, visited vs not visited per cell.
    const double c = static_cast<double>(visited) / static_cast<double>(roster);
    double x2 = 0.0;
    for (const auto& cell : s.cells) {
        const double n = static_cast<double>(cell.roster);
        const double expected = n * c;
        const double diff = static_cast<double>(cell.visited) - expected;
        x2 += diff * diff / (expected * (1.0 - c));
        if (expected < 5.0 || n - expected < 5.0)
            s.sparse = true;
    }
    s.tested = true;
    s.chi_square = x2;
    s.df = static_cast<int>(s.cells.size()) - 1;
    s.p = chi_square_upper_tail(x2, s.df);
    s.uneven = s.p < alpha;
    return s;
}

namespace {

struct Tally
{
    std::int64_t roster = 0;
    std::int64_t visited = 0;
};

struct GradeLess
{
    bool operator()(std::string_view a, std::string_view b) const { return grade_less(a, b); }
};

template <typename Map> std::vector<SpreadCell> cells_of(const Map& tallies)
{
    std::vector<SpreadCell> cells;
    for (const auto& [key, t] : tallies)
        cells.push_back(SpreadCell{std::string(key), t.roster, t.visited, 0.0});
    return cells;
}

} // namespace

std::vector<SiteSpread> analyse_spread(const Repo& repo, const SpreadOptions& options)
{
    struct Site
    {
        Tally all;
        std::map<std::string_view, Tally, GradeLess> grades;
        std::map<std::string_view, Tally> homerooms;
    };
    // Sites by handle while counting, by id for the result.
    std::vector<std::optional<Site>> by_handle(repo.names.sites.size() + 1);
    const std::vector<char> visited = students_visited(repo, options.from, options.to);
    const SiteId only = options.site ? repo.names.sites.find(*options.site) : SiteId{};
    for (std::size_t i = 0; i < repo.students.size(); ++i) {
        const Student& s = repo.students[i];
        if (options.site && (only ? s.site != only : !options.site->empty() || s.site))
            continue;
        auto& slot = by_handle[s.site ? s.site.index() + 1 : 0];
        if (!slot)
            slot.emplace();
        Site& site = *slot;
        for (Tally* t : {&site.all, &site.grades[s.grade],
                         &site.homerooms[s.homeroom ? repo.id(s.homeroom) : std::string_view("(none)")]}) {
            ++t->roster;
            t->visited += visited[i] ? 1 : 0;
        }
    }
    std::map<std::string_view, const Site*> sites;
    for (std::size_t k = 0; k < by_handle.size(); ++k)
        if (by_handle[k])
            sites.emplace(k == 0 ? std::string_view{} : repo.id(SiteId(static_cast<std::uint32_t>(k - 1))),
                          &*by_handle[k]);
    std::vector<SiteSpread> out;
    const double alpha = repo.config.targeting.alpha;
    for (const auto& [id, site] : sites) {
        SiteSpread s;
        s.site_id = std::string(id);
        s.roster = site->all.roster;
        s.visited = site->all.visited;
        s.coverage = static_cast<double>(s.visited) / static_cast<double>(s.roster);
        s.by_grade = spread_of(cells_of(site->grades), alpha);
        s.by_homeroom = spread_of(cells_of(site->homerooms), alpha);
        out.push_back(std::move(s));
    }
    return out;
}

} // namespace pthv::stats
