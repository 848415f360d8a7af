#!/usr/bin/env bash
# Payroll safety (docs/payroll.md): two closes at once never pay one item
# twice; only payroll/YYYY-MM.csv files are ledgers; amounts are bounded and
# never wrap; a funding sites list names real sites; a change that makes a
# paid visit uncompensable says so; every completed visit of the period has
# a line in the CSV. Usage: bash test_payroll_safety.sh /path/to/pthv
. "$(dirname "$0")/lib.sh" "$1"

has() { grep -qF -- "$2" "$1"; }
hasnt() { ! grep -qF -- "$2" "$1"; }
pthv() { "$bin" -C "$repo" --as-of 2026-10-31 "$@"; }

base=$tmp/base
mkdir -p "$base"
cat >"$base/pthv.yaml" <<'YAML'
district: Safety Unified
school_year: {start: 2026-07-01, end: 2027-06-30, mid_year: 2027-01-31}
calendar:
  first_day: 2026-08-19
  last_day: 2027-06-04
  weekdays: [mon, tue, wed, thu, fri]
  school_day: {start: "08:00", end: "15:30"}
  holidays: [2026-09-07]
compensation:
  certificated: {per_visit: 50.00}
  classified: {hourly: 28.00, minimum_minutes: 60}
  training: {certificated_hourly: 40.00, classified_hourly: 28.00}
funding:
  - {source: title-1, amount: 5000.00, sites: [S01]}
  - {source: district, amount: 5000.00}
YAML
cat >"$base/sites.csv" <<'CSV'
site_id,name,level,status,coordinator_id,visit_goal
S01,Cedar Grove Elementary,elementary,active,T01,10
S02,Riverbend Middle School,middle,active,T03,10
CSV
cat >"$base/staff.csv" <<'CSV'
staff_id,name,site_id,role,class,opted_in,hourly_rate,active
T01,Ana Lopez,S01,teacher,certificated,yes,,yes
T02,Ben Cho,S01,teacher,certificated,yes,,yes
T03,Cara Diaz,S02,liaison,classified,yes,27.35,yes
T04,Dan Ruiz,S02,teacher,certificated,yes,,yes
CSV
cat >"$base/students.csv" <<'CSV'
student_id,site_id,grade,homeroom_id,name,family_id
ST01,S01,3,T01,,
ST02,S01,4,T02,,
ST03,S02,7,T04,,
ST04,S02,8,T04,,
CSV
cat >"$base/trainings.csv" <<'CSV'
staff_id,date,kind,hours,session
T01,2026-08-10,intro,3,2026-08 intro
T02,2026-08-10,intro,3,2026-08 intro
T03,2026-08-10,intro,2.5,2026-08 intro
T04,2026-08-10,intro,3,2026-08 intro
CSV
v() { # v ID STUDENT SITE DATE TIME MINUTES EDUCATORS FOCUS: a completed visit, arranged and reflected on time
    echo "$1,$2,$3,$4,$5,$6,$7,completed,$(date -d "$4 -3 days" +%F),$8,home,$(date -d "$4 +1 day" +%F),en,"
}
{
    echo "visit_id,student_id,site_id,date,start_time,minutes,educators,status,arranged_on,focus,mode,reflected_on,language,notes"
    v V20260912-ST01 ST01 S01 2026-09-12 10:00 60 'T01;T02' hopes_and_dreams # Saturday
    v V20260915-ST03 ST03 S02 2026-09-15 16:30 45 'T03;T04' hopes_and_dreams # evening
    v V20260922-ST02 ST02 S01 2026-09-22 17:00 40 'T01;T02' hopes_and_dreams
    v V20261006-ST04 ST04 S02 2026-10-06 16:00 75 'T03;T04' hopes_and_dreams
    v V20261010-ST01 ST01 S01 2026-10-10 10:00 60 'T01;T02' academics
} >"$base/visits.csv"
repo=$base
pthv validate -q >"$tmp/base.txt"
check "the fixture validates clean" test $? -eq 0

# Lines of every closed ledger as "staff_id,item,item_id", header left out.
paid_items() { awk -F, 'FNR > 1 {print $2 "," $3 "," $4}' "$1"/payroll/*.csv; }

# --- two closes at once ---------------------------------------------------------
# Each round starts from the fixture with nothing closed and runs two closes
# side by side; however they interleave, no item may be paid twice.
twice=0 unclean=0 failed=0 same_twice=0 same_both=0
for round in $(seq 1 20); do
    repo=$tmp/round$round
    cp -r "$base" "$repo"
    pthv payroll --month 2026-09 --close >/dev/null 2>"$repo.err1" &
    p1=$!
    pthv payroll --month 2026-10 --close >/dev/null 2>"$repo.err2" &
    p2=$!
    wait $p1 || failed=$((failed + 1))
    wait $p2 || failed=$((failed + 1))
    [ -z "$(paid_items "$repo" | sort | uniq -d)" ] || twice=$((twice + 1))
    pthv validate -q >/dev/null || unclean=$((unclean + 1))

    # The same month twice at once: one close writes, the other is refused.
    repo=$tmp/same$round
    cp -r "$base" "$repo"
    pthv payroll --month 2026-10 --close >/dev/null 2>/dev/null &
    p1=$!
    pthv payroll --month 2026-10 --close >/dev/null 2>/dev/null &
    p2=$!
    wait $p1
    r1=$?
    wait $p2
    r2=$?
    [ $((r1 + r2)) -eq 2 ] || same_both=$((same_both + 1)) # one 0 and one 2
    [ -z "$(paid_items "$repo" | sort | uniq -d)" ] || same_twice=$((same_twice + 1))
done
check "20 rounds of closing 2026-09 and 2026-10 at once: every close exits 0" test "$failed" -eq 0
check "... no item is in two ledgers, in any round" test "$twice" -eq 0
check "... and validate is clean after each" test "$unclean" -eq 0
check "20 rounds of closing 2026-10 twice at once: one writes, the other is refused" test "$same_both" -eq 0
check "... and nothing is paid twice" test "$same_twice" -eq 0
repo=$tmp/round1
check "every completed visit of September and October is paid once per educator" \
    test "$(paid_items "$repo" | grep -c ',visit,')" -eq 10

# --- only payroll/YYYY-MM.csv is a ledger ---------------------------------------
repo=$tmp/names
cp -r "$base" "$repo"
pthv payroll --month 2026-09 --close >/dev/null 2>&1
pthv payroll --month 2026-10 >"$tmp/one.txt"
cp "$repo/payroll/2026-09.csv" "$repo/payroll/2026-09 (copy).csv"
echo "notes about September" >"$repo/payroll/README.txt"
pthv payroll --month 2026-10 >"$tmp/copy.txt"
check "a copy of a ledger does not change 'closed so far'" \
    test "$(grep -E '^  (title-1|district) ' "$tmp/one.txt")" = "$(grep -E '^  (title-1|district) ' "$tmp/copy.txt")"
check "... which is not zero (the test can fail)" grep -qE '^  title-1 +5,000\.00 +[1-9]' "$tmp/copy.txt"
pthv validate >"$tmp/val.txt"
check "validate: a file not named YYYY-MM.csv is a warning (exit 0)" test $? -eq 0
check "... naming the copy" has "$tmp/val.txt" "payroll/2026-09 (copy).csv: warning[ledger-name]: payroll/2026-09 (copy).csv is not read as a closed pay period"
check "... and any other file there" has "$tmp/val.txt" "payroll/README.txt: warning[ledger-name]"
check "... and the copy is no paid-twice" hasnt "$tmp/val.txt" "paid-twice"
pthv validate --strict -q >/dev/null
check "validate --strict exits 1 on it" test $? -eq 1

# --- amounts are bounded and never wrap -----------------------------------------
repo=$tmp/money
cp -r "$base" "$repo"
cp "$repo/trainings.csv" "$tmp/trainings.before"
pthv roster train --date 2026-10-20 --kind refresher --hours 9999999999999999.99 T01 >"$tmp/out" 2>"$tmp/err"
check "roster train --hours 9999999999999999.99: exit 2" test $? -eq 2
check "... naming the option" has "$tmp/err" "--hours 9999999999999999.99: at most 24 hours a training row"
pthv roster train --date 2026-10-20 --kind refresher --hours 24.01 T01 >"$tmp/out" 2>"$tmp/err"
check "roster train --hours 24.01: exit 2" test $? -eq 2
pthv roster train --date 2026-10-20 --kind refresher --hours -1 T01 >"$tmp/out" 2>"$tmp/err"
check "roster train --hours -1: exit 2 naming the option" has "$tmp/err" "--hours -1:"
check "... trainings.csv untouched" cmp -s "$tmp/trainings.before" "$repo/trainings.csv"
pthv roster train --date 2026-10-20 --kind refresher --hours 24 T01 >"$tmp/out" 2>"$tmp/err"
check "roster train --hours 24 is accepted" test $? -eq 0
cp "$repo/staff.csv" "$tmp/staff.before"
pthv roster set T03 --hourly-rate 9223372036854775.80 >"$tmp/out" 2>"$tmp/err"
check "roster set --hourly-rate 9223372036854775.80: exit 2 naming the option" \
    bash -c "[ $? -eq 2 ] && grep -qF -- '--hourly-rate 9223372036854775.80: more than 9,999,999.99' '$tmp/err'"
check "... staff.csv untouched" cmp -s "$tmp/staff.before" "$repo/staff.csv"

sed -i 's/^T03,Cara Diaz,S02,liaison,classified,yes,27.35,yes$/T03,Cara Diaz,S02,liaison,classified,yes,9223372036854775.80,yes/' "$repo/staff.csv"
pthv validate >"$tmp/val.txt"
check "an hourly_rate cell of 9223372036854775.80 is value-invalid on its line" \
    has "$tmp/val.txt" "staff.csv:4: error[value-invalid]"
check "... saying the largest amount" has "$tmp/val.txt" "more than 9,999,999.99, the largest amount pthv accepts"
pthv payroll --month 2026-10 --close >"$tmp/out" 2>"$tmp/err"
check "... and --close is refused, nothing written" bash -c "[ $? -eq 2 ] && [ ! -e '$repo/payroll/2026-10.csv' ]"
pthv payroll --month 2026-10 --format json >"$tmp/out" 2>"$tmp/err"
check "... payroll prints no negative or huge figure" \
    python3 -c "
import json
d = json.load(open('$tmp/out'))
assert all(not s['left'].startswith('-') and len(s['period']) < 12 for s in d['sources']), d['sources']
"
cp "$tmp/staff.before" "$repo/staff.csv"
echo "T02,2026-10-21,refresher,25,2026-10 refresher" >>"$repo/trainings.csv"
pthv validate >"$tmp/val.txt"
check "training hours over 24 in a row are value-invalid" has "$tmp/val.txt" "trainings.csv:7: error[value-invalid]"
cp "$tmp/trainings.before" "$repo/trainings.csv"

sed -i 's/classified: {hourly: 28.00,/classified: {hourly: 9223372036854775.80,/' "$repo/pthv.yaml"
pthv validate >"$tmp/val.txt"
check "a money setting past 9,999,999.99 is config-invalid with its YAML line" \
    has "$tmp/val.txt" "pthv.yaml:11: error[config-invalid]: compensation.classified.hourly: 9223372036854775.80 is more than 9,999,999.99"
pthv payroll --month 2026-10 >"$tmp/out" 2>"$tmp/err"
check "... and payroll refuses to compute (exit 2)" test $? -eq 2
cp "$base/pthv.yaml" "$repo/pthv.yaml"

# --- funding sites name real sites -----------------------------------------------
sed -i 's/sites: \[S01\]/sites: [S01, S2]/' "$repo/pthv.yaml"
pthv validate >"$tmp/val.txt"
check "funding.sites: [S01, S2] is config-invalid on its line" \
    has "$tmp/val.txt" "pthv.yaml:14: error[config-invalid]: funding[0].sites: \"S2\" is not a site_id of sites.csv"
pthv payroll --month 2026-10 >"$tmp/out" 2>"$tmp/err"
check "... and payroll refuses to move S02's costs (exit 2)" test $? -eq 2
sed -i 's/sites: \[S01, S2\]/sites: [S01, [S02]]/' "$repo/pthv.yaml"
pthv validate >"$tmp/val.txt"
check "a funding site that is not a site id is config-invalid" \
    has "$tmp/val.txt" "pthv.yaml:14: error[config-invalid]: funding[0].sites[1]: expected a site id"
cp "$base/pthv.yaml" "$repo/pthv.yaml"

# --- a paid visit marked cancelled says so ----------------------------------------
repo=$tmp/cancel
cp -r "$base" "$repo"
pthv payroll --month 2026-09 --close >/dev/null 2>&1
pthv log-visit --update V20260922-ST02 --status cancelled >"$tmp/out" 2>"$tmp/err"
check "log-visit --update of a paid visit to cancelled exits 1" test $? -eq 1
check "... printing the paid-not-compensable finding" \
    has "$tmp/out" "payroll/2026-09.csv:4: error[paid-not-compensable]: 2026-09 paid T01 50.00 for visit V20260922-ST02, which is now cancelled"
check "... the row is written: the log says what happened" grep -q '^V20260922-ST02,.*,cancelled,' "$repo/visits.csv"
pthv log-visit --update V20261010-ST01 --language es >"$tmp/out" 2>"$tmp/err"
check "an unpaid visit's change stays quiet (exit 0)" test $? -eq 0

# --- every completed visit of the period has a line -------------------------------
repo=$tmp/lines
cp -r "$base" "$repo"
v V20260917-ST03 ST03 S02 2026-09-17 10:00 45 'T03;T04' academics >>"$repo/visits.csv" # in school
v V20260918-ST03 ST03 S02 2026-09-18 15:00 45 'T03;T04' academics >>"$repo/visits.csv" # 15:00-15:45
pthv payroll --month 2026-09 --format csv >"$tmp/sep.csv"
check "csv: a visit wholly inside the school day is listed at 0.00, status school_day" \
    has "$tmp/sep.csv" "2026-09,T04,visit,V20260917-ST03,2026-09-17,45,,50.00,0.00,S02,district,school_day,not paid: 10:00-10:45 is wholly inside the school day (08:00-15:30)"
check "... for each educator" has "$tmp/sep.csv" "2026-09,T03,visit,V20260917-ST03,2026-09-17,45,,27.35,0.00,S02,district,school_day,"
check "csv: a held visit is listed at 0.00, status held" \
    has "$tmp/sep.csv" "2026-09,T04,visit,V20260918-ST03,2026-09-18,45,,50.00,0.00,S02,district,held,"
check "csv: paid items keep status paid" has "$tmp/sep.csv" "2026-09,T01,visit,V20260912-ST01,2026-09-12,60,,50.00,50.00,S01,title-1,paid,"
check "csv: the status column follows the ledger columns" \
    test "$(head -1 "$tmp/sep.csv")" = "period,staff_id,item,item_id,date,minutes,hours,rate,amount,site_id,source,status,note,staff_name,rule,paid_minutes,findings"
completed=$(awk -F, 'NR > 1 && $8 == "completed" && $4 >= "2026-09-01" && $4 <= "2026-09-30" {print $1}' "$repo/visits.csv" | sort -u)
listed=$(awk -F, 'NR > 1 && $3 == "visit" {print $4}' "$tmp/sep.csv" | sort -u)
check "csv: every completed visit of September has a line" test "$completed" = "$listed"
pthv payroll --month 2026-09 >"$tmp/sep.txt"
check "text: school-day visits are counted" has "$tmp/sep.txt" "2 held; 0 over the cap; 2 in the school day."
check "text: ... and listed with the reason" has "$tmp/sep.txt" "not paid: 10:00-10:45 is wholly inside the school day"
pthv payroll --month 2026-09 --close >/dev/null 2>"$tmp/err"
check "closing September with those lines exits 0" test $? -eq 0
check "... leaving school-day and held lines out of the ledger" \
    bash -c "! grep -qE 'V20260917-ST03|V20260918-ST03' '$repo/payroll/2026-09.csv' && grep -q V20260912-ST01 '$repo/payroll/2026-09.csv'"
pthv payroll --month 2026-10 --format csv >"$tmp/oct.csv"
check "school-day visits are lines of their own month only" hasnt "$tmp/oct.csv" "V20260917-ST03"

finish
