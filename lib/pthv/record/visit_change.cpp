#include <pthv/record/visit_change.hpp>

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include <pthv/io/csv_edit.hpp>
#include <pthv/record/apply.hpp>
#include <pthv/record/visit.hpp>
#include <pthv/util/strings.hpp>

namespace pthv::record {

namespace {

constexpr const char* k_visits_file = "visits.csv";

std::string no_visit(const std::string& option, const std::string& id, const model::Repo& repo)
{
    return option + " " + id + ": no visit has this id" + model::did_you_mean(repo.names.visits.closest(id)) +
           " Nothing was written.";
}

std::string line_gone(std::size_t line)
{
    return std::string(k_visits_file) + ": line " + std::to_string(line) + " not found; nothing was written";
}

VisitActionChoice refused_action(std::string why)
{
    return {VisitAction::add, std::move(why)};
}

} // namespace

VisitActionChoice choose_visit_action(const VisitActionOptions& o)
{
    // One action a run: --update goes with none of the others.
    const auto alone = [&](VisitAction action, const std::string& option) {
        return o.update ? refused_action(option + " and --update do not go together") : VisitActionChoice{action, {}};
    };
    if (o.confirm && (o.import || o.remove))
        return refused_action("--confirm goes alone (with --by); not with --import or --remove");
    if (o.import)
        return alone(VisitAction::import, "--import");
    if (o.map)
        return refused_action("--map goes with --import FILE");
    if (o.remove)
        return alone(VisitAction::remove, "--remove");
    if (o.reason)
        return refused_action("--reason goes with --remove VISIT_ID");
    if (o.confirm)
        return alone(VisitAction::confirm, "--confirm");
    if (o.by)
        return refused_action("--by goes with --confirm VISIT_ID");
    return {o.update ? VisitAction::update : VisitAction::add, {}};
}

ConfirmChanges confirm_changes(model::Date today, const std::optional<std::string>& by)
{
    ConfirmChanges c;
    c.changes["confirmed_on"] = today.str();
    if (!by)
        return c;
    const std::string who(util::trim(*by));
    if (who.empty())
        c.refused = "--by: name the staff member who confirmed the visit (a staff_id)";
    else
        c.changes["confirmed_by"] = who;
    return c;
}

std::string educators_option(std::string text)
{
    std::replace_if(text.begin(), text.end(), [](char c) { return c == ' ' || c == '\t'; }, ',');
    return join_ids(text);
}

NewVisit new_visit(const Current& current, Fields fields)
{
    NewVisit v;
    const model::Repo& repo = current.loaded.repo;
    complete_new_visit(fields, repo, "completed");
    fill_language(fields, current.sources, repo);
    std::set<std::string> reserved;
    fields["visit_id"] = make_visit_id(fields["date"], fields["student_id"], repo, reserved);
    v.refused = columns_refusal(k_visits_file, repo.files.at(k_visits_file).header, fields, true);
    if (v.refused.empty())
        v.edit = append_records(current, k_visits_file, {fields});
    v.fields = std::move(fields);
    return v;
}

std::string new_visit_text(const NewVisit& v, bool dry_run)
{
    std::string done = v.fields.at("visit_id") + "\n";
    if (dry_run)
        done = fmt::format("{}would add to visits.csv line {}:\n  {}\n", done, *v.edit.lines.begin(),
                           util::trim(v.edit.rows));
    return done;
}

VisitChange change_visit(Current& current, const std::string& option, const std::string& id, const Fields& changes,
                         const std::function<std::string(const Fields&)>& refusal)
{
    VisitChange c;
    const model::Repo& repo = current.loaded.repo;
    const model::Visit* v = repo.find(repo.names.visits.find(id));
    if (!v) {
        // Every id, for the suggestion.
        const Current all = load_current(repo.root, k_visits_file, repo.as_of, nullptr, false);
        c.refused = no_visit(option, id, all.loaded.repo);
        return c;
    }
    c.line = v->line;
    const auto& header = repo.files.at(k_visits_file).header;
    auto changed = edit_row(current.sources, k_visits_file, header, v->line, [&](Fields& fields) {
        if (refusal)
            c.refused = refusal(fields);
        if (!c.refused.empty())
            return;
        for (const auto& [field, value] : changes)
            fields[field] = value;
        // The change is checked among the rows that bear on the visit as it will be.
        current.scope = std::make_shared<const io::Scope>(visit_scope({fields}));
        c.refused = columns_refusal(k_visits_file, header, fields, true);
    }, true);
    if (!c.refused.empty())
        return c;
    if (!changed) {
        c.refused = line_gone(c.line);
        return c;
    }
    c.row = std::move(*changed);
    // A closed ledger that paid this visit is judged on the ledger's line
    // (paid-not-compensable): it is this change's finding all the same.
    c.row.edit.records.insert(id);
    return c;
}

std::string visit_change_text(const std::string& id, const VisitChange& c, bool dry_run)
{
    std::string done = id + "\n";
    if (dry_run)
        done += fmt::format("would change visits.csv line {} to:\n  {}\n", c.line, c.row.text);
    return done;
}

std::string first_refusal(const std::string& what, const model::Problems& refusals)
{
    if (refusals.empty())
        return {};
    const model::Problem& p = refusals.front();
    return what + ": " + p.message + (p.advice.empty() ? "" : " (" + p.advice + ")") + ". Nothing was written.";
}

VisitRemoval remove_visit(const Current& current, const std::string& id, const std::string& reason,
                          model::Date today)
{
    VisitRemoval r;
    const model::Repo& repo = current.loaded.repo;
    const model::Visit* v = repo.find(repo.names.visits.find(id));
    if (!v) {
        r.refused = no_visit("--remove", id, repo);
        return r;
    }
    r.refused = first_refusal("--remove " + id, paid_refusals(repo, id));
    if (!r.refused.empty())
        return r;
    r.line = v->line;
    // The removed visit is remembered in removed_visits.csv (removal.hpp).
    auto removal = plan_removal(current.sources, repo, *v, reason, today);
    if (!removal) {
        r.refused = line_gone(v->line);
        return r;
    }
    r.removal = std::move(*removal);
    r.row = std::string(util::trim(io::line_at(current.sources.at(k_visits_file), v->line)));
    return r;
}

std::string removal_text(const std::string& id, const std::string& reason, const VisitRemoval& r, bool dry_run)
{
    const char* tombstone = r.removal.tombstone.empty() ? ""
                            : dry_run                   ? "and would record the removal in removed_visits.csv\n"
                                                        : "and recorded the removal in removed_visits.csv\n";
    return fmt::format("{} {} (visits.csv line {}): {}\n  {}\n{}Commit it with the reason: {}git commit -am "
                       "\"remove {}: {}\"\n",
                       dry_run ? "would remove" : "removed", id, r.line, reason, r.row, tombstone,
                       r.removal.create_file ? "git add removed_visits.csv && " : "", id, reason);
}

} // namespace pthv::record
