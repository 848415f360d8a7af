#include <doctest/doctest.h>

#include "fixture.hpp"

#include <pthv/rules/review_list.hpp>

using namespace pthv;

TEST_CASE("rules::render_reviews: each review with the findings it covers")
{
    model::Repo repo;
    CHECK(rules::render_reviews(repo, {}, "text") == "No reviewed findings (reviews.csv is empty or absent).\n");
    CHECK(rules::render_reviews(repo, {}, "json") == "[]\n");

    model::Review r;
    r.rule = "CP2-trained";
    r.record = "V1";
    r.reviewed_on = test::date("2026-10-02");
    r.by = "C01";
    r.note = "trained the next week";
    r.line = 2;
    repo.reviews.push_back(r);
    model::Problem covered{"CP2-trained", model::Severity::Error, "visits.csv", 7, "V1", "untrained", {}};
    covered.reviewed = model::ReviewMark{};
    model::Problem other{"CP2-trained", model::Severity::Error, "visits.csv", 8, "V2", "untrained", {}};
    const std::string text = rules::render_reviews(repo, {covered, other}, "text");
    CHECK(test::contains(text, "reviews.csv:2: CP2-trained V1 reviewed 2026-10-02 by C01: trained the next week\n"
                               "    covers visits.csv:7:"));
    CHECK_FALSE(test::contains(text, "V2"));
    CHECK(test::contains(rules::render_reviews(repo, {other}, "text"),
                         "    covers no current finding (review-stale: remove the line)\n"));
    const std::string json = rules::render_reviews(repo, {covered}, "json");
    CHECK(test::contains(json, "\"note\": \"trained the next week\""));
    CHECK(test::contains(json, "\"line\": 7"));
}
