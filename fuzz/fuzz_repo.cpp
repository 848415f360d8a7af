// libFuzzer target: a whole repo whose visits.csv is the fuzz input and
// whose other files are a small valid district; loads it and runs every
// rule, as `pthv validate` does. Loading never throws for bad content
// (loader.hpp), so any exception or sanitizer report is a bug.
#include <cstddef>
#include <cstdint>
#include <string>

#include <pthv/io/loader.hpp>
#include <pthv/model/date.hpp>
#include <pthv/rules/registry.hpp>

namespace {

const pthv::io::Sources& base()
{
    static const pthv::io::Sources k_sources = {
        {"pthv.yaml", "district: Fuzz Unified\n"
                      "school_year: {start: 2025-07-01, end: 2026-06-30, mid_year: 2026-01-31}\n"
                      "calendar: {first_day: 2025-08-20, last_day: 2026-06-05, weekdays: [mon, tue, wed, "
                      "thu, fri], school_day: {start: \"08:00\", end: \"15:30\"}, holidays: [2025-09-01, "
                      "2025-12-22..2026-01-02]}\n"
                      "practices: {arrange_lead_days: 1, reflection_within_days: 7, refresher_months: 24}\n"
                      "compensation: {certificated: {per_visit: 50.00}, classified: {hourly: 28.00, "
                      "minimum_minutes: 60}, max_paid_visits_per_staff: 3}\n"
                      "funding: [{source: district, amount: 1000.00}]\n"
                      "targeting: {full_coverage: 0.9, alpha: 0.05, min_visited: 1}\n"},
        {"sites.csv", "site_id,name,level,status,coordinator_id,visit_goal\n"
                      "S01,Cedar,elementary,active,T01,10\nS02,Oak,middle,inactive,,\n"},
        {"staff.csv", "staff_id,name,site_id,role,class,opted_in,hourly_rate,active\n"
                      "T01,Ann,S01,teacher,certificated,yes,,yes\nT02,Bo,S01,liaison,classified,yes,29.50,yes\n"
                      "T03,Cy,S01,teacher,certificated,no,,yes\nT04,Di,S02,teacher,certificated,yes,,no\n"},
        {"students.csv", "student_id,site_id,grade,homeroom_id,name,family_id,flag_attendance\n"
                         "ST1,S01,K,T01,Al,F1,yes\nST2,S01,1,T01,Bea,F1,no\nST3,S01,K,T01,Cal,,no\n"
                         "ST4,S02,6,T04,Dee,,yes\n"},
        {"trainings.csv", "staff_id,date,kind,hours,session\nT01,2025-06-18,intro,6,June\n"
                          "T02,2025-06-18,intro,6,June\nT03,2023-06-18,intro,6,Old\nT04,2025-09-18,intro,6,Late\n"},
        {"payroll/2025-09.csv", "period,staff_id,item,item_id,date,minutes,hours,rate,amount,site_id,source\n"
                                "2025-09,T01,visit,V1,2025-09-10,45,,50.00,50.00,S01,district\n"},
    };
    return k_sources;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    pthv::io::Sources sources = base();
    sources["visits.csv"] = std::string(reinterpret_cast<const char*>(data), size);
    pthv::io::LoadOptions options;
    options.as_of = pthv::model::Date::parse("2026-05-15");
    auto loaded = pthv::io::load_sources(sources, options);
    (void)pthv::rules::check_repo(loaded.repo, std::move(loaded.problems));
    return 0;
}
