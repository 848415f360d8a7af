#pragma once
// The changes log-visit makes to visits.csv (docs/guide.md, log-visit): a
// new visit, a change to one (--update, --confirm) and a removal, each
// built from the repo as a change finds it (record::Current) and refused,
// before any check, with a sentence ending "Nothing was written." (or
// "nothing was written" for a line gone from the file).

#include <cstddef>
#include <functional>
#include <optional>
#include <string>

#include <pthv/record/change.hpp>
#include <pthv/record/removal.hpp>

namespace pthv::record {

// What log-visit is asked to do: log a new visit, or --update, --remove,
// --confirm one, or --import many.
enum class VisitAction { add, update, remove, confirm, import };

// Which of log-visit's options that choose the action were given.
struct VisitActionOptions {
    bool update = false, remove = false, reason = false, confirm = false, by = false, import = false,
         map = false;
};

// The action the options name, or in `refused` why they do not go together
// (--import with --update, --reason without --remove, ...): one action a run.
struct VisitActionChoice {
    VisitAction action = VisitAction::add;
    std::string refused;
};
VisitActionChoice choose_visit_action(const VisitActionOptions& o);

// The changes --confirm makes on `today`: confirmed_on, and confirmed_by
// when --by was given (`by`, trimmed). `refused` when --by names no one.
struct ConfirmChanges {
    Fields changes;
    std::string refused;
};
ConfirmChanges confirm_changes(model::Date today, const std::optional<std::string>& by);

// --educators as typed: on the command line a blank separates ids too,
// "T04 T05" is two educators as with a comma (an import's cells may hold
// names with blanks, mapped by values:, so this is for the option only);
// joined as visits.csv writes them (join_ids).
std::string educators_option(std::string text);

// A new visits.csv row from the options' `fields` (complete_new_visit,
// fill_language, a new visit_id), appended; `refused` when visits.csv has
// no column for a field it sets that cannot be added.
struct NewVisit {
    Fields fields;
    Edit edit;
    std::string refused;
};
NewVisit new_visit(const Current& current, Fields fields);

// What a new visit prints: its id, and in a dry run the row it would add.
std::string new_visit_text(const NewVisit& v, bool dry_run);

// Visit `id`'s row (named by `option`, --update or --confirm) with
// `changes` set, every other byte of visits.csv kept; `current.scope`
// becomes the rows that bear on the visit as it will be. `refusal`, when
// given, sees the row as it is and says why it may not change ("" when it
// may). `refused` also says when no visit has the id (with a "did you
// mean" among every visit of the repo, loaded for it) or visits.csv has no
// column for a change.
struct VisitChange {
    RowEdit row;
    std::size_t line = 0;
    std::string refused;
};
VisitChange change_visit(Current& current, const std::string& option, const std::string& id, const Fields& changes,
                         const std::function<std::string(const Fields&)>& refusal = {});

// What a change to visit `id` prints: its id, and in a dry run the row it
// would become.
std::string visit_change_text(const std::string& id, const VisitChange& c, bool dry_run);

// "OPTION ID: MESSAGE (ADVICE). Nothing was written." for the first of
// `refusals` (a library's refusal of a change, confirm_refusals,
// paid_refusals); "" when there is none.
std::string first_refusal(const std::string& what, const model::Problems& refusals);

// The removal of visit `id` for `reason` on `today` (plan_removal) with the
// row as visits.csv has it; `refused` when no visit has the id or a closed
// pay period paid it (paid_refusals).
struct VisitRemoval {
    Removal removal;
    std::size_t line = 0;
    std::string row;
    std::string refused;
};
VisitRemoval remove_visit(const Current& current, const std::string& id, const std::string& reason,
                          model::Date today);

// What a removal prints: the row removed, the tombstone kept, and the git
// commit that records the reason.
std::string removal_text(const std::string& id, const std::string& reason, const VisitRemoval& r, bool dry_run);

} // namespace pthv::record
