// duplicate-visit (rules.md): a completed visit logged twice, with the same
// student, date and educators.

#include <algorithm>
#include <fmt/format.h>

#include <pthv/rules/checks.hpp>

namespace pthv::rules {

using namespace pthv::model;

void check_duplicate_visit(const Context& ctx, Findings& out)
{
    // Completed visits by a hash of their key, each hash's visits in file
    // order, so a repeat is told by comparing it only with the few rows of
    // its hash (a state's year is close to a million rows).
    const Repo& repo = ctx.repo;
    const Facts& facts = ctx.facts;
    const auto& visits = repo.visits;
    std::vector<std::pair<std::uint64_t, std::uint32_t>> keyed;
    for (std::size_t i = 0; i < visits.size(); ++i) {
        const Visit& v = visits[i];
        if (!v.completed() || !v.date)
            continue;
        // What makes two completed visits the same: student, date, educators.
        std::uint64_t h = (std::uint64_t{v.student.value()} << 32) ^ static_cast<std::uint32_t>(v.date->days());
        for (const StaffId e : facts.educators(i))
            h = h * 0x100000001B3ULL ^ e.value();
        keyed.emplace_back(h, static_cast<std::uint32_t>(i));
    }
    std::sort(keyed.begin(), keyed.end());
    const auto same_visit = [&](std::size_t a, std::size_t b) {
        const auto x = facts.educators(a);
        const auto y = facts.educators(b);
        return visits[a].student == visits[b].student && *visits[a].date == *visits[b].date &&
               x.size() == y.size() && std::equal(x.begin(), x.end(), y.begin());
    };
    for (std::size_t begin = 0, end = 0; begin < keyed.size(); begin = end) {
        end = begin + 1;
        while (end < keyed.size() && keyed[end].first == keyed[begin].first)
            ++end;
        for (std::size_t i = begin + 1; i < end; ++i) {
            const Visit& v = visits[keyed[i].second];
            for (std::size_t j = begin; j < i; ++j) {
                if (!same_visit(keyed[j].second, keyed[i].second))
                    continue;
                const Visit& first = visits[keyed[j].second];
                out.add("duplicate-visit", "visits.csv", v.line, repo.id(v.id),
                        fmt::format("visit {} repeats visit {} (line {}): same student {}, date {} and educators",
                                    repo.id(v.id), repo.id(first.id), first.line, repo.id(v.student),
                                    v.date->str()),
                        "remove the repeated row, or fix its date or educators");
                break;
            }
        }
    }
}

} // namespace pthv::rules
