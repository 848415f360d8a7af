#pragma once
// Helpers for the report tests.

#include <string>

#include <pthv/report/render.hpp>
#include <pthv/report/tables.hpp>

namespace pthv::test {

// Each --table of the CSV format, one after another.
inline std::string every_csv_table(const report::Figures& f)
{
    std::string out;
    for (const auto& name : report::table_names())
        out += report::render_csv(f, name);
    return out;
}

} // namespace pthv::test
