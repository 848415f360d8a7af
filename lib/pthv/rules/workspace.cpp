// What the commands derive from a loaded repo, made once (workspace.hpp).

#include <pthv/rules/workspace.hpp>

#include <pthv/util/parallel.hpp>

namespace pthv::rules {

const model::Facts& Workspace::facts()
{
    if (!m_facts)
        m_facts = std::make_unique<model::Facts>(m_loaded.repo);
    return *m_facts;
}

const std::vector<pay::VisitWork>& Workspace::work() { return *work_started().get(); }

WorkFuture Workspace::work_started()
{
    if (!m_work_started.valid()) {
        const model::Facts& f = facts();
        m_work_started = util::start_beside([this, &f] {
                             m_work = std::make_unique<std::vector<pay::VisitWork>>(pay::visit_work(f));
                             return static_cast<const std::vector<pay::VisitWork>*>(m_work.get());
                         }).share();
    }
    return m_work_started;
}

void Workspace::wait()
{
    if (m_work_started.valid())
        m_work_started.wait();
}

// What keep_until_exit() leaves to the operating system. Globals are where
// leak checkers look for live pointers, so nothing here counts as leaked.
Workspace* g_kept_until_exit = nullptr;

void keep_until_exit(std::unique_ptr<Workspace> w)
{
    if (!w || g_kept_until_exit)
        return;
    w->wait();
    g_kept_until_exit = w.release();
}

} // namespace pthv::rules
