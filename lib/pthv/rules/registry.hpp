#pragma once
// The ordered table of every rule (docs/rules.md) and the one entry point that
// checks a loaded repo.

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <pthv/model/problem.hpp>
#include <pthv/model/repo.hpp>
#include <pthv/rules/rule.hpp>

namespace pthv::rules {

const std::vector<Rule>& all_rules();
const Rule* find_rule(std::string_view id);
std::vector<std::string> rule_ids();

struct CheckOptions {
    // Only these rule ids are reported (validate --rule); empty = all.
    std::set<std::string> only;
    // Set: an integrity finding is kept only on a row this says yes to. A
    // check of a change reads only its own rows' integrity findings, and a
    // scoped load finds many unknown ids on the rows it loads only in part
    // (a visit of a changed educator, without its student).
    RowFilter integrity_on{};
};

// Runs every rule with a check function over `repo`, adds the problems the
// loader found, applies default severities and practices.severity (an
// override of an integrity rule, or of an unknown id, is config-invalid),
// drops "off", and sorts. Rules that need a readable config are skipped when
// pthv.yaml could not be read.
model::Problems check_repo(const model::Repo& repo, model::Problems loaded, const CheckOptions& options = {});
// The same over facts and visit work (pay::visit_work(facts)) the caller
// keeps using afterwards (report, payroll), so they are built once.
model::Problems check_repo(const model::Facts& facts, const std::vector<pay::VisitWork>& work,
                           model::Problems loaded, const CheckOptions& options = {});
// The same with the visit work still being made (Context::work_ready): the
// rules that do not need it run meanwhile, the one that does last.
model::Problems check_repo(const model::Facts& facts, const WorkFuture& work, model::Problems loaded,
                           const CheckOptions& options = {});

// Counts by severity; a reviewed finding counts only as reviewed.
struct Tally {
    std::size_t errors = 0;
    std::size_t warnings = 0;
    std::size_t reviewed = 0;
};
Tally tally(const model::Problems& problems);
// Findings per rule id, reviewed ones included (so the counts add up to
// errors + warnings + reviewed of tally): what the state's roll-up lists.
std::map<std::string, std::size_t> tally_by_rule(const model::Problems& problems);

} // namespace pthv::rules
