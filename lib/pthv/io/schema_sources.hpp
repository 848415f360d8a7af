#pragma once
// The text of schemas/*.yaml, compiled in by the build (cmake/embed_schemas.cmake).

#include <string_view>
#include <vector>

namespace pthv::io {

struct SchemaSource {
    std::string_view name; // "visits"
    std::string_view text; // the YAML
};

const std::vector<SchemaSource>& schema_sources();

} // namespace pthv::io
