#!/usr/bin/env bash
# pthv rollup: two districts (the example district and a copy renamed) and
# two repos that cannot be loaded. Each district's row is its own
# end-of-year report; the state totals are their sums; the broken repos are
# listed with their errors, the others still reported, and the exit is 1.
. "$(dirname "$0")/lib.sh" "$1"
pthv() { "$bin" --as-of 2026-05-15 --color never "$@"; }
cp -r "$src/examples" "$tmp/riverbend"
cp -r "$src/examples" "$tmp/lakeside"
sed -i 's/^district: .*/district: Lakeside Unified/' "$tmp/lakeside/pthv.yaml"
# Lakeside has 40 fewer completed visits.
awk -F, 'NR > 1 && $8 == "completed" && n < 40 {n++; next} {print}' "$src/examples/visits.csv" >"$tmp/lakeside/visits.csv"
mkdir -p "$tmp/broken" && printf 'district: [unclosed\n' >"$tmp/broken/pthv.yaml"

cd "$tmp" || exit 1
pthv rollup riverbend lakeside --format json -o "$tmp/ok.json"; code=$?
check "two good repos: exit 0" [ $code -eq 0 ]
pthv -C riverbend report --period end-of-year --format json >"$tmp/r.json"
pthv -C lakeside report --period end-of-year --format json >"$tmp/l.json"
pthv -C riverbend report --table census --format json >"$tmp/rc.json"
check "each row is its district's report and census; the total their sum" python3 - "$tmp/ok.json" "$tmp/r.json" "$tmp/l.json" "$tmp/rc.json" <<'PY'
import json, sys
u, r, l, rc = (json.load(open(f)) for f in sys.argv[1:])
ok = True
def same(label, a, b):
    global ok
    if a != b: print(f"  {label}: {a!r} != {b!r}"); ok = False
same("districts", [d["district"] for d in u["districts"]], [r["district"], "Lakeside Unified"])
same("repos", [d["repo"] for d in u["districts"]], ["riverbend", "lakeside"])
figures = ["completed_visits", "students_visited", "students_enrolled", "coverage_pct", "families_reached",
           "second_visit_students", "second_visit_rate_pct", "declined", "participating_educators"]
for d, rep in zip(u["districts"], (r, l)):
    for k in figures: same(f"{d['district']} {k}", d[k], rep[k])
for k, v in rc.items(): same(f"riverbend census {k}", u["districts"][0][k], v)
for k in ["completed_visits", "students_visited", "students_enrolled", "families_reached", "declined"]:
    same(f"total {k}", u["total"][k], r[k] + l[k])
same("total sites_visiting", u["total"]["sites_visiting"], 10)
same("the two differ", r["completed_visits"] - l["completed_visits"], 40)
# Training sessions: each district's are its report's training_sessions.
for d, rep in zip(u["districts"], (r, l)):
    ts = rep["training_sessions"]
    same(f"{d['district']} sessions_held", d["sessions_held"], ts["held"])
    same(f"{d['district']} sessions_planned", d["sessions_planned"], ts["planned"])
    same(f"{d['district']} session_trainings", d["session_trainings"],
         sum(s["attended"] for s in ts["sessions"] if s["status"] == "held"))
same("sessions in the example district", (u["districts"][0]["sessions_held"], u["districts"][0]["sessions_planned"]), (8, 1))
for k in ["sessions_held", "sessions_planned", "session_trainings"]:
    same(f"total {k}", u["total"][k], sum(d[k] for d in u["districts"]))
same("total coverage", u["total"]["coverage_pct"],
     round(1000 * (r["students_visited"] + l["students_visited"]) / (r["students_enrolled"] + l["students_enrolled"])) / 10)
sys.exit(0 if ok else 1)
PY

out=$(pthv rollup riverbend broken nowhere lakeside --format json 2>&1); code=$?
check "a repo that cannot be loaded: exit 1" [ $code -eq 1 ]
check "... listed with its error, the others reported" python3 -c '
import json, sys
u = json.loads(sys.argv[1])
d = {x["repo"]: x for x in u["districts"]}
assert list(d) == ["riverbend", "broken", "nowhere", "lakeside"], list(d)
assert "pthv.yaml" in d["broken"]["error"] and "completed_visits" not in d["broken"], d["broken"]
assert d["nowhere"]["error"] == "no such folder", d["nowhere"]
assert d["riverbend"]["completed_visits"] > 0 and d["lakeside"]["completed_visits"] > 0
assert u["total"]["failed"] == 2 and u["total"]["districts"] == 2, u["total"]
' "$out"
for fmt in text md html csv; do
    pthv rollup riverbend broken lakeside --format "$fmt" -o "$tmp/u.$fmt"; code=$?
    check "$fmt: exit 1, written" bash -c "[ $code -eq 1 ] && [ -s '$tmp/u.$fmt' ]"
    check "$fmt: both districts" grep -q 'Lakeside Unified' "$tmp/u.$fmt"
    check "$fmt: the broken repo with its error" grep -q "broken.*pthv.yaml" "$tmp/u.$fmt"
done
for fmt in text md html; do check "$fmt: the state's totals" grep -qE '(^|[ |>])state([ |<])' "$tmp/u.$fmt"; done
check "csv: tidy, a record per district, no totals row" bash -c "[ \$(wc -l <'$tmp/u.csv') -eq 4 ] && head -1 '$tmp/u.csv' | grep -q '^district,repo,period,completed_visits,'"
check "html: a chart" grep -q "<figcaption>Coverage of enrolment by district</figcaption>" "$tmp/u.html"
pthv rollup riverbend --period mid-year --format json -o "$tmp/mid.json"
pthv -C riverbend report --period mid-year --format json >"$tmp/rmid.json"
check "--period is read in each repo" python3 -c '
import json, sys
a, b = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
assert a["districts"][0]["completed_visits"] == b["completed_visits"], (a["districts"][0]["completed_visits"], b["completed_visits"])
' "$tmp/mid.json" "$tmp/rmid.json"
out=$(pthv rollup riverbend --period soon 2>&1); code=$?
check "a bad --period: exit 1" [ $code -eq 1 ]
check "a bad --period: the repo's row says why" grep -q -- "riverbend.*--period soon" <<<"$out"
out=$(pthv rollup 2>&1); code=$?
check "no repo: exit 2" [ $code -eq 2 ]

finish
