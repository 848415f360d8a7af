# The optional visits.csv columns interpreter, confirmed_on, confirmed_by,
# cancelled_by and logged_on, driven through the binary: log-visit
# --interpreter / --confirm / --cancelled-by, logged_on filled by log-visit
# and --import, interpreter and virtual pairs, and payroll with
# compensation.require_confirmation paying a visit once, in the month it is
# confirmed. Usage: bash test_visit_columns.sh /path/to/pthv
. "$(dirname "$0")/record_fixture.sh"

r="$tmp/repo"
make_repo "$r" || { echo "FAIL fixture"; exit 1; }
# The fixture's visits.csv gains the new columns, empty.
sed -i '1s/$/,interpreter,confirmed_on,confirmed_by,cancelled_by,logged_on/; 2,$s/$/,,,,,/' "$r/visits.csv"
cd "$tmp" || exit 1
pv() { "$PTHV" -C "$r" --as-of 2026-09-20 "$@"; }
row_of() { grep "^$1," "$r/visits.csv"; }

check "the fixture with empty new columns validates without errors" pv validate -q

# --- log-visit --interpreter --------------------------------------------
out=$(pv log-visit --student ST04 --educators T001 --interpreter T005 --date 2026-09-17 --time 16:30 \
    --minutes 40 --arranged-on 2026-09-10 --focus hopes_and_dreams --mode home --reflected-on 2026-09-18 2>&1)
rc=$?
check "an educator and a staff interpreter log without error (exit 0)" test "$rc" = 0
check "they are a pair: no CP5-pair" eval '! grep -q CP5-pair <<<"$out"'
check "the interpreter is not held to training (T005 has no intro)" eval '! grep -q "CP2-trained" <<<"$out"'
check "the row holds the interpreter and logged_on = the as-of date" \
    grep -q '^V20260917-ST04,.*,T001,completed,.*,T005,,,,2026-09-20$' "$r/visits.csv"

out=$(pv log-visit --student ST05 --educators T001 --interpreter "Ana Ruiz (district language line)" --date 2026-09-17 \
    --time 18:00 --minutes 30 --arranged-on 2026-09-10 --focus hopes_and_dreams --mode home --reflected-on 2026-09-18 2>&1)
check "an outside interpreter is a pair too (exit 0)" test "$?" = 0
check "the outside interpreter is written as text" grep -q '^V20260917-ST05,.*,Ana Ruiz (district language line),,,,2026-09-20$' "$r/visits.csv"

before=$(cat "$r/visits.csv")
err=$(pv log-visit --student ST06 --educators T004 --interpreter T099 --date 2026-09-17 --time 16:30 --minutes 30 \
    --arranged-on 2026-09-10 --focus hopes_and_dreams 2>&1)
check "an interpreter shaped like a staff id but not on the roster is refused (exit 2)" test "$?" = 2
check "the refusal names the option and the unknown interpreter" \
    grep -q '^--interpreter T099: error\[unknown-ref\]: visit V20260917-ST06: interpreter T099 is not in staff.csv' <<<"$err"
check "a refused interpreter writes nothing" test "$before" = "$(cat "$r/visits.csv")"

# --- virtual visits ------------------------------------------------------
out=$(pv log-visit --student ST06 --educators T004 --date 2026-09-18 --time 16:30 --minutes 30 --mode virtual \
    --arranged-on 2026-09-10 --focus hopes_and_dreams --reflected-on 2026-09-18 2>&1)
check "a virtual visit with one educator is accepted without CP5-pair" eval '! grep -q CP5-pair <<<"$out"'
check "a virtual visit with one educator is written" grep -q '^V20260918-ST06,' "$r/visits.csv"

# --- --cancelled-by ------------------------------------------------------
pv log-visit --student ST05 --educators T001,T002 --date 2026-09-19 --status cancelled --cancelled-by family \
    --arranged-on 2026-09-10 >/dev/null 2>&1
check "--cancelled-by family on a cancelled visit is written" grep -q '^V20260919-ST05,.*,cancelled,.*,family,2026-09-20$' "$r/visits.csv"
before=$(cat "$r/visits.csv")
err=$(pv log-visit --student ST05 --educators T001,T002 --date 2026-09-19 --status cancelled --cancelled-by teacher 2>&1)
check "--cancelled-by teacher is refused (exit 2)" test "$?" = 2
check "the refusal says what cancelled_by may be" grep -q 'value-invalid.*cancelled_by.*family, staff, other' <<<"$err"
err=$(pv log-visit --student ST04 --educators T001,T002 --date 2026-09-19 --time 17:00 --minutes 30 --focus academics \
    --arranged-on 2026-09-10 --cancelled-by family 2>&1)
check "--cancelled-by on a completed visit is refused (exit 2)" test "$?" = 2
check "the refusal names the file, line and the contradiction" \
    grep -q 'visits.csv:[0-9]*: error\[value-invalid\]: .*cancelled_by is family but the visit is completed' <<<"$err"
check "refused cancelled_by rows write nothing" test "$before" = "$(cat "$r/visits.csv")"

# --- --confirm -----------------------------------------------------------
err=$(pv log-visit --confirm V20260910-ST0 2>&1)
check "--confirm of an unknown visit id is refused (exit 2)" test "$?" = 2
check "... naming the option and suggesting the id" grep -q -- '--confirm V20260910-ST0: no visit has this id.*V20260910-ST01' <<<"$err"
err=$(pv log-visit --confirm V20261001-ST03 2>&1)
check "--confirm of a scheduled visit is refused (exit 2)" test "$?" = 2
check "... saying only a completed visit is confirmed" grep -q 'the visit is scheduled; only a completed visit is confirmed' <<<"$err"
err=$(pv log-visit --by T002 2>&1)
check "--by without --confirm is refused (exit 2)" test "$?" = 2
check "... naming the option" grep -q -- '--by goes with --confirm' <<<"$err"
err=$(pv log-visit --confirm V20260910-ST01 --by T777 2>&1)
check "--confirm --by an unknown staff id is refused (exit 2)" test "$?" = 2
check "... naming confirmed_by" grep -q 'confirmed_by T777 is not in staff.csv' <<<"$err"
out=$(pv log-visit --confirm V20260910-ST01 --by T002 2>&1)
check "--confirm --by sets confirmed_on (the as-of date) and confirmed_by" \
    grep -q '^V20260910-ST01,.*,,2026-09-20,T002,,$' "$r/visits.csv"
err=$(pv log-visit --confirm V20260910-ST01 2>&1)
check "a second --confirm is refused (exit 2)" test "$?" = 2
check "... saying when it was confirmed" grep -q 'confirmed on 2026-09-20 already' <<<"$err"

# --- --import fills logged_on --------------------------------------------
printf '%s\n' 'student_id,date,educators,start_time,minutes,focus,arranged_on,status,mode,reflected_on' \
    'ST03,2026-09-19,T001;T002,16:00,30,hopes_and_dreams,2026-09-12,completed,home,2026-09-19' >export.csv
pv log-visit --import export.csv >/dev/null 2>&1
check "an imported row gets logged_on = the as-of date" grep -q '^V20260919-ST03,.*,2026-09-20$' "$r/visits.csv"

# --- a repo without the columns is written as before ----------------------
old="$tmp/old"
make_repo "$old" || { echo "FAIL fixture"; exit 1; }
header=$(head -1 "$old/visits.csv")
"$PTHV" -C "$old" --as-of 2026-09-20 log-visit --student ST04 --educators T001,T002 --date 2026-09-17 --time 16:30 \
    --minutes 40 --arranged-on 2026-09-10 --focus hopes_and_dreams --mode home >/dev/null 2>&1
check "without the columns, log-visit keeps the header" test "$header" = "$(head -1 "$old/visits.csv")"
check "without the columns, the new row has no logged_on" \
    grep -q '^V20260917-ST04,ST04,S01,2026-09-17,16:30,40,T001;T002,completed,2026-09-10,hopes_and_dreams,home,,,$' "$old/visits.csv"
cp "$old/visits.csv" old-before.csv
err=$("$PTHV" -C "$old" --as-of 2026-09-20 log-visit --confirm V20260910-ST01 --by T002 2>&1 >/dev/null)
check "without the columns, --confirm adds confirmed_on and confirmed_by (exit 0)" test "$?" = 0
check "... and says so in one line" \
    test "$err" = "pthv: visits.csv added the columns confirmed_on, confirmed_by to its header, empty in the rows before"
check "... the confirmed row holds them, every other row an empty cell for each" eval \
    'test "$(head -1 "$old/visits.csv")" = "$(head -1 old-before.csv),confirmed_on,confirmed_by" &&
     grep -q "^V20260910-ST01,.*,2026-09-20,T002\$" "$old/visits.csv" &&
     test "$(awk -F, "{ print NF }" "$old/visits.csv" | sort -u)" = "$(($(head -1 old-before.csv | awk -F, "{ print NF }") + 2))"'

# --- an older visits.csv meets a new column: log-visit adds it -------------
older="$tmp/older"
make_repo "$older" || { echo "FAIL fixture"; exit 1; }
sed -i 's/$/\r/' "$older/visits.csv" # as a spreadsheet saved it: CRLF
cp "$older/visits.csv" older-before.csv
ov() { "$PTHV" -C "$older" --as-of 2026-09-20 "$@"; }
err=$(ov log-visit --student ST06 --educators T004 --date 2026-09-18 --interpreter T099 --time 16:30 --minutes 30 \
    --arranged-on 2026-09-10 --focus academics --mode home 2>&1 >/dev/null)
rc=$?
check "a refused visit (unknown interpreter, exit 2) adds no column" eval 'test $rc = 2 && cmp -s "$older/visits.csv" older-before.csv'
ov log-visit --student ST04 --educators T001,T002 --date 2026-09-17 --time 16:30 --minutes 40 \
    --arranged-on 2026-09-10 --focus hopes_and_dreams --mode home --interpreter T005 --dry-run >out.txt 2>err.txt
check "a dry run with --interpreter on an older visits.csv is no refusal (exit 0)" test "$?" = 0
check "... says in one line on stderr that it would add the column" \
    test "$(cat err.txt)" = "pthv: visits.csv would add the column interpreter to its header, empty in the rows before"
check "... and writes nothing" cmp -s "$older/visits.csv" older-before.csv
ov log-visit --student ST04 --educators T001,T002 --date 2026-09-17 --time 16:30 --minutes 40 \
    --arranged-on 2026-09-10 --focus hopes_and_dreams --mode home --interpreter T005 >out.txt 2>err.txt
check "log-visit --interpreter on an older visits.csv records the visit (exit 0)" test "$?" = 0
check "... and says in one line on stderr that it added the column" \
    test "$(cat err.txt)" = "pthv: visits.csv added the column interpreter to its header, empty in the rows before"
check "the header gains the column at its end, with its CRLF" \
    test "$(head -1 "$older/visits.csv")" = "$(head -1 older-before.csv | tr -d '\r'),interpreter"$'\r'
check "every earlier row gets an empty cell, the rest of its bytes kept" \
    eval 'diff <(sed -n "2,\$p" older-before.csv | sed "s/\r\$/,\r/") <(sed -n "2,$(wc -l <older-before.csv)p" "$older/visits.csv")'
check "the new row holds the interpreter" \
    grep -q $'^V20260917-ST04,ST04,S01,2026-09-17,16:30,40,T001;T002,completed,2026-09-10,hopes_and_dreams,home,,,,T005\r$' "$older/visits.csv"
check "the widened file validates as before" ov validate -q
ov log-visit --student ST05 --educators T001,T002 --date 2026-09-18 --time 16:30 --minutes 40 \
    --arranged-on 2026-09-10 --focus hopes_and_dreams --mode home --interpreter T005 >/dev/null 2>err.txt
check "a second visit with --interpreter appends without a word" test ! -s err.txt

# --- ... and so does an import that maps an interpreter --------------------
olderi="$tmp/older-import"
make_repo "$olderi" || { echo "FAIL fixture"; exit 1; }
oi() { "$PTHV" -C "$olderi" --as-of 2026-09-20 "$@"; }
printf '%s\n' 'student_id,date,educators,start_time,minutes,focus,arranged_on,status,mode,reflected_on,interpreter' \
    'ST03,2026-09-19,T001;T002,16:00,30,hopes_and_dreams,2026-09-12,completed,home,2026-09-19,T005' >export-i.csv
cp "$olderi/visits.csv" olderi-before.csv
oi log-visit --import export-i.csv --dry-run >out.txt 2>err.txt
check "an import mapping interpreter onto an older visits.csv: a dry run says it would add the column" \
    eval 'test "$(cat err.txt)" = "pthv: visits.csv would add the column interpreter to its header, empty in the rows before" && cmp -s "$olderi/visits.csv" olderi-before.csv'
check "... and shows the row with it" grep -q 'T005' out.txt
oi log-visit --import export-i.csv >/dev/null 2>err.txt
rc=$?
check "... the import records it (exit 0), adding the column" \
    eval 'test $rc = 0 && test "$(head -1 "$olderi/visits.csv")" = "$(head -1 olderi-before.csv),interpreter" && grep -q "^V20260919-ST03,.*,T005$" "$olderi/visits.csv"'
check "... saying so on stderr" grep -q 'added the column interpreter' err.txt
check "the widened file validates" oi validate -q

# --- payroll with require_confirmation: paid once, in the month confirmed --
p="$tmp/pay"
make_repo "$p" || { echo "FAIL fixture"; exit 1; }
sed -i '1s/$/,interpreter,confirmed_on,confirmed_by,cancelled_by,logged_on/; 2,$s/$/,,,,,/' "$p/visits.csv"
sed -i 's/^  require_confirmation: no /  require_confirmation: yes/; s/amount: 0.00/amount: 10000.00/' "$p/pthv.yaml"
check "pthv init's pthv.yaml has require_confirmation, now yes" grep -q '^  require_confirmation: yes' "$p/pthv.yaml"
pp() { "$PTHV" -C "$p" "$@"; }
pp --as-of 2026-09-30 log-visit --confirm V20260910-ST01 --by T002 >/dev/null 2>&1
pp --as-of 2026-09-30 payroll --month 2026-09 --format csv >sep.csv
check "September lists the unconfirmed visit at 0.00, status unconfirmed" \
    grep -q '^2026-09,T001,visit,V20260915-ST01,2026-09-15,30,,50.00,0.00,S01,district,unconfirmed,' sep.csv
check "September pays the confirmed one" grep -q '^2026-09,T001,visit,V20260910-ST01,.*,50.00,50.00,S01,district,paid,' sep.csv
pp --as-of 2026-09-30 payroll --month 2026-09 >sep.txt
check "the text listing counts the unconfirmed items" grep -q '^2 unconfirmed: paid in the period in which each is confirmed' sep.txt
pp --as-of 2026-09-30 payroll --month 2026-09 --close -q
check "September closes" test -f "$p/payroll/2026-09.csv"
check "the closed September ledger does not hold the unconfirmed visit" \
    eval '! grep -q V20260915-ST01 "$p/payroll/2026-09.csv"'
pp --as-of 2026-10-05 log-visit --confirm V20260915-ST01 >/dev/null 2>&1
pp --as-of 2026-10-31 payroll --month 2026-10 --format csv >oct.csv
check "October pays the visit confirmed in October, as late" \
    grep -q '^2026-10,T001,visit,V20260915-ST01,2026-09-15,30,,50.00,50.00,S01,district,late,"late: dated 2026-09-15, confirmed on 2026-10-05' oct.csv
check "October does not pay September's confirmed visit again" eval '! grep -q V20260910-ST01 oct.csv'
pp --as-of 2026-10-31 payroll --month 2026-10 --close -q
check "October closes" test -f "$p/payroll/2026-10.csv"
pp --as-of 2026-11-30 payroll --month 2026-11 --format csv >nov.csv
check "November lists neither visit" eval '! grep -q "V202609" nov.csv'
check "each educator is paid each visit exactly once over the closed ledgers" \
    test "$(cat "$p"/payroll/*.csv | grep -c ',visit,V20260915-ST01,')" = 2
check "validate finds no paid-twice" eval '! pp --as-of 2026-11-30 validate | grep -q paid-twice'

# --- a staff interpreter is paid once per event, an outside one never ------
pp --as-of 2026-11-30 log-visit --student ST04 --educators T001,T002 --interpreter T005 --date 2026-11-10 --time 16:30 \
    --minutes 30 --arranged-on 2026-11-01 --focus hopes_and_dreams --mode home --reflected-on 2026-11-11 >/dev/null 2>&1
pp --as-of 2026-11-30 log-visit --student ST05 --educators T001,T002 --interpreter T005 --date 2026-11-10 --time 16:30 \
    --minutes 30 --arranged-on 2026-11-01 --focus hopes_and_dreams --mode home --reflected-on 2026-11-11 >/dev/null 2>&1
pp --as-of 2026-11-30 log-visit --confirm V20261110-ST04 >/dev/null 2>&1
pp --as-of 2026-11-30 payroll --month 2026-11 --format csv >nov.csv
check "the staff interpreter is paid the event once by the classified rule (27.35/h, minimum 60)" \
    test "$(grep -c '^2026-11,T005,visit,V20261110-ST04,2026-11-10,30,,27.35,27.35,S01,district,paid,' nov.csv)" = 1
check "... and not for the sibling's row" eval '! grep -q "T005,visit,V20261110-ST05" nov.csv'

# --- the report: interpreted visits by language, days from visit to log ----
pv report --period end-of-year --format json >report.json
check "report JSON counts interpreted visits by language (T005 and the outside interpreter, both unspecified)" \
    python3 -c 'import json,sys; d=json.load(open("report.json")); sys.exit(d["interpreted_languages"] != {"unspecified": 2})'
# Logged 3, 3, 2 and 1 days after: median (nearest rank 2 of 4) 2, 90th percentile (rank 4) 3.
check "report JSON has the median and 90th percentile of days from visit to log entry" \
    python3 -c 'import json,sys; d=json.load(open("report.json"))["entry_days"][0]; sys.exit(d != {"site_id": None, "visits": 4, "median_days": 2, "p90_days": 3})'
pv report --period end-of-year >report.txt
check "the text report has both sections" eval 'grep -q "^Interpreted visits by language" report.txt && grep -q "^Days from visit to log entry" report.txt'
# A public report shows only periods that have ended: the year's, once it is over.
"$PTHV" -C "$r" --as-of 2027-07-01 report --period end-of-year --public --format json >public.json
check "the public report shows small counts as <10 and no day figures" \
    python3 -c 'import json,sys; d=json.load(open("public.json")); e=d["entry_days"][0]; sys.exit(d["interpreted_languages"] != {"all": "<10"} or e["visits"] != "<10" or e["median_days"] is not None)'
"$PTHV" -C "$old" --as-of 2026-09-20 report --period end-of-year --format json >old.json
check "a repo without the columns has neither report section" eval '! grep -q -e interpreted_languages -e entry_days old.json'

finish
