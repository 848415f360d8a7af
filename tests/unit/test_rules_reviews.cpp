#include <doctest/doctest.h>

#include <algorithm>

#include "fixture.hpp"

#include <pthv/rules/reviews.hpp>

using namespace pthv;

TEST_CASE("rules::review_rule_refusal: only a practice rule's finding is reviewed")
{
    CHECK(rules::review_rule_refusal("CP2-trained").empty());
    CHECK(test::contains(rules::review_rule_refusal("CP2-traned"), "did you mean CP2-trained?"));
    CHECK(test::contains(rules::review_rule_refusal("value-invalid"), "is a data-integrity rule"));
    const auto ids = rules::reviewable_rule_ids();
    CHECK(std::find(ids.begin(), ids.end(), "CP2-trained") != ids.end());
    CHECK(std::find(ids.begin(), ids.end(), "value-invalid") == ids.end());
}

TEST_CASE("rules::review_cells_refusal: a review says why, in printable text")
{
    CHECK(rules::review_cells_refusal("V1", "trained the next week", "C01").empty());
    CHECK(rules::review_cells_refusal("V1", "  ", "C01") ==
          "--note: say why the finding stands (it is kept with the review)");
    CHECK(test::contains(rules::review_cells_refusal("V1", "ok", "C01\x1b[2J"),
                         "control characters are not allowed in a review: C01\\x1B[2J"));
}

TEST_CASE("rules::finding_to_review: a finding that stands today, not reviewed yet")
{
    model::Problems problems(2);
    problems[0].rule = problems[1].rule = "CP2-trained";
    problems[0].record = "V20260914-ST01";
    problems[1].record = "V20260914-ST02";
    std::string why;
    CHECK(rules::finding_to_review(problems, "CP2-trained", "V20260914-ST02", why) == &problems[1]);
    CHECK(rules::finding_to_review(problems, "CP2-trained", "V20260914-ST03", why) == nullptr);
    CHECK(test::contains(why, "did you mean V20260914-ST0"));
    CHECK(rules::finding_to_review(problems, "CP1-opted-in", "V1", why) == nullptr);
    CHECK(test::contains(why, "validate finds no CP1-opted-in at all"));
    problems[0].reviewed = model::ReviewMark{};
    CHECK(rules::finding_to_review(problems, "CP2-trained", "V20260914-ST01", why) == nullptr);
    CHECK(test::contains(why, "was reviewed on"));
}
