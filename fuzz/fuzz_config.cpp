// libFuzzer target: io::parse_config on any text. A bad pthv.yaml is a
// config-invalid problem (config.hpp), never an exception or a crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <pthv/io/config.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    pthv::model::Problems problems;
    (void)pthv::io::parse_config(text, problems);
    return 0;
}
