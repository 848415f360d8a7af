#pragma once
// pthv.yaml -> model::Config. Every setting has a default except the school
// year and the calendar's first and last day. A setting with a wrong type or
// value is a config-invalid Problem naming its key path and YAML line; the
// default is used in its place so checking can go on.

#include <string>
#include <string_view>

#include <pthv/model/config.hpp>
#include <pthv/model/names.hpp>
#include <pthv/model/problem.hpp>

namespace pthv::io {

struct ConfigResult {
    model::Config config;
    bool ok = false; // no config-invalid problem was found
};

ConfigResult parse_config(std::string_view text, model::Problems& problems,
                          std::string_view file = "pthv.yaml");

// Every entry of a funding source's sites list must be a site_id of
// sites.csv (`sites`: the loaded site ids): a typo would silently move
// that site's costs to another source. Adds a config-invalid problem with the
// entry's YAML line for each that is not; false when one was found.
bool check_funding_sites(const model::Config& config, const model::Ids<model::SiteId>& sites,
                         model::Problems& problems, std::string_view file = "pthv.yaml");

// The commented pthv.yaml that `pthv init` writes, for a district name and a
// school year starting on July 1 of `start_year`.
std::string default_config_text(std::string_view district, int start_year);

} // namespace pthv::io
