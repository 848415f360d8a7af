#pragma once
// The scope options that pthv report and pthv check-targeting share (docs/guide.md):
// --period P and --site S, checked against the loaded repo. Both throw
// UsageError (exit 2, nothing written) with the same words in either
// command.

#include <string>

#include <pthv/model/period.hpp>
#include <pthv/model/repo.hpp>

namespace pthv::cmd {

// model::parse_period for --period; "--period P: why" otherwise.
model::Period period_option(const std::string& text, const model::Repo& repo);

// An empty `site` is every site. Otherwise it must be in sites.csv; the
// error suggests the closest id.
void check_site_option(const std::string& site, const model::Repo& repo);

} // namespace pthv::cmd
