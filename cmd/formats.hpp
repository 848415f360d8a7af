#pragma once
// The output formats of each command, from the library's one table.

#include <pthv/cli/formats.hpp>

namespace pthv::cmd {
using cli::all_formats;
using cli::formats_of;
} // namespace pthv::cmd
