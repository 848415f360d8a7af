#!/usr/bin/env bash
# Files as Excel writes them, and messages that point at the cause
# (docs/data.md, docs/import.md): a data file saved with ";" between cells
# or as Windows-1252 is one clear message, and the checks that need the
# file wait for it instead of flooding the output; an import reads an
# export separated by ";"; git's conflict markers are named as such; and
# the hints of an import, of log-visit's options and of a refused payroll
# close say what to do. Files are written byte by byte as Excel saves them:
# a UTF-8 byte order mark, CRLF line ends, ";" and Windows-1252 bytes
# (0xE9 for é).
. "$(dirname "$0")/record_fixture.sh"

r="$tmp/repo"
make_repo "$r" || { echo "FAIL fixture"; exit 1; }
cd "$tmp" || exit 1
pv() { "$PTHV" -C "$r" --as-of 2026-09-20 --color never "$@"; }
cp -r "$r" "$tmp/clean"
reset() { rm -rf "$r" && cp -r "$tmp/clean" "$r"; }

# ----- a data file saved by Excel with ";" (a European locale) -----
printf '\xEF\xBB\xBFstudent_id;site_id;grade;homeroom_id;name;family_id\r\n' >"$r/students.csv"
printf 'ST0%d;S01;3;T001;Ren\xE9e %d;F0%d\r\n' 1 1 1 2 2 2 3 3 3 4 4 4 5 5 5 >>"$r/students.csv"
printf 'ST06;S02;K;T004;Fay Lund;F06\r\n' >>"$r/students.csv"
pv validate --hints >out.txt 2>&1
check "a ';' file: validate exits 1" test $? = 1
check "a ';' file is named as such on its first line" \
    grep -qF 'students.csv:1: error[csv-syntax]: the file is separated by ";", not "," (as Excel saves CSV in some languages)' out.txt
check "a ';' file: the hint says how to save it" grep -qF 'save it again as "CSV UTF-8 (Comma delimited)"' out.txt
check "a ';' file: one csv-syntax line, no column-missing" \
    test "$(grep -c 'error\[csv-syntax\]\|column-missing' out.txt)" = 1
check "a ';' file: no visit is said to name a missing student" bash -c '! grep -q "error\[unknown-ref\]" out.txt'
check "a ';' file: one line says the student references wait" \
    grep -qF 'students.csv: error[held-back]: students.csv did not read cleanly, so these checks wait until it does: 4 references to it (unknown-ref, from visits.csv)' out.txt
check "a ';' file: what cannot be read comes first" bash -c 'head -1 out.txt | grep -q "^students.csv:1: error\[csv-syntax\]"'

# ----- staff.csv saved as Windows-1252 (Excel's plain "CSV") -----
reset
iconv -f UTF-8 -t WINDOWS-1252 "$tmp/clean/staff.csv" | sed 's/$/\r/' >"$r/staff.csv"
check "the fixture holds 0xE1 (á) as one byte" grep -q $'\xE1' "$r/staff.csv"
pv validate --hints >out.txt 2>&1
check "Windows-1252: validate exits 1" test $? = 1
check "Windows-1252: the file, line, byte and encoding are named" grep -qF \
    'staff.csv:4: error[csv-syntax]: not UTF-8 (invalid byte 0xE1 at column 10): the file looks saved as Windows-1252, where 0xE1 is "á"' out.txt
check "Windows-1252: the hint says how to save it again" \
    grep -qF 'in Excel, Save As "CSV UTF-8 (Comma delimited)"; or convert it: iconv -f WINDOWS-1252 -t UTF-8 staff.csv' out.txt
check "Windows-1252: no reference into staff.csv is reported missing" bash -c '! grep -q "is not in staff.csv" out.txt'
check "Windows-1252: one line says what waits for staff.csv" \
    grep -qF 'staff.csv: error[held-back]: staff.csv did not read cleanly, so these checks wait until it does:' out.txt
check "Windows-1252: the cause comes first" bash -c 'head -1 out.txt | grep -q "^staff.csv:4: error\[csv-syntax\]"'
# A change cannot be checked against a staff list that did not load.
pv log-visit --student ST05 --educators T001,T003 --date 2026-09-18 --time 16:00 --minutes 30 \
    --arranged-on 2026-09-10 --focus hopes_and_dreams --mode home >out.txt 2>&1
check "Windows-1252 staff.csv: a new visit is refused (exit 2)" test $? = 2
check "Windows-1252 staff.csv: the refusal says why" grep -q 'error\[held-back\]: staff.csv did not read cleanly' out.txt
check "Windows-1252 staff.csv: visits.csv is unchanged" cmp -s "$r/visits.csv" "$tmp/clean/visits.csv"

# ----- git's conflict markers -----
reset
{
    sed -n 1,2p "$tmp/clean/visits.csv"
    echo '<<<<<<< HEAD'
    sed -n 3p "$tmp/clean/visits.csv"
    echo '======='
    sed -n 3p "$tmp/clean/visits.csv" | sed 's/declined/cancelled/'
    echo '>>>>>>> cedar-grove'
    sed -n '4,$p' "$tmp/clean/visits.csv"
} >"$r/visits.csv"
pv validate --hints >out.txt 2>&1
check "a conflict: validate exits 1" test $? = 1
check "a conflict is named at its marker's line" grep -qF \
    'visits.csv:3: error[csv-syntax]: an unresolved merge conflict: git left its marker "<<<<<<< HEAD" here' out.txt
check "a conflict: the hint says how to resolve it" grep -qF 'git checkout --ours visits.csv' out.txt
check "a conflict: nothing else from visits.csv is a csv-syntax or duplicate problem" \
    test "$(grep -c '^visits.csv:[0-9]*: error\[\(csv-syntax\|duplicate-key\)\]' out.txt)" = 1
check "a conflict: no marker taken for a column" bash -c '! grep -q "unknown-column" out.txt'
# A conflict in a header (two branches added a column).
reset
{ echo '<<<<<<< ours'; sed -n 1p "$tmp/clean/sites.csv"; echo '======='; sed -n 1p "$tmp/clean/sites.csv"; echo '>>>>>>> theirs'; sed -n '2,$p' "$tmp/clean/sites.csv"; } >"$r/sites.csv"
pv validate >out.txt 2>&1
check "a conflict on the header line: named at line 1" \
    grep -qF 'sites.csv:1: error[csv-syntax]: an unresolved merge conflict: git left its marker "<<<<<<< ours" here' out.txt
check "a conflict on the header line: no 'no header row', no unknown-column" \
    bash -c '! grep -q "no header row\|unknown-column" out.txt'

# ----- an export from Excel in a European locale: ";" and CRLF -----
reset
cat >map.yaml <<'YAML'
columns:
  student_id: Student ID
  date: Date of visit
  educators: [Educator 1, Educator 2]
  start_time: Start time
  minutes: Minutes
  focus: Focus
  arranged_on: Agreed on
  reflected_on: Reflected
  notes: Notes
values:
  focus: {Hopes and dreams: hopes_and_dreams}
date_format: "%m/%d/%Y"
defaults: {status: completed, mode: home}
YAML
{ printf '\xEF\xBB\xBF'; printf '%s\r\n' 'Student ID;Date of visit;Educator 1;Educator 2;Start time;Minutes;Focus;Agreed on;Reflected;Notes' \
    'ST04;9/17/2026;T001;T002;16:30;40;Hopes and dreams;9/10/2026;9/18/2026;"caf'$'\xC3\xA9'', 2 kids"'; } >semi.csv
pv log-visit --import semi.csv --map map.yaml >out.txt 2>err.txt
check "a ';' export imports (exit 0)" test $? = 0
check "a ';' export: the import says how it read it" grep -qF 'note: semi.csv is separated by ";", as Excel saves CSV in some languages' err.txt
check "a ';' export: the row is written with its cells" \
    grep -q '^V20260917-ST04,ST04,S01,2026-09-17,16:30,40,T001;T002,completed,2026-09-10,hopes_and_dreams,home,2026-09-18,,"café, 2 kids"$' "$r/visits.csv"
# The same export saved as Windows-1252: refused, naming the line and the encoding.
reset
printf '%s\r\n' 'Student ID;Date of visit;Educator 1;Educator 2;Start time;Minutes;Focus;Agreed on;Reflected;Notes' \
    'ST04;9/17/2026;T001;T002;16:30;40;Hopes and dreams;9/10/2026;9/18/2026;' \
    'ST05;9/17/2026;T001;T002;17:30;40;Hopes and dreams;9/10/2026;9/18/2026;caf'$'\xE9' >cp1252.csv
pv log-visit --import cp1252.csv --map map.yaml >out.txt 2>err.txt
check "a Windows-1252 export is refused (exit 2)" test $? = 2
check "a Windows-1252 export: the line and encoding are named" \
    grep -qF 'cp1252.csv:3: error[csv-syntax]: not UTF-8 (invalid byte 0xE9 at column 75): the file looks saved as Windows-1252, where 0xE9 is "é"' err.txt
check "a Windows-1252 export: nothing written" cmp -s "$r/visits.csv" "$tmp/clean/visits.csv"

# ----- a day-first date with a map that says month first -----
printf '%s\n' 'Student ID,Date of visit,Educator 1,Educator 2,Start time,Minutes,Focus,Agreed on,Reflected,Notes' \
    'ST04,13/09/2026,T001,T002,16:30,40,Hopes and dreams,10/09/2026,14/09/2026,' >dayfirst.csv
pv log-visit --import dayfirst.csv --map map.yaml >out.txt 2>err.txt
check "a day-first export: refused" test $? = 2
check "a day-first export: the hint gives the day-first format" \
    grep -qF 'hint: the file seems to write the day first: use date_format: "%d/%m/%Y" in the map' err.txt
check "a day-first export: no hint to add the line the map already has" \
    bash -c '! grep -qF "add date_format: \"%m/%d/%Y\"" err.txt'

# ----- an unquoted question title holding ": " -----
printf 'columns:\n  student_id: Student ID\n  notes: Notes: anything else?\n' >colon.yaml
pv log-visit --import dayfirst.csv --map colon.yaml >out.txt 2>err.txt
check "a title with ': ' in the map: refused" test $? = 2
check "a title with ': ': the hint shows it quoted" \
    grep -qF 'hint: a value holding ": " must be quoted: notes: "Notes: anything else?"' err.txt

# ----- logged_on: the day of the import, where the export has a timestamp -----
reset
sed -i '1s/$/,logged_on/; 2,$s/$/,/' "$r/visits.csv"
printf '%s\n' 'Timestamp,Student ID,Date of visit,Educator 1,Educator 2,Start time,Minutes,Focus,Agreed on,Reflected,Notes' \
    '9/2/2026 20:01:00,ST04,9/1/2026,T001,T002,16:30,40,Hopes and dreams,8/25/2026,9/2/2026,' >weekly.csv
pv log-visit --import weekly.csv --map map.yaml --dry-run >out.txt 2>&1
check "an import weeks later: late-entry is reported" grep -q '^weekly.csv:2: warning\[late-entry\]' out.txt
check "an import weeks later: the hint maps logged_on to the Timestamp column" \
    grep -qF 'map it, columns: {logged_on: Timestamp}' out.txt

# ----- a survey school missing from the map -----
reset
cat >survey-map.yaml <<'YAML'
columns:
  response_id: Response ID
  date: Submitted
  site_id: School
  q_welcome: I feel welcome.
values:
  site_id: {Cedar Grove Elementary: S01, Las Palmas Elementary: S02}
  q_*: {Agree: 4, Disagree: 2}
date_format: "%m/%d/%Y"
YAML
printf '%s\n' 'Response ID,Submitted,School,I feel welcome.' 'R1,9/15/2026,Cedar Grove Elementary,Agree' \
    'R2,9/16/2026,Oak Hill Elementary,Disagree' >survey.csv
pv survey import survey.csv --map survey-map.yaml >out.txt 2>err.txt
check "a school not in the map: refused" test $? = 2
check "a school not in the map: named as missing from the map" \
    grep -qF 'survey.csv:3: error[unknown-ref]: the school "Oak Hill Elementary" is not in the map'"'"'s values for site_id' err.txt
check "a school not in the map: the hint names the map's section" \
    grep -qF 'hint: add it to survey-map.yaml under values: site_id:' err.txt
check "a school not in the map: not told to add it to sites.csv" bash -c '! grep -q "add it to sites.csv" err.txt'
check "a school not in the map: one problem for the row" test "$(grep -c '^survey.csv:3:' err.txt)" = 1

# ----- log-visit: a bad option is named as the option -----
reset
pv log-visit --student ST05 --educators T001,T002 --date 2026-09-18 --time 4:30pm --minutes 30 \
    --arranged-on 2026-09-10 --focus hopes --mode home >out.txt 2>err.txt
check "bad options: refused (exit 2)" test $? = 2
check "bad options: --focus is named with its value" \
    grep -qF -- '--focus hopes: error[value-invalid]: visit V20260918-ST05: focus "hopes" is not one of' err.txt
check "bad options: --time is named with its value" grep -qF -- '--time 4:30pm: error[value-invalid]:' err.txt
check "bad options: the hint names the option" grep -qF 'hint: fix the value of --focus' err.txt
check "bad options: no line of visits.csv is named" bash -c '! grep -q "^visits.csv:" err.txt'
pv log-visit --update V20260910-ST01 --focus acad >out.txt 2>err.txt
check "an --update with a bad option names it" grep -qF -- '--focus acad: error[value-invalid]' err.txt

# ----- a refused payroll close says a finding may be reviewed -----
reset
pv log-visit --student ST05 --educators T001 --date 2026-09-18 --time 16:00 --minutes 30 \
    --arranged-on 2026-09-10 --focus hopes_and_dreams --mode home --reflected-on 2026-09-19 >/dev/null 2>&1
pv payroll --month 2026-09 --close >out.txt 2>err.txt
check "a close with an error: refused (exit 2)" test $? = 2
check "a refused close names pthv review with the finding" \
    grep -qF 'review it with a note saying why (pthv review CP5-pair V20260918-ST05 --note' err.txt

finish
