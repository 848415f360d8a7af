// Fidelity to the five core practices, per site: the share of completed
// visits in the period on which no rule of that practice found anything.
// The findings are those of rules::check_repo, so validate and report can
// never disagree about which visit falls short.

#include <pthv/report/figures_detail.hpp>

#include <unordered_map>
#include <unordered_set>

#include <pthv/rules/registry.hpp>

namespace pthv::report {

void fidelity_figures(const model::Facts& facts, const model::Problems& findings, const FigureOptions& o,
                      Figures& f)
{
    const model::Repo& repo = facts.repo();
    // Per visit id, a bit per practice found short; CP4-targeting names a
    // homeroom (rules.md: the targeting check judges groups), so every
    // visit to a student of that homeroom falls short of practice 4.
    std::unordered_map<std::string, unsigned> short_by_visit;
    std::unordered_set<std::string> targeted_homerooms;
    for (const auto& p : findings) {
        const rules::Rule* r = rules::find_rule(p.rule);
        if (!r || r->kind != rules::RuleKind::Practice || r->practice < 1 ||
            r->practice > static_cast<int>(k_practices))
            continue;
        if (r->practice == 4)
            targeted_homerooms.insert(p.record);
        else
            short_by_visit[p.record] |= 1u << (r->practice - 1);
    }

    std::map<std::string, std::size_t> row_of;
    f.fidelity.clear();
    f.fidelity.push_back(FidelityRow{o.site, f.total.name, {}, {}, {}});
    for (const auto& s : f.sites) {
        row_of[s.site_id] = f.fidelity.size();
        f.fidelity.push_back(FidelityRow{s.site_id, s.name, {}, {}, {}});
    }

    for (const model::Visit& v : repo.visits) {
        if (!v.completed() || !v.date || *v.date < o.period.from || *v.date > o.period.to)
            continue;
        const auto row = row_of.find(repo.visit_site(v));
        if (row == row_of.end())
            continue;
        unsigned bits = 0;
        if (const auto it = short_by_visit.find(v.id); it != short_by_visit.end())
            bits = it->second;
        if (const model::Student* s = repo.find_student(v.student_id);
            s && targeted_homerooms.count(s->homeroom_id))
            bits |= 1u << 3;
        for (FidelityRow* r : {&f.fidelity.front(), &f.fidelity[row->second]}) {
            ++r->visits.value;
            for (std::size_t k = 0; k < k_practices; ++k)
                if (bits & (1u << k))
                    ++r->short_of[k].value;
        }
    }
}

} // namespace pthv::report
