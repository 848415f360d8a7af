// The pieces of `log-visit --import` that read the repo for many rows at
// once: the languages filled from students.csv, as one row at a time fills
// them, on the example district.

#include "fixture.hpp"

#include <pthv/record/visit.hpp>
#include <pthv/record/visit_import.hpp>

using namespace pthv;

TEST_CASE("record::fill_languages fills what fill_language fills, row by row")
{
    const io::Sources sources = io::read_sources(std::string(PTHV_SOURCE_DIR) + "/examples");
    const auto loaded = io::load_sources(sources, test::as_of());
    const model::Repo& repo = loaded.repo;
    REQUIRE(repo.students.size() > 100);
    std::vector<record::Fields> rows;
    // Every student, last first and some twice, one with its language given,
    // and a student students.csv does not have.
    for (std::size_t i = repo.students.size(); i-- > 0;)
        rows.push_back({{"student_id", std::string(repo.id(repo.students[i].id))}});
    rows.push_back({{"student_id", std::string(repo.id(repo.students[3].id))}});
    rows.push_back({{"student_id", std::string(repo.id(repo.students[5].id))}, {"language", "so"}});
    rows.push_back({{"student_id", "ST-NOT-THERE"}});
    std::vector<record::Fields> one_by_one = rows;
    for (auto& r : one_by_one)
        record::fill_language(r, sources, repo);
    record::fill_languages(rows, sources, repo);
    CHECK(rows == one_by_one);
    CHECK(rows[rows.size() - 2].at("language") == "so");
    CHECK(rows.back().count("language") == 0);
    std::size_t filled = 0;
    for (const auto& r : rows)
        filled += r.count("language");
    CHECK(filled > 100);
}
