// event-missing (docs/rules.md): from events.due on, each active site and
// the district has held every kind of event pthv.yaml's `events` lists, in
// the school year. One finding per missing kind, on line 0 (it belongs to
// no row).

#include <array>
#include <fmt/format.h>

#include <pthv/rules/checks.hpp>

namespace pthv::rules {

using namespace pthv::model;

namespace {

constexpr std::size_t k_kinds = std::size(k_event_kinds);

// Per site handle (and one more, last, for district-wide events): which
// kinds were held in the school year.
std::vector<std::array<bool, k_kinds>> kinds_held(const Context& ctx)
{
    const Repo& repo = ctx.repo;
    std::vector<std::array<bool, k_kinds>> held(repo.names.sites.size() + 1, std::array<bool, k_kinds>{});
    for (const auto& e : repo.events) {
        if (!e.kind || !e.date || !ctx.facts.in_school_year(*e.date))
            continue;
        const std::size_t at = e.site ? e.site.index() : repo.names.sites.size();
        held[at][static_cast<std::size_t>(*e.kind)] = true;
    }
    return held;
}

void report_missing(const std::vector<EventKind>& expected, const std::array<bool, k_kinds>& held,
                    std::string_view record, const std::string& who, const std::string& site_option,
                    const Context& ctx, Findings& out)
{
    for (const EventKind k : expected) {
        if (held[static_cast<std::size_t>(k)])
            continue;
        const auto& sy = ctx.repo.config.school_year;
        out.add("event-missing", "events.csv", 0, record,
                fmt::format("{} has no {} event in the school year {}..{}", who, enum_name(k), sy.start.str(),
                            sy.end.str()),
                fmt::format("record it when it happens: pthv event add --date D --kind {}{} --title T",
                            enum_name(k), site_option));
    }
}

} // namespace

void check_event_missing(const Context& ctx, Findings& out)
{
    const Repo& repo = ctx.repo;
    const auto& expected = repo.config.events;
    if (repo.as_of < repo.config.events_due() || (expected.per_site.empty() && expected.district.empty()))
        return;
    const auto held = kinds_held(ctx);
    for (const auto& s : repo.sites) {
        if (s.status != SiteStatus::Active)
            continue;
        const std::string_view id = repo.id(s.id);
        report_missing(expected.per_site, held[s.id.index()], id, fmt::format("site {}", id),
                       fmt::format(" --site {}", id), ctx, out);
    }
    report_missing(expected.district, held.back(), "district", "the district", "", ctx, out);
}

} // namespace pthv::rules
