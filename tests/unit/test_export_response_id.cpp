// The ids survey import makes for responses an export gives none: keyed
// (HMAC-SHA256 under the survey's key), and the unkeyed form of earlier
// versions, kept only to recognise what they imported.

#include <doctest/doctest.h>

#include <pthv/export/response_id.hpp>

using pthv::exporting::keyed_response_id;
using pthv::exporting::unkeyed_response_id;

namespace {

// The example district's first response, as its form exported it.
const std::vector<std::string> k_row = {"3/2/2026 13:40:26", "Riverbend High School", "Agree", "Disagree", "",
                                        "Neither agree nor disagree", ""};
const char* const k_example_key = "riverbend-example-survey-key-published-never-secret";

} // namespace

TEST_CASE("a keyed response id is R and 16 hex digits of the HMAC of the row's cells")
{
    // RFC 4231 test case 2, one cell: the HMAC of the cell itself.
    CHECK(keyed_response_id("Jefe", {"what do ya want for nothing?"}) == "R5bdcc146bf60754e");
    // examples/surveys.csv's first id, made with the example's published key.
    CHECK(keyed_response_id(k_example_key, k_row) == "Re78395296df2b034");
}

TEST_CASE("the same row and key give the same id; another key, time or comment another one")
{
    const std::string id = keyed_response_id(k_example_key, k_row);
    CHECK(keyed_response_id(k_example_key, k_row) == id);
    CHECK(keyed_response_id("another-key-of-sixteen-bytes-or-more", k_row) != id);
    auto later = k_row;
    later[0] = "3/2/2026 13:40:27";
    CHECK(keyed_response_id(k_example_key, later) != id);
    auto commented = k_row;
    commented.back() = "Thank you";
    CHECK(keyed_response_id(k_example_key, commented) != id);
}

TEST_CASE("the unkeyed id is the one earlier versions wrote, and never the keyed one")
{
    CHECK(unkeyed_response_id(k_row) == "R757ac3f667f26c80"); // the example's id before ids were keyed
    CHECK(unkeyed_response_id(k_row) != keyed_response_id(k_example_key, k_row));
}
