#!/usr/bin/env bash
# pthv report --scores FILE: test score proficiency of visited and not
# visited students per subject on the example district (a made-up file
# written outside the repo by examples/make_scores.py), counted again here
# from the files, with Newcombe's interval worked out independently; every
# format; --site; with --attendance beside it; public reports and the audit;
# bad rows named by file and line, and nothing written.
. "$(dirname "$0")/lib.sh" "$1"
pthv() { "$bin" -C "$src/examples" --as-of 2026-05-15 --color never "$@"; }
# Public reports show only whole periods that have ended: the year's public
# report is read after it (on 2026-05-15 it would show mid-year's figures).
pthv_year() { "$bin" -C "$src/examples" --as-of 2026-07-01 --color never "$@"; }
sc=$tmp/scores.csv
att=$tmp/attendance.csv
python3 "$src/examples/make_scores.py" "$sc"
python3 "$src/examples/make_attendance.py" "$att"
python3 "$src/examples/make_scores.py" "$src/examples/scores.csv" 2>/dev/null
check "the generator refuses to write into the data repo" [ ! -e "$src/examples/scores.csv" ]
python3 "$src/examples/make_scores.py" "$tmp/again.csv"
check "the generator writes the same file every time" cmp -s "$sc" "$tmp/again.csv"

# The figures, per subject, for the district and each site: recomputed
# from students.csv, visits.csv and the scores file.
cat >"$tmp/expect.py" <<'PY'
import csv, math, os, sys
z = 1.959963984540054

def wilson(x, n):
    p = x / n; c = p + z * z / (2 * n); h = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return (c - h) / (1 + z * z / n), (c + h) / (1 + z * z / n)

def r1(v):  # one decimal, half away from zero, as pthv rounds
    return math.copysign(math.floor(abs(v) * 10 + 0.5), v) / 10

def expected(ex, scores, site=None):
    """{scope: {subject: figures}}: scope "all" for the district (or the site)."""
    students = {s["student_id"]: s["site_id"] for s in csv.DictReader(open(os.path.join(ex, "students.csv")))}
    visited = {v["student_id"] for v in csv.DictReader(open(os.path.join(ex, "visits.csv")))
               if v["status"] == "completed" and "2025-07-01" <= v["date"] <= "2026-05-15"}
    groups = {}
    for a in csv.DictReader(open(scores)):
        sid = a["student_id"]
        if sid not in students or (site and students[sid] != site): continue
        for key in ("all", students[sid]):
            g = groups.setdefault(key, {}).setdefault(a["subject"].strip(), {True: [0, 0], False: [0, 0]})[sid in visited]
            g[0] += 1; g[1] += a["proficient"].strip().lower() == "yes"
    out = {}
    for key, subjects in groups.items():
        for subject, g in subjects.items():
            (n1, x1), (n2, x2) = g[True], g[False]
            p1, p2 = x1 / n1, x2 / n2; l1, u1 = wilson(x1, n1); l2, u2 = wilson(x2, n2)
            lo = p1 - p2 - math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2)
            hi = p1 - p2 + math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2)
            out.setdefault(key, {})[subject] = {
                "visited": {"students": n1, "proficient": x1, "rate_pct": r1(100 * x1 / n1)},
                "not_visited": {"students": n2, "proficient": x2, "rate_pct": r1(100 * x2 / n2)},
                "difference_pp": r1(100 * (p1 - p2)), "ci95_pp": [r1(100 * lo), r1(100 * hi)]}
    return out
PY

pthv report --period end-of-year --scores "$sc" --format json >"$tmp/r.json"; code=$?
check "json: exit 0" [ $code -eq 0 ]
check "json: every figure of every subject, counted again from the files" python3 - "$tmp/r.json" "$src/examples" "$sc" "$tmp" <<'PY'
import json, sys
sys.path.insert(0, sys.argv[4]); from expect import expected
r = json.load(open(sys.argv[1])); want = expected(sys.argv[2], sys.argv[3])
ok = True
def same(label, got, want):
    global ok
    if set(got) != set(want): print(f"  {label}: subjects {sorted(got)} != {sorted(want)}"); ok = False; return
    for subject in want:
        g = {k: got[subject][k] for k in want[subject]}
        if g != want[subject]: print(f"  {label} {subject}: {g} != {want[subject]}"); ok = False
same("district", r["scores"]["subjects"], want["all"])
if sorted(r["scores"]["subjects"]) != ["ela", "math"]: print("  subjects:", list(r["scores"]["subjects"])); ok = False
seen = 0
for s in r["sites"]:
    if s["site_id"] in want: same(s["site_id"], s["scores"]["subjects"], want[s["site_id"]]); seen += 1
if seen < 5: print("  sites compared:", seen); ok = False
if "not proof" not in r["scores"]["note"]: print("  no caution"); ok = False
d = r["scores"]["subjects"]["ela"]
if not d["visited"]["rate_pct"] > d["not_visited"]["rate_pct"]: print("  the made-up file shows no gain"); ok = False
sys.exit(0 if ok else 1)
PY

for fmt in text md html; do
    pthv report --period end-of-year --scores "$sc" --format "$fmt" -o "$tmp/r.$fmt"
    check "$fmt: the scores section" grep -q "Test scores: proficiency of visited and not visited students" "$tmp/r.$fmt"
    check "$fmt: says it is a comparison, not proof of cause" grep -q "This is a comparison, not proof that the visits caused" "$tmp/r.$fmt"
    check "$fmt: both subjects" bash -c "grep -q 'ela' '$tmp/r.$fmt' && grep -q 'math' '$tmp/r.$fmt'"
done
check "html: a chart of the rates" grep -q '<figcaption>Test score proficiency, visited and not visited students</figcaption>' "$tmp/r.html"

pthv report --period end-of-year --scores "$sc" --format csv --table scores -o "$tmp/r.csv"
check "csv --table scores: the tidy header" grep -qx "subject,site_id,name,visited_students,visited_proficient,visited_rate_pct,not_visited_students,not_visited_proficient,not_visited_rate_pct,difference_pp,ci95_low_pp,ci95_high_pp,suppressed" "$tmp/r.csv"
check "csv --table scores: the same figures as the json, a row per subject and site" python3 - "$tmp/r.csv" "$tmp/r.json" <<'PY'
import csv, json, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8"))); r = json.load(open(sys.argv[2]))
assert len(rows) == 2 * (1 + len(r["sites"])), len(rows)
assert [x["subject"] for x in rows] == ["ela"] * (1 + len(r["sites"])) + ["math"] * (1 + len(r["sites"]))
by_site = {s["site_id"]: s["scores"]["subjects"] for s in r["sites"]}
for x in rows:
    j = r["scores"]["subjects"][x["subject"]] if x["site_id"] == "all" else by_site[x["site_id"]][x["subject"]]
    if x["site_id"] == "all": assert x["name"] == "all sites", x
    for g in ("visited", "not_visited"):
        assert int(x[g + "_students"]) == j[g]["students"] and int(x[g + "_proficient"]) == j[g]["proficient"], (x, j)
        assert float(x[g + "_rate_pct"]) == j[g]["rate_pct"], (x, j)
    assert float(x["difference_pp"]) == j["difference_pp"], (x, j)
    assert [float(x["ci95_low_pp"]), float(x["ci95_high_pp"])] == j["ci95_pp"], (x, j)
PY
out=$(pthv report --period end-of-year --format csv --table scores 2>&1); code=$?
check "--table scores without the file: exit 2" bash -c "[ $code -eq 2 ] && grep -q -- '--table scores needs --scores FILE' <<<'$out'"
check "without --scores: no scores section" bash -c "! grep -q '\"scores\"' <('$bin' -C '$src/examples' --as-of 2026-05-15 report --period end-of-year --format json)"

# One site: its rows only, the same figures as in the district's report.
pthv report --period end-of-year --scores "$sc" --site S02 --format json >"$tmp/s02.json"
pthv report --period end-of-year --scores "$sc" --site S02 --format csv --table scores -o "$tmp/s02.csv"
check "--site: the site's figures, as in the district's report" python3 - "$tmp/s02.json" "$tmp/r.json" "$tmp/s02.csv" <<'PY'
import csv, json, sys
one = json.load(open(sys.argv[1])); all_ = json.load(open(sys.argv[2]))
s02 = next(s for s in all_["sites"] if s["site_id"] == "S02")
assert one["scores"]["subjects"] == s02["scores"]["subjects"], (one["scores"], s02["scores"])
rows = list(csv.DictReader(open(sys.argv[3])))
assert [(x["subject"], x["site_id"]) for x in rows] == [("ela", "S02"), ("math", "S02")], rows
PY

# Both files together: each section as it is alone.
pthv report --period end-of-year --attendance "$att" --format json >"$tmp/att.json"
pthv report --period end-of-year --attendance "$att" --scores "$sc" --format json >"$tmp/both.json"; code=$?
check "both files: exit 0" [ $code -eq 0 ]
check "both files: attendance and scores each as alone" python3 - "$tmp/both.json" "$tmp/att.json" "$tmp/r.json" <<'PY'
import json, sys
both, att, sc = (json.load(open(p)) for p in sys.argv[1:4])
assert both["attendance"] == att["attendance"] and both["scores"] == sc["scores"]
for b, a, s in zip(both["sites"], att["sites"], sc["sites"]):
    assert b["attendance"] == a["attendance"] and b["scores"] == s["scores"], b["site_id"]
PY
pthv report --period end-of-year --attendance "$att" --scores "$sc" --format text -o "$tmp/both.txt"
check "both files, text: both sections" bash -c "grep -q 'Chronic absence: visited' '$tmp/both.txt' && grep -q 'Test scores: proficiency' '$tmp/both.txt'"

# Public: no count under min_cell printed, in any subject or site; the
# audit of the whole publication set with the file passes.
for fmt in text md html; do
    pthv_year report --period end-of-year --public --scores "$sc" --format "$fmt" -o "$tmp/p.$fmt"
    check "public $fmt: written, with the scores section" grep -q "Test scores: proficiency" "$tmp/p.$fmt"
done
pthv_year report --period end-of-year --public --scores "$sc" --format json -o "$tmp/p.json"
pthv_year report --period end-of-year --public --scores "$sc" --format csv --table scores -o "$tmp/p.csv"
check "public json and csv: no count under min_cell, nothing built on a hidden one" python3 - "$tmp/p.json" "$tmp/p.csv" <<'PY'
import csv, json, sys
r = json.load(open(sys.argv[1])); m = r["min_cell"]
assert r["public"] is True and m == 10
small = 0
def check(label, subjects):
    global small
    for subject, f in subjects.items():
        for g in ("visited", "not_visited"):
            for k in ("students", "proficient"):
                v = f[g][k]
                assert v is None or isinstance(v, str) or v >= m, (label, subject, g, k, v)
                small += not isinstance(v, int)
            if not isinstance(f[g]["students"], int) or not isinstance(f[g]["proficient"], int):
                assert f[g]["rate_pct"] is None or isinstance(f[g]["rate_pct"], str), (label, subject, g, f[g])
        if f["difference_pp"] is not None:
            assert all(isinstance(f[g][k], int) for g in ("visited", "not_visited") for k in ("students", "proficient")), (label, f)
check("district", r["scores"]["subjects"])
for s in r["sites"]: check(s["site_id"], s["scores"]["subjects"])
assert small > 0, "the sites' groups are small or give one back: some counts must be hidden"
for x in csv.DictReader(open(sys.argv[2])):
    for k in ("visited_students", "visited_proficient", "not_visited_students", "not_visited_proficient"):
        assert x[k] == "" or int(x[k]) >= m, (x["subject"], x["site_id"], k, x[k])
PY
# With both files in public, the attendance table is decided first, as it
# is alone; the scores table after it, and the set of both is protected.
pthv_year report --period end-of-year --public --attendance "$att" --format json >"$tmp/pa.json"
pthv_year report --period end-of-year --public --attendance "$att" --scores "$sc" --format json >"$tmp/pb.json"
check "public, both files: the attendance table and every other figure as with the attendance alone" python3 - "$tmp/pa.json" "$tmp/pb.json" <<'PY'
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
assert "scores" in b and all("scores" in s for s in b["sites"])
b.pop("scores")
for s in b["sites"]: s.pop("scores")
for x in b.get("subgroups", []): x.pop("scores", None)  # the comparison within each subgroup
assert a == b
PY
pthv report --audit --scores "$sc" >"$tmp/audit.txt"; code=$?
check "report --audit --scores: the publication set with the file is protected (exit 0)" [ $code -eq 0 ]
pthv report --audit --scores "$sc" --attendance "$att" --format json >"$tmp/audit.json"; code=$?
check "report --audit with both files: exit 0, relations all borne out" bash -c "[ $code -eq 0 ] && python3 -c \"
import json; d = json.load(open('$tmp/audit.json'))
assert d['ok'] and d['unmodelled'] == 0 and d['relations_refused'] == 0, d\""

# Bad rows: each named by file and line; nothing written.
{
    echo "student_id,subject,proficient"
    echo "ST0001,ela,yes"
    echo "ST0002,math,maybe"
    echo "ST0003,,no"
    echo "ST0001,ela,no"
    echo "ST0004,math,"
    echo "NOSUCH,ela,yes"
    echo "ST0005,ela|math,yes"
    echo ",ela,yes"
    echo "ST0001,math,No"
} >"$tmp/bad.csv"
out=$(pthv report --period end-of-year --scores "$tmp/bad.csv" -o "$tmp/bad.out" 2>&1); code=$?
check "bad rows: exit 2" [ $code -eq 2 ]
check "bad rows: proficient neither yes nor no" grep -qF "$tmp/bad.csv:3: error[value-invalid]: student ST0002: proficient \"maybe\" is not yes or no" <<<"$out"
check "bad rows: an empty subject" grep -qF "$tmp/bad.csv:4: error[required-missing]: student ST0003: subject is empty" <<<"$out"
check "bad rows: a student's subject twice" grep -qF "$tmp/bad.csv:5: error[duplicate-key]: student ST0001 has a second ela row (first on line 2)" <<<"$out"
check "bad rows: an empty proficient" grep -qF "$tmp/bad.csv:6: error[required-missing]: student ST0004: proficient is empty" <<<"$out"
check "bad rows: an unknown student is a warning" grep -qF "$tmp/bad.csv:7: warning[unknown-ref]: student NOSUCH is not in students.csv; the row is left out" <<<"$out"
check "bad rows: a subject with |" grep -qF "$tmp/bad.csv:8: error[value-invalid]: student ST0005: subject \"ela|math\" holds a control character or \"|\"" <<<"$out"
check "bad rows: an empty student_id" grep -qF "$tmp/bad.csv:9: error[required-missing]: student_id is empty" <<<"$out"
check "bad rows: another subject of the same student, in any case of no, is fine" bash -c "! grep -q 'bad.csv:10:' <<<'$out'"
check "bad rows: the summary names the option" grep -qF -- "--scores $tmp/bad.csv: 6 rows cannot be read" <<<"$out"
check "bad rows: nothing written" [ ! -e "$tmp/bad.out" ]
out=$(pthv report --audit --scores "$tmp/bad.csv" 2>&1); code=$?
check "bad rows, --audit: exit 2" bash -c "[ $code -eq 2 ] && grep -qF -- '--scores $tmp/bad.csv: 6 rows cannot be read' <<<'$out'"
printf 'student_id,subject\nST0001,ela\n' >"$tmp/nocol.csv"
out=$(pthv report --period end-of-year --scores "$tmp/nocol.csv" 2>&1); code=$?
check "a missing column: exit 2, named" bash -c "[ $code -eq 2 ] && grep -qF '$tmp/nocol.csv:1: error[column-missing]: the required column proficient is missing' <<<'$out'"
printf 'student_id,subject,proficient\nST0001,ela,yes\nNOSUCH,ela,no\n' >"$tmp/unknown.csv"
pthv report --period end-of-year --scores "$tmp/unknown.csv" --format json >"$tmp/unknown.json" 2>"$tmp/unknown.err"
check "only an unknown student: the report runs (exit 0), the row left out" bash -c "[ $? -eq 0 ] && python3 -c \"
import json; d = json.load(open('$tmp/unknown.json'))['scores']['subjects']['ela']
assert d['visited']['students'] + d['not_visited']['students'] == 1, d\" && grep -q 'warning\[unknown-ref\]' '$tmp/unknown.err'"
out=$(pthv report --period end-of-year --scores "$tmp/none.csv" 2>&1); code=$?
check "a missing file: exit 2, naming the option" bash -c "[ $code -eq 2 ] && grep -qF -- '--scores $tmp/none.csv' <<<'$out'"

finish
