#pragma once
// Every setting of pthv.yaml: its key path, type, default and meaning. The
// one description of the settings: `pthv schema pthv.yaml` prints it, and
// tests hold it to what parse_config reads (each map's known keys) and to
// docs/data.md.

#include <string>
#include <string_view>
#include <vector>

namespace pthv::io {

struct SettingInfo
{
    // Key path: "practices.refresher_months"; "funding[].amount" is a key of
    // each entry of the funding list.
    std::string_view path;
    std::string_view type;
    // What applies when the setting is absent ("required" when pthv.yaml
    // must give it).
    std::string_view default_value;
    std::string_view meaning;
};

// In the order of the file `pthv init` writes.
const std::vector<SettingInfo>& settings();

// `pthv schema pthv.yaml`: the settings as a table for people, or as YAML
// (name, title, and each setting's path, type, default and meaning).
std::string settings_text();
std::string settings_yaml();

} // namespace pthv::io
