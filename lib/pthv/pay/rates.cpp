#include <pthv/pay/rates.hpp>

#include <fmt/format.h>

namespace pthv::pay {

using model::StaffClass;

std::optional<model::PayRule> pay_rule(const model::Config& config, const model::Staff& staff)
{
    if (!staff.staff_class)
        return std::nullopt;
    const auto& comp = config.compensation;
    std::optional<model::PayRule> rule =
        *staff.staff_class == StaffClass::Certificated ? comp.certificated : comp.classified;
    if (rule && rule->hourly && staff.hourly_rate)
        rule->hourly = staff.hourly_rate;
    return rule;
}

std::string rule_text(const model::PayRule& rule, const model::Staff& staff)
{
    if (rule.per_visit)
        return fmt::format("{} per visit", rule.per_visit->str());
    if (!rule.hourly)
        return {};
    return fmt::format("{}/h{}{}", rule.hourly->str(), staff.hourly_rate ? " (own rate)" : "",
                       rule.minimum_minutes > 0 ? fmt::format(", minimum {} min", rule.minimum_minutes)
                                                : std::string{});
}

std::optional<model::Money> training_rate(const model::Config& config, const model::Staff& staff)
{
    if (!staff.staff_class)
        return std::nullopt;
    return *staff.staff_class == StaffClass::Certificated ? config.compensation.training_certificated_hourly
                                                          : config.compensation.training_classified_hourly;
}

} // namespace pthv::pay
