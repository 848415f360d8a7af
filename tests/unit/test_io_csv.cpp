#include <doctest/doctest.h>

#include <atomic>
#include <cstdlib>
#include <malloc.h>
#include <new>

#include <pthv/io/csv.hpp>

// The bytes this test binary holds allocated, and the most it held since
// the last reset: a reader's memory is measured, not timed, so the check is
// deterministic (malloc_usable_size gives the same sizes on every run).
namespace {
std::atomic<std::size_t> g_live{0};
std::atomic<std::size_t> g_peak{0};
} // namespace

// GCC, inlining these replacements into a caller, may see free() of what
// the replaced operator new returned and warn of a mismatch: both are this
// file's own malloc and free.

#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
void* operator new(std::size_t n)
{
    void* p = std::malloc(n ? n : 1);
    if (!p)
        throw std::bad_alloc();
    const std::size_t live = g_live += malloc_usable_size(p);
    std::size_t peak = g_peak.load();
    while (live > peak && !g_peak.compare_exchange_weak(peak, live)) {
    }
    return p;
}
void operator delete(void* p) noexcept
{
    if (p) {
        g_live -= malloc_usable_size(p);
        std::free(p);
    }
}
void operator delete(void* p, std::size_t) noexcept { operator delete(p); }
// Every other form goes through the two above, so nothing allocated by one
// allocator is freed by another (the library's nothrow new for
// std::stable_sort's buffer, arrays).
void* operator new(std::size_t n, const std::nothrow_t&) noexcept
{
    try {
        return operator new(n);
    } catch (...) {
        return nullptr;
    }
}
void* operator new[](std::size_t n) { return operator new(n); }
void* operator new[](std::size_t n, const std::nothrow_t& t) noexcept { return operator new(n, t); }
void operator delete(void* p, const std::nothrow_t&) noexcept { operator delete(p); }
void operator delete[](void* p) noexcept { operator delete(p); }
void operator delete[](void* p, std::size_t) noexcept { operator delete(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { operator delete(p); }

using namespace pthv;
using io::CsvTable;

namespace {

struct Read {
    CsvTable table;
    model::Problems problems;
};

Read read(std::string_view content, bool multiline = false)
{
    Read r;
    io::CsvReadOptions o;
    o.multiline = multiline;
    r.table = io::read_csv("visits.csv", content, r.problems, o);
    return r;
}

bool has_message(const model::Problems& problems, std::size_t line, std::string_view part)
{
    for (const auto& p : problems)
        if (p.rule == "csv-syntax" && p.line == line && p.message.find(part) != std::string::npos)
            return true;
    return false;
}

using Cells = std::vector<std::string>;

} // namespace

TEST_CASE("io::read_csv")
{
    SUBCASE("a header and rows, each row knowing its physical line")
    {
        const auto r = read("a,b\n1,2\n3,4\n");
        CHECK(r.problems.empty());
        CHECK(r.table.header == Cells{"a", "b"});
        REQUIRE(r.table.rows.size() == 2);
        CHECK(r.table.rows[1].cells == Cells{"3", "4"});
        CHECK(r.table.rows[1].line == 3);
        CHECK_FALSE(r.table.crlf);
    }
    SUBCASE("quoted cells hold commas and doubled quotes")
    {
        const auto r = read("a,b\n\"Mom, dad\",\"said \"\"I want to be a vet\"\"\"\n\"\",x\n");
        CHECK(r.problems.empty());
        REQUIRE(r.table.rows.size() == 2);
        CHECK(r.table.rows[0].cells == Cells{"Mom, dad", "said \"I want to be a vet\""});
        CHECK(r.table.rows[1].cells == Cells{"", "x"});
    }
    SUBCASE("a BOM and CRLF line ends read like plain LF")
    {
        const auto lf = read("a,b\n1,2\n");
        const auto bom = read("\xEF\xBB\xBF" "a,b\r\n1,2\r\n");
        CHECK(bom.problems.empty());
        CHECK(bom.table.header == lf.table.header);
        REQUIRE(bom.table.rows.size() == 1);
        CHECK(bom.table.rows[0].cells == lf.table.rows[0].cells);
        CHECK(bom.table.crlf);
    }
    SUBCASE("blank lines are skipped and do not shift line numbers")
    {
        const auto r = read("\na,b\n1,2\n\n3,4\n");
        CHECK(r.problems.empty());
        REQUIRE(r.table.rows.size() == 2);
        CHECK(r.table.rows[0].line == 3);
        CHECK(r.table.rows[1].line == 5);
    }
    SUBCASE("a last line without a newline is read")
    {
        const auto r = read("a,b\n1,2");
        CHECK(r.problems.empty());
        CHECK(r.table.rows.size() == 1);
    }
    SUBCASE("an unclosed quote is csv-syntax on its line; the next row still loads")
    {
        const auto r = read("a,b\n\"open,2\n3,4\n");
        CHECK(has_message(r.problems, 2, "not closed"));
        REQUIRE(r.table.rows.size() == 1);
        CHECK(r.table.rows[0].line == 3);
    }
    SUBCASE("short and long rows are csv-syntax naming both counts")
    {
        const auto r = read("a,b,c\n1,2\n1,2,3,4\n5,6,7\n");
        CHECK(has_message(r.problems, 2, "2 cells where the header has 3"));
        CHECK(has_message(r.problems, 3, "4 cells where the header has 3"));
        CHECK(r.problems.size() == 2);
        CHECK(r.table.rows.size() == 1);
    }
    SUBCASE("a stray quote is csv-syntax naming the cell")
    {
        const auto r = read("a,b\n1,ab\"c\n\"x\"y,2\n");
        CHECK(has_message(r.problems, 2, "stray quote in cell 2"));
        CHECK(has_message(r.problems, 3, "stray quote in cell 1"));
        CHECK(r.table.rows.empty());
    }
    SUBCASE("invalid UTF-8 names the byte and column")
    {
        const auto r = read("a,b\nJos\xE9,2\n");
        CHECK(has_message(r.problems, 2, "not UTF-8 (invalid byte 0xE9 at column 4)"));
        CHECK(r.table.rows.empty());
    }
    SUBCASE("a NUL byte is reported, never silently cut")
    {
        const auto r = read(std::string("a,b\n1,2\n3\0,4\n5,6\n", 16));
        CHECK(has_message(r.problems, 3, "NUL byte"));
        REQUIRE(r.table.rows.size() == 2);
        CHECK(r.table.rows[1].line == 4);
    }
    SUBCASE("a line longer than any buffer is read whole")
    {
        const std::string notes(20 * 1024 * 1024, 'x'); // 20 MB in one cell
        const auto r = read("a,b\n1," + notes + "\n2,3\n");
        CHECK(r.problems.empty());
        REQUIRE(r.table.rows.size() == 2);
        CHECK(r.table.rows[0].cells[1].size() == notes.size());
        CHECK(r.table.rows[1].line == 3);
    }
    SUBCASE("only LF ends a line: a lone CR is part of the cell")
    {
        const auto r = read("a,b\n1,x\ry\n");
        REQUIRE(r.table.rows.size() == 1);
        CHECK(r.table.rows[0].cells == Cells{"1", "x\ry"});
    }
    SUBCASE("a BOM is skipped only at the start of the file")
    {
        const auto r = read("\xEF\xBB\xBF" "a,b\n\xEF\xBB\xBF" "1,2\n");
        CHECK(r.table.header == Cells{"a", "b"});
        REQUIRE(r.table.rows.size() == 1);
        CHECK(r.table.rows[0].cells[0] == "\xEF\xBB\xBF" "1");
    }
    SUBCASE("an empty file, or one of only blanks or a BOM, needs its header")
    {
        for (const char* empty : {"", "\n\n", "   \r\n", "\xEF\xBB\xBF"}) {
            const auto r = read(empty);
            CHECK(has_message(r.problems, 1, "empty"));
            CHECK_FALSE(r.table.has_header);
        }
    }
    SUBCASE("a broken header line ends the file: no later line is taken for the header")
    {
        for (const char* broken : {"\"visit_id,student_id\n1,2\n3,4\n", "visit_id,stu\"dent_id\n1,2\n3,4\n",
                                   "\nJos\xE9,b\n1,2\n"}) {
            const auto r = read(broken);
            CHECK_FALSE(r.table.has_header);
            CHECK(r.table.rows.empty());
            const std::size_t at = broken[0] == '\n' ? 2 : 1;
            CHECK(has_message(r.problems, at, "no header row: the first line is not well-formed"));
            CHECK(r.problems.size() == 2); // what is wrong with the line, and that there is no header
        }
    }
    SUBCASE("a column named twice in the header is csv-syntax")
    {
        const auto r = read("a,b,a\n1,2,3\n");
        CHECK(has_message(r.problems, 1, "the column a appears twice"));
    }
    SUBCASE("a line break inside quotes is an error in a data-repo file")
    {
        const auto r = read("a,b\n\"one\ntwo\",2\n3,4\n");
        CHECK(has_message(r.problems, 2, "not closed"));
    }
    SUBCASE("multiline mode (imports) reads line breaks inside quotes")
    {
        const auto r = read("a,b\n\"one\r\ntwo\",2\n3,4\n", true);
        CHECK(r.problems.empty());
        REQUIRE(r.table.rows.size() == 2);
        CHECK(r.table.rows[0].cells == Cells{"one\ntwo", "2"});
        CHECK(r.table.rows[0].line == 2);
        CHECK(r.table.rows[1].line == 4);
    }
    SUBCASE("multiline mode reports a quote left open at the end of the file")
    {
        const auto r = read("a,b\n\"one\ntwo,2\n", true);
        CHECK(has_message(r.problems, 2, "not closed before the end of the file"));
    }
    SUBCASE("a file bad on every line reports 20 lines, then how many more")
    {
        std::string content = "a,b\n";
        for (int i = 0; i < 50; ++i)
            content += "\"x\"y,1\n";
        const auto r = read(content);
        REQUIRE(r.problems.size() == 21);
        CHECK(r.problems[19].line == 21);
        CHECK(r.problems[20].line == 22);
        CHECK(r.problems[20].message == "... and 30 more lines like this");
    }
    SUBCASE("lines that are not UTF-8: the first named, the others in one problem")
    {
        std::string content = "a,b\n";
        for (int i = 0; i < 50; ++i)
            content += "\x81,1\n"; // undefined in Windows-1252 too
        const auto r = read(content);
        REQUIRE(r.problems.size() == 2);
        CHECK(r.problems[0].line == 2);
        CHECK(r.problems[0].message == "not UTF-8 (invalid byte 0x81 at column 1)");
        CHECK(r.problems[0].advice == "save the file as UTF-8 CSV");
        CHECK(r.problems[1].line == 3);
        CHECK(r.problems[1].message ==
              "49 more lines are not UTF-8, so not read: 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 and 39 more");
        CHECK(r.table.rows.empty());
    }
    SUBCASE("a line saved as Windows-1252 is named so, with the character and how to save again")
    {
        const auto r = read("a,b\r\nJos\xE9,2\r\nZo\xEB,3\r\n");
        REQUIRE(r.problems.size() == 2);
        CHECK(r.problems[0].message ==
              "not UTF-8 (invalid byte 0xE9 at column 4): the file looks saved as Windows-1252, where 0xE9 is \"é\"");
        CHECK(r.problems[0].advice.find("\"CSV UTF-8 (Comma delimited)\"") != std::string::npos);
        CHECK(r.problems[0].advice.find("iconv -f WINDOWS-1252 -t UTF-8 visits.csv") != std::string::npos);
        CHECK(r.problems[1].message == "1 more line is not UTF-8, so not read: 3");
    }
    SUBCASE("a file separated by semicolons is one problem, and no row is read")
    {
        const auto r = read("\xEF\xBB\xBF" "a;b;c\r\n1;2;3\r\n4;\"x;y\";6\r\n");
        REQUIRE(r.problems.size() == 1);
        CHECK(has_message(r.problems, 1, "the file is separated by \";\", not \",\""));
        CHECK_FALSE(r.table.has_header);
        CHECK(r.table.rows.empty());
    }
    SUBCASE("semicolons inside a comma-separated header are cells, not separators")
    {
        const auto r = read("a;x,b\n1,2\n");
        CHECK(r.problems.empty());
        CHECK(r.table.header == Cells{"a;x", "b"});
    }
    SUBCASE("an export separated by semicolons is read so when asked")
    {
        Read r;
        io::CsvReadOptions o;
        o.multiline = true;
        o.detect_delimiter = true;
        r.table = io::read_csv("export.csv", "\xEF\xBB\xBF\"Student ID\";Date\r\nST1;\"a; b\"\r\n", r.problems, o);
        CHECK(r.problems.empty());
        CHECK(r.table.delimiter == ';');
        CHECK(r.table.header == Cells{"Student ID", "Date"});
        REQUIRE(r.table.rows.size() == 1);
        CHECK(r.table.rows[0].cells == Cells{"ST1", "a; b"});
    }
    SUBCASE("git's conflict markers: one problem at the marker, and the file read no further")
    {
        const auto r = read("a,b\n1,2\n<<<<<<< HEAD\n3,4\n=======\n3,5\n>>>>>>> theirs\n6,7\n");
        REQUIRE(r.problems.size() == 1);
        CHECK(has_message(r.problems, 3, "an unresolved merge conflict: git left its marker \"<<<<<<< HEAD\" here"));
        CHECK(r.problems[0].advice.find("git checkout --theirs visits.csv") != std::string::npos);
        REQUIRE(r.table.rows.size() == 1);
        CHECK(r.table.rows[0].line == 2);
    }
    SUBCASE("a conflict on the header line: no header, and no other problem")
    {
        const auto r = read("<<<<<<< ours\na,b,c\n=======\na,b\n>>>>>>> theirs\n1,2\n");
        REQUIRE(r.problems.size() == 1);
        CHECK(has_message(r.problems, 1, "an unresolved merge conflict"));
        CHECK_FALSE(r.table.has_header);
    }
    SUBCASE("a line of = that is not exactly a marker is a row like any other")
    {
        const auto r = read("a\n==\n======= x\n");
        CHECK(r.problems.empty());
        CHECK(r.table.rows.size() == 2);
    }
    SUBCASE("exactly 20 bad lines need no summary")
    {
        std::string content = "a,b\n";
        for (int i = 0; i < 20; ++i)
            content += "1\n";
        CHECK(read(content).problems.size() == 20);
    }
}

TEST_CASE("io::CsvReader reads one record at a time")
{
    SUBCASE("the header on construction, then each row with its line")
    {
        model::Problems problems;
        const std::string text = "a,b\n1,\"x, \"\"y\"\"\"\n\n2,z\n";
        io::CsvReader r("visits.csv", text, problems);
        REQUIRE(r.has_header());
        CHECK(r.header() == Cells{"a", "b"});
        REQUIRE(r.next());
        CHECK(r.line() == 2);
        CHECK(r.cells() == std::vector<std::string_view>{"1", "x, \"y\""});
        REQUIRE(r.next());
        CHECK(r.line() == 4);
        CHECK(r.cells() == std::vector<std::string_view>{"2", "z"});
        CHECK_FALSE(r.next());
        CHECK_FALSE(r.next());
        CHECK(problems.empty());
    }
    SUBCASE("bad rows are reported and skipped; end-of-file reports come with the end")
    {
        model::Problems problems;
        io::CsvReader r("visits.csv", "a,b\n1\n2,3\n\"open,4\n", problems);
        REQUIRE(r.next());
        CHECK(r.line() == 3);
        CHECK(problems.size() == 1); // the short row before it
        CHECK_FALSE(r.next());
        CHECK(has_message(problems, 4, "not closed"));
    }
    SUBCASE("progress is told at the start of a record, every few megabytes, never past what is handed out")
    {
        std::string text = "id,note\n";
        for (int i = 0; text.size() < (std::size_t{20} << 20); ++i)
            text += std::to_string(i) + ",\"a note, with \"\"quotes\"\"\"\n";
        model::Problems problems;
        io::CsvReadOptions options;
        std::vector<std::size_t> told;
        options.progress = [&](std::size_t read) { told.push_back(read); };
        io::CsvReader r("visits.csv", text, problems, options);
        std::size_t rows = 0;
        bool behind = false; // a row handed out before the last offset told
        while (r.next()) {
            ++rows;
            behind |= !told.empty() && r.cells().at(0).data() < text.data() + told.back();
        }
        CHECK_FALSE(behind);
        CHECK(problems.empty());
        CHECK(rows > 100000);
        REQUIRE(told.size() >= 2);
        for (std::size_t k = 0; k < told.size(); ++k) {
            CHECK(text[told[k] - 1] == '\n'); // a record's first byte
            if (k)
                CHECK(told[k] > told[k - 1]);
        }
    }
    SUBCASE("without a header row there are no rows")
    {
        model::Problems problems;
        io::CsvReader r("visits.csv", "\xFF\xFE\n", problems);
        CHECK_FALSE(r.has_header());
        CHECK_FALSE(r.next());
        CHECK(has_message(problems, 1, "no header row"));
    }
}

TEST_CASE("io::CsvReader keeps no more cells than the header has")
{
    SUBCASE("a 2 MB line of commas costs less than twice its size, and says how many cells it has")
    {
        const std::string text = "a,b,c\n" + std::string(2'000'000, ',') + "\n1,2,3\n";
        model::Problems problems;
        g_peak = g_live.load();
        const std::size_t before = g_live;
        {
            io::CsvReader r("visits.csv", text, problems);
            REQUIRE(r.next());
            CHECK(r.line() == 3);
            CHECK(r.cells().size() == 3);
            CHECK_FALSE(r.next());
        }
        CHECK(g_peak - before < 2 * text.size()); // a span per cell was 24 times the line
        CHECK(has_message(problems, 2, "2000001 cells where the header has 3"));
    }
    SUBCASE("a header of more columns than any file needs is not a header")
    {
        model::Problems problems;
        const std::string text = std::string(1'000'000, ',') + "\n1,2\n";
        g_peak = g_live.load();
        const std::size_t before = g_live;
        io::CsvReader r("visits.csv", text, problems);
        CHECK_FALSE(r.has_header());
        CHECK(g_peak - before < 2 * text.size()); // a string per column was 32 times the line
        CHECK(has_message(problems, 1, "the header has 1000001 columns, more than 4096"));
    }
    SUBCASE("quoted cells past the header's count are counted, not copied")
    {
        model::Problems problems;
        io::CsvReader r("visits.csv", "a\n\"x\"\"y\",\"z\"\"w\",3\n\"ok\"\"\"\n", problems);
        REQUIRE(r.next());
        CHECK(r.cells() == std::vector<std::string_view>{"ok\""});
        CHECK(has_message(problems, 2, "3 cells where the header has 1"));
    }
}

TEST_CASE("io::csv_cell and csv_row")
{
    SUBCASE("plain values are written as they are")
    {
        CHECK(io::csv_cell("T014;T022") == "T014;T022");
        CHECK(io::csv_cell("") == "");
    }
    SUBCASE("commas, quotes and edge spaces are quoted, quotes doubled")
    {
        CHECK(io::csv_cell("Mom, dad") == "\"Mom, dad\"");
        CHECK(io::csv_cell("say \"hi\"") == "\"say \"\"hi\"\"\"");
        CHECK(io::csv_cell(" lead") == "\" lead\"");
    }
    SUBCASE("line breaks become spaces: one record a line")
    {
        CHECK(io::csv_cell("one\ntwo") == "one two");
        CHECK(io::csv_cell("one\r\ntwo") == "one two");
        CHECK(io::csv_cell("one\rtwo") == "one two");
    }
    SUBCASE("a written row reads back to the same cells")
    {
        const std::vector<std::string> cells{"V1", "Mom, dad", "said \"yes\"", "", "=1+1"};
        const std::string text = "a,b,c,d,e\n" + io::csv_row(cells, "\n");
        model::Problems problems;
        const auto t = io::read_csv("x.csv", text, problems);
        CHECK(problems.empty());
        REQUIRE(t.rows.size() == 1);
        CHECK(t.rows[0].cells == cells);
    }
    SUBCASE("a row ends with the newline asked for")
    {
        CHECK(io::csv_row({"a", "b"}, "\r\n") == "a,b\r\n");
    }
}

TEST_CASE("io::csv_safe_cell")
{
    SUBCASE("a cell a spreadsheet would run as a formula is neutralised")
    {
        CHECK(io::csv_safe_cell("=SUM(A1:A9)") == "'=SUM(A1:A9)");
        CHECK(io::csv_safe_cell("+1") == "'+1");
        CHECK(io::csv_safe_cell("-1") == "'-1");
        CHECK(io::csv_safe_cell("@cmd") == "'@cmd");
        CHECK(io::csv_safe_cell("\tx") == "'\tx");
        CHECK(io::csv_safe_cell("\rx") == "' x");
    }
    SUBCASE("a neutralised cell is still quoted where needed")
    {
        CHECK(io::csv_safe_cell("=HYPERLINK(\"x\",\"y\")") == "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"");
    }
    SUBCASE("ordinary cells are left alone, line breaks become spaces")
    {
        CHECK(io::csv_safe_cell("50.00") == "50.00");
        CHECK(io::csv_safe_cell("a=b") == "a=b");
        CHECK(io::csv_safe_cell("one\ntwo") == "one two");
        CHECK(io::csv_safe_row({"=1", "ok"}, "\n") == "'=1,ok\n");
    }
    SUBCASE("a number the code computed is written bare, minus sign and all")
    {
        using K = io::CellKind;
        CHECK(io::csv_safe_cell("-8.6", K::Number) == "-8.6");
        CHECK(io::csv_safe_cell("-52928.77", K::Number) == "-52928.77");
        CHECK(io::csv_safe_cell("0", K::Number) == "0");
        CHECK(io::csv_safe_row({"-foo", "-8.6", "-8.6"}, {K::Text, K::Number}, "\n") == "'-foo,-8.6,'-8.6\n");
    }
    SUBCASE("a number's cell that is not a plain number is guarded like text")
    {
        using K = io::CellKind;
        CHECK(io::csv_safe_cell("-foo", K::Number) == "'-foo");
        CHECK(io::csv_safe_cell("-1+1", K::Number) == "'-1+1");
        CHECK(io::csv_safe_cell("=1", K::Number) == "'=1");
        CHECK(io::csv_safe_cell("+1", K::Number) == "'+1");
        CHECK(io::csv_safe_cell("-", K::Number) == "'-");
        CHECK(io::csv_safe_cell("-1.", K::Number) == "'-1.");
        CHECK(io::csv_safe_cell("-.5", K::Number) == "'-.5");
        CHECK(io::csv_safe_cell("-1e5", K::Number) == "'-1e5");
        CHECK(io::csv_safe_cell("-1\t", K::Number) == "'-1\t");
        CHECK(io::csv_safe_cell("--1", K::Number) == "'--1");
    }
    SUBCASE("is_plain_number is -?[0-9]+(\\.[0-9]+)? and nothing else")
    {
        for (const char* yes : {"0", "7", "-7", "12.50", "-0.5", "1200"})
            CHECK_MESSAGE(io::is_plain_number(yes), yes);
        for (const char* no : {"", "-", ".", "1.", ".5", "1.2.3", "1,200", " 1", "1 ", "+1", "1e3", "0x1", "-1-"})
            CHECK_MESSAGE(!io::is_plain_number(no), no);
    }
}
