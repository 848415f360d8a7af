// Payroll safety: a closed ledger must never pay one item twice. pthv takes
// the repo lock before it computes what --close pays, so it never writes a
// repeat itself; this catches what reaches the ledgers another way (a file
// copied or merged by hand, a close by an older pthv).

#include <fmt/format.h>
#include <string_view>
#include <tuple>
#include <unordered_map>

#include <pthv/rules/checks.hpp>

namespace pthv::rules {

using namespace pthv::model;

namespace {

// What makes one paid item: who, what kind, which one (data.md, payroll files).
struct ItemKey {
    std::string_view staff_id;
    std::string_view item;
    std::string_view item_id;
    bool operator==(const ItemKey& o) const
    {
        return std::tie(staff_id, item, item_id) == std::tie(o.staff_id, o.item, o.item_id);
    }
};

struct ItemKeyHash {
    std::size_t operator()(const ItemKey& k) const
    {
        const std::hash<std::string_view> h;
        return h(k.staff_id) ^ (h(k.item) * 31) ^ (h(k.item_id) * 1000003);
    }
};

} // namespace

void check_paid_twice(const Context& ctx, Findings& out)
{
    // The first line of each item, in the order the ledgers were loaded
    // (by file name, then line): every later line paying it again is found.
    std::unordered_map<ItemKey, const LedgerLine*, ItemKeyHash> first;
    first.reserve(ctx.repo.ledger.size());
    for (const auto& l : ctx.repo.ledger) {
        if (l.staff_id.empty() || l.item.empty() || l.item_id.empty())
            continue; // required-missing says so already
        const auto [it, inserted] = first.try_emplace(ItemKey{l.staff_id, l.item, l.item_id}, &l);
        if (inserted)
            continue;
        const LedgerLine& earlier = *it->second;
        const std::string where = earlier.file == l.file ? fmt::format("line {} of this file", earlier.line)
                                                         : fmt::format("{} line {}", earlier.file, earlier.line);
        out.add("paid-twice", l.file, l.line, l.item_id,
                fmt::format("{} {} for {} is paid again: {} paid it already", l.item, l.item_id, l.staff_id, where),
                "a closed pay period is never rewritten: settle the second payment with payroll");
    }
}

} // namespace pthv::rules
