# Shared by test_log_visit.sh, test_import.sh and test_roster.sh (sourced):
# a small district whose roster answers are computed by hand.
#   as of 2026-09-20, refresher_months 24, due-soon = due within 60 days:
#   T001 intro 2026-08-01          -> current   (due 2028-08-01)
#   T002 intro 2024-10-15          -> due-soon  (due 2026-10-15)
#   T003 intro 2024-01-10          -> expired   (due 2026-01-10)
#   T004 no training               -> untrained
#   T005 refresher only 2026-08-01 -> untrained (an intro is needed)
#   students: ST01 visited twice, ST02 declined, ST03 scheduled 2026-10-01,
#   ST04 ST05 (S01) and ST06 (S02) never visited
#   -> unvisited: ST03 ST04 ST05 ST06

. "$(dirname "${BASH_SOURCE[0]}")/lib.sh" "${1:-}"
PTHV=$bin

make_repo() { # make_repo DIR
    local d=$1
    "$PTHV" --as-of 2026-09-20 init "$d" --district "Test District" >/dev/null || return 1
    cat >"$d/sites.csv" <<'CSV'
site_id,name,level,status,coordinator_id,visit_goal
S01,Cedar Grove Elementary,elementary,active,T001,10
S02,Las Palmas Elementary,elementary,active,,
CSV
    cat >"$d/staff.csv" <<'CSV'
staff_id,name,site_id,role,class,opted_in,hourly_rate,active
T001,Layla Le,S01,teacher,certificated,yes,,yes
T002,Vy Le,S01,teacher,certificated,yes,,yes
T003,Adrián Ramírez,S01,teacher,certificated,yes,,yes
T004,Kai Liu,S02,teacher,certificated,yes,,yes
T005,Mia Chen,S02,liaison,classified,yes,27.35,yes
CSV
    cat >"$d/trainings.csv" <<'CSV'
staff_id,date,kind,hours,session
T001,2026-08-01,intro,6,"2026-08 intro, Cedar Grove"
T002,2024-10-15,intro,6,"2024-10 intro, Cedar Grove"
T003,2024-01-10,intro,6,"2024-01 intro, Cedar Grove"
T005,2026-08-01,refresher,2,"2026-08 refresher"
CSV
    cat >"$d/students.csv" <<'CSV'
student_id,site_id,grade,homeroom_id,name,family_id
ST01,S01,3,T001,Ana Ruiz,F01
ST02,S01,3,T001,Ben Ortiz,F02
ST03,S01,3,T001,Cai Wong,F03
ST04,S01,3,T002,Dee Park,F04
ST05,S01,3,T002,Eli Stone,F05
ST06,S02,K,T004,Fay Lund,F06
CSV
    cat >"$d/visits.csv" <<'CSV'
visit_id,student_id,site_id,date,start_time,minutes,educators,status,arranged_on,focus,mode,reflected_on,language,notes
V20260910-ST01,ST01,S01,2026-09-10,16:00,45,T001;T002,completed,2026-09-01,hopes_and_dreams,home,2026-09-11,es,likes soccer
V20260912-ST02,ST02,S01,2026-09-12,,,T001;T002,declined,,,,,,
V20261001-ST03,ST03,S01,2026-10-01,,,T001;T002,scheduled,2026-09-15,,home,,,
V20260915-ST01,ST01,S01,2026-09-15,17:00,30,T001;T002,completed,2026-09-12,academics,home,2026-09-16,es,
CSV
}
