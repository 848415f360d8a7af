# pthv log-visit --import: a form export in, all or nothing, idempotent.
. "$(dirname "$0")/record_fixture.sh"

r="$tmp/repo"
make_repo "$r" || { echo "FAIL fixture"; exit 1; }
cd "$tmp" || exit 1
pv() { "$PTHV" -C "$r" --as-of 2026-09-20 "$@"; }

cat >map.yaml <<'YAML'
columns:
  student_id: Student ID
  date: Date of visit
  educators: [Educator 1, Educator 2]
  start_time: Start time
  minutes: Minutes
  focus: Focus of the visit
  arranged_on: Agreed on
  reflected_on: Reflected
  notes: Notes
values:
  focus: {Hopes and dreams: hopes_and_dreams, Academics: academics}
  educators: {Ms. Le: T001}
date_format: "%m/%d/%Y"
defaults: {status: completed, mode: home}
YAML
# Line 3 holds a note over two lines (RFC 4180), so the last record starts on line 5.
printf '%s\r\n' 'Timestamp,Student ID,Date of visit,Educator 1,Educator 2,Start time,Minutes,Focus of the visit,Agreed on,Reflected,Notes' \
    '9/18/2026 20:01,ST04,9/17/2026,Ms. Le,T002,4:30 PM,40,Hopes and dreams,9/10/2026,9/18/2026,' \
    '9/18/2026 20:05,ST05,09/17/2026,T001,T002,17:30,35,hopes and dreams,9/10/2026,9/18/2026,"dad works' \
    'nights"' \
    '9/19/2026 08:00,ST06,9/16/2026,T004,T001,16:00,30,Hopes and dreams,9/1/2026,,' >export.csv

out=$(pv log-visit --import export.csv --map map.yaml 2>&1)
rc=$?
check "an import with a practice error (untrained T004) exits 1" test "$rc" = 1
check "the practice error names the export's line" grep -q '^export.csv:5: error\[CP2-trained\]: .*T004' <<<"$out"
check "the summary counts 3 added and the findings" grep -q 'added 3 visits, 0 already logged; findings: 1 error, 1 warning' <<<"$out"
check "a finding names the export's line (no reflection on line 5)" grep -q '^export.csv:5: warning\[CP5-reflection\]' <<<"$out"
check "names and times and dates are translated" \
    grep -q '^V20260917-ST04,ST04,S01,2026-09-17,16:30,40,T001;T002,completed,2026-09-10,hopes_and_dreams,home,2026-09-18,,$' "$r/visits.csv"
check "a line break inside quotes is written as a space" grep -q ',dad works nights$' "$r/visits.csv"
check "the repo validates after the import" pv validate -q --rule csv-syntax --rule value-invalid --rule unknown-ref

# Again: nothing added, the file byte-identical.
cp "$r/visits.csv" before.csv
out=$(pv log-visit --import export.csv --map map.yaml 2>&1)
check "importing again exits 0" test $? = 0
check "importing again adds nothing" grep -q 'added 0 visits, 3 already logged' <<<"$out"
check "importing again leaves visits.csv byte-identical" cmp -s "$r/visits.csv" before.csv

# One bad row (an unknown student on line 3, a bad date on line 4): nothing written.
printf '%s\n' 'Timestamp,Student ID,Date of visit,Educator 1,Educator 2,Start time,Minutes,Focus of the visit,Agreed on,Reflected,Notes' \
    'x,ST01,9/19/2026,T001,T002,16:00,30,Academics,9/12/2026,9/19/2026,' \
    'x,ST77,9/19/2026,T001,T002,16:00,30,Academics,9/12/2026,9/19/2026,' \
    'x,ST03,19/9/2026,T001,T002,16:00,30,Academics,9/12/2026,9/19/2026,' >bad.csv
pv log-visit --import bad.csv --map map.yaml >out.txt 2>err.txt
check "an export with bad rows exits 2" test $? = 2
check "the unknown student's line is named" grep -q '^bad.csv:3: error\[unknown-ref\]' err.txt
check "the bad date's line is named" grep -q '^bad.csv:4: error\[value-invalid\]: date "19/9/2026"' err.txt
check "the good row is not named" bash -c "! grep -q '^bad.csv:2:' err.txt"
check "nothing is written when a row is bad" cmp -s "$r/visits.csv" before.csv

# Without --map the columns are visits.csv fields.
printf '%s\n' 'student_id,date,educators,start_time,minutes,focus,mode,arranged_on,reflected_on' \
    'ST03,2026-09-19,T001;T002,16:00,30,hopes_and_dreams,home,2026-09-12,2026-09-19' >plain.csv
out=$(pv log-visit --import plain.csv 2>&1)
check "an export in visits.csv's own columns imports without a map" grep -q 'added 1 visit,' <<<"$out"
printf '%s\n' 'student,date' 'ST03,2026-09-19' >wrongcols.csv
pv log-visit --import wrongcols.csv >/dev/null 2>err.txt
check "an unknown column without a map exits 2" test $? = 2
check "the unknown column is named with a suggestion" grep -q 'wrongcols.csv:1: error: the column "student".*' err.txt

# A broken map: exit 2 naming the map and line.
cp "$r/visits.csv" before.csv
printf 'columns:\n  student_id: Student ID\n  dates: Date of visit\n' >badfield.yaml
pv log-visit --import export.csv --map badfield.yaml >/dev/null 2>err.txt
check "a map with an unknown field exits 2" test $? = 2
check "the unknown field is named with its line" grep -q '^badfield.yaml:3: error: columns: "dates" is not a visits.csv field' err.txt
printf 'columns: {student_id: [Student ID\n' >notyaml.yaml
pv log-visit --import export.csv --map notyaml.yaml >/dev/null 2>err.txt
check "a map that is not YAML exits 2" test $? = 2
check "the YAML error names the map file and a line" grep -q '^notyaml.yaml:[0-9]*: error: not valid YAML' err.txt
# A translation written twice (the second added at the end of the file):
# refused with both lines, never the first or the last one taken.
{ cat map.yaml; printf 'values:\n  focus: {Hopes and dreams: academics}\n'; } >twice.yaml
pv log-visit --import export.csv --map twice.yaml >/dev/null 2>err.txt
check "a map with a key twice exits 2" test $? = 2
check "the key written twice is named with both lines" grep -qF \
    'twice.yaml:16: error: values is set twice (first on line 11); pthv will not guess which one is meant' err.txt
check "a broken map writes nothing" cmp -s "$r/visits.csv" before.csv

# --dry-run counts but writes nothing.
printf '%s\n' 'student_id,date,educators,status' 'ST05,2026-10-20,T001;T002,scheduled' >sched.csv
out=$(pv log-visit --import sched.csv --dry-run)
check "an import --dry-run says what it would add" grep -q 'would add 1 visit' <<<"$out"
check "an import --dry-run writes nothing" cmp -s "$r/visits.csv" before.csv

# A first import of a US-style form export without a map for it: the hints
# point at the map line that fixes every row, and ids show no made-up date.
printf 'Student ID,Date,Educator 1,Educator 2,Start,Minutes,Focus\nST06,9/19/2026,T001,T002,16:00,40,Hopes & Dreams\n' >us.csv
printf 'columns:\n  student_id: Student ID\n  date: Date\n  educators: [Educator 1, Educator 2]\n  start_time: Start\n  minutes: Minutes\n  focus: Focus\ndefaults: {status: completed, mode: home}\n' >us-map.yaml
out=$(pv log-visit --import us.csv --map us-map.yaml 2>&1)
check "a US date: the hint names date_format" grep -qF 'hint: the export writes dates like 9/19/2026: add date_format: "%m/%d/%Y" to the map' <<<"$out"
check "an answer not in the vocabulary: the hint names values:" grep -qF 'values: {focus: {"Hopes & Dreams": ...}}' <<<"$out"
check "no garbled id from the unread date" bash -c '! grep -q "V9192026" <<<"$1"' _ "$out"
check "the id shows the date is unknown" grep -q 'visit V????????-ST06:' <<<"$out"
printf 'date_format: "%%m/%%d/%%Y"\nvalues:\n  focus: {"Hopes & Dreams": hopes_and_dreams}\n' >>us-map.yaml
cp "$r/visits.csv" before-dry.csv
out=$(pv log-visit --import us.csv --map us-map.yaml --dry-run 2>&1)
check "--dry-run shows each row it would write" grep -q '^  V20260919-ST06,ST06,S02,2026-09-19,16:00,40,T001;T002,completed,' <<<"$out"
check "--dry-run writes nothing" cmp -s "$r/visits.csv" before-dry.csv

# What a dry run shows is, row for row, what the import then writes, in a
# visits.csv whose lines end in CRLF too.
sed -i 's/$/\r/' "$r/visits.csv"
printf '%s\n' 'student_id,date,educators,status,notes' 'ST05,2026-10-21,T001;T002,scheduled,"call, then visit"' \
    'ST06,2026-10-22,T001;T002,scheduled,' >two.csv
pv log-visit --import two.csv --dry-run 2>/dev/null | sed -n 's/^  //p' >shown.txt
pv log-visit --import two.csv >/dev/null 2>&1
tail -n 2 "$r/visits.csv" | tr -d '\r' >written.txt
check "--dry-run shows the two rows" test "$(wc -l <shown.txt)" = 2
check "--dry-run shows the rows the import writes" cmp -s shown.txt written.txt
finish
