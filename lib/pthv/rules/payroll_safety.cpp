// Payroll safety: a closed ledger must never pay one item twice. pthv takes
// the repo lock before it computes what --close pays, so it never writes a
// repeat itself; this catches what reaches the ledgers another way (a file
// copied or merged by hand, a close by an older pthv).

#include <algorithm>
#include <fmt/format.h>
#include <string_view>
#include <tuple>

#include <pthv/rules/checks.hpp>

namespace pthv::rules {

using namespace pthv::model;

void check_paid_twice(const Context& ctx, Findings& out)
{
    // What makes one paid item: who, what kind, which one (docs/data.md, payroll
    // files). Lines sorted by that key and then by the order the ledgers
    // were loaded (by file name, then line): in each run of one key, the
    // first line paid it and every later one pays it again.
    const Repo& repo = ctx.repo;
    using Key = std::tuple<StaffId, ItemKind, std::string_view, std::size_t>;
    std::vector<Key> lines;
    lines.reserve(repo.ledger.size());
    for (std::size_t i = 0; i < repo.ledger.size(); ++i) {
        const LedgerLine& l = repo.ledger[i];
        if (!l.staff || !l.item || l.item_id.empty())
            continue; // required-missing or value-invalid says so already
        lines.emplace_back(l.staff, *l.item, l.item_id, i);
    }
    std::sort(lines.begin(), lines.end());
    for (std::size_t k = 1; k < lines.size(); ++k) {
        const auto same = [&](const Key& a, const Key& b) {
            return std::get<0>(a) == std::get<0>(b) && std::get<1>(a) == std::get<1>(b) &&
                   std::get<2>(a) == std::get<2>(b);
        };
        if (!same(lines[k - 1], lines[k]))
            continue;
        std::size_t first = k - 1;
        while (first > 0 && same(lines[first - 1], lines[k]))
            --first;
        const LedgerLine& earlier = repo.ledger[std::get<3>(lines[first])];
        const LedgerLine& l = repo.ledger[std::get<3>(lines[k])];
        const std::string where = earlier.file == l.file ? fmt::format("line {} of this file", earlier.line)
                                                         : fmt::format("{} line {}", earlier.file, earlier.line);
        out.add("paid-twice", l.file, l.line, l.item_id,
                fmt::format("{} {} for {} is paid again: {} paid it already", enum_name(*l.item), l.item_id,
                            repo.id(l.staff), where),
                "a closed pay period is never rewritten: settle the second payment with payroll");
    }
}

} // namespace pthv::rules
