#pragma once
// A valid tiny data repo as io::Sources, for tests that break one thing and
// check what the loader and the rules make of it. No disk: everything goes
// through io::load_sources.
//
// The repo (school year 2026-07-01..2027-06-30, checked as of 2026-10-01):
//   sites.csv     S01 active (coordinator T01), S02 prospective
//   staff.csv     T01, T02 certificated; T03 classified (27.35/h); all opted in
//   students.csv  ST01, ST02 (siblings, family F01, homeroom T01), ST03 (T02)
//   trainings.csv intro for T01, T02, T03 on 2026-08-10
//   visits.csv    line 2, 3: ST01 and ST02 seen together on Monday
//                 2026-09-14 16:30 by T01;T02 (one visit event), completed
//                 line 4: ST03 scheduled for 2026-10-15

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <pthv/io/loader.hpp>
#include <memory>

#include <pthv/model/facts.hpp>
#include <pthv/model/problem.hpp>
#include <pthv/pay/items.hpp>
#include <pthv/rules/registry.hpp>

namespace pthv::test {

// A fresh folder under the system's temporary folder, removed afterwards.
// How many entries folder `dir` holds.
inline std::size_t entries(const std::filesystem::path& dir)
{
    std::size_t n = 0;
    for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir))
        ++n;
    return n;
}

// `district`'s sources with a cap of 8 paid visits per educator instead of
// the example district's 60, so that over-cap fires.
inline io::Sources capped_at_eight(io::Sources district)
{
    std::string& yaml = district.at("pthv.yaml").edit();
    const auto at = yaml.find("max_paid_visits_per_staff: 60");
    REQUIRE(at != std::string::npos);
    yaml.replace(at, 29, "max_paid_visits_per_staff: 8");
    return district;
}

struct TempDir {
    std::filesystem::path path;
    TempDir()
    {
        std::string tmpl = (std::filesystem::temp_directory_path() / "pthv-test-XXXXXX").string();
        REQUIRE(::mkdtemp(tmpl.data()) != nullptr);
        path = tmpl;
    }
    ~TempDir()
    {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
};

inline const char* const k_config = R"(district: Test District
school_year: {start: 2026-07-01, end: 2027-06-30, mid_year: 2027-01-31}
calendar:
  first_day: 2026-08-19
  last_day: 2027-06-04
  weekdays: [mon, tue, wed, thu, fri]
  school_day: {start: "08:00", end: "15:30"}
  holidays: [2026-09-07, 2026-11-26..2026-11-27]
practices:
  arrange_lead_days: 1
  reflection_within_days: 7
  refresher_months: 24
compensation:
  certificated: {per_visit: 50.00}
  classified: {hourly: 28.00, minimum_minutes: 60}
  training: {certificated_hourly: 40.00, classified_hourly: 28.00}
  max_paid_visits_per_staff: 60
funding:
  - {source: district, amount: 10000.00}
reports: {min_cell: 10}
targeting: {full_coverage: 0.9, alpha: 0.05, min_visited: 5}
)";

inline const char* const k_visits_header =
    "visit_id,student_id,site_id,date,start_time,minutes,educators,status,arranged_on,focus,mode,reflected_on,"
    "language,notes\n";

inline io::Sources tiny_repo()
{
    io::Sources s;
    s["pthv.yaml"] = k_config;
    s["sites.csv"] = "site_id,name,level,status,coordinator_id,visit_goal\n"
                     "S01,Cedar Grove Elementary,elementary,active,T01,20\n"
                     "S02,Harbor View K-8,k8,prospective,,\n";
    s["staff.csv"] = "staff_id,name,site_id,role,class,opted_in,hourly_rate,active\n"
                     "T01,Ana Lopez,S01,teacher,certificated,yes,,yes\n"
                     "T02,Ben Cho,S01,teacher,certificated,yes,,yes\n"
                     "T03,Cara Diaz,S01,liaison,classified,yes,27.35,yes\n";
    s["students.csv"] = "student_id,site_id,grade,homeroom_id,name,family_id,flag_attendance\n"
                        "ST01,S01,3,T01,,F01,no\n"
                        "ST02,S01,3,T01,,F01,no\n"
                        "ST03,S01,4,T02,,,yes\n";
    s["trainings.csv"] = "staff_id,date,kind,hours,session\n"
                         "T01,2026-08-10,intro,3,2026-08 intro\n"
                         "T02,2026-08-10,intro,3,2026-08 intro\n"
                         "T03,2026-08-10,intro,3,2026-08 intro\n";
    s["visits.csv"] = std::string(k_visits_header) +
                      "V20260914-ST01,ST01,S01,2026-09-14,16:30,45,T01;T02,completed,2026-09-08,hopes_and_dreams,"
                      "home,2026-09-15,es,\n"
                      "V20260914-ST02,ST02,S01,2026-09-14,16:30,45,T01;T02,completed,2026-09-08,hopes_and_dreams,"
                      "home,2026-09-15,es,\"Mom, dad and grandma joined\"\n"
                      "V20261015-ST03,ST03,S01,2026-10-15,17:00,40,T02;T03,scheduled,2026-10-01,hopes_and_dreams,"
                      "home,,,\n";
    return s;
}

inline model::Date date(std::string_view text)
{
    const auto d = model::Date::parse(text);
    REQUIRE(d);
    return *d;
}

inline io::LoadOptions as_of(std::string_view day = "2026-10-01")
{
    io::LoadOptions o;
    o.as_of = date(day);
    return o;
}

// Loads and checks the sources: every problem validate would print.
inline model::Problems validate(const io::Sources& sources, std::string_view day = "2026-10-01",
                                const rules::CheckOptions& options = {})
{
    auto loaded = io::load_sources(sources, as_of(day));
    return rules::check_repo(loaded.repo, std::move(loaded.problems), options);
}

// Replaces the first `from` in `file` with `to`; the test fails if it is not there.
inline void replace(io::Sources& sources, const std::string& file, std::string_view from, std::string_view to)
{
    std::string& text = sources.at(file).edit();
    const auto pos = text.find(from);
    REQUIRE_MESSAGE(pos != std::string::npos, file << " holds no " << from);
    text.replace(pos, from.size(), to);
}

// Appends one line (a newline is added).
inline void append(io::Sources& sources, const std::string& file, std::string_view line)
{
    sources[file].edit() += std::string(line) + "\n";
}

inline std::size_t count(const model::Problems& problems, std::string_view rule)
{
    std::size_t n = 0;
    for (const auto& p : problems)
        n += p.rule == rule ? 1u : 0u;
    return n;
}

// The only problem of `rule`; the test fails unless there is exactly one.
inline model::Problem only(const model::Problems& problems, std::string_view rule)
{
    REQUIRE_MESSAGE(count(problems, rule) == 1, "expected one " << rule << " problem");
    for (const auto& p : problems)
        if (p.rule == rule)
            return p;
    return {};
}

inline bool contains(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

// "file:line rule: message" per problem, for failure messages.
inline std::string dump(const model::Problems& problems)
{
    std::string out;
    for (const auto& p : problems)
        out += p.file + ":" + std::to_string(p.line) + " " + p.rule + ": " + p.message + "\n";
    return out;
}

// Records and items by id text, for checks that name them.
inline const model::Student* student(const model::Repo& repo, std::string_view id)
{
    return repo.find(repo.names.students.find(id));
}
inline const model::Staff* staff(const model::Repo& repo, std::string_view id)
{
    return repo.find(repo.names.staff.find(id));
}
inline const model::Site* site(const model::Repo& repo, std::string_view id)
{
    return repo.find(repo.names.sites.find(id));
}
inline const model::Visit* visit(const model::Repo& repo, std::string_view id)
{
    return repo.find(repo.names.visits.find(id));
}
// A visit's educators as written, as text.
inline std::vector<std::string> educators(const model::Repo& repo, const model::Visit& v)
{
    std::vector<std::string> out;
    for (const auto e : repo.educators(v))
        out.emplace_back(repo.id(e));
    return out;
}

// Pay items with the repo and facts they refer to (items hold handles) and
// the rule texts they view.
struct PaidItems : std::vector<pay::PayItem> {
    std::shared_ptr<io::LoadResult> loaded;
    std::shared_ptr<model::Facts> facts;
    std::shared_ptr<const pay::RuleTexts> rule_texts;

    std::string staff(const pay::PayItem& i) const { return std::string(loaded->repo.id(i.staff)); }
    std::string id(const pay::PayItem& i) const { return pay::item_id(loaded->repo, i); }
    std::string site(const pay::PayItem& i) const { return std::string(loaded->repo.id(i.site)); }
    std::size_t rows(const pay::PayItem& i) const
    {
        return i.event ? facts->event_visits(facts->events()[*i.event]).size() : 0;
    }
};

inline PaidItems paid_items(const io::Sources& sources, std::string_view as_of_day, const pay::Period& period)
{
    PaidItems out;
    out.loaded = std::make_shared<io::LoadResult>(io::load_sources(sources, as_of(as_of_day)));
    out.facts = std::make_shared<model::Facts>(out.loaded->repo);
    auto paid = pay::pay_items(*out.facts, pay::visit_work(*out.facts), period);
    static_cast<std::vector<pay::PayItem>&>(out) = std::move(paid.list);
    out.rule_texts = std::make_shared<const pay::RuleTexts>(std::move(paid.rule_texts));
    return out;
}

} // namespace pthv::test
