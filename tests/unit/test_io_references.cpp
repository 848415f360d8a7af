#include <doctest/doctest.h>

#include <stdexcept>

#include <pthv/io/loader_refs.hpp>
#include <pthv/io/references.hpp>
#include <pthv/io/schema.hpp>

using namespace pthv;

TEST_CASE("io::references")
{
    SUBCASE("every references: of the schemas is one, pointing at that schema's file")
    {
        std::size_t declared = 0;
        for (const auto& s : io::all_schemas())
            for (const auto& f : s.fields)
                if (!f.references.empty()) {
                    ++declared;
                    CHECK(io::reference(s.path, f.name).target == io::schema(f.references).path);
                }
        CHECK(declared >= 14);
        CHECK(io::references().size() ==
              declared + 2); // and trainings' session, visits' interpreter
    }
    SUBCASE("a list of ids is named one id at a time")
    {
        CHECK(io::reference("visits.csv", "educators").word == "educator");
        CHECK(io::reference("events.csv", "staff_ids").word == "staff_id");
        CHECK(io::reference("visits.csv", "site_id").word == "site_id");
    }
    SUBCASE("the two references no schema can declare")
    {
        CHECK(io::reference("trainings.csv", "session").target == "sessions.csv");
        CHECK(io::reference("visits.csv", "interpreter").target == "staff.csv");
    }
    SUBCASE("a column that names nothing else is a build defect")
    {
        CHECK_THROWS_AS(io::reference("visits.csv", "notes"), std::logic_error);
    }
}

TEST_CASE("io::Waiting")
{
    model::Repo repo;
    repo.students.resize(2);
    io::Waiting later;
    auto sites = later.column<model::SiteId>(repo.names, "students.csv", "site_id",
                                             [](model::Repo& r, std::size_t i, model::SiteId h) { r.students[i].site = h; });
    SUBCASE("an id not known yet waits, and is added to its target's table once resolved")
    {
        const model::SiteId known = repo.names.sites.intern("S01");
        CHECK(sites.read("S01", 0) == known);
        CHECK_FALSE(sites.read("S99", 1));
        CHECK_FALSE(sites.read("", 1));
        later.resolve(repo);
        CHECK(repo.names.sites.text(repo.students[1].site) == "S99");
        CHECK_FALSE(repo.names.sites.defined(repo.students[1].site));
    }
    SUBCASE("a column the schemas declare no reference for, or read as another kind of id, is a build defect")
    {
        const auto none = [](model::Repo&, std::size_t, model::SiteId) {};
        CHECK_THROWS_AS(later.column<model::SiteId>(repo.names, "students.csv", "grade", none), std::logic_error);
        const auto staff = [](model::Repo&, std::size_t, model::StaffId) {};
        CHECK_THROWS_AS(later.column<model::StaffId>(repo.names, "students.csv", "site_id", staff), std::logic_error);
    }
}
