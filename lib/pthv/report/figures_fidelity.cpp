// Fidelity to the five core practices, per site: the share of completed
// visits in the period on which no rule of that practice found anything.
// The findings are those of rules::check_repo, so validate and report can
// never disagree about which visit falls short.

#include <pthv/report/figures_detail.hpp>

#include <pthv/rules/registry.hpp>

namespace pthv::report {

std::vector<unsigned> practice_shortfalls(const model::Facts& facts, const model::Problems& findings)
{
    const model::Repo& repo = facts.repo();
    // Per visit handle, a bit per practice found short; CP4-targeting names
    // a homeroom (docs/rules.md: the targeting check judges groups), so every
    // visit to a student of that homeroom falls short of practice 4. A
    // finding names its record by id: looked up once per finding.
    std::vector<unsigned> short_by_visit(repo.names.visits.size(), 0);
    std::vector<char> targeted_homerooms(repo.names.staff.size(), 0);
    for (const auto& p : findings) {
        const rules::Rule* r = rules::find_rule(p.rule);
        if (!r || r->kind != rules::RuleKind::Practice || r->practice < 1 ||
            r->practice > static_cast<int>(k_practices))
            continue;
        if (r->practice == 4) {
            if (const model::StaffId h = repo.names.staff.find(p.record))
                targeted_homerooms[h.index()] = 1;
        } else if (const model::VisitId v = repo.names.visits.find(p.record)) {
            short_by_visit[v.index()] |= 1u << (r->practice - 1);
        }
    }

    std::vector<unsigned> out(repo.visits.size(), 0);
    for (std::size_t i = 0; i < repo.visits.size(); ++i) {
        const model::Visit& v = repo.visits[i];
        unsigned bits = v.id ? short_by_visit[v.id.index()] : 0u;
        if (const model::Student* s = repo.find(v.student); s && s->homeroom && targeted_homerooms[s->homeroom.index()])
            bits |= 1u << 3;
        out[i] = bits;
    }
    return out;
}

void fidelity_figures(const model::Facts& facts, const FigureOptions& o,
                      Figures& f)
{
    const model::Repo& repo = facts.repo();
    const std::vector<unsigned>& shortfalls = o.basis->shortfalls;
    // Per site slot, its row of f.fidelity (0: not reported).
    std::vector<std::size_t> row_of(repo.names.sites.size() + 1, 0);
    f.fidelity.clear();
    f.fidelity.push_back(FidelityRow{o.site, f.total.name, {}, {}, {}});
    for (const auto& s : f.sites) {
        const model::SiteId h = repo.names.sites.find(s.site_id);
        row_of[site_slot(h)] = f.fidelity.size();
        f.fidelity.push_back(FidelityRow{s.site_id, s.name, {}, {}, {}});
    }

    for (const std::size_t i : SiteScope(repo, o.site).visits(*o.basis)) {
        const model::Visit& v = repo.visits[i];
        if (!v.completed() || !v.date || *v.date < o.period.from || *v.date > o.period.to)
            continue;
        const std::size_t row = row_of[site_slot(repo.visit_site(v))];
        if (row == 0)
            continue;
        const unsigned bits = shortfalls[i];
        for (FidelityRow* r : {&f.fidelity.front(), &f.fidelity[row]}) {
            ++r->visits.value;
            for (std::size_t k = 0; k < k_practices; ++k)
                if (bits & (1u << k))
                    ++r->short_of[k].value;
        }
    }
}

} // namespace pthv::report
