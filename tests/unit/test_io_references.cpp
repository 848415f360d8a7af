#include <doctest/doctest.h>

#include <stdexcept>

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
