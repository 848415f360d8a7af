#pragma once
// validate's findings as it prints them: text lines (with the advice as a
// hint), JSON, or GitHub workflow commands (annotations in CI). Each
// finding's message may echo a cell: nothing reaches a terminal or a CI log
// raw (util::printable).

#include <cstddef>
#include <set>
#include <string>
#include <vector>

#include <pthv/model/problem.hpp>
#include <pthv/rules/registry.hpp>

namespace pthv::rules {

// One line a finding (model::format_problem_line), its advice under it as a
// "hint:" with `hints`; with `quiet`, reviewed findings are left out and so
// is the closing count ("2 errors, 1 warning, 1 reviewed in 1,245 visits").
std::string problems_text(const model::Problems& problems, const Tally& t, std::size_t visits, bool color,
                          bool quiet, bool hints);

// {"ok", "errors", "warnings", "problems": [...], "reviewed"}.
std::string problems_json(const model::Problems& problems, const Tally& t, bool ok);

// One ::error, ::warning or ::notice (reviewed) workflow command a finding.
std::string problems_github(const model::Problems& problems);

// The rules `ids` (validate --rule, repeatable) choose, or in `refused`
// why not: the first id that names no rule, with the nearest one.
struct RuleChoice {
    std::set<std::string> only;
    std::string refused;
};
RuleChoice choose_rules(const std::vector<std::string>& ids);

// What validate prints in `format`: "json" (problems_json, ok unless
// `failed`), "github" (problems_github), else text (problems_text).
struct ProblemsOutput {
    std::string format;
    bool failed = false;
    std::size_t visits = 0;
    bool color = false, quiet = false, hints = false;
};
std::string render_problems(const model::Problems& problems, const Tally& t, const ProblemsOutput& o);

} // namespace pthv::rules
