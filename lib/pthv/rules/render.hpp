#pragma once
// validate's findings as it prints them: text lines (with the advice as a
// hint), JSON, or GitHub workflow commands (annotations in CI). Each
// finding's message may echo a cell: nothing reaches a terminal or a CI log
// raw (util::printable).

#include <cstddef>
#include <string>

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

} // namespace pthv::rules
