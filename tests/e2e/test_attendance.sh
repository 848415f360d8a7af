#!/usr/bin/env bash
# pthv report --attendance FILE: chronic absence of visited and not visited
# students on the example district (a made-up file written outside the repo
# by examples/make_attendance.py), counted again here from the files, with
# Newcombe's interval worked out independently; the caution in every
# format; bad rows named by file and line, and nothing written.
. "$(dirname "$0")/lib.sh" "$1"
pthv() { "$bin" -C "$src/examples" --as-of 2026-05-15 --color never "$@"; }
att=$tmp/attendance.csv
python3 "$src/examples/make_attendance.py" "$att"
python3 "$src/examples/make_attendance.py" "$src/examples/attendance.csv" 2>/dev/null
check "the generator refuses to write into the data repo" [ ! -e "$src/examples/attendance.csv" ]

pthv report --period end-of-year --attendance "$att" --format json >"$tmp/r.json"; code=$?
check "json: exit 0" [ $code -eq 0 ]
check "json: the figures, counted again from the files" python3 - "$tmp/r.json" "$src/examples" "$att" <<'PY'
import csv, json, math, os, sys
r = json.load(open(sys.argv[1])); ex = sys.argv[2]
students = {s["student_id"]: s["site_id"] for s in csv.DictReader(open(os.path.join(ex, "students.csv")))}
visited = {v["student_id"] for v in csv.DictReader(open(os.path.join(ex, "visits.csv")))
           if v["status"] == "completed" and "2025-07-01" <= v["date"] <= "2026-05-15"}
groups = {}
for a in csv.DictReader(open(sys.argv[3])):
    n, d = int(a["days_enrolled"]), int(a["days_absent"])
    if n < 10: continue
    for key in ("all", students[a["student_id"]]):
        g = groups.setdefault(key, {True: [0, 0], False: [0, 0]})[a["student_id"] in visited]
        g[0] += 1; g[1] += d / n >= 0.10
z = 1.959963984540054
def wilson(x, n):
    p = x / n; c = p + z * z / (2 * n); h = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return (c - h) / (1 + z * z / n), (c + h) / (1 + z * z / n)
def expect(g):
    (n1, x1), (n2, x2) = g[True], g[False]
    p1, p2 = x1 / n1, x2 / n2; l1, u1 = wilson(x1, n1); l2, u2 = wilson(x2, n2)
    lo = p1 - p2 - math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2); hi = p1 - p2 + math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2)
    return {"visited": {"students": n1, "chronic": x1, "rate_pct": round(1000 * x1 / n1) / 10},
            "not_visited": {"students": n2, "chronic": x2, "rate_pct": round(1000 * x2 / n2) / 10},
            "difference_pp": round(1000 * (p1 - p2)) / 10, "ci95_pp": [round(1000 * lo) / 10, round(1000 * hi) / 10]}
ok = True
def same(label, got, want):
    global ok
    got = {k: got[k] for k in want}
    if got != want: print(f"  {label}: {got} != {want}"); ok = False
same("district", r["attendance"], expect(groups["all"]))
for s in r["sites"]:
    if s["site_id"] in groups: same(s["site_id"], s["attendance"], expect(groups[s["site_id"]]))
if r["attendance"]["left_out_too_few_days"] != 5: print("  left out:", r["attendance"]["left_out_too_few_days"]); ok = False
if "not proof" not in r["attendance"]["note"]: print("  no caution"); ok = False
sys.exit(0 if ok else 1)
PY

for fmt in text md html; do
    pthv report --period end-of-year --attendance "$att" --format "$fmt" -o "$tmp/r.$fmt"
    check "$fmt: the attendance section" grep -q "Chronic absence: visited and not visited students" "$tmp/r.$fmt"
    check "$fmt: says it is a comparison, not proof of cause" grep -q "This is a comparison, not proof that the visits caused" "$tmp/r.$fmt"
done
pthv report --period end-of-year --attendance "$att" --format csv -o "$tmp/r.csv"
check "csv: needs --table" [ ! -s "$tmp/r.csv" ]
pthv report --period end-of-year --attendance "$att" --format csv --table attendance -o "$tmp/r.csv"
check "csv --table attendance: the tidy header" grep -qx "site_id,name,visited_students,visited_chronic,visited_rate_pct,not_visited_students,not_visited_chronic,not_visited_rate_pct,difference_pp,ci95_low_pp,ci95_high_pp,suppressed" "$tmp/r.csv"
check "html: a chart of the rates" grep -q '<figcaption>Chronic absence, visited and not visited students</figcaption>' "$tmp/r.html"
check "csv --table attendance: the district row" grep -qE '^all,all sites,[0-9]+,[0-9]+,[0-9.]+,' \
    <(pthv report --period end-of-year --attendance "$att" --format csv --table attendance)
check "csv --table attendance: a difference below zero is a number, not text" python3 - "$tmp/r.csv" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
district = rows[0]
assert district["site_id"] == "all", district
for key in ("difference_pp", "ci95_low_pp", "ci95_high_pp", "visited_rate_pct"):
    for r in rows:
        v = r[key]
        assert not v.startswith("'"), (key, v)  # a spreadsheet's text marker would make it a string
        float(v)
assert float(district["difference_pp"]) < 0, district  # visited students miss less school here
print(" difference_pp:", district["difference_pp"])
PY
check "without --attendance: no attendance section" bash -c "! grep -q attendance <('$bin' -C '$src/examples' --as-of 2026-05-15 report --period end-of-year --format json)"
out=$(pthv report --period end-of-year --format csv --table attendance 2>&1); code=$?
check "--table attendance without the file: exit 2" bash -c "[ $code -eq 2 ] && grep -q -- '--table attendance needs --attendance FILE' <<<'$out'"

# Bad rows: each named by file and line; nothing written.
{
    echo "student_id,days_enrolled,days_absent"
    echo "ST0001,160,12"
    echo "ST0002,160,twelve"
    echo "ST0003,20,30"
    echo "ST0001,160,3"
    echo "ST0004,,3"
    echo "NOSUCH,160,3"
} >"$tmp/bad.csv"
out=$(pthv report --period end-of-year --attendance "$tmp/bad.csv" -o "$tmp/bad.out" 2>&1); code=$?
check "bad rows: exit 2" [ $code -eq 2 ]
check "bad rows: a word that is not a number" grep -qF "$tmp/bad.csv:3: error[value-invalid]: student ST0002: days_absent \"twelve\" is not a whole number" <<<"$out"
check "bad rows: more days absent than enrolled" grep -qF "$tmp/bad.csv:4: error[value-invalid]: student ST0003: days_absent 30 is more than days_enrolled 20" <<<"$out"
check "bad rows: a student twice" grep -qF "$tmp/bad.csv:5: error[duplicate-key]: student ST0001 appears again (first on line 2)" <<<"$out"
check "bad rows: an empty cell" grep -qF "$tmp/bad.csv:6: error[required-missing]: student ST0004: days_enrolled is empty" <<<"$out"
check "bad rows: an unknown student is a warning" grep -qF "$tmp/bad.csv:7: warning[unknown-ref]: student NOSUCH is not in students.csv" <<<"$out"
check "bad rows: the summary names the option" grep -qF -- "--attendance $tmp/bad.csv: 4 rows cannot be read" <<<"$out"
check "bad rows: nothing written" [ ! -e "$tmp/bad.out" ]
printf 'student_id,days_enrolled\nST0001,160\n' >"$tmp/nocol.csv"
out=$(pthv report --period end-of-year --attendance "$tmp/nocol.csv" 2>&1); code=$?
check "a missing column: exit 2, named" bash -c "[ $code -eq 2 ] && grep -qF '$tmp/nocol.csv:1: error[column-missing]: the required column days_absent is missing' <<<'$out'"
printf 'student_id,days_enrolled,days_absent\nST0001,160,3\nNOSUCH,160,3\n' >"$tmp/unknown.csv"
pthv report --period end-of-year --attendance "$tmp/unknown.csv" --format json >/dev/null 2>&1
check "only an unknown student: the report runs (exit 0)" [ $? -eq 0 ]
out=$(pthv report --period end-of-year --attendance "$tmp/none.csv" 2>&1); code=$?
check "a missing file: exit 2, naming the option" bash -c "[ $code -eq 2 ] && grep -qF -- '--attendance $tmp/none.csv' <<<'$out'"

finish
