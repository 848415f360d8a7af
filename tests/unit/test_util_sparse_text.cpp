#include <doctest/doctest.h>

#include <pthv/util/sparse_text.hpp>

using namespace pthv;

TEST_CASE("util::line_from")
{
    const std::string_view text = "id\nA\r\nB";
    CHECK(util::line_from(text, 0) == "id\n");
    CHECK(util::line_from(text, 3) == "A\r\n");
    CHECK(util::line_from(text, 6) == "B"); // the last line, without a line break
    CHECK(util::line_from(text, 7).empty());
}

TEST_CASE("util::SparseText keeps each line at its own line number")
{
    util::SparseText t("id,who\n");
    t.add_line(3, "A,1\n");
    t.add_line(7, "B,2"); // a line without its break gets one
    CHECK(t.next_line() == 8);
    t.add_lines(9, "C,3\nD,4\n");
    CHECK(t.next_line() == 11);
    CHECK(t.take() == "id,who\n\nA,1\n\n\n\nB,2\n\nC,3\nD,4\n");
}
