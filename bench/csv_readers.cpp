// pthv's own CSV reader against fast-cpp-csv-parser (Debian libfccp-dev) on
// the same visits.csv, doing the same work per row: every cell checked for
// UTF-8, the date parsed, completed visits counted per site.
//
//     csv_readers own|fccp visits.csv
//
// Prints one line: reader, rows, completed visits, sites, seconds. Run each
// reader in its own process (bench/run.sh does, under /usr/bin/time) so peak
// memory is the reader's own.
//
// fccp's CSVReader needs the column count at compile time and hands out
// cells as char*; its LineReader copies the file through its own buffer.
// pthv's reader takes the file as pthv loads a repo, mapped from the page
// cache (util::FileText), cuts lines with memchr and cells in one pass, and
// hands out views, so a data-repo file with any column order is one type.

#include <chrono>
#include <cstdio>
#include <cstring>
#include <map>
#include <string>
#include <string_view>

#include <libfccp/csv.h>

#include <pthv/io/csv.hpp>
#include <pthv/model/date.hpp>
#include <pthv/util/files.hpp>
#include <pthv/util/strings.hpp>

namespace {

constexpr unsigned k_columns = 14; // visits.csv as bench/generate.py writes it

struct Tally {
    std::size_t rows = 0;
    std::size_t completed = 0;
    std::size_t bad = 0;
    std::map<std::string, std::size_t, std::less<>> by_site;

    // The per-row work both readers do, on the cells they hand out.
    void add(const std::string_view (&cell)[k_columns])
    {
        ++rows;
        for (const auto& c : cell)
            if (pthv::util::find_invalid_utf8(c) != std::string_view::npos)
                ++bad;
        if (!pthv::model::Date::parse(cell[3]))
            ++bad;
        if (cell[7] == "completed") {
            ++completed;
            auto it = by_site.find(cell[2]);
            if (it == by_site.end())
                it = by_site.emplace(std::string(cell[2]), 0).first;
            ++it->second;
        }
    }
};

Tally read_fccp(const char* path)
{
    io::CSVReader<k_columns, io::trim_chars<>, io::double_quote_escape<',', '"'>> in(path);
    in.read_header(io::ignore_no_column, "visit_id", "student_id", "site_id", "date", "start_time", "minutes",
                   "educators", "status", "arranged_on", "focus", "mode", "reflected_on", "language", "notes");
    char* c[k_columns] = {};
    Tally t;
    while (in.read_row(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9], c[10], c[11], c[12], c[13])) {
        std::string_view cell[k_columns];
        for (unsigned i = 0; i < k_columns; ++i)
            cell[i] = c[i] ? std::string_view(c[i]) : std::string_view();
        t.add(cell);
    }
    return t;
}

Tally read_own(const char* path)
{
    const pthv::util::FileText text = pthv::util::FileText::open(path); // as pthv reads a repo
    pthv::model::Problems problems;
    pthv::io::CsvReader in("visits.csv", text, problems);
    // The same fixed column order fccp is given, found once from the header.
    const char* names[k_columns] = {"visit_id", "student_id", "site_id", "date", "start_time", "minutes", "educators",
                                    "status", "arranged_on", "focus", "mode", "reflected_on", "language", "notes"};
    std::size_t at[k_columns] = {};
    for (unsigned i = 0; i < k_columns; ++i) {
        at[i] = in.header().size();
        for (std::size_t j = 0; j < in.header().size(); ++j)
            if (in.header()[j] == names[i])
                at[i] = j;
    }
    Tally t;
    while (in.next()) {
        const auto& cells = in.cells();
        std::string_view cell[k_columns];
        for (unsigned i = 0; i < k_columns; ++i)
            cell[i] = at[i] < cells.size() ? cells[at[i]] : std::string_view();
        t.add(cell);
    }
    t.bad += problems.size();
    return t;
}

} // namespace

int main(int argc, char** argv)
{
    if (argc != 3 || (std::strcmp(argv[1], "own") != 0 && std::strcmp(argv[1], "fccp") != 0)) {
        std::fprintf(stderr, "usage: csv_readers own|fccp visits.csv\n");
        return 2;
    }
    const auto start = std::chrono::steady_clock::now();
    Tally t;
    try {
        t = std::strcmp(argv[1], "own") == 0 ? read_own(argv[2]) : read_fccp(argv[2]);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "csv_readers: %s: %s\n", argv[1], e.what());
        return 2;
    }
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    std::printf("%s rows=%zu completed=%zu sites=%zu bad=%zu seconds=%.3f\n", argv[1], t.rows, t.completed,
                t.by_site.size(), t.bad, took.count());
    return t.bad == 0 ? 0 : 1;
}
