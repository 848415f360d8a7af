#include <pthv/record/pay_close.hpp>

#include <fmt/format.h>

#include <pthv/pay/funding.hpp>
#include <pthv/pay/ledger.hpp>
#include <pthv/rules/registry.hpp>
#include <pthv/util/strings.hpp>

namespace pthv::record {

namespace {

PeriodChoice period_refused(std::string message)
{
    PeriodChoice c;
    c.refused = model::Problem{{}, model::Severity::Error, {}, 0, {}, std::move(message), {}};
    return c;
}

} // namespace

PeriodChoice choose_period(const PeriodOptions& o)
{
    if (!o.month.empty() && (!o.from.empty() || !o.to.empty()))
        return period_refused("give --month YYYY-MM, or --from D --to D, not both");
    if (!o.month.empty()) {
        const auto p = pay::month_period(o.month);
        if (!p)
            return period_refused("--month " + o.month + ": not a month (YYYY-MM)");
        return {*p, std::nullopt};
    }
    if (o.close)
        return period_refused("--close needs --month YYYY-MM: a closed pay period is one month (payroll/YYYY-MM.csv)");
    if (o.from.empty() || o.to.empty())
        return period_refused("give the period: --month YYYY-MM, or --from D --to D");
    const auto from = model::Date::parse(o.from);
    if (!from)
        return period_refused("--from " + o.from + ": not a date (YYYY-MM-DD)");
    const auto to = model::Date::parse(o.to);
    if (!to)
        return period_refused("--to " + o.to + ": not a date (YYYY-MM-DD)");
    if (*to < *from)
        return period_refused("--to " + o.to + " is before --from " + o.from);
    return {pay::range_period(*from, *to), std::nullopt};
}

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

std::string close_refusal(const std::string& month, std::size_t errors, const model::Problems& blockers)
{
    return fmt::format("cannot close {}: validate finds {} (listed above); {}, then close again", month,
                       util::plural(static_cast<long long>(errors), "error", "errors"), unblock_advice(blockers));
}

std::optional<Refusal> close_refused(const std::string& month, const model::Problems& problems)
{
    const std::size_t errors = rules::tally(problems).errors;
    if (errors == 0)
        return std::nullopt;
    model::Problems blockers = close_blockers(problems);
    std::string message = close_refusal(month, errors, blockers);
    return Refusal{std::move(blockers), std::move(message)};
}

pay::PayrollView payroll_view(const model::Facts& facts, const pay::Period& period,
                              std::vector<pay::PayItem>& items, const model::Problems& problems)
{
    pay::attach_findings(items, facts, problems);
    const auto tally = rules::tally(problems);
    const model::Repo& repo = facts.repo();
    pay::PayrollView view{repo,         period, items, pay::payroll_spending(repo, items, period.to),
                          tally.errors, tally.warnings, {}, {}};
    view.warnings = pay::budget_warnings(view.spending);
    return view;
}

std::string write_closed_period(const std::filesystem::path& root, pay::PayrollView& view)
{
    const std::string& month = view.period.label;
    if (pay::write_ledger(root, month, pay::ledger_text(view.repo, view.items, month)) == pay::CloseOutcome::Exists)
        return period_closed(month).message;
    view.closed_file = pay::ledger_name(month);
    return {};
}

} // namespace pthv::record
