#include <pthv/rules/registry.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <fmt/format.h>

#include <pthv/rules/checks.hpp>
#include <pthv/rules/reviews.hpp>
#include <pthv/util/parallel.hpp>
#include <pthv/util/strings.hpp>

namespace pthv::rules {

using model::Severity;

namespace {

constexpr RuleKind I = RuleKind::Integrity;
constexpr RuleKind P = RuleKind::Practice;
constexpr RuleKind O = RuleKind::Other;
constexpr Severity E = Severity::Error;
constexpr Severity W = Severity::Warning;

// The order here is the order of docs/rules.md and of `pthv validate --help`.
const std::vector<Rule> k_rules = {
    {"csv-syntax", I, 0, E, "a file is not well-formed CSV (unclosed quote, wrong number of cells, not UTF-8)",
     "save the file as UTF-8 CSV with one record a line", nullptr},
    {"config-invalid", I, 0, E, "pthv.yaml is missing, not YAML, or a setting has a wrong type or value",
     "`pthv init` in an empty folder shows a commented pthv.yaml", nullptr},
    {"column-missing", I, 0, E, "a required column is absent", "`pthv schema FILE` lists the columns", nullptr},
    {"value-invalid", I, 0, E, "a cell does not parse as its type or enum", "fix the cell", nullptr},
    {"required-missing", I, 0, E, "a required cell is empty", "fill in the cell", nullptr},
    {"duplicate-key", I, 0, E, "a unique key appears twice", "give each record its own id", nullptr},
    {"unknown-ref", I, 0, E, "an id that names nothing", "add the record it names, or fix the id",
     check_unknown_ref},
    {"held-back", I, 0, E, "a file did not read cleanly, so the checks that need all of it wait",
     "fix the file's problems listed first; the checks run again then", nullptr},
    {"visit-out-of-year", I, 0, E, "a visit dated outside school_year", "fix the date or school_year in pthv.yaml",
     check_visit_out_of_year},
    {"visit-in-future", I, 0, E, "a completed visit dated after the as-of date",
     "fix the date, or log it as scheduled", check_visit_in_future},
    {"visit-inactive-site", I, 0, E, "a visit at a site whose status is not active",
     "set the site active in sites.csv, or fix the visit's site", check_visit_inactive_site},
    {"removed-visit-present", I, 0, E, "a visit that log-visit --remove took out (removed_visits.csv) is in visits.csv again",
     "remove it again, or delete its line from removed_visits.csv if the removal was the mistake",
     check_removed_visit_present},

    {"CP1-arranged", P, 1, E, "arranged_on is empty or too close to the visit",
     "record the day the family agreed to the visit in arranged_on", check_cp1_arranged},
    {"CP1-opted-in", P, 1, E, "an educator on the visit has not opted in",
     "only staff who chose to take part visit: check opted_in in staff.csv", check_cp1_opted_in},
    {"CP2-trained", P, 2, E, "an educator on the visit has no intro training on or before it",
     "record the training in trainings.csv (pthv roster train)", check_cp2_trained},
    {"CP2-refresher", P, 2, W, "the educator's latest training is older than refresher_months",
     "schedule a refresher training", check_cp2_refresher},
    {"CP2-compensation", P, 2, W, "the visit partly overlaps the school day, or an educator has no pay rule",
     "decide whether the visit is paid; give every visiting staff member a class with a pay rule",
     check_cp2_compensation},
    {"CP3-first-focus", P, 3, E, "a student's first visit of the year is not about hopes and dreams",
     "the first visit builds the relationship: focus hopes_and_dreams", check_cp3_first_focus},
    {"CP4-targeting", P, 4, W, "visited students over-represent a concern flag",
     "visit all students or a cross-section (pthv check-targeting)", check_cp4_targeting},
    {"CP5-pair", P, 5, E, "fewer than two distinct educators on the visit", "educators visit in pairs",
     check_cp5_pair},
    {"CP5-reflection", P, 5, W, "reflected_on is empty, before the visit, or too late",
     "the pair reflects together soon after the visit; record the day in reflected_on", check_cp5_reflection},

    {"duplicate-visit", O, 0, W,
     "two completed visits of one student on one date with the same educators, or the same start time",
     "remove the repeated row, or fix its date or educators", check_duplicate_visit},
    {"unknown-column", O, 0, W, "a column no schema knows", "rename or remove the column", nullptr},
    {"paid-not-compensable", O, 0, E,
     "a closed payroll file pays a visit that is missing, not completed or not outside the school day",
     "restore the visit, or settle the overpayment with payroll", check_paid_not_compensable},
    {"over-cap", O, 0, W, "a staff member's compensable visits pass max_paid_visits_per_staff",
     "visits past the cap are not paid", check_over_cap, true},
    {"unfunded", O, 0, W, "an item payroll pays that no funding source pays: none lists its site, or none's period holds its date",
     "add a funding source for the site and date in pthv.yaml; payroll pays the item meanwhile, with no source",
     check_unfunded, true},

    {"late-entry", O, 0, W, "logged_on is more than practices.log_within_days days after the visit date",
     "log visits soon after they happen", check_late_entry},
    {"scheduled-overdue", O, 0, W, "a scheduled visit dated before the as-of date",
     "record whether it happened, was cancelled, or needs a new date (pthv log-visit --update)",
     check_scheduled_overdue},

    {"paid-twice", O, 0, E, "one item (staff_id, item, item_id) appears in two closed ledgers, or twice in one",
     "a closed pay period is never rewritten: settle the second payment with payroll", check_paid_twice},
    {"ledger-name", O, 0, W, "a file in payroll/ whose name is not YYYY-MM.csv (it is not read as a ledger)",
     "move it out of payroll/, or name it for its month if it is a closed period", nullptr},

    {"review-invalid", O, 0, E, "a review names an unknown rule id or a data-integrity rule",
     "review only practice and other findings (`pthv review --list`)", nullptr},
    {"review-stale", O, 0, W, "a review matches no current finding (the data changed)",
     "remove the review line from reviews.csv", nullptr},

    {"event-missing", O, 0, W, "as of events.due, an active site or the district has no event of a listed kind",
     "record the event (pthv event add), or change the lists under events in pthv.yaml", check_event_missing},
    {"session-over-capacity", O, 0, W, "more trainings name a session than its capacity",
     "raise the session's capacity, or move people to another session", check_session_over_capacity},
};

// Rules whose findings could be false while a file they read lacks rows:
// an absence they report (no training, no event, no earlier visit, no pay
// rule) may be on a line that was not read. They wait until the file reads
// cleanly (model::FileInfo::complete); unknown-ref holds back only the
// references into such a file (integrity.cpp).
const std::vector<std::pair<std::string_view, std::vector<std::string_view>>> k_reads_whole = {
    {"CP2-trained", {"trainings.csv"}},
    {"CP2-refresher", {"trainings.csv"}},
    {"CP2-compensation", {"staff.csv"}},
    {"CP3-first-focus", {"visits.csv"}},
    {"CP4-targeting", {"students.csv", "visits.csv"}},
    {"paid-not-compensable", {"visits.csv"}},
    {"event-missing", {"events.csv"}},
};

// The file of `reads` that did not load cleanly, or nullptr. A file absent
// from Repo::files (an optional file the repo does not have) is not waited
// for.
const std::string* incomplete_file(const model::Repo& repo, std::string_view rule)
{
    for (const auto& [id, files] : k_reads_whole)
        if (id == rule)
            for (const auto file : files)
                if (const auto it = repo.files.find(std::string(file)); it != repo.files.end() && !it->second.complete)
                    return &it->first;
    return nullptr;
}

// One held-back line per file: how many references wait, from which files,
// and which rules.
void report_held_back(const std::map<std::string, Findings::Held, std::less<>>& refs,
                      const std::map<std::string, std::vector<std::string>>& rules, Findings& out)
{
    std::set<std::string> files;
    for (const auto& [file, held] : refs)
        files.insert(file);
    for (const auto& [file, ids] : rules)
        files.insert(file);
    for (const auto& file : files) {
        std::vector<std::string> parts;
        if (const auto r = refs.find(file); r != refs.end())
            parts.push_back(fmt::format("{} to it (unknown-ref, from {})",
                                        util::plural(static_cast<long long>(r->second.count), "reference",
                                                     "references"),
                                        util::join(std::vector<std::string>(r->second.from.begin(),
                                                                            r->second.from.end()),
                                                   ", ")));
        if (const auto r = rules.find(file); r != rules.end())
            parts.push_back(fmt::format("{} {}", r->second.size() == 1 ? "the rule" : "the rules",
                                        util::join(r->second, ", ")));
        out.add("held-back", file, 0, {},
                fmt::format("{} did not read cleanly, so these checks wait until it does: {}", file,
                            util::join(parts, " and ")),
                fmt::format("fix the problems of {} listed above; the checks run again once it reads cleanly",
                            file));
    }
}

// The file-reading problems first (csv-syntax, column-missing), then what
// they held back, then the rest, each part in sort_problems' order: the
// cause comes before what follows from it.
int reading_rank(const model::Problem& p)
{
    return p.rule == "csv-syntax" || p.rule == "column-missing" ? 0 : p.rule == "held-back" ? 1 : 2;
}

// Rules that read settings make no sense when pthv.yaml is broken.
bool needs_config(const Rule& r)
{
    return r.check != nullptr && r.id != "unknown-ref";
}

} // namespace

model::Problem& Findings::add(std::string_view rule, std::string_view file, std::size_t line,
                              std::string_view record, std::string message, std::string advice)
{
    if (!keeps_integrity(file, line)) {
        const Rule* r = find_rule(rule);
        if (r && r->kind == RuleKind::Integrity) {
            m_dropped = {};
            return m_dropped;
        }
    }
    m_problems.push_back({std::string(rule), Severity::Error, std::string(file), line, std::string(record),
                          std::move(message), std::move(advice)});
    return m_problems.back();
}

bool Findings::keeps_integrity(std::string_view file, std::size_t line) const
{
    return !m_keep || !*m_keep || (*m_keep)(file, line);
}

model::Problem& Findings::on_visit(std::string_view rule, const model::Repo& repo, const model::Visit& v,
                                   std::string message, std::string advice)
{
    const std::string_view id = repo.id(v.id);
    model::Problem& p = add(rule, "visits.csv", v.line, id, std::move(message), std::move(advice));
    p.visit = std::string(id);
    return p;
}

void Findings::hold_back(std::string_view file, std::string_view from)
{
    auto it = m_held.find(file);
    if (it == m_held.end())
        it = m_held.emplace(std::string(file), Held{}).first;
    ++it->second.count;
    if (it->second.from.find(std::string(from)) == it->second.from.end())
        it->second.from.emplace(from);
}

const std::vector<Rule>& all_rules() { return k_rules; }

const Rule* find_rule(std::string_view id)
{
    for (const auto& r : k_rules)
        if (r.id == id)
            return &r;
    return nullptr;
}

std::vector<std::string> rule_ids()
{
    std::vector<std::string> out;
    for (const auto& r : k_rules)
        out.emplace_back(r.id);
    return out;
}

model::Problems check_repo(const model::Repo& repo, model::Problems loaded, const CheckOptions& options)
{
    const model::Facts facts(repo);
    return check_repo(facts, pay::visit_work(facts), std::move(loaded), options);
}

model::Problems check_repo(const model::Facts& facts, const std::vector<pay::VisitWork>& work,
                           model::Problems loaded, const CheckOptions& options)
{
    std::promise<const std::vector<pay::VisitWork>*> ready;
    ready.set_value(&work);
    return check_repo(facts, ready.get_future().share(), std::move(loaded), options);
}

model::Problems check_repo(const model::Facts& facts, const WorkFuture& work, model::Problems loaded,
                           const CheckOptions& options)
{
    const model::Repo& repo = facts.repo();
    Findings findings;
    for (const auto& p : loaded)
        findings.problems().push_back(p);

    // practices.severity names rules by id: an unknown id is most likely a
    // typo that would silently leave the default in force.
    for (const auto& [id, sev] : repo.config.practices.severity) {
        const Rule* r = find_rule(id);
        if (!r) {
            const std::string near = util::closest_match(id, rule_ids());
            findings.add("config-invalid", "pthv.yaml", 0, id,
                         "practices.severity." + id + ": no rule has this id",
                         near.empty() ? "`pthv validate --help` lists the rule ids" : "did you mean " + near + "?");
        } else if (r->kind == RuleKind::Integrity && sev != Severity::Error) {
            findings.add("config-invalid", "pthv.yaml", 0, id,
                         "practices.severity." + id + ": data-integrity rules are always errors", {});
        }
    }

    const Context ctx{repo, facts, work};
    std::vector<const Rule*> to_run;
    std::map<std::string, std::vector<std::string>> held_rules; // file -> rules waiting for it
    for (const auto& r : k_rules)
        if (r.check && !(needs_config(r) && !repo.config_ok) &&
            (options.only.empty() || options.only.count(std::string(r.id)))) {
            if (const std::string* file = incomplete_file(repo, r.id))
                held_rules[*file].emplace_back(r.id);
            else
                to_run.push_back(&r);
        }
    // Rules only read the repo and its facts, so they run side by side, each
    // into its own findings; those are joined in registry order, so the
    // result is the same as running them in turn. Rules that read the
    // visit work are taken last, so no other waits behind them for it.
    std::vector<std::size_t> order(to_run.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_partition(order.begin(), order.end(), [&](std::size_t i) { return !to_run[i]->reads_work; });
    std::vector<Findings> each;
    each.reserve(to_run.size());
    for (std::size_t i = 0; i < to_run.size(); ++i)
        each.emplace_back(&options.integrity_on);
    util::for_each_task(order, [&](std::size_t i) { to_run[i]->check(ctx, each[i]); });
    std::map<std::string, Findings::Held, std::less<>> held_refs;
    for (auto& f : each) {
        for (auto& p : f.problems())
            findings.problems().push_back(std::move(p));
        for (const auto& [file, held] : f.held_back()) {
            auto& h = held_refs[file];
            h.count += held.count;
            h.from.insert(held.from.begin(), held.from.end());
        }
    }
    report_held_back(held_refs, held_rules, findings);

    // A rule's findings are complete when it ran, or when the loader reports
    // it; only then can a review of it be stale.
    const auto checked = [&](std::string_view id) {
        const Rule* r = find_rule(id);
        if (!r || r->kind == RuleKind::Integrity)
            return false;
        if (r->check)
            return std::find(to_run.begin(), to_run.end(), r) != to_run.end();
        return options.only.empty() || options.only.count(std::string(id)) > 0;
    };
    apply_reviews(repo, findings.problems(), checked);

    model::Problems out;
    for (auto& p : findings.problems()) {
        // What waits for a file is said whichever rules were asked for.
        if (!options.only.empty() && !options.only.count(p.rule) && p.rule != "held-back")
            continue;
        const Rule* r = find_rule(p.rule);
        p.severity = r ? r->default_severity : Severity::Error;
        if (r && r->kind != RuleKind::Integrity) {
            const auto it = repo.config.practices.severity.find(p.rule);
            if (it != repo.config.practices.severity.end())
                p.severity = it->second;
        }
        if (p.advice.empty() && r)
            p.advice = std::string(r->advice);
        if (p.severity != Severity::Off)
            out.push_back(std::move(p));
    }
    model::sort_problems(out);
    std::stable_sort(out.begin(), out.end(), [](const model::Problem& a, const model::Problem& b) {
        return reading_rank(a) < reading_rank(b);
    });
    return out;
}

Tally tally(const model::Problems& problems)
{
    Tally t;
    for (const auto& p : problems) {
        if (p.reviewed)
            t.reviewed += 1;
        else
            (p.severity == Severity::Error ? t.errors : t.warnings) += 1;
    }
    return t;
}

std::map<std::string, std::size_t> tally_by_rule(const model::Problems& problems)
{
    std::map<std::string, std::size_t> by_rule;
    for (const auto& p : problems)
        by_rule[p.rule] += 1;
    return by_rule;
}

} // namespace pthv::rules
