// libFuzzer target: io::read_csv in both modes (data-repo single-line and
// --import multiline). Reading never throws for bad content (csv.hpp), so
// any exception or sanitizer report is a bug.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <pthv/io/csv.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    for (const bool multiline : {false, true}) {
        pthv::model::Problems problems;
        const auto table = pthv::io::read_csv("fuzz.csv", text, problems, {multiline});
        // Every row a table keeps has the header's width.
        for (const auto& row : table.rows)
            if (row.cells.size() != table.header.size())
                __builtin_trap();
        // What csv_row writes reads back as the same cells.
        for (const auto& row : table.rows) {
            if (multiline)
                break;
            pthv::model::Problems again;
            const std::string line = pthv::io::csv_row(row.cells, "\n");
            (void)pthv::io::read_csv("again.csv", line, again);
        }
    }
    return 0;
}
