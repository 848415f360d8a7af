#pragma once
// pthv remind (docs/remind.md): what each person has due, as of a day. A
// digest is data: each item names the rows it is about (a visit, a
// student, a staff member, a session, a finding), and the renderers
// (render.hpp) and the mail (message.hpp) only lay it out.
//
// Every rule is the library's own: training status is
// model::training_status (as `pthv roster` shows it), second visits are
// model::StudentVisits::second_due (roster students --second-due),
// findings and missing events are what rules::check_repo found, with the
// reviewed ones left out.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <pthv/model/date.hpp>
#include <pthv/model/facts.hpp>
#include <pthv/model/problem.hpp>
#include <pthv/model/repo.hpp>
#include <pthv/model/training_status.hpp>

namespace pthv::remind {

enum class ItemKind {
    Upcoming,     // a scheduled visit dated from as_of through as_of + days
    Reflect,      // a completed visit with no reflected_on, past reflection_within_days
    Confirm,      // a completed visit with no confirmed_on (compensation.require_confirmation)
    SecondVisit,  // a student due a second visit
    Training,     // a staff member whose training is due soon or expired
    Session,      // a planned session up to as_of + days, for staff who need it
    Finding,      // a finding of the site nobody has reviewed
    EventMissing, // an event of a kind events lists, missing by events.due
};

struct Item {
    ItemKind kind = ItemKind::Upcoming;
    std::optional<std::size_t> visit;   // row of Repo::visits
    std::optional<std::size_t> student; // row of Repo::students
    model::StaffId staff;               // Training: whose
    model::StaffTraining training;      // Training: where they stand
    std::optional<std::size_t> session; // row of Repo::sessions
    std::vector<model::StaffId> who;    // Session in a site's part: its staff who need it
    const model::Problem* finding = nullptr; // Finding, EventMissing: into the findings given
    model::Date due;                    // Reflect: the last day of the window; SecondVisit: the first visit
};

// A site coordinator's part: the site's items.
struct SitePart {
    model::SiteId site;
    std::vector<Item> items;
};

// One person's digest: their own items (an active, opted-in educator's),
// then a part per active site they coordinate, no item twice. Never empty.
struct Digest {
    model::StaffId person;
    std::vector<Item> own;
    std::vector<SitePart> sites;
};

struct Options {
    int days = 7; // "the next N days": as_of through as_of + days
    std::vector<model::StaffId> only; // --to: these people only; empty = everyone
};

// Every digest of the repo as of repo.as_of, in staff.csv order; nobody
// with nothing due has one. `findings` is what rules::check_repo gave for
// the same repo and facts; the digests point into it.
std::vector<Digest> make_digests(const model::Facts& facts, const model::Problems& findings, const Options& options);

// The last day of a completed visit's reflection window (its date plus
// practices.reflection_within_days): after it, a visit with no
// reflected_on is overdue.
model::Date reflection_due(const model::Repo& repo, const model::Visit& v);

// Whether a site's part shows a finding's message: not for a finding about
// a staff member (over-cap, CP4-targeting by homeroom), whose message can
// name visits, and so students, of any site; its rule is said instead.
bool message_shown(const model::Repo& repo, const model::Problem& p);

} // namespace pthv::remind
