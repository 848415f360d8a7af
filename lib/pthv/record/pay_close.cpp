#include <pthv/record/pay_close.hpp>

#include <fmt/format.h>

#include <pthv/pay/ledger.hpp>
#include <pthv/rules/registry.hpp>

namespace pthv::record {

model::Problem period_closed(const std::string& month)
{
    const std::string file = pay::ledger_name(month);
    return {{}, model::Severity::Error, file, 0, month,
            fmt::format("{} exists: {} is closed, and a closed period is never rewritten", file, month), {}};
}

model::Problems close_blockers(const model::Problems& problems)
{
    model::Problems out;
    for (const auto& p : problems)
        if (p.severity == model::Severity::Error && !p.reviewed)
            out.push_back(p);
    return out;
}

std::string unblock_advice(const model::Problems& blockers)
{
    for (const auto& p : blockers) {
        const rules::Rule* r = rules::find_rule(p.rule);
        if (r && r->kind != rules::RuleKind::Integrity && !p.record.empty())
            return fmt::format("fix them, or, where a finding stands as it happened, review it with a note "
                               "saying why (pthv review {} {} --note \"...\")",
                               p.rule, p.record);
    }
    return "fix them (data-integrity errors cannot be reviewed, only fixed)";
}

} // namespace pthv::record
