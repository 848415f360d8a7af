// duplicate-visit (docs/rules.md): a completed visit logged twice, with the same
// student, date and educators.

#include <algorithm>
#include <tuple>
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
    std::vector<char> reported(visits.size(), 0);
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
                out.on_visit("duplicate-visit", ctx.repo, v,
                        fmt::format("visit {} repeats visit {} (line {}): same student {}, date {} and educators",
                                    repo.id(v.id), repo.id(first.id), first.line, repo.id(v.student),
                                    v.date->str()),
                        "remove the repeated row, or fix its date or educators");
                reported[keyed[i].second] = 1;
                break;
            }
        }
    }

    // Widened: one student cannot be visited twice at the same moment, so
    // two completed rows with the same student, date and start time are one
    // visit logged twice whatever their educators (the retry after a
    // CP5-pair finding that named the second educator).
    std::vector<std::tuple<StudentId, std::int32_t, int, std::size_t>> timed;
    for (std::size_t i = 0; i < visits.size(); ++i)
        if (visits[i].completed() && visits[i].date && visits[i].start_time && !reported[i])
            timed.emplace_back(visits[i].student, visits[i].date->days(), visits[i].start_time->minutes(), i);
    std::sort(timed.begin(), timed.end());
    const auto same_moment = [&](std::size_t a, std::size_t b) {
        return std::get<0>(timed[a]) == std::get<0>(timed[b]) && std::get<1>(timed[a]) == std::get<1>(timed[b]) &&
               std::get<2>(timed[a]) == std::get<2>(timed[b]);
    };
    const auto written = [&](const Visit& v) {
        std::string text;
        for (const StaffId e : repo.educators(v))
            text += (text.empty() ? "" : ";") + std::string(repo.id(e));
        return text;
    };
    for (std::size_t k = 1; k < timed.size(); ++k) {
        std::size_t first = k - 1;
        while (first > 0 && same_moment(first - 1, k))
            --first;
        if (!same_moment(first, k))
            continue;
        const Visit& v = visits[std::get<3>(timed[k])];
        const Visit& f = visits[std::get<3>(timed[first])];
        out.on_visit("duplicate-visit", ctx.repo, v,
                fmt::format("visit {} repeats visit {} (line {}): same student {}, date {} and start time {}, "
                            "educators {} and {}",
                            repo.id(v.id), repo.id(f.id), f.line, repo.id(v.student), v.date->str(),
                            v.start_time->str(), written(v), written(f)),
                "one student is visited once at a time: keep the row that is right, remove the other "
                "(pthv log-visit --remove ID --reason TEXT)");
    }
}

} // namespace pthv::rules
