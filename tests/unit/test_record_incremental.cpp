// A change's check is incremental (record::check_change): of students.csv
// and visits.csv it reads again only the rows the first load kept and the
// changed rows. These tests make random edits of the example district
// (and of the same with a cap of 8 paid visits, so over-cap fires, and
// removed visits) that make and clear findings of every rule a visit row
// can have, and hold the
// incremental check to what a check of the whole repo finds on the changed
// rows, as sets.

#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <set>
#include <sstream>
#include <tuple>

#include <pthv/io/loader.hpp>
#include <pthv/record/change.hpp>
#include <pthv/record/edit.hpp>
#include <pthv/record/row.hpp>
#include <pthv/record/visit.hpp>

#include "fixture.hpp"

using namespace pthv;

namespace {

const model::Date k_as_of = *model::Date::parse("2026-05-15");

using Finding = std::tuple<std::string, std::string, std::size_t, std::string, std::string>;

std::set<Finding> found_in(const record::EditCheck& check)
{
    std::set<Finding> out;
    for (const auto* list : {&check.refused, &check.findings})
        for (const auto& p : *list)
            out.emplace(p.rule, p.file, p.line, p.record, p.message);
    return out;
}

std::string describe(const std::set<Finding>& found)
{
    std::ostringstream s;
    for (const auto& [rule, file, line, record, message] : found)
        s << "\n  " << file << ":" << line << " " << rule << " " << message;
    return s.str();
}

// The repo as log-visit loads it for a change in `scope`: visits.csv read
// whole, the other files the scope narrows only at its rows.
record::Current current_in(const io::Sources& src, std::shared_ptr<const io::Scope> scope)
{
    record::Current c;
    c.sources = src;
    c.scope = scope;
    c.loaded_in = scope;
    io::LoadOptions o;
    o.as_of = k_as_of;
    o.scope = scope;
    o.read_whole = {"visits.csv"};
    c.loaded = io::load_sources(c.sources, o);
    return c;
}

std::set<Finding> whole_check(const io::Sources& src, const record::Edit& edit)
{
    io::LoadOptions o;
    o.as_of = k_as_of;
    return found_in(record::check_edit(src, edit, o));
}

// Random edits of a visit row's cells, each of which makes or clears a
// finding: a repeated visit, a lone educator, one not trained or not opted
// in, an unknown student or educator, a first visit not about hopes and
// dreams, dates out of the year, in the future or arranged too late,
// statuses, times, interpreters, sites.
class Mutator {
public:
    Mutator(const model::Repo& repo, unsigned seed) : m_rng(seed)
    {
        for (const auto& s : repo.staff)
            m_staff.emplace_back(repo.id(s.id));
        for (const auto& s : repo.students)
            m_students.emplace_back(repo.id(s.id));
        for (const auto& s : repo.sites)
            m_sites.emplace_back(repo.id(s.id));
        for (const auto& v : repo.visits)
            if (v.date)
                m_dates.push_back(v.date->str());
    }

    std::size_t pick(std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(m_rng); }
    template <typename T> const T& any(const std::vector<T>& from) { return from[pick(from.size())]; }

    void mutate(record::Fields& f)
    {
        const std::size_t changes = 1 + pick(3);
        for (std::size_t i = 0; i < changes; ++i)
            change(f, pick(17));
    }

private:
    void change(record::Fields& f, std::size_t what)
    {
        const std::string educators = f["educators"];
        const std::string first = educators.substr(0, educators.find(';'));
        switch (what) {
        case 0: break; // the same visit again
        case 1: f["date"] = any(m_dates); break;
        case 2: f["date"] = any(std::vector<std::string>{"2024-03-02", "2026-06-20", "2026-05-14", "2025-08-01"}); break;
        case 3: f["educators"] = first; break;
        case 4: f["educators"] = first + ";" + any(m_staff); break;
        case 5: f["student_id"] = any(m_students); break;
        case 6: f["student_id"] = pick(2) ? "ST9999" : any(m_students); break;
        case 7: f["educators"] = first + ";T999"; break;
        case 8: f["focus"] = any(std::vector<std::string>{"hopes_and_dreams", "academics", "other"}); break;
        case 9: f["arranged_on"] = pick(2) ? "" : f["date"]; break;
        case 10: f["reflected_on"] = pick(2) ? "" : "2026-05-15"; break;
        case 11:
            f["status"] = any(std::vector<std::string>{"scheduled", "completed", "cancelled", "no_show", "declined"});
            if (f["status"] == "cancelled" || f["status"] == "no_show")
                f["cancelled_by"] = "family";
            break;
        case 12: f["start_time"] = any(std::vector<std::string>{"08:30", "12:00", "16:30", "17:00"}); break;
        case 13: f["interpreter"] = pick(2) ? any(m_staff) : ""; break;
        case 14: f["site_id"] = any(m_sites); break;
        case 15: f[any(std::vector<std::string>{"focus", "minutes", "start_time", "educators"})] = ""; break;
        default: f["educators"] = any(m_staff) + ";" + any(m_staff); break;
        }
    }

    std::mt19937 m_rng;
    std::vector<std::string> m_staff, m_students, m_sites, m_dates;
};

// The example district; the same with a cap of 8 paid visits, and with
// every 20th visit removed once (removed_visits.csv) but still logged.
std::vector<io::Sources> districts()
{
    const io::Sources example = io::read_sources(PTHV_EXAMPLES_DIR);
    io::Sources capped = test::capped_at_eight(example);
    capped["removed_visits.csv"] = util::FileText(std::string("visit_id,removed_on,reason\n"));
    const auto loaded = io::load_sources(example);
    for (std::size_t i = 0; i < loaded.repo.visits.size(); i += 20)
        capped["removed_visits.csv"].edit() += std::string(loaded.repo.id(loaded.repo.visits[i].id)) +
                                               ",2026-05-01,logged twice\n";
    return {example, capped};
}

std::shared_ptr<const io::Scope> scope_of(const record::Fields& fields)
{
    return std::make_shared<const io::Scope>(record::visit_scope({fields}));
}

} // namespace

TEST_CASE("an incremental check of a random change finds what a check of the whole repo finds")
{
    std::map<std::string, std::size_t> rules_seen;
    std::size_t compared = 0;
    std::size_t differing = 0;
    for (const auto& src : districts()) {
        const auto whole = io::load_sources(src, [] {
            io::LoadOptions o;
            o.as_of = k_as_of;
            return o;
        }());
        const model::Repo& repo = whole.repo;
        const auto& header = repo.files.at("visits.csv").header;
        for (unsigned seed = 1; seed <= 16; ++seed) {
            Mutator mutate(repo, seed);
            for (int i = 0; i < 8; ++i) {
                const model::Visit& base = repo.visits[mutate.pick(repo.visits.size())];
                const record::Fields before = record::row_fields(src, "visits.csv", base.line);
                record::Fields row = before;
                mutate.mutate(row);
                std::optional<record::Edit> edit;
                std::shared_ptr<const io::Scope> scope;
                std::shared_ptr<const io::Scope> loaded_in; // as log-visit loads: a new row's scope, a changed row's own
                if (i % 2 == 0) { // a new row, now and then with an id already logged
                    std::set<std::string> reserved;
                    if (i != 6)
                        row["visit_id"] = record::make_visit_id(row["date"], row["student_id"], repo, reserved);
                    scope = loaded_in = scope_of(row);
                    edit = record::make_append(src, "visits.csv", record::render_row(header, row, "\n"), 1);
                } else { // the row changed in place (--update, --confirm)
                    if (i % 4 == 3) {
                        row["confirmed_on"] = "2026-05-15";
                        row["confirmed_by"] = mutate.pick(2) ? "T001" : "T999";
                    }
                    scope = scope_of(row);
                    loaded_in = scope_of(before); // incremental only when the change keeps its student and educators
                    edit = record::make_replace(src, "visits.csv", base.line, record::render_row(header, row, ""));
                    REQUIRE(edit);
                    edit->records.insert(row["visit_id"]);
                }
                record::Current current = current_in(src, loaded_in);
                current.scope = scope;
                const auto incremental = found_in(record::check_change(current, *edit, k_as_of));
                const auto full = whole_check(src, *edit);
                CHECK_MESSAGE(incremental == full, "seed " << seed << " edit " << i << ": "
                                                          << record::render_row(header, row, "")
                                                          << "\nincremental:" << describe(incremental)
                                                          << "\nwhole repo:" << describe(full));
                differing += incremental != full;
                for (const auto& f : full)
                    ++rules_seen[std::get<0>(f)];
                ++compared;
            }
        }
    }
    CHECK(differing == 0);
    for (const auto& [rule, n] : rules_seen)
        MESSAGE(rule << ": " << n);
    CHECK(compared == 2 * 16 * 8);
    // The edits made findings of every rule a change of a visit row can have.
    for (const char* rule : {"unknown-ref", "visit-out-of-year", "visit-in-future", "CP1-arranged", "CP1-opted-in",
                             "CP2-trained", "CP3-first-focus", "CP5-pair", "CP5-reflection", "duplicate-visit",
                             "over-cap", "duplicate-key", "required-missing", "removed-visit-present",
                             "visit-inactive-site", "late-entry", "scheduled-overdue"})
        CHECK_MESSAGE(rules_seen[rule] > 0, std::string(rule));
}

TEST_CASE("an incremental check reads the kept rows again, not the files")
{
    const io::Sources src = io::read_sources(PTHV_EXAMPLES_DIR);
    record::Fields row = record::row_fields(src, "visits.csv", 2);
    row["date"] = "2026-05-14";
    const auto scope = scope_of(row);
    const record::Current current = current_in(src, scope);
    const auto& visits = current.loaded.repo.files.at("visits.csv");
    CHECK(visits.scoped);
    CHECK(!visits.scoped_rows.empty());
    CHECK(visits.scoped_rows.size() < 100); // of 1,245 rows: the student's and its educators'
    CHECK(current.loaded.repo.files.at("students.csv").scoped_rows.size() == 1);
    CHECK(!current.loaded.repo.files.at("staff.csv").scoped); // other files load whole
}

TEST_CASE("record::visit_row_scope")
{
    SUBCASE("a logged visit: its student, educators and id")
    {
        const auto scope = record::visit_row_scope(PTHV_EXAMPLES_DIR, "V20250710-ST0087");
        CHECK(scope->students == std::set<std::string, std::less<>>{"ST0087"});
        CHECK(scope->staff == std::set<std::string, std::less<>>{"T059", "T062"});
        CHECK(scope->visit_id_prefixes == std::vector<std::string>{"V20250710-ST0087"});
    }
    SUBCASE("an id no row has, or one that only begins another's: the id alone")
    {
        for (const char* id : {"V20250710-ST9999", "V20250710-ST008"}) {
            const auto scope = record::visit_row_scope(PTHV_EXAMPLES_DIR, id);
            CHECK(scope->students.empty());
            CHECK(scope->staff.empty());
            CHECK(scope->visit_id_prefixes == std::vector<std::string>{id});
        }
    }
}
