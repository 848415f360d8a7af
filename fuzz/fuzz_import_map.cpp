// libFuzzer target: the --map YAML of `pthv log-visit --import`
// (record::parse_import_map) and the date formats it may name. A bad map is
// a list of problems, never an exception or a crash.
#include <cstddef>
#include <cstdint>
#include <string>

#include <pthv/record/import_map.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string text(reinterpret_cast<const char*>(data), size);
    pthv::model::Problems problems;
    const auto map = pthv::record::parse_import_map("map.yaml", text, problems);
    if (map && !map->date_format.empty() && pthv::record::check_date_format(map->date_format).empty()) {
        (void)pthv::record::parse_date_as("09/14/2025", map->date_format);
        (void)pthv::record::parse_date_as(text.substr(0, 32), map->date_format);
    }
    (void)pthv::record::normalise_time(text.substr(0, 16));
    return 0;
}
