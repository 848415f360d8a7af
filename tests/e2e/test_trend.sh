#!/usr/bin/env bash
# pthv trend: the example district's 2025-26 repo and its 2024-25 year
# (examples/make_prior_year.py). A row per school year, oldest first, each
# year counted to the same day of its school year as --as-of unless --full;
# the figures recomputed here from the CSVs, the rest held to each year's
# own report; every format; repos of two districts or two of one year
# refused; the site only one year has named; --public hides every change
# built on a figure a year's public report hides.
. "$(dirname "$0")/lib.sh" "$1"
pthv() { "$bin" --as-of 2026-05-15 --color never "$@"; }
cp -r "$src/examples" "$tmp/y2526"
python3 "$src/examples/make_prior_year.py" "$tmp/y2425"
cd "$tmp" || exit 1

# The figures of one year from its CSVs, counted from its start to `cut`.
cat >recount.py <<'PY'
import csv, json, sys

def recount(repo, start, cut):
    visits = list(csv.DictReader(open(f"{repo}/visits.csv")))
    students = list(csv.DictReader(open(f"{repo}/students.csv")))
    family = {s["student_id"]: s["family_id"] or s["student_id"] for s in students}
    done = [v for v in visits if v["status"] == "completed" and start <= v["date"] <= cut]
    per_student = {}
    for v in done:
        per_student[v["student_id"]] = per_student.get(v["student_id"], 0) + 1
    def pct(n, d):  # tenths of a percent, half up, as pthv rounds
        return (n * 2000 + d) // (2 * d) / 10
    visited, enrolled = len(per_student), len(students)
    second = sum(1 for n in per_student.values() if n >= 2)
    return {"completed_visits": len(done), "students_visited": visited, "students_enrolled": enrolled,
            "coverage_pct": pct(visited, enrolled),
            "families_reached": len({family[s] for s in per_student}),
            "second_visit_students": second, "second_visit_rate_pct": pct(second, visited),
            "declined": sum(1 for v in visits if v["status"] == "declined" and start <= v["date"] <= cut),
            "sites_visiting": len({v["site_id"] for v in done})}

# argv: trend.json, then per year: repo start cut
trend = json.load(open(sys.argv[1]))
args = sys.argv[2:]
expected = [recount(*args[i:i + 3]) for i in range(0, len(args), 3)]
ok = True
def same(label, a, b):
    global ok
    if a != b:
        print(f"  {label}: {a!r} != {b!r}")
        ok = False
same("years, oldest first", [y["school_year"] for y in trend["years"]], ["2024-25", "2025-26"][:len(expected)])
for y, e, i in zip(trend["years"], expected, range(0, len(args), 3)):
    same(f"{y['school_year']} period", y["period"], {"from": args[i + 1], "to": args[i + 2]})
    for k, v in e.items():
        same(f"{y['school_year']} {k}", y[k], v)
same("first year's changes", {k: v for k, v in trend["years"][0].items() if k.endswith("_change") and v is not None}, {})
for before, now in zip(expected, expected[1:]):
    y = trend["years"][expected.index(now)]
    for k, v in now.items():
        d = v - before[k]
        same(f"{y['school_year']} {k}_change", y[k + "_change"], round(d, 1) if isinstance(d, float) else d)
sys.exit(0 if ok else 1)
PY

# Each year's row against that year's own report, as of the same day.
cat >against_report.py <<'PY'
import json, sys
trend = json.load(open(sys.argv[1]))
ok = True
def same(label, a, b):
    global ok
    if a != b:
        print(f"  {label}: {a!r} != {b!r}")
        ok = False
for y, path in zip(trend["years"], sys.argv[2:]):
    r = json.load(open(path))
    sy = y["school_year"]
    for k in ["completed_visits", "students_visited", "students_enrolled", "coverage_pct", "families_reached",
              "second_visit_students", "second_visit_rate_pct", "declined", "trained_staff"]:
        same(f"{sy} {k}", y[k], r[k])
    same(f"{sy} staff_visiting", y["staff_visiting"], r["participating_educators"])
    for p in range(1, 6):
        same(f"{sy} CP{p}", y[f"CP{p}_meeting_pct"], r["fidelity"][f"CP{p}"]["meeting_pct"]
             if isinstance(r["fidelity"], dict) else r["fidelity"][0][f"CP{p}"]["meeting_pct"])
    same(f"{sy} staff_trained_new", y["staff_trained_new"], r["training"]["trained_new"])
    money = [m for m in r["money"]]
    if any(m["paid_closed"] is None or m["owed_open"] is None for m in money):
        same(f"{sy} spent (a source withheld)", y["spent"], None)
    else:
        cents = sum(round(float(m["paid_closed"]) * 100) + round(float(m["owed_open"]) * 100) for m in money)
        same(f"{sy} spent", y["spent"], f"{cents // 100}.{cents % 100:02d}")
    same(f"{sy} period", y["period"], {"from": r["period"]["from"], "to": r["period"]["to"]})
sys.exit(0 if ok else 1)
PY

pthv trend y2526 y2425 --format json -o same.json; code=$?
check "two school years: exit 0" [ $code -eq 0 ]
check "same day: each year to 05-15, recounted from the CSVs, with the changes" \
    python3 recount.py same.json y2425 2024-07-01 2025-05-15 y2526 2025-07-01 2026-05-15
"$bin" --color never -C y2425 --as-of 2025-05-15 report --period end-of-year --format json >r2425.json
pthv -C y2526 report --period end-of-year --format json >r2526.json
check "same day: each year is its own report as of that day (fidelity, training, money)" \
    python3 against_report.py same.json r2425.json r2526.json

pthv trend y2425 y2526 --full --format json -o full.json
check "--full: the year that is over counted whole" \
    python3 recount.py full.json y2425 2024-07-01 2025-06-30 y2526 2025-07-01 2026-05-15
check "--full counts more of 2024-25 than the same day does" python3 -c '
import json, sys
a, b = (json.load(open(f))["years"][0]["completed_visits"] for f in sys.argv[1:])
assert b > a, (a, b)' same.json full.json
"$bin" --as-of 2026-01-10 trend y2526 y2425 --format json >jan.json
check "--as-of in January: each year to 01-10" \
    python3 recount.py jan.json y2425 2024-07-01 2025-01-10 y2526 2025-07-01 2026-01-10

check "sites in only some years: Willow Creek, 2025-26 alone" python3 -c '
import json, sys
t = json.load(open(sys.argv[1]))
assert t["district"] == "Riverbend Unified School District", t["district"]
assert t["sites_in_some_years"] == [{"site_id": "S03", "name": "Willow Creek Elementary", "school_years": ["2025-26"]}], t["sites_in_some_years"]
' same.json

for fmt in text md html csv; do
    pthv trend y2526 y2425 --format "$fmt" -o "t.$fmt"; code=$?
    check "$fmt: exit 0, written" bash -c "[ $code -eq 0 ] && [ -s t.$fmt ]"
    check "$fmt: both school years, oldest first" bash -c "grep -o '202[45]-2[56]' t.$fmt | uniq | head -2 | paste -sd, | grep -qx '2024-25,2025-26'"
done
for fmt in text md html; do
    # (md escapes brackets)
    check "$fmt: the changes and the site of one year" bash -c "tr -d '\\\\' <t.$fmt | grep -q '1,139 (+380)' && grep -q 'Willow Creek Elementary' t.$fmt"
done
check "html: a chart" grep -q "<figcaption>Coverage of enrolment by school year</figcaption>" t.html
check "csv: tidy, a record per school year, the JSON's values" python3 -c '
import csv, json, sys
rows = list(csv.DictReader(open("t.csv")))
t = json.load(open("same.json"))
assert [r["school_year"] for r in rows] == ["2024-25", "2025-26"], rows
assert list(rows[0])[:6] == ["school_year", "repo", "period_from", "period_to", "completed_visits", "completed_visits_change"]
for r, y in zip(rows, t["years"]):
    for k, v in y.items():
        if k in ("period", "school_year", "repo"): continue
        assert r[k] == ("" if v is None else str(v) if not isinstance(v, float) else f"{v:.1f}"), (k, r[k], v)
'

cp -r y2425 lakeside && sed -i 's/^district: .*/district: Lakeside Unified/' lakeside/pthv.yaml
out=$(pthv trend y2526 lakeside -o refused.txt 2>&1); code=$?
check "two districts: exit 2, nothing written" bash -c "[ $code -eq 2 ] && [ ! -e refused.txt ]"
check "... saying which districts" grep -q 'Lakeside Unified.*district' <<<"$out"
cp -r y2526 again
out=$(pthv trend y2526 y2425 again 2>&1); code=$?
check "two repos of one school year: exit 2" [ $code -eq 2 ]
check "... naming both and the year" grep -q 'y2526 and again are both the school year 2025-26' <<<"$out"
mkdir broken && printf 'district: [unclosed\n' >broken/pthv.yaml
out=$(pthv trend y2526 broken 2>&1); code=$?
check_eval "a repo whose pthv.yaml cannot be read: exit 2, named" '[ $code -eq 2 ] && grep -q "broken: pthv.yaml: " <<<"$out"'
out=$(pthv trend y2526 nowhere 2>&1); code=$?
check_eval "a repo that is not there: exit 2, named" '[ $code -eq 2 ] && grep -q "nowhere: no such folder" <<<"$out"'

# Public: each year is its own public report, and no change is built on a
# figure either year hides. In May neither year has ended, so each shows
# its mid-year figures (to the end of January): the longest period of
# reports.publish that begins with the year and has ended.
pthv trend y2526 y2425 --public --format json -o public.json; code=$?
check "--public: exit 0" [ $code -eq 0 ]
"$bin" --color never -C y2425 --as-of 2025-05-15 report --period end-of-year --public --format json >p2425.json
pthv -C y2526 report --period end-of-year --public --format json >p2526.json
check "--public: each year is its own public report" python3 against_report.py public.json p2425.json p2526.json
# A 2025-26 with four declines by the end of January: its public report
# shows <10, the year before 17, and the change would give the four back.
cp -r y2526 few
awk -F, 'NR > 1 && $8 == "declined" && $4 <= "2026-01-31" && n++ >= 4 {next} {print}' y2526/visits.csv >few/visits.csv
pthv trend few y2425 --public --format json -o few.json
cat >changes.py <<'PY'
import json, sys
t = json.load(open(sys.argv[1]))
before, now = t["years"]
shown = lambda v: isinstance(v, (int, float))
hidden_changes = 0
for k, v in now.items():
    if not k.endswith("_change"): continue
    a, b = before[k[:-7]], now[k[:-7]]
    if shown(a) and shown(b):
        d = b - a
        assert v == (round(d, 1) if isinstance(d, float) else d), (k, v, a, b)
    elif isinstance(a, str) and isinstance(b, str) and a[0].isdigit():
        pass  # money
    else:
        assert v is None, (k, v, a, b)
        hidden_changes += 1
assert now["period"]["to"] == "2026-01-31" and before["period"]["to"] == "2025-01-31", (now["period"], before["period"])
assert hidden_changes > 0 and now["trained_staff"] is None and now["trained_staff_change"] is None, (hidden_changes, now["trained_staff"])
PY
check "--public: a change only where both years show the figure, the difference of the shown ones" python3 changes.py public.json
check "--public: ... also where one year shows a figure (declines) the other hides" python3 changes.py few.json
check "--public: the four declines are <10, the year before's shown, and no change between them" python3 -c '
import json, sys
before, now = json.load(open(sys.argv[1]))["years"]
assert now["declined"] == "<10" and isinstance(before["declined"], int) and now["declined_change"] is None, (before["declined"], now["declined"], now["declined_change"])
' few.json
pthv trend few y2425 --public --format csv -o public.csv
check "--public csv: a hidden change is empty and named suppressed" python3 -c '
import csv
r = list(csv.DictReader(open("public.csv")))[1]
assert r["declined"] == "" and r["declined_change"] == "", r
assert "declined_change" in r["suppressed"].split(";"), r["suppressed"]
'
sed -i 's/^reports: .*/reports: {min_cell: 10, publish: [mid-year]}/' y2425/pthv.yaml
out=$(pthv trend y2526 y2425 --public 2>&1); code=$?
check_eval "--public: a year whose district posts no public report of the year is refused (exit 2)" \
    '[ $code -eq 2 ] && grep -q "y2425: .*reports.publish" <<<"$out"'
finish
