// libFuzzer target: io::read_csv in both modes (data-repo single-line and
// --import multiline). Reading never throws for bad content (csv.hpp), so
// any exception or sanitizer report is a bug.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <pthv/io/csv.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    for (const bool multiline : {false, true}) {
        pthv::model::Problems problems;
        pthv::io::CsvReadOptions options;
        options.multiline = multiline;
        const auto table = pthv::io::read_csv("fuzz.csv", text, problems, options);
        // Every row a table keeps has the header's width.
        for (const auto& row : table.rows)
            if (row.cells.size() != table.header.size())
                __builtin_trap();
        // What csv_row writes reads back as well-formed CSV.
        if (!multiline && table.has_header) {
            std::string text_again = pthv::io::csv_row(table.header, "\n");
            for (const auto& row : table.rows)
                text_again += pthv::io::csv_row(row.cells, "\n");
            pthv::model::Problems again;
            (void)pthv::io::read_csv("again.csv", text_again, again);
        }
    }
    return 0;
}
