# pthv report --audit: the publication set (every public report of every
# period in reports.publish, the district's and each site's) read together
# as an attacker would, by linear programming. (The audit failing on an
# under-suppressed set is tests/unit/test_report_publication.cpp.)
. "$(dirname "$0")/lib.sh" "$1"

repo=$tmp/district
cp -r "$src/examples" "$repo"
cd "$repo" || exit 1
asof=(--as-of 2026-05-15)

"$bin" "${asof[@]}" report --audit >"$tmp/audit.txt" 2>"$tmp/audit.err"
rc=$?
check_eval "the example district's publication set is protected: exit 0" '[ $rc -eq 0 ] && grep -q "^ok: " "$tmp/audit.txt"'
# By 2026-05-15 the ended periods of reports.publish are mid-year and the
# months 2025-07..2026-04; the running end-of-year is posted as mid-year.
check "the audit says how many public reports it read" grep -Eq "^  77 public reports" "$tmp/audit.txt"

"$bin" "${asof[@]}" report --audit --format json >"$tmp/audit.json"
check "JSON: ok, no breach, every printed count a cell of the set, 11 ended periods of 7 reports" python3 - "$tmp/audit.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert d["ok"] is True and d["breaches"] == [], d["breaches"][:3]
assert d["unmodelled"] == 0, d["unmodelled"]
assert len(d["periods"]) == 11 and d["reports"] == 11 * 7, (d["periods"], d["reports"])
assert not any(p.startswith("end-of-year") for p in d["periods"]), d["periods"]
assert d["below"] > 0 and d["withheld"] > 0
PY

# After the year the set holds end-of-year too, decided after mid-year and
# the months: protected, with the year's figures tied to the earlier postings.
"$bin" --as-of 2026-07-01 report --audit --format json >"$tmp/year.json"
check "after the year: 14 periods of 7 reports, protected" python3 -c "
import json; d = json.load(open('$tmp/year.json'))
assert d['ok'] and d['breaches'] == [] and d['unmodelled'] == 0, d['breaches'][:3]
assert len(d['periods']) == 14 and d['reports'] == 14 * 7, (d['periods'], d['reports'])
assert 'end-of-year 2025-07-01..2026-06-30' in d['periods'] and d['withheld'] > 0"

# With the attendance file: one set, every relation a reader could use
# borne out by the students counted (none declared and left out).
python3 "$src/examples/make_attendance.py" "$tmp/attendance.csv" >/dev/null
"$bin" "${asof[@]}" report --audit --attendance "$tmp/attendance.csv" --format json >"$tmp/att.json"
check "with attendance: protected, and every relation of the tables is used" python3 -c "
import json; d = json.load(open('$tmp/att.json'))
assert d['ok'] and d['relations'] > 1000 and d['relations_refused'] == 0, (d['relations'], d['relations_refused'])"

# A generated district of 3,000 students with a school of 3 visits planted.
gen=$tmp/generated
python3 "$src/bench/generate.py" --students 3000 --out "$gen" >/dev/null
echo "S9901,Planted Small School,elementary,active,,10" >>"$gen/sites.csv"
for i in 1 2 3 4 5; do echo "ST990000$i,S9901,3,T000001,Planted $i,F990000$i,es,no,no,no" >>"$gen/students.csv"; done
for i in 1 2 3; do
    echo "V2025101$i-ST990000$i,ST990000$i,S9901,2025-10-1$i,17:00,45,T000001;T000002,completed,2025-10-01,hopes_and_dreams,home,2025-10-1$i,es," >>"$gen/visits.csv"
done
"$bin" -C "$gen" "${asof[@]}" report --audit --format json >"$tmp/gen.json"
rc=$?
check_eval "generated 3,000 students with a planted school of 3 visits: protected, exit 0" \
    '[ $rc -eq 0 ] && python3 -c "import json; d = json.load(open(\"$tmp/gen.json\")); assert d[\"ok\"] and d[\"unmodelled\"] == 0"'

# And one of 100,000 students (about 100 schools), two small schools planted.
big=$tmp/generated-100k
python3 "$src/bench/generate.py" --students 100000 --out "$big" >/dev/null
for s in 1 2; do
    echo "S990$s,Planted School $s,elementary,active,,10" >>"$big/sites.csv"
    for i in 1 2 3 4; do echo "ST99$s$i,S990$s,3,T000001,Planted $s$i,F99$s$i,es,no,no,no" >>"$big/students.csv"; done
    for i in 1 2 $( [ $s = 2 ] && echo 3 ); do
        echo "V2025111$i-ST99$s$i,ST99$s$i,S990$s,2025-11-1$i,17:00,45,T000001;T000002,completed,2025-11-01,hopes_and_dreams,home,2025-11-1$i,es," >>"$big/visits.csv"
    done
done
"$bin" -C "$big" "${asof[@]}" report --audit --format json >"$tmp/big.json"
rc=$?
check_eval "generated 100,000 students with two planted schools of 2 and 3 visits: protected, exit 0" \
    '[ $rc -eq 0 ] && python3 -c "import json; d = json.load(open(\"$tmp/big.json\")); assert d[\"ok\"] and d[\"unmodelled\"] == 0 and d[\"reports\"] > 1000, d[\"reports\"]"'
"$bin" -C "$big" "${asof[@]}" report --period 2025-11 --site S9902 --public --format json >"$tmp/s9902.json"
check "a planted school's month shows its 3 visits as <10" python3 -c "
import json; d = json.load(open('$tmp/s9902.json')); assert d['completed_visits'] == '<10', d['completed_visits']"

# With min_cell 1 nothing is small: nothing to protect, exit 0.
sed -i 's/^reports:.*/reports: {min_cell: 1}/' pthv.yaml
grep -q "min_cell: 1" pthv.yaml || printf '\nreports: {min_cell: 1}\n' >>pthv.yaml
"$bin" "${asof[@]}" report --audit >"$tmp/ok.txt"
rc=$?
check_eval "nothing small, nothing to protect: exit 0" '[ $rc -eq 0 ] && grep -q "^ok: " "$tmp/ok.txt"'

# reports.publish decides the set: one period only, once it has ended.
sed -i 's/^reports:.*/reports: {min_cell: 10, publish: [end-of-year]}/' pthv.yaml
"$bin" --as-of 2026-07-01 report --audit --format json >"$tmp/one.json"
check "reports.publish: [end-of-year] audits that period's 7 reports once it has ended" python3 -c "
import json; d = json.load(open('$tmp/one.json')); assert d['ok'] and d['periods'] == ['end-of-year 2025-07-01..2026-06-30'] and d['reports'] == 7, (d['periods'], d['reports'])"
"$bin" "${asof[@]}" report --audit --format json >"$tmp/none.json"
check "reports.publish: [end-of-year] before the year ends: nothing posted yet" python3 -c "
import json; d = json.load(open('$tmp/none.json')); assert d['ok'] and d['periods'] == [] and d['reports'] == 0, (d['periods'], d['reports'])"

sed -i 's/^reports:.*/reports: {publish: [sometime]}/' pthv.yaml
"$bin" "${asof[@]}" validate >"$tmp/bad.txt" 2>&1
check "a reports.publish entry that is no period is config-invalid" grep -q "config-invalid.*reports.publish\[0\]" "$tmp/bad.txt"

"$bin" "${asof[@]}" report --audit --period mid-year >/dev/null 2>"$tmp/usage.err"
rc=$?
check_eval "--audit takes the whole set: --period is a usage error (exit 2)" '[ $rc -eq 2 ] && grep -q "leave out --period" "$tmp/usage.err"'

finish
