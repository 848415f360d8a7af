#pragma once
// The rule interface: every rule id of docs/rules.md is one Rule row in the
// ordered table of registry.cpp, with the function that checks it. Rules
// found while loading (csv-syntax, value-invalid, ...) have no check
// function: the loader reports them.

#include <functional>
#include <future>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <pthv/model/facts.hpp>
#include <pthv/model/problem.hpp>
#include <pthv/model/repo.hpp>
#include <pthv/pay/events.hpp>

namespace pthv::rules {

enum class RuleKind { Integrity, Practice, Other };

// The pay work (pay::visit_work(facts)) may still be being made on another
// thread while the rules that do not need it run: a rule that needs it
// (Rule::reads_work) reads it through work(), which waits for it.
using WorkFuture = std::shared_future<const std::vector<pay::VisitWork>*>;

struct Context {
    const model::Repo& repo;
    const model::Facts& facts;
    WorkFuture work_ready;
    const std::vector<pay::VisitWork>& work() const { return *work_ready.get(); }
};

// Which rows' integrity findings a caller reads (CheckOptions::integrity_on).
using RowFilter = std::function<bool(std::string_view file, std::size_t line)>;

// Collects what the checks find; the severity is set afterwards from the
// registry and pthv.yaml's practices.severity.
class Findings {
public:
    Findings() = default;
    // Keeps an integrity finding only on a row `keep` says yes to (none, or
    // an empty filter: every one). One not kept is still filled in by its
    // check, then forgotten.
    explicit Findings(const RowFilter* keep) : m_keep(keep) {}

    // The problem added, for the check to fill in what it is about
    // (model::Problem::staff, visit, site).
    model::Problem& add(std::string_view rule, std::string_view file, std::size_t line, std::string_view record,
                        std::string message, std::string advice = {});
    // Whether an integrity finding on `file`'s `line` is kept: a check with
    // costly advice to make (a closest id) asks before making it.
    bool keeps_integrity(std::string_view file, std::size_t line) const;
    // A finding on the row of visit `v`: visits.csv, its line, and the
    // visit's id as record and as the visit it is about.
    model::Problem& on_visit(std::string_view rule, const model::Repo& repo, const model::Visit& v,
                             std::string message, std::string advice = {});
    model::Problems& problems() { return m_problems; }

    // A check not made because `file`, which it reads, did not load
    // cleanly (model::FileInfo::complete): a reference from `from` to an id
    // `file` may define on a line that was not read. check_repo reports
    // them as one held-back line per file.
    void hold_back(std::string_view file, std::string_view from);
    struct Held {
        std::size_t count = 0;
        std::set<std::string> from;
    };
    const std::map<std::string, Held, std::less<>>& held_back() const { return m_held; }

private:
    model::Problems m_problems;
    std::map<std::string, Held, std::less<>> m_held;
    const RowFilter* m_keep = nullptr;
    model::Problem m_dropped; // what add gives a check to fill in for a finding not kept
};

using CheckFn = void (*)(const Context&, Findings&);

struct Rule {
    std::string_view id;
    RuleKind kind;
    int practice; // 1..5 for the core practices, else 0
    model::Severity default_severity;
    std::string_view when;   // one line: when it fires
    std::string_view advice; // one line: how to fix it
    CheckFn check;           // nullptr: reported by the loader
    bool reads_work = false; // check reads Context::work(), the pay work
};

} // namespace pthv::rules
