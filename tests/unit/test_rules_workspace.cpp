// What the commands derive from a loaded repo, made once (rules/workspace.hpp).

#include "fixture.hpp"

#include <pthv/rules/workspace.hpp>

using namespace pthv;

TEST_CASE("rules::Workspace: the facts and the visit work are made once and kept")
{
    rules::Workspace w(io::load_sources(test::tiny_repo(), test::as_of()));
    const model::Facts& facts = w.facts();
    CHECK(&w.facts() == &facts);
    const auto started = w.work_started();
    CHECK(started.get() == &w.work());
    CHECK(w.work().size() == pay::visit_work(facts).size());
    CHECK(w.loaded().repo.names.students.size() == 3);
}
