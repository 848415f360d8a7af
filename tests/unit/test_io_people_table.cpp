#include <doctest/doctest.h>

#include <pthv/io/people_table.hpp>

using namespace pthv;

TEST_CASE("io::render_table")
{
    const std::vector<std::string> header = {"id", "name", "site"};
    const std::vector<std::string> keys = {"staff_id", "name", "site_id"};
    const std::vector<std::vector<std::string>> rows = {{"T01", "Adrián", "S01"}, {"T02", "=1+1", "S02"}};
    SUBCASE("text pads each column to its widest cell, counted in characters")
    {
        CHECK(io::render_table("text", header, keys, rows) == "id   name    site\n"
                                                               "T01  Adrián  S01\n"
                                                               "T02  =1+1    S02\n");
    }
    SUBCASE("a control character is shown, never sent to the terminal")
    {
        CHECK(io::render_table("text", {"name"}, {"name"}, {{"a\x1b[2Jb"}}) == "name\na\\x1B[2Jb\n");
    }
    SUBCASE("csv is keyed and spreadsheet-safe")
    {
        const std::string csv = io::render_table("csv", header, keys, rows);
        CHECK(csv.rfind("staff_id,name,site_id\nT01,Adrián,S01\n", 0) == 0);
        CHECK(csv.find("\n=1+1") == std::string::npos);
    }
    SUBCASE("json is an array of objects keyed by the keys")
    {
        CHECK(io::render_table("json", {"id"}, {"staff_id"}, {{"T01"}}) == "[\n  {\n    \"staff_id\": \"T01\"\n  }\n]\n");
    }
}
