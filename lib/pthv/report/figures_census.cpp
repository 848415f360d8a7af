// The census row (report --table census): nothing is counted here. Each
// figure is copied from the report's own (already suppressed when public),
// so the census and `report --period end-of-year` cannot disagree.

#include <pthv/report/figures_detail.hpp>

#include <algorithm>

#include <fmt/format.h>

namespace pthv::report {

namespace {

std::string school_year_label(const model::SchoolYear& y)
{
    if (y.start.year() == y.end.year())
        return std::to_string(y.start.year());
    return fmt::format("{}-{:02}", y.start.year(), y.end.year() % 100);
}

} // namespace

void census_figures(const model::Repo& repo, Figures& f)
{
    Census& c = f.census;
    c.school_year = school_year_label(repo.config.school_year);
    // Schools are public: how many visit is never suppressed.
    c.sites_visiting.value = std::count_if(f.sites.begin(), f.sites.end(),
                                           [](const Summary& s) { return s.completed_visits.value > 0; });
    c.completed_visits = f.total.completed_visits;
    c.students_visited = f.total.students_visited;
    c.families_reached = f.total.families_reached;
    c.staff_visiting = f.total.participating_educators;
    c.staff_trained_new = f.training.trained_new;
    const auto virt = std::find_if(f.modes.begin(), f.modes.end(), [](const Tally& t) { return t.key == "virtual"; });
    c.virtual_share = share_of(virt == f.modes.end() ? Count{} : virt->count, f.total.completed_visits);
}

} // namespace pthv::report
