#pragma once
// A loaded repo and what the commands derive from it, each made once and
// kept with it: the facts, and the visit work (pay::visit_work: the
// over-cap rule, payroll and the report all read it), which can be begun on
// a second thread while the rules that do not need it run.

#include <memory>
#include <vector>

#include <pthv/io/loader.hpp>
#include <pthv/model/facts.hpp>
#include <pthv/pay/events.hpp>
#include <pthv/rules/rule.hpp>

namespace pthv::rules {

class Workspace {
public:
    explicit Workspace(io::LoadResult loaded) : m_loaded(std::move(loaded)) {}

    io::LoadResult& loaded() { return m_loaded; }
    // Built on first use.
    const model::Facts& facts();
    // The visit work of facts(), likewise built once.
    const std::vector<pay::VisitWork>& work();
    // The same, begun on a second thread (once) and handed out undone;
    // work() waits for it.
    WorkFuture work_started();
    // Waits for work begun on the second thread, if any.
    void wait();

private:
    io::LoadResult m_loaded;
    std::unique_ptr<model::Facts> m_facts;
    std::unique_ptr<std::vector<pay::VisitWork>> m_work;
    WorkFuture m_work_started;
};

// Leaves `w` (once done: the work is not moved while it is being made) for
// the system to reclaim at exit: freeing millions of records one by one
// takes seconds. It stays reachable, so leak checkers stay quiet.
void keep_until_exit(std::unique_ptr<Workspace> w);

} // namespace pthv::rules
