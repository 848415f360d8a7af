#pragma once
// Which pay rule applies to a staff member (docs/guide.md, payroll): the rule of
// their class, with their own hourly_rate in place of the class's hourly.

#include <optional>
#include <string>

#include <pthv/model/config.hpp>
#include <pthv/model/repo.hpp>

namespace pthv::pay {

// nullopt when the staff member has no class or the class has no rule in
// pthv.yaml (CP2-compensation reports that).
std::optional<model::PayRule> pay_rule(const model::Config& config, const model::Staff& staff);

// The rule as items and listings say it: "50.00 per visit", "27.35/h (own
// rate), minimum 60 min"; empty when the rule has neither rate.
std::string rule_text(const model::PayRule& rule, const model::Staff& staff);

// The training rate for the staff member's class, if set.
std::optional<model::Money> training_rate(const model::Config& config, const model::Staff& staff);

} // namespace pthv::pay
