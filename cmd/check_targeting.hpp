#pragma once
// pthv check-targeting: core practice 4 in depth (docs/guide.md, check-targeting;
// docs/rules.md, the targeting check). Loads the repo (with --flags FILE),
// runs stats::analyse_targeting and stats::analyse_spread for the period,
// and prints one of report/targeting.hpp's renderings. Exit 1 where a
// group is possible targeting, 0 otherwise (also with no flags at all).

#include <string>

namespace pthv::cmd {

struct CheckTargetingOptions
{
    std::string by = "homeroom";
    std::string site;
    std::string flags_file;
    std::string period = "end-of-year";
};

} // namespace pthv::cmd
