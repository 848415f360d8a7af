#include <doctest/doctest.h>

#include <pthv/record/merge.hpp>
#include <pthv/record/merge_driver.hpp>

using pthv::record::merge_by_key;
using pthv::record::merge_key_columns;

namespace {

const std::string k_header = "visit_id,student_id,status\n";

std::string file(std::initializer_list<const char*> rows)
{
    std::string text = k_header;
    for (const char* r : rows)
        text.append(r).push_back('\n');
    return text;
}

pthv::record::MergeResult merged(const std::string& base, const std::string& ours, const std::string& theirs)
{
    const auto r = merge_by_key(base, ours, theirs, {"visit_id"});
    REQUIRE(r.has_value());
    return *r;
}

} // namespace

TEST_CASE("record::merge_key_columns")
{
    CHECK(merge_key_columns("visits.csv") == std::vector<std::string>{"visit_id"});
    CHECK(merge_key_columns("district/trainings.csv") == std::vector<std::string>{"staff_id", "date", "kind"});
    CHECK(merge_key_columns("events.csv") == std::vector<std::string>{"event_id"});
    CHECK(merge_key_columns("sessions.csv") == std::vector<std::string>{"session_id"});
    CHECK(merge_key_columns("staff.csv").empty());
}

TEST_CASE("record::merge_by_key")
{
    const auto base = file({"V1,ST1,scheduled", "V2,ST2,completed"});

    SUBCASE("a row updated on one side and a row added on the other: one row per visit, both changes kept")
    {
        const auto r = merged(base, file({"V1,ST1,completed", "V2,ST2,completed"}),
                              file({"V1,ST1,scheduled", "V2,ST2,completed", "V3,ST3,completed"}));
        CHECK(r.conflicts == 0);
        CHECK(r.text == file({"V1,ST1,completed", "V2,ST2,completed", "V3,ST3,completed"}));
    }
    SUBCASE("the same row added alike on both sides is kept once")
    {
        const auto r = merged(base, file({"V1,ST1,scheduled", "V2,ST2,completed", "V3,ST3,completed"}),
                              file({"V1,ST1,scheduled", "V2,ST2,completed", "V3,ST3,completed"}));
        CHECK(r.conflicts == 0);
        CHECK(r.text == file({"V1,ST1,scheduled", "V2,ST2,completed", "V3,ST3,completed"}));
    }
    SUBCASE("both sides add different rows: all kept, ours first")
    {
        const auto r = merged(base, file({"V1,ST1,scheduled", "V2,ST2,completed", "V3,ST3,completed"}),
                              file({"V1,ST1,scheduled", "V2,ST2,completed", "V4,ST4,completed"}));
        CHECK(r.text == file({"V1,ST1,scheduled", "V2,ST2,completed", "V3,ST3,completed", "V4,ST4,completed"}));
    }
    SUBCASE("a row changed differently on both sides is a conflict with both versions marked")
    {
        const auto r = merged(base, file({"V1,ST1,completed", "V2,ST2,completed"}),
                              file({"V1,ST1,cancelled", "V2,ST2,completed"}));
        CHECK(r.conflicts == 1);
        CHECK(r.text == k_header + "<<<<<<< ours\nV1,ST1,completed\n=======\nV1,ST1,cancelled\n>>>>>>> theirs\n"
                                   "V2,ST2,completed\n");
    }
    SUBCASE("the same new id with different rows on the two sides is a conflict, not two rows")
    {
        const auto r = merged(base, file({"V1,ST1,scheduled", "V2,ST2,completed", "V3,ST3,completed"}),
                              file({"V1,ST1,scheduled", "V2,ST2,completed", "V3,ST3,declined"}));
        CHECK(r.conflicts == 1);
    }
    SUBCASE("a row removed on one side and unchanged on the other is removed")
    {
        const auto r = merged(base, file({"V2,ST2,completed"}), file({"V1,ST1,scheduled", "V2,ST2,completed"}));
        CHECK(r.conflicts == 0);
        CHECK(r.text == file({"V2,ST2,completed"}));
    }
    SUBCASE("a row removed on one side and changed on the other is a conflict")
    {
        const auto r = merged(base, file({"V1,ST1,completed", "V2,ST2,completed"}), file({"V2,ST2,completed"}));
        CHECK(r.conflicts == 1);
        CHECK(r.text.find("<<<<<<< ours\nV1,ST1,completed\n=======\n>>>>>>> theirs\n") != std::string::npos);
    }
    SUBCASE("CRLF files stay CRLF")
    {
        const auto r = merged("visit_id,status\r\nV1,a\r\n", "visit_id,status\r\nV1,b\r\n",
                              "visit_id,status\r\nV1,a\r\nV2,c\r\n");
        CHECK(r.text == "visit_id,status\r\nV1,b\r\nV2,c\r\n");
    }
    SUBCASE("a file new on both sides (no ancestor) merges its rows")
    {
        const auto r = merged("", file({"V1,ST1,completed"}), file({"V2,ST2,completed"}));
        CHECK(r.text == file({"V1,ST1,completed", "V2,ST2,completed"}));
    }
    SUBCASE("trainings merge by staff, date and kind")
    {
        const std::string h = "staff_id,date,kind,hours\n";
        const auto r = merge_by_key(h + "T1,2026-08-01,intro,3\n", h + "T1,2026-08-01,intro,4\n",
                                    h + "T1,2026-08-01,intro,3\nT1,2026-08-01,refresher,2\n",
                                    merge_key_columns("trainings.csv"));
        REQUIRE(r);
        CHECK(r->text == h + "T1,2026-08-01,intro,4\nT1,2026-08-01,refresher,2\n");
    }
    SUBCASE("a version that is not one record a line, or lacks the key, is left to git")
    {
        std::string why;
        CHECK_FALSE(merge_by_key(base, k_header + "V1,\"ST1\nx\",completed\n", base, {"visit_id"}, &why));
        CHECK(why.find("ours") != std::string::npos);
        CHECK_FALSE(merge_by_key(base, base, "id,status\nV1,x\n", {"visit_id"}, &why));
        CHECK_FALSE(merge_by_key(base, base, "visit_id,status,extra\nV1,x,y\n", {"visit_id"}, &why));
    }
}

TEST_CASE("record::logs_merged_by_key_text")
{
    const std::string text = pthv::record::logs_merged_by_key_text();
    const auto logs = pthv::record::logs_merged_by_key();
    REQUIRE(logs.size() >= 2);
    CHECK(text.rfind(logs.front() + ", ", 0) == 0);
    CHECK(text.size() > logs.back().size());
    CHECK(text.substr(text.size() - logs.back().size() - 5) == " and " + logs.back());
    for (const auto& log : logs)
        CHECK(text.find(log) != std::string::npos);
}
