// What `pthv remind` says of the digests it wrote or sent
// (remind/deliver.hpp, outcome_report).

#include "fixture.hpp"

#include <pthv/remind/deliver.hpp>

using namespace pthv;

TEST_CASE("remind::outcome_report: a line per digest not done, with the person and why; the count done")
{
    const auto loaded = io::load_sources(test::tiny_repo(), test::as_of());
    const auto& staff = loaded.repo.names.staff;
    const std::vector<remind::Outcome> outcomes = {{staff.find("T01"), true, "T01.md", ""},
                                                   {staff.find("T02"), false, "", "staff.csv:3: no email"}};
    const auto said = remind::outcome_report(loaded.repo, outcomes, "sent");
    CHECK(said.not_done == "pthv: not sent: T02 Ben Cho: staff.csv:3: no email\n");
    CHECK(said.summary == "sent 1 of 2 digests\n");
    CHECK_FALSE(said.all_done);
    CHECK(remind::outcome_report(loaded.repo, {outcomes[0]}, "sent").all_done);
}
