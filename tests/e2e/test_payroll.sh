#!/usr/bin/env bash
# pthv payroll on a small fixture district (cli.md, payroll; data.md,
# compensation, funding, payroll files): pay rules, held and over-the-cap
# visits, late items, closing a month once, budgets, CSV safety, and that
# validate agrees with what payroll closed. Every amount is computed by hand
# in the comments. Usage: bash test_payroll.sh /path/to/pthv
. "$(dirname "$0")/lib.sh" "$1"

has() { grep -qF -- "$2" "$1"; }
hasnt() { ! grep -qF -- "$2" "$1"; }
line_of() { grep -F -- "$2" "$1" | head -1; } # the first line of FILE holding TEXT
pthv() { "$bin" -C "$repo" --as-of 2026-10-31 "$@"; }

repo=$tmp/district
mkdir -p "$repo"
cat >"$repo/pthv.yaml" <<'YAML'
district: Fixture Unified
school_year: {start: 2026-07-01, end: 2027-06-30, mid_year: 2027-01-31}
calendar:
  first_day: 2026-08-19
  last_day: 2027-06-04
  weekdays: [mon, tue, wed, thu, fri]
  school_day: {start: "08:00", end: "15:30"}
  holidays: [2026-09-07, 2026-11-26..2026-11-27]
practices: {arrange_lead_days: 1, reflection_within_days: 7, refresher_months: 24}
compensation:
  certificated: {per_visit: 50.00}
  classified: {hourly: 28.00, minimum_minutes: 60}
  training: {certificated_hourly: 40.00, classified_hourly: 28.00}
  max_paid_visits_per_staff: 3
funding:
  - {source: title-1, amount: 800.00, sites: [S01]}
  - {source: district, amount: 2000.00}
reports: {min_cell: 10}
targeting: {full_coverage: 0.9, alpha: 0.05, min_visited: 5}
YAML
cat >"$repo/sites.csv" <<'CSV'
site_id,name,level,status,coordinator_id,visit_goal
S01,Cedar Grove Elementary,elementary,active,T01,10
S02,Riverbend Middle School,middle,active,T05,10
CSV
# T03 has her own rate (27.35); T04 is paid the class's 28.00; T05's name
# is a spreadsheet formula, which the CSV output must neutralise.
cat >"$repo/staff.csv" <<'CSV'
staff_id,name,site_id,role,class,opted_in,hourly_rate,active
T01,Ana Lopez,S01,teacher,certificated,yes,,yes
T02,Ben Cho,S01,teacher,certificated,yes,,yes
T03,Cara Diaz,S01,liaison,classified,yes,27.35,yes
T04,Dan Ruiz,S02,paraprofessional,classified,yes,,yes
T05,"=HYPERLINK(""http://example.com"",""pay me"")",S02,counselor,certificated,yes,,yes
CSV
cat >"$repo/students.csv" <<'CSV'
student_id,site_id,grade,homeroom_id,name,family_id
ST01,S01,3,T01,,F01
ST02,S01,4,T01,,F01
ST03,S01,3,T02,,
ST04,S02,7,T05,,
ST05,S02,8,T05,,
CSV
cat >"$repo/trainings.csv" <<'CSV'
staff_id,date,kind,hours,session
T01,2026-07-06,intro,3,"=2026-07 intro, Cedar Grove"
T02,2026-07-06,intro,3,2026-07 intro
T03,2026-07-06,intro,2.5,2026-07 intro
T04,2026-07-06,intro,3,2026-07 intro
T05,2026-07-06,intro,3,2026-07 intro
CSV
h="visit_id,student_id,site_id,date,start_time,minutes,educators,status,arranged_on,focus,mode,reflected_on,language,notes"
v() { # v ID STUDENT SITE DATE TIME MINUTES EDUCATORS FOCUS: a completed visit, arranged and reflected on time
    local arranged reflected
    arranged=$(date -d "$4 -3 days" +%F)
    reflected=$(date -d "$4 +1 day" +%F)
    echo "$1,$2,$3,$4,$5,$6,$7,completed,$arranged,$8,home,$reflected,en,"
}
{
    echo "$h"
    v V20260720-ST05 ST05 S02 2026-07-20 10:00 30 'T04;T05' hopes_and_dreams # summer
    v V20260907-ST04 ST04 S02 2026-09-07 10:00 40 'T04;T05' hopes_and_dreams # Labor Day holiday
    v V20260912-ST03 ST03 S01 2026-09-12 10:00 75 'T01;T03' hopes_and_dreams # Saturday
    v V20260914-ST01 ST01 S01 2026-09-14 16:30 45 'T01;T02' hopes_and_dreams # evening, siblings:
    v V20260914-ST02 ST02 S01 2026-09-14 16:30 60 'T01;T02' hopes_and_dreams # one event, 60 min
    v V20260916-ST03 ST03 S01 2026-09-16 15:00 45 'T01;T02' academics        # 15:00-15:45: held
    v V20260919-ST01 ST01 S01 2026-09-19 10:00 60 'T01;T02' academics        # Saturday
    v V20260921-ST02 ST02 S01 2026-09-21 17:00 45 'T01;T02' academics        # T01's 4th: over the cap
    v V20260923-ST03 ST03 S01 2026-09-23 16:00 40 'T03;T04' academics        # hourly, 60 min minimum
} >"$repo/visits.csv"

# --- the September listing ---------------------------------------------------
pthv payroll --month 2026-09 >"$tmp/sep.txt" 2>"$tmp/sep.err"
check "payroll --month 2026-09 exits 0" test $? -eq 0
pthv payroll --month 2026-09 --format csv >"$tmp/sep.csv"
csvline() { line_of "$tmp/sep.csv" "$1"; }
check "per visit: certificated T01 gets 50.00 for the Saturday visit" \
    test "$(csvline ',T01,visit,V20260912-ST03,')" = \
    "2026-09,T01,visit,V20260912-ST03,2026-09-12,75,,50.00,50.00,S01,title-1,paid,,Ana Lopez,50.00 per visit,,"
check "hourly with her own rate, half up: 27.35/h for 75 minutes = 34.19" \
    has "$tmp/sep.csv" "2026-09,T03,visit,V20260912-ST03,2026-09-12,75,,27.35,34.19,S01,title-1,paid,"
check "minimum minutes: 40 minutes at 27.35/h are paid 60, 27.35" \
    has "$tmp/sep.csv" "2026-09,T03,visit,V20260923-ST03,2026-09-23,40,,27.35,27.35,"
check "no own rate: T04 gets the class's 28.00 for 40 minutes (minimum 60)" \
    has "$tmp/sep.csv" "2026-09,T04,visit,V20260923-ST03,2026-09-23,40,,28.00,28.00,S01,title-1,paid,"
check "training: 2.5 h x the class's training rate 28.00 = 70.00, not her own rate" \
    has "$tmp/sep.csv" "2026-09,T03,training,2026-07-06/intro,2026-07-06,,2.50,28.00,70.00,S01,title-1,late,"
check "a holiday visit is paid" has "$tmp/sep.csv" "2026-09,T05,visit,V20260907-ST04,2026-09-07,40,,50.00,50.00,S02,district,paid,"
check "a summer visit of an earlier month is paid, marked late" \
    has "$tmp/sep.csv" "2026-09,T05,visit,V20260720-ST05,2026-07-20,30,,50.00,50.00,S02,district,late,"
check "an evening visit is paid; siblings once per event, for the longest row (60 min)" \
    test "$(grep -c ',T01,visit,V20260914-ST0' "$tmp/sep.csv")" -eq 1
check "... item_id is the event's first visit_id" \
    has "$tmp/sep.csv" "2026-09,T02,visit,V20260914-ST01,2026-09-14,60,,50.00,50.00,S01,title-1,paid,"
check "a 15:00-15:45 school-day visit is held at 0.00, with the reason" \
    has "$tmp/sep.csv" "2026-09,T01,visit,V20260916-ST03,2026-09-16,45,,50.00,0.00,S01,title-1,held,\"held: 15:00-15:45 partly overlaps the school day (08:00-15:30); decide,"
check "... and the CP2-compensation finding beside it" \
    test "$(csvline ',T01,visit,V20260916-ST03,' | awk -F, '{print $NF}')" = "CP2-compensation"
check "the cap: T01's 4th paid visit of the year is over the cap at 0.00" \
    has "$tmp/sep.csv" "2026-09,T01,visit,V20260921-ST02,2026-09-21,45,,50.00,0.00,S01,title-1,over_cap,"
check "... while T02's 3rd on the same visit is paid" \
    has "$tmp/sep.csv" "2026-09,T02,visit,V20260921-ST02,2026-09-21,45,,50.00,50.00,S01,title-1,paid,"
check "no visit of September is inside the school day, so no school_day line" hasnt "$tmp/sep.csv" ",school_day,"
check "CSV neutralises a name beginning with =" \
    has "$tmp/sep.csv" ",\"'=HYPERLINK(\"\"http://example.com\"\",\"\"pay me\"\")\","
check "CSV: no cell begins with = anywhere" hasnt "$tmp/sep.csv" ",="
# Sept: title-1 = T01 270 + T02 270 + T03 131.54 + T04's S01 visit 28 = 699.54;
#       district = T04 84 + 28 + 28, T05 120 + 50 + 50 = 360.00.
check "text: a total per staff member (T03: 70.00 + 34.19 + 27.35)" has "$tmp/sep.txt" "131.54"
check "text: the rule beside each staff member" has "$tmp/sep.txt" "T03  Cara Diaz (liaison, S01): classified, 27.35/h (own rate), minimum 60 min"
check "text: totals" has "$tmp/sep.txt" "21 items: 18 to pay (7 late), 1,059.54; 2 held; 1 over the cap; 0 in the school day."
check "text: title-1 this period 699.54, left 100.46" \
    grep -qE '^  title-1 +800\.00 +0\.00 +699\.54 +100\.46$' "$tmp/sep.txt"
check "text: district this period 360.00, left 1,640.00" \
    grep -qE '^  district +2,000\.00 +0\.00 +360\.00 +1,640\.00$' "$tmp/sep.txt"
check "text: per site with its source" grep -qE '^  S02 Riverbend Middle School +district +360\.00 +0\.00$' "$tmp/sep.txt"
pthv payroll --month 2026-09 --format json >"$tmp/sep.json"
check "json parses, with the sources" python3 -c "
import json, sys
d = json.load(open('$tmp/sep.json'))
s = {x['source']: x for x in d['sources']}
assert s['title-1']['left'] == '100.46' and s['district']['period'] == '360.00', s
assert d['totals']['amount'] == '1059.54'
"
pthv payroll --month 2026-09 --format json >"$tmp/sep2.json"
check "json is deterministic" cmp -s "$tmp/sep.json" "$tmp/sep2.json"
pthv payroll --from 2026-09-01 --to 2026-09-30 --format csv >"$tmp/range.csv"
check "--from/--to pays the same items as --month" \
    test "$(cut -d, -f2-  "$tmp/range.csv" | md5sum)" = "$(cut -d, -f2- "$tmp/sep.csv" | md5sum)"

# --- closing September ---------------------------------------------------------
cp "$repo/visits.csv" "$tmp/visits.good"
v V20260922-ST04 ST04 S02 2026-09-22 17:00 45 'T05' academics >>"$repo/visits.csv" # alone: CP5-pair error
pthv payroll --month 2026-09 --close >"$tmp/out" 2>"$tmp/err"
check "--close is refused (exit 2) when validate finds errors" test $? -eq 2
check "... printing them" has "$tmp/err" "error[CP5-pair]"
check "... and writes nothing" test ! -e "$repo/payroll"
cp "$tmp/visits.good" "$repo/visits.csv"
pthv payroll --from 2026-09-01 --to 2026-09-30 --close >"$tmp/out" 2>"$tmp/err"
check "--close with --from/--to is a usage error" test $? -eq 2
pthv payroll --month 2026-09 --close >"$tmp/close.txt" 2>"$tmp/err"
check "--close 2026-09 exits 0" test $? -eq 0
check "... and says what it wrote" has "$tmp/close.txt" "Closed 2026-09: wrote payroll/2026-09.csv with 18 paid items, 1,059.54."
cat >"$tmp/expected.csv" <<'CSV'
period,staff_id,item,item_id,date,minutes,hours,rate,amount,site_id,source
2026-09,T01,training,2026-07-06/intro,2026-07-06,,3.00,40.00,120.00,S01,title-1
2026-09,T01,visit,V20260912-ST03,2026-09-12,75,,50.00,50.00,S01,title-1
2026-09,T01,visit,V20260914-ST01,2026-09-14,60,,50.00,50.00,S01,title-1
2026-09,T01,visit,V20260919-ST01,2026-09-19,60,,50.00,50.00,S01,title-1
2026-09,T02,training,2026-07-06/intro,2026-07-06,,3.00,40.00,120.00,S01,title-1
2026-09,T02,visit,V20260914-ST01,2026-09-14,60,,50.00,50.00,S01,title-1
2026-09,T02,visit,V20260919-ST01,2026-09-19,60,,50.00,50.00,S01,title-1
2026-09,T02,visit,V20260921-ST02,2026-09-21,45,,50.00,50.00,S01,title-1
2026-09,T03,training,2026-07-06/intro,2026-07-06,,2.50,28.00,70.00,S01,title-1
2026-09,T03,visit,V20260912-ST03,2026-09-12,75,,27.35,34.19,S01,title-1
2026-09,T03,visit,V20260923-ST03,2026-09-23,40,,27.35,27.35,S01,title-1
2026-09,T04,training,2026-07-06/intro,2026-07-06,,3.00,28.00,84.00,S02,district
2026-09,T04,visit,V20260720-ST05,2026-07-20,30,,28.00,28.00,S02,district
2026-09,T04,visit,V20260907-ST04,2026-09-07,40,,28.00,28.00,S02,district
2026-09,T04,visit,V20260923-ST03,2026-09-23,40,,28.00,28.00,S01,title-1
2026-09,T05,training,2026-07-06/intro,2026-07-06,,3.00,40.00,120.00,S02,district
2026-09,T05,visit,V20260720-ST05,2026-07-20,30,,50.00,50.00,S02,district
2026-09,T05,visit,V20260907-ST04,2026-09-07,40,,50.00,50.00,S02,district
CSV
check "payroll/2026-09.csv holds exactly the ledger columns and the paid items" \
    cmp -s "$tmp/expected.csv" "$repo/payroll/2026-09.csv"
check "... with LF endings" bash -c "! grep -q $'\r' '$repo/payroll/2026-09.csv'"
check "... and no temporary file beside it" test "$(ls -A "$repo/payroll")" = "2026-09.csv"
cp "$repo/payroll/2026-09.csv" "$tmp/closed.csv"
pthv payroll --month 2026-09 --close >"$tmp/out" 2>"$tmp/err"
check "a second --close of 2026-09 is refused (exit 2)" test $? -eq 2
check "... saying the period is closed" has "$tmp/err" "payroll/2026-09.csv exists"
check "... and the file is byte-identical" cmp -s "$tmp/closed.csv" "$repo/payroll/2026-09.csv"
pthv validate >"$tmp/val.txt"
check "validate: no errors after the close" test $? -eq 0
check "validate's over-cap names the visit payroll lists as over the cap" \
    grep -qE "over-cap.*T01.*V20260921-ST02" "$tmp/val.txt"

# --- October: late items, nothing paid twice, budget ----------------------------
# T06 joins after the close, with a training and a visit both dated in September.
echo "T06,Eva Park,S01,paraprofessional,classified,yes,,yes" >>"$repo/staff.csv"
echo "T07,Finn Obi,S02,teacher,certificated,yes,,yes" >>"$repo/staff.csv"
echo "T06,2026-09-25,intro,2,2026-09 intro" >>"$repo/trainings.csv"
echo "T07,2026-10-02,intro,3,2026-10 intro" >>"$repo/trainings.csv"
v V20260928-ST03 ST03 S01 2026-09-28 18:00 90 'T03;T06' academics >>"$repo/visits.csv" # logged late
v V20261005-ST04 ST04 S02 2026-10-05 16:00 60 'T05;T07' academics >>"$repo/visits.csv"
v V20261010-ST02 ST02 S01 2026-10-10 10:00 120 'T06;T07' academics >>"$repo/visits.csv"
pthv payroll --month 2026-10 --format csv >"$tmp/oct.csv"
check "payroll --month 2026-10 --format csv exits 1: title-1 would go below zero" test $? -eq 1
check "a September visit logged after the close is paid in October, marked late (27.35 x 90 / 60 = 41.03)" \
    has "$tmp/oct.csv" "2026-10,T03,visit,V20260928-ST03,2026-09-28,90,,27.35,41.03,S01,title-1,late,\"late: dated 2026-09-28"
check "... and a September training logged late too" \
    has "$tmp/oct.csv" "2026-10,T06,training,2026-09-25/intro,2026-09-25,,2.00,28.00,56.00,S01,title-1,late,"
paid_again=$(awk -F, 'NR > 1 && ($12 == "paid" || $12 == "late") {print $2 "," $3 "," $4}' "$tmp/oct.csv" |
    grep -cFx -f <(awk -F, 'NR > 1 {print $2 "," $3 "," $4}' "$tmp/closed.csv"))
check "nothing the closed ledger holds is paid again" test "$paid_again" -eq 0
check "the held visit is still listed as held, not paid" has "$tmp/oct.csv" ",T01,visit,V20260916-ST03,2026-09-16,45,,50.00,0.00,S01,title-1,held,"
check "the over-the-cap visit is still over the cap, not paid" has "$tmp/oct.csv" ",T01,visit,V20260921-ST02,2026-09-21,45,,50.00,0.00,S01,title-1,over_cap,"
pthv payroll --month 2026-10 >"$tmp/oct.txt"
# title-1 (S01): T03 41.03 + T06 42.00 (Sept 28, late) + T06 training 2 h x 28 = 56.00 (late)
#   + Oct 10: T06 120 min x 28/h = 56.00, T07 50.00 = 245.03; left 800 - 699.54 - 245.03 = -144.57.
# district (S02): T05 50.00 + T07 50.00 (Oct 5) + T07 training 3 h x 40 = 120.00 = 220.00;
#   left 2,000 - 360 - 220 = 1,420.00.
check "budget: title-1 closed 699.54, this period 245.03, left -144.57" \
    grep -qE '^  title-1 +800\.00 +699\.54 +245\.03 +-144\.57  below zero$' "$tmp/oct.txt"
check "budget: district closed 360.00, this period 220.00, left 1,420.00" \
    grep -qE '^  district +2,000\.00 +360\.00 +220\.00 +1,420\.00$' "$tmp/oct.txt"
check "a warning where a source would go below zero" \
    has "$tmp/oct.txt" "warning: funding source title-1 would go 144.57 below zero"
pthv -q payroll --month 2026-10 >"$tmp/q.txt"
check "-q prints only the warnings" test "$(wc -l <"$tmp/q.txt")" -eq 1

# --- validate agrees with the closed ledger ------------------------------------
sed -i 's/^\(V20260919-ST01,.*\),completed,/\1,cancelled,/' "$repo/visits.csv"
pthv validate >"$tmp/val2.txt"
check "a closed visit now cancelled: validate exits 1" test $? -eq 1
check "... paid-not-compensable on the ledger's lines (T01 line 5, T02 line 8)" \
    bash -c "grep -q '^payroll/2026-09.csv:5: error\[paid-not-compensable\]: 2026-09 paid T01 50.00 for visit V20260919-ST01, which is now cancelled' '$tmp/val2.txt' &&
             grep -q '^payroll/2026-09.csv:8: error\[paid-not-compensable\]' '$tmp/val2.txt'"
pthv payroll --month 2026-11 --close >"$tmp/out" 2>"$tmp/err"
check "... and --close of the next month is refused until it is settled" test $? -eq 2
check "... with nothing written" test ! -e "$repo/payroll/2026-11.csv"

# --- help and the example district ----------------------------------------------
"$bin" payroll --help >"$tmp/help.txt"
check "--help shows real examples" \
    bash -c "grep -q 'pthv payroll --month 2026-10 --close' '$tmp/help.txt' && grep -q -- '--format csv' '$tmp/help.txt'"
"$bin" -C "$repo" payroll >/dev/null 2>"$tmp/err"
check "without a period: usage error" test $? -eq 2
cp -r "$src/examples" "$tmp/examples"
"$bin" -C "$tmp/examples" --as-of 2026-05-15 payroll --month 2025-10 >"$tmp/ex.txt" 2>"$tmp/err"
check "examples: payroll --month 2025-10 runs (exit 0)" test $? -eq 0
check "examples: the held 15:00 visit is not in October" hasnt "$tmp/ex.txt" "V20260219-ST0236"
check "examples: the bilingual liaison's own rate" has "$tmp/ex.txt" "27.35/h (own rate)"
check "examples: nothing written" test ! -e "$tmp/examples/payroll"

finish
