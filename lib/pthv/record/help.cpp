// The examples and notes under each writing command's --help (help.hpp).

#include <pthv/record/help.hpp>

#include <stdexcept>

#include <fmt/format.h>

#include <pthv/rules/registry.hpp>

namespace pthv::record {

namespace {

constexpr const char* k_internal_note =
    "Roster output names staff and students: it is for the program's internal use and must not be\n"
    "published or shared outside the district (FERPA). Public figures come from `pthv report --public`.";

struct Footer {
    const char* command;
    const char* text;
    bool internal; // it names people: followed by k_internal_note
};

// clang-format off
const Footer k_footers[] = {
    {"log-visit",
     "Examples:\n"
     "  pthv log-visit --student ST0107 --educators T017,T022 --date 2026-09-14 --time 16:30 \\\n"
     "      --minutes 40 --arranged-on 2026-09-08 --focus hopes_and_dreams --mode home\n"
     "  pthv log-visit --student ST0212 --educators T017,T022 --date 2026-10-02 --status scheduled "
     "--arranged-on 2026-09-25\n"
     "  pthv log-visit --update V20260914-ST0107 --reflected-on 2026-09-15\n"
     "  pthv log-visit --import form-export.csv --map form-map.yaml --dry-run\n"
     "  pthv log-visit --remove V20260914-ST0107-2 --reason \"logged twice\"\n"
     "  pthv log-visit --confirm V20260914-ST0107 --by T022\n\n"
     "Prints the visit id. Data-integrity errors (unknown student, bad date, ...) refuse the visit:\n"
     "exit 2, nothing written. Core-practice findings are printed and the visit is recorded:\n"
     "exit 1 where one is an error. An import adds every row or none, and skips rows already\n"
     "logged (same student, date and educators), so it can be run again.",
     false},
    {"roster",
     "Columns: id, name, site, role, class, opted in, active, intro training date, latest "
     "training,\nrefresher due (latest + practices.refresher_months), status (current; "
     "due-soon: due within\n60 days of --as-of; expired; untrained: no intro training), "
     "completed visits this school year.\n\n"
     "Examples:\n"
     "  pthv roster --as-of 2026-09-01 --status due-soon\n"
     "  pthv roster --site S01 --format csv -o s01-staff.csv\n"
     "  pthv roster students --unvisited --homeroom T017\n\n",
     true},
    {"roster add",
     "Examples:\n"
     "  pthv roster add --id T101 --name \"Ana Ruiz\" --site S01 --role teacher "
     "--class certificated --opted-in yes\n"
     "  pthv roster add --id C207 --name \"Sam Ortiz\" --site S03 --role liaison "
     "--class classified --opted-in yes --hourly-rate 27.35\n\n",
     true},
    {"roster set",
     "Only the named fields change; every other byte of staff.csv is kept.\n\n"
     "Examples:\n"
     "  pthv roster set T017 --opted-in no\n"
     "  pthv roster set C207 --hourly-rate 28.50 --site S04\n"
     "  pthv roster set T033 --active no",
     false},
    {"roster train",
     "One trainings.csv row per staff id. An unknown staff id, or a training already recorded\n"
     "(same staff, date and kind), refuses them all: exit 2, nothing written.\n\n"
     "Examples:\n"
     "  pthv roster train --date 2026-08-12 --kind intro --hours 6 --session \"2026-08 intro, "
     "Cedar Grove\" T101 T102\n"
     "  pthv roster train --date 2027-02-03 --kind refresher --hours 2 T017\n"
     "  pthv roster train --session INTRO-AUG T101 T102      (sessions.csv gives date, kind, hours)",
     false},
    {"roster students",
     "Per student: first and second completed visit this school year, the next scheduled "
     "visit\n(on or after --as-of), the latest decline, completed visits.\n\n"
     "Examples:\n"
     "  pthv roster students --site S01 --unvisited\n"
     "  pthv roster students --homeroom T017 --format csv -o t017.csv\n"
     "  pthv roster students --declined --as-of 2026-12-01\n"
     "  pthv roster students --second-due --site S01\n\n",
     true},
    {"roster student",
     "Every visit row of the student, in date order. Notes are private: shown only with "
     "--notes.\n\n"
     "Examples:\n"
     "  pthv roster student ST0107\n"
     "  pthv roster student ST0107 --notes --format json\n\n",
     true},
    {"roster sessions",
     "Each session of sessions.csv by date: held (on or before --as-of) or planned, the trainings\n"
     "that name it (attended) and the seats left (none when attended passes capacity: see\n"
     "session-over-capacity). An empty capacity is no limit.\n\n"
     "Examples:\n"
     "  pthv roster sessions\n"
     "  pthv roster sessions --site S01 --format csv -o s01-sessions.csv\n"
     "  pthv roster train --session INTRO-AUG T101 T102",
     false},
    {"event",
     "Examples:\n"
     "  pthv event add --date 2026-10-15 --kind site_visit --site S01 --title \"Coordinator visit\"\n"
     "  pthv event list --site S01",
     false},
    {"event add",
     "Prints the new event id, E<yyyymmdd>-<n>. The first event creates events.csv. An event is\n"
     "recorded once it has taken place: a --date after today (--as-of) is refused.\n\n"
     "Examples:\n"
     "  pthv event add --date 2026-10-15 --kind site_visit --site S01 --title \"Coordinator visit\" "
     "--staff C01\n"
     "  pthv event add --date 2027-05-20 --kind celebration --title \"District celebration\" "
     "--attendees 140",
     false},
    {"event list",
     "Events by date; SITE is \"district\" for a district-wide event. Notes are not shown.\n\n"
     "Examples:\n"
     "  pthv event list\n"
     "  pthv event list --site S01 --format csv -o s01-events.csv",
     false},
    {"review",
     "Examples:\n"
     "  pthv review CP2-trained V20251001-ST0495 --by C01 \\\n"
     "      --note \"trained the next week; principal approved\"\n"
     "  pthv review --list\n\n"
     "A reviewed finding prints as reviewed[RULE], counts in neither errors nor warnings,\n"
     "and blocks neither payroll --close nor the pre-commit hook; the report still counts\n"
     "it in fidelity. Data-integrity findings cannot be reviewed: fix the data.\n"
     "The review is written to reviews.csv (docs/data.md); a review that no longer matches\n"
     "a finding is reported as review-stale.",
     false},
    {"survey",
     "Examples:\n"
     "  pthv survey import family-survey.csv --map survey-map.yaml --key-file ~/pthv-survey.key\n"
     "  pthv report --period end-of-year --table surveys",
     false},
    {"survey import",
     "Adds one surveys.csv row per response, all or nothing: a bad row is reported on its line of FILE\n"
     "and nothing is written. A response already imported (same response_id; without one, the same\n"
     "row of the export) is skipped, so the same export can be imported again as answers come in.\n\n"
     "Examples:\n"
     "  (umask 077; openssl rand -hex 32 > ~/pthv-survey.key)   # once; keep it private\n"
     "  pthv survey import family-survey.csv --map survey-map.yaml --key-file ~/pthv-survey.key\n"
     "  pthv survey import family-survey.csv --map survey-map.yaml --key-file ~/pthv-survey.key --dry-run",
     false},
    {"payroll",
     "Lists every visit and training no closed period has paid, dated in the school year up to the\n"
     "period's end: visits outside the school day (each educator once per visit event), trainings at\n"
     "the class's training rate. Held (partly in the school day, or no pay rule) and over-the-cap\n"
     "visits, and the period's visits wholly inside the school day, are listed at 0.00 with their\n"
     "status; earlier items logged late are paid now and marked late. Practice findings are shown\n"
     "beside the items and never stop pay.\n\n"
     "--close holds the repo's lock from reading the closed periods to writing its own, so two\n"
     "closes at once never pay one item twice.\n\n"
     "Examples:\n"
     "  pthv payroll --month 2026-10                      # what to pay for October\n"
     "  pthv payroll --month 2026-10 --format csv -o 2026-10.csv   # for the payroll office\n"
     "  pthv payroll --month 2026-10 --close              # write payroll/2026-10.csv, once\n\n"
     "--from D --to D lists any other range (summer, a pay cycle) without closing it.\n"
     "Formats: text (default), csv, json. Exit 1 when a funding source would go below zero;\n"
     "exit 2, nothing written, when --close is refused.",
     false},
    {"init",
     "Examples:\n"
     "  pthv init riverbend --district \"Riverbend Unified School District\"\n"
     "  pthv init            # in the current folder\n"
     "  pthv init riverbend --git && cd riverbend && pthv hooks install\n"
     "  pthv init riverbend-2027 --from riverbend   # the next school year\n\n"
     "Refuses to overwrite any file that is already there. The repo is made whole or not at all:\n"
     "an init that fails or is killed leaves nothing to stand in the way of a second try.",
     false},
};
// clang-format on

// Every rule of the registry, its severity and when it applies.
std::string rule_table()
{
    std::string out = "Rules (`pthv explain ID` explains one; docs/rules.md):\n";
    for (const auto& r : rules::all_rules())
        out += fmt::format("  {:<21} {:<7}  {}\n", r.id, model::severity_name(r.default_severity), r.when);
    return out;
}

} // namespace

std::string help_footer(std::string_view command)
{
    if (command == "validate")
        return rule_table() + "\nExamples:\n"
                              "  pthv validate\n"
                              "  pthv validate --as-of 2026-11-20 --rule CP5-pair --rule CP5-reflection\n"
                              "  pthv validate -q --format github     # annotations in CI\n\n"
                              "Formats: text (default), json, github. Exit 1 on any error (or warning with --strict).";
    for (const auto& f : k_footers)
        if (command == f.command)
            return std::string(f.text) + (f.internal ? k_internal_note : "");
    throw std::logic_error("no help footer for " + std::string(command));
}

} // namespace pthv::record
