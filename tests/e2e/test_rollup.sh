#!/usr/bin/env bash
# pthv rollup: two districts (the example district and a copy renamed) and
# two repos that cannot be loaded. Each district's row is its own
# end-of-year report; the state totals are their sums; the broken repos are
# listed with their errors, the others still reported, and the exit is 1.
. "$(dirname "$0")/lib.sh" "$1"
pthv() { "$bin" --as-of 2026-05-15 --color never "$@"; }
# After the school year (2025-07-01..2026-06-30): a public report shows the
# whole year; in May it still shows mid-year's figures.
pthv_year() { "$bin" --as-of 2026-07-01 --color never "$@"; }
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

# ----- fidelity, findings, money and surveys, per district and in total -----
# What the checks below share: read a file of $tmp, compare, round as pthv does.
cat >"$tmp/rollup_check.py" <<'PY'
import json, os, sys
tmp = sys.argv[1]
failed = []
def load(f): return json.load(open(os.path.join(tmp, f)))
def fail(why): print(f"  {why}"); failed.append(why)
def same(label, a, b):
    if a != b: fail(f"{label}: {a!r} != {b!r}")
def pct(num, den): return (num * 2000 + den) // (2 * den) / 10 if den else None  # half up, as pthv rounds
def finish(): sys.exit(1 if failed else 0)
PY
# Lakeside reviews one finding: validate counts it as reviewed, neither an
# error nor a warning, and so must the roll-up.
pthv -C lakeside review CP3-first-focus V20251015-ST0683 --note "seen with the principal" >/dev/null
pthv rollup riverbend lakeside --format json -o "$tmp/parts.json"
for d in riverbend lakeside; do
    pthv -C "$d" report --period end-of-year --format json >"$tmp/$d.rep.json"
    pthv -C "$d" validate --format json >"$tmp/$d.val.json"
done
check "fidelity, findings, money and surveys: each district's own, the state's worked out again from the CSVs" \
    python3 - "$tmp" riverbend lakeside <<'PY'
import collections, csv, json, os, sys, yaml
from decimal import Decimal
tmp, names = sys.argv[1], sys.argv[2:]
sys.path.insert(0, tmp)
from rollup_check import load, pct, same, finish
u = load("parts.json")
rep = [load(f"{n}.rep.json") for n in names]
val = [load(f"{n}.val.json") for n in names]
rows = u["districts"]
# Fidelity: the district's row of its report; its visits the completed
# visits of the period in visits.csv; the state's share from summed counts.
for n, row, r in zip(names, rows, rep):
    visits = [v for v in csv.DictReader(open(os.path.join(tmp, n, "visits.csv")))
              if v["status"] == "completed" and r["period"]["from"] <= v["date"] <= r["period"]["to"]]
    same(f"{n} fidelity visits from visits.csv", row["fidelity"]["visits"], len(visits))
    for k in range(1, 6):
        same(f"{n} CP{k}", row["fidelity"][f"CP{k}_meeting_pct"], r["fidelity"][f"CP{k}"]["meeting_pct"])
state_visits = sum(r["fidelity"]["visits"] for r in rep)
same("state fidelity visits", u["total"]["fidelity"]["visits"], state_visits)
for k in range(1, 6):
    short = sum(r["fidelity"][f"CP{k}"]["short"] for r in rep)
    same(f"state CP{k} from summed visits and shortfalls", u["total"]["fidelity"][f"CP{k}_meeting_pct"],
         pct(state_visits - short, state_visits))
# Findings: as pthv validate counts them, reviewed ones by rule too.
by_rules = []
for n, row, v in zip(names, rows, val):
    f = row["findings"]
    by_rule = collections.Counter(p["rule"] for p in v["problems"])
    by_rules.append(by_rule)
    same(f"{n} findings", (f["errors"], f["warnings"], f["reviewed"]), (v["errors"], v["warnings"], v["reviewed"]))
    same(f"{n} findings by rule", f["by_rule"], dict(by_rule))
same("Lakeside's review counts as reviewed", rows[1]["findings"]["reviewed"], 1)
same("... its rule still counted", rows[1]["findings"]["by_rule"].get("CP3-first-focus", 0) >= 1, True)
t = u["total"]["findings"]
same("state findings", (t["errors"], t["warnings"], t["reviewed"]),
     tuple(sum(v[k] for v in val) for k in ("errors", "warnings", "reviewed")))
same("state findings by rule", t["by_rule"], dict(sum(by_rules, collections.Counter())))
# Money: the district's money rows; the budget its pthv.yaml's; left what
# is not spent; the state's a row per source, summed to the cent.
cents = lambda s: Decimal(s)
state = collections.OrderedDict()
for n, row, r in zip(names, rows, rep):
    same(f"{n} money", row["money"], r["money"])
    budgets = {f["source"]: Decimal(str(f["amount"])) for f in yaml.safe_load(open(os.path.join(tmp, n, "pthv.yaml")))["funding"]}
    for m in row["money"]:
        same(f"{n} {m['source']} budget", cents(m["budget"]), budgets[m["source"]])
        same(f"{n} {m['source']} left", cents(m["left"]), cents(m["budget"]) - cents(m["paid_closed"]) - cents(m["owed_open"]))
        s = state.setdefault(m["source"], collections.Counter())
        for k in ("budget", "paid_closed", "owed_open", "left"):
            s[k] += cents(m[k])
same("state money sources", [m["source"] for m in u["total"]["money"]], list(state))
for m in u["total"]["money"]:
    for k in ("budget", "paid_closed", "owed_open", "left"):
        same(f"state {m['source']} {k}", cents(m[k]), state[m["source"]][k])
same("the districts' spending differs (Lakeside has fewer visits)", rows[0]["money"] != rows[1]["money"], True)
# Surveys: responses of the period in surveys.csv; a question's favourable
# share (4 or 5) from the answers, the state's from all the answers.
answers = collections.defaultdict(lambda: [0, 0])
for n, row, r in zip(names, rows, rep):
    same(f"{n} surveys", row["surveys"], r["surveys"])
    resp = [x for x in csv.DictReader(open(os.path.join(tmp, n, "surveys.csv")))
            if r["period"]["from"] <= x["date"] <= r["period"]["to"]]
    same(f"{n} responses from surveys.csv", row["surveys"]["responses"], len(resp))
    for q, got in row["surveys"]["questions"].items():
        a = [x[f"q_{q}"] for x in resp if x[f"q_{q}"]]
        fav = sum(v in ("4", "5") for v in a)
        same(f"{n} {q}", (got["answered"], got["favourable_pct"]), (len(a), pct(fav, len(a))))
        answers[q][0] += len(a); answers[q][1] += fav
ts = u["total"]["surveys"]
same("state responses", ts["responses"], sum(r["surveys"]["responses"] for r in rep))
for q, (a, fav) in answers.items():
    same(f"state {q}", (ts["questions"][q]["answered"], ts["questions"][q]["favourable_pct"]), (a, pct(fav, a)))
finish()
PY
for t in fidelity findings findings_by_rule money surveys; do
    pthv rollup riverbend lakeside --format csv --table "$t" -o "$tmp/t.$t.csv"
done
check "csv --table: a tidy record per district (and source, rule or question), as in JSON" \
    python3 - "$tmp" <<'PY'
import csv, json, os, sys
tmp = sys.argv[1]
u = json.load(open(os.path.join(tmp, "parts.json")))
table = lambda t: list(csv.DictReader(open(os.path.join(tmp, f"t.{t}.csv"))))
names = [d["district"] for d in u["districts"]]
fid = table("fidelity")
assert [r["district"] for r in fid] == names, fid
for r, d in zip(fid, u["districts"]):
    assert [float(r[f"CP{k}_meeting_pct"]) for k in range(1, 6)] == [d["fidelity"][f"CP{k}_meeting_pct"] for k in range(1, 6)], r
f = table("findings")
assert [(r["district"], int(r["errors"]), int(r["warnings"]), int(r["reviewed"])) for r in f] == \
    [(d["district"], d["findings"]["errors"], d["findings"]["warnings"], d["findings"]["reviewed"]) for d in u["districts"]], f
b = table("findings_by_rule")
assert [(r["district"], r["rule"], int(r["findings"])) for r in b] == \
    [(d["district"], k, n) for d in u["districts"] for k, n in d["findings"]["by_rule"].items()], b
m = table("money")
assert [(r["district"], r["source"], r["owed_open"]) for r in m] == \
    [(d["district"], x["source"], x["owed_open"]) for d in u["districts"] for x in d["money"]], m
s = table("surveys")
assert [(r["district"], r["question"], int(r["answered"])) for r in s] == \
    [(d["district"], q, x["answered"]) for d in u["districts"] for q, x in d["surveys"]["questions"].items()], s
assert all(r["district"] != "state" for t in (fid, f, b, m, s) for r in t), "tidy csv has no totals row"
PY
out=$(pthv rollup riverbend --format csv --table fidelty 2>&1); code=$?
check "--table: an unknown name, exit 2 and a suggestion" bash -c "[ $code -eq 2 ] && grep -q 'did you mean fidelity' <<<'$out'"
out=$(pthv rollup riverbend --format text --table money 2>&1); code=$?
check "--table: with csv only" bash -c "[ $code -eq 2 ] && grep -q 'with --format csv' <<<'$out'"
pthv rollup riverbend lakeside --format html -o "$tmp/dash.html"
check "html: a state dashboard of plain tables, no script" python3 - "$tmp/dash.html" <<'PY'
import re, sys
html = open(sys.argv[1]).read()
assert "<script" not in html.lower(), "a script"
titles = re.findall(r"<h2[^>]*>(.*?)</h2>", html)
for want in ("By district", "Fidelity", "Findings of pthv validate", "Findings by rule", "Spending against", "Family surveys"):
    assert any(t.startswith(want) for t in titles), (want, titles)
assert html.count("<table") >= 6, html.count("<table")
assert "errors in the records of the period" in html, "the data check's banner"
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

# ----- --public: no hidden count comes back by subtraction -----
# Three districts: Riverbend (the example), Lakeside (one school's visits:
# its declines and scheduled second visits go under min_cell) and Hilltop
# (40 rows of one school, min_cell 5: few second visits, nothing scheduled
# ahead). Each total must add exactly the districts whose own public report
# shows the figure, and say how many it leaves out. Counted for the year,
# once it has ended.
cp -r "$src/examples" "$tmp/hilltop"
sed -i 's/^district: .*/district: Hilltop Elementary/; s/^reports: .*/reports: {min_cell: 5}/' "$tmp/hilltop/pthv.yaml"
# Six of Hilltop's August visits have one educator, so its public report
# shows its CP5 share exactly (6 visits short and 5 not, min_cell 5, in
# August's own report, posted first) and bounds the others; a few survey
# responses, which its public report does not give. (Were they six of its
# July visits, July's 4 visits meeting CP5 would be small and withheld, and
# the year's share, posted after July's, is withheld too.)
awk -F, 'BEGIN { OFS = "," } NR == 1 { print; next }
    $3 == "S05" && n++ < 40 { if ($8 == "completed" && c++ >= 12 && m < 6) { sub(/;.*/, "", $7); m++ } print }' \
    "$src/examples/visits.csv" >"$tmp/hilltop/visits.csv"
head -9 "$src/examples/surveys.csv" >"$tmp/hilltop/surveys.csv"
awk -F, 'NR == 1 || $3 == "S01"' "$src/examples/visits.csv" >"$tmp/lakeside/visits.csv"
pub=(riverbend lakeside hilltop)
pthv_year rollup "${pub[@]}" --public --format json -o "$tmp/pub.json"; code=$?
for d in "${pub[@]}"; do
    pthv_year -C "$d" report --period end-of-year --public --format json >"$tmp/$d.pub.json"
    pthv_year -C "$d" report --table census --public --format json >"$tmp/$d.census.json"
    pthv_year -C "$d" report --period end-of-year --format json >"$tmp/$d.all.json"
done
check "public: each district's figures are its own public report's, each total the sum of those shown" \
    python3 - "$code" "$tmp" "${pub[@]}" <<'PY'
import json, os, sys
code, tmp, names = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
load = lambda f: json.load(open(os.path.join(tmp, f)))
u = load("pub.json")
own = [load(f"{n}.pub.json") for n in names]      # each district's public report
census = [load(f"{n}.census.json") for n in names]
truth = [load(f"{n}.all.json") for n in names]    # the counts a public report hides
ok = True
def same(label, a, b):
    global ok
    if a != b: print(f"  {label}: {a!r} != {b!r}"); ok = False
shown = lambda v: isinstance(v, int) and not isinstance(v, bool)
counts = ["completed_visits", "students_visited", "students_enrolled", "families_reached", "second_visit_students",
          "second_visit_scheduled", "second_visit_due", "declined", "scheduled_ahead",
          "trained_staff", "participating_educators"]
shares = {"coverage_pct": ("students_visited", "students_enrolled"),
          "second_visit_rate_pct": ("second_visit_students", "students_visited")}
same("exit; districts; failed", (code, u["total"]["districts"], u["total"]["failed"]), (0, 3, 0))
rows = u["districts"]
# Each district's figures: its own public report's, with its own min_cell (Hilltop shows <5).
for row, rep in zip(rows, own):  # families who declined are not given in public
    same(f"{row['district']} declined_families given", ("declined_families" in row, "declined_families" in rep), (False, False))
for row, rep, cen in zip(rows, own, census):
    for k in counts + list(shares): same(f"{row['district']} {k}", row[k], rep[k])
    for k in ["sites_visiting", "staff_visiting", "staff_trained_new", "virtual_pct"]:
        same(f"{row['district']} census {k}", row[k], cen[k])
    held = [s["attended"] for s in rep["training_sessions"]["sessions"] if s["status"] == "held"]
    same(f"{row['district']} session_trainings", row["session_trainings"],
         sum(held) if all(map(shown, held)) else None)
# Each total: the districts showing the figure, and no other.
def total(key, values, hidden_truth):
    global ok
    shown_values = [v for v in values if shown(v)]
    left = len(values) - len(shown_values)
    same(f"total {key}", u["total"][key], sum(shown_values) if shown_values else None)
    same(f"left out of {key}", u.get("total_left_out", {}).get(key), left)
    # No hidden count comes back: neither the total minus every shown
    # count, nor the total minus the other districts' shown counts.
    t = u["total"][key] or 0
    for i, v in enumerate(values):
        if shown(v) or not hidden_truth[i]: continue  # a hidden 0 protects nothing
        others = sum(x for j, x in enumerate(values) if j != i and shown(x))
        if hidden_truth[i] in (t - others, t - sum(shown_values)):
            print(f"  {key}: {names[i]}'s hidden {hidden_truth[i]} comes back"); ok = False
    return left
left_out = {}
for k in counts:
    left_out[k] = total(k, [r[k] for r in own], [r[k] for r in truth])
for k in ["sites_visiting", "staff_trained_new"]:
    left_out[k] = total(k, [c[k] for c in census], [None] * len(census))
for k in ["sessions_held", "sessions_planned"]:
    total(k, [r["training_sessions"][k[len("sessions_"):]] for r in own], [None] * len(own))
total("session_trainings", [r["session_trainings"] for r in rows], [None] * len(rows))
left_of = u.get("total_left_out", {})
same("staff_visiting total", (u["total"]["staff_visiting"], left_of.get("staff_visiting")),
     (u["total"]["participating_educators"], left_of.get("participating_educators")))
# Shares: over the districts that show both counts.
def share(key, pairs):
    both = [(n, d) for n, d in pairs if shown(n) and shown(d)]
    num, den = sum(n for n, _ in both), sum(d for _, d in both)
    same(f"total {key}", u["total"][key], (round(1000 * num / den) / 10) if den else None)
    same(f"left out of {key}", u.get("total_left_out", {}).get(key), len(pairs) - len(both))
for k, (n, d) in shares.items():
    share(k, [(r[n], r[d]) for r in own])
share("virtual_pct", [(r["modes"].get("virtual", 0), r["completed_visits"]) for r in own])
# The fixture does hide something: Lakeside's declines, both small districts' scheduled second visits.
same("declines left out (Lakeside's at least)", left_out["declined"] >= 1, True)
same("scheduled second visits left out (both small districts' at least)", left_out["second_visit_scheduled"] >= 2, True)
same("Hilltop shows <5", rows[2]["scheduled_ahead"], "<5")
same("every key of the total has its left-out count",
     sorted(left_of), sorted(k for k in u["total"] if k not in ("districts", "failed")))
sys.exit(0 if ok else 1)
PY
check "public: fidelity, findings, money and surveys as each district's public report shows them; totals over those shown" \
    python3 - "$tmp" "${pub[@]}" <<'PY'
import collections, csv, json, os, sys
from decimal import Decimal
tmp, names = sys.argv[1], sys.argv[2:]
sys.path.insert(0, tmp)
from rollup_check import load, pct, same, finish, fail
u = load("pub.json")
own = [load(f"{n}.pub.json") for n in names]
truth = [load(f"{n}.all.json") for n in names]
exact = lambda v: isinstance(v, (int, float)) and not isinstance(v, bool)
rows, total, left = u["districts"], u["total"], u["total_left_out"]
# Fidelity: bounds such as ">=99.1" as the district's report gives them;
# the state's share only over the districts whose share is exact.
for k in range(1, 6):
    key = f"CP{k}_meeting_pct"
    for n, row, r in zip(names, rows, own):
        same(f"{n} {key}", row["fidelity"][key], r["fidelity"][f"CP{k}"]["meeting_pct"])
    shown = [r["fidelity"] for r in own if exact(r["fidelity"][f"CP{k}"]["meeting_pct"])]
    visits = sum(f["visits"] for f in shown)
    same(f"state {key}", total["fidelity"][key], pct(visits - sum(f[f"CP{k}"]["short"] for f in shown), visits))
    same(f"left out of {key}", left["fidelity"][key], len(own) - len(shown))
same("the fixture shows some fidelity exactly (Hilltop's CP5) and bounds others",
     (exact(rows[2]["fidelity"]["CP5_meeting_pct"]), left["fidelity"]["CP5_meeting_pct"], left["fidelity"]["CP1_meeting_pct"]),
     (True, 2, 3))
# A hidden shortfall added in would change the state's share: it is not in it.
hidden = [t["fidelity"]["CP5"]["short"] for r, t in zip(own, truth) if not exact(r["fidelity"]["CP5"]["meeting_pct"])]
same("hidden CP5 shortfalls are real ones", any(hidden), True)
# Findings: errors and warnings as the public report's validate line; not
# reviewed findings nor findings by rule (counts of visits falling short).
for n, row, r in zip(names, rows, own):
    f = row["findings"]
    same(f"{n} findings", (f["errors"], f["warnings"], f["reviewed"], f["by_rule"]),
         (r["validate"]["errors"], r["validate"]["warnings"], None, None))
# In public a count of 1 to min_cell - 1 is "<N" (most findings are visits
# that fell short of a practice); the state's total adds the shown ones and
# says how many districts it leaves out.
for k in ("errors", "warnings"):
    for n, row, r, t in zip(names, rows, own, truth):
        v, m = t["validate"][k], r["min_cell"]
        same(f"{n} public {k}: <N when small", row["findings"][k], f"<{m}" if 0 < v < m else v)
    shown = [r["validate"][k] for r in own if exact(r["validate"][k])]
    same(f"state {k}", total["findings"][k], sum(shown))
    same(f"left out of state {k}", left["findings"][k], len(own) - len(shown))
same("state findings by rule", total["findings"]["by_rule"], None)
same("the fixture has a district with a few findings, hidden",
     any(0 < t["validate"][k] < r["min_cell"] for r, t in zip(own, truth) for k in ("errors", "warnings")), True)
# Money: each district's public money rows; a source's state row adds the
# districts that show its spending, and gives back no withheld spending.
sources = collections.OrderedDict()
for n, row, r, t in zip(names, rows, own, truth):
    same(f"{n} money", row["money"], r["money"])
    for m, mt in zip(r["money"], t["money"]):
        s = sources.setdefault(m["source"], {"shown": [], "hidden": []})
        (s["shown"] if m["owed_open"] is not None else s["hidden"]).append((m, mt))
same("state money sources", [m["source"] for m in total["money"]], list(sources))
withheld = 0
for m, lo in zip(total["money"], left["money"]):
    s = sources[m["source"]]
    same(f"left out of {m['source']}", lo, {"source": m["source"], "left_out": len(s["hidden"])})
    for k in ("budget", "paid_closed", "owed_open", "left"):
        want = sum(Decimal(x[k]) for x, _ in s["shown"]) if s["shown"] else None
        same(f"state {m['source']} {k}", Decimal(m[k]) if m[k] is not None else None, want)
        for _, t in s["hidden"]:
            withheld += 1
            if m[k] is not None and Decimal(t[k]) != 0 and Decimal(m[k]) - sum(Decimal(x[k]) for x, _ in s["shown"]) == Decimal(t[k]):
                fail(f"{m['source']} {k}: a withheld {t[k]} comes back")
same("the fixture withholds some spending", withheld > 0, True)
# Surveys: as each public report shows them; the state's over those shown.
for n, row, r in zip(names, rows, own):
    same(f"{n} surveys", row["surveys"], r.get("surveys"))
ts = total["surveys"]
shown = [r["surveys"] for r in own if r.get("surveys") and exact(r["surveys"]["responses"])]
same("state responses", (ts["responses"], left["surveys"]["responses"]), (sum(s["responses"] for s in shown), len(own) - len(shown)))
for q, x in ts["questions"].items():
    answered = [s["questions"][q]["answered"] for s in shown if exact(s["questions"][q]["answered"])]
    same(f"state {q} answered", x["answered"], sum(answered))
    same(f"left out of {q}", left["surveys"]["questions"][q], {"answered": len(own) - len(answered),
         "favourable_pct": len(own) - sum(exact(s["questions"][q]["favourable_pct"]) for s in shown)})
same("Hilltop's few surveys are left out", rows[2]["surveys"]["responses"] is None and left["surveys"]["responses"] == 1, True)
finish()
PY
pthv_year rollup "${pub[@]}" --format json -o "$tmp/all.json"
check "without --public nothing is left out" python3 -c '
import json, sys
u = json.load(open(sys.argv[1]))
def flat(v):
    if isinstance(v, dict): return [x for w in v.values() for x in flat(w)]
    if isinstance(v, list): return [x for w in v for x in flat(w)]
    return [v]
assert u["total_left_out"] and {x for x in flat(u["total_left_out"]) if not isinstance(x, str)} == {0}, u["total_left_out"]
' "$tmp/all.json"

for fmt in text md html csv; do
    pthv_year rollup "${pub[@]}" --public --format "$fmt" -o "$tmp/pub.$fmt"
done
# A public output is read by people with no terminal: it names no command.
check "public: no pthv command or option named" bash -c "! grep -hE 'pthv [a-z]|--[a-z]' '$tmp/pub.text' '$tmp/pub.md'"
# The "left out" row: for each figure, how many districts its total leaves out.
columns='["completed_visits", "students_visited", "students_enrolled", "coverage_pct", "families_reached",
          "second_visit_students", "second_visit_rate_pct", "declined", "staff_visiting", "sites_visiting",
          "staff_trained_new", "virtual_pct", "sessions_held", "sessions_planned", "session_trainings"]'
check "text: the left-out row and its note" python3 - "$tmp/pub.text" "$tmp/pub.json" "$columns" <<'PY'
import json, sys
text, u, cols = open(sys.argv[1]).read(), json.load(open(sys.argv[2])), json.loads(sys.argv[3])
left = next(l for l in text.splitlines() if l.strip().startswith("left out "))
assert left.split()[2:] == [str(u["total_left_out"][k]) for k in cols], (left, u["total_left_out"])
assert u["total_left_out"]["declined"] >= 1
assert "each total adds only the districts" in text and "leaves out" in text, text
PY
check "md: the left-out row and its note" python3 - "$tmp/pub.md" "$tmp/pub.json" "$columns" <<'PY'
import json, sys
md, u, cols = open(sys.argv[1]).read(), json.load(open(sys.argv[2])), json.loads(sys.argv[3])
row = next(l for l in md.splitlines() if l.startswith("| left out "))
cells = [c.strip() for c in row.strip().strip("|").split("|")]
assert cells[3:3 + len(cols)] == [str(u["total_left_out"][k]) for k in cols], (cells, u["total_left_out"])
assert "leaves out" in md
PY
check "html: the left-out row and its note" python3 - "$tmp/pub.html" "$tmp/pub.json" "$columns" <<'PY'
import json, re, sys
html, u, cols = open(sys.argv[1]).read(), json.load(open(sys.argv[2])), json.loads(sys.argv[3])
row = re.search(r"<tr><td[^>]*>left out</td>(.*?)</tr>", html, re.S)
assert row, "no left-out row"
cells = re.findall(r"<td[^>]*>(.*?)</td>", row.group(1))
assert cells[2:2 + len(cols)] == [str(u["total_left_out"][k]) for k in cols], (cells, u["total_left_out"])
assert "leaves out" in html
PY
check "csv: each district names the figures the totals leave out of it (empty and suppressed)" \
    python3 - "$tmp/pub.csv" "$tmp/pub.json" "$columns" <<'PY'
import csv, json, sys
rows, u, cols = list(csv.DictReader(open(sys.argv[1]))), json.load(open(sys.argv[2])), json.loads(sys.argv[3])
assert [r["district"] for r in rows] == [d["district"] for d in u["districts"]], rows
for r, d in zip(rows, u["districts"]):
    hidden = [k for k in cols if isinstance(d[k], str) or d[k] is None]
    named = r["left_out_of_total"].split(";") if r["left_out_of_total"] else []
    assert named == hidden, (r["district"], named, hidden)
    assert all(r[k] == "" for k in named) and set(named) <= set(r["suppressed"].split(";")), r
for k in cols:
    assert sum(k in r["left_out_of_total"].split(";") for r in rows) == u["total_left_out"][k], k
assert "declined" in rows[1]["left_out_of_total"].split(";"), rows[1]
PY

# A public roll-up takes only a period each district publishes.
cp -r "$src/examples" "$tmp/northfield"
sed -i 's/^district: .*/district: Northfield Unified/; s/^reports: .*/reports: {min_cell: 10, publish: [mid-year, 2026-02-01..2026-05-15]}/' \
    "$tmp/northfield/pthv.yaml"
pthv rollup riverbend northfield --public --format json -o "$tmp/np.json"; code=$?
pthv rollup riverbend northfield --public --format text -o "$tmp/np.text"; code_text=$?
pthv rollup northfield --public --period mid-year --format json >/dev/null; code_listed=$?
pthv rollup riverbend northfield --format json >/dev/null; code_private=$?
# Before the mid-year date, end-of-year and mid-year are the same report:
# a district listing end-of-year still publishes it.
"$bin" --as-of 2025-11-15 --color never rollup riverbend --public --format json >/dev/null; code_early=$?
check "public, a district that does not publish the period: exit 1 (a period it lists, or no --public: 0)" \
    [ "$code $code_text $code_listed $code_private $code_early" = "1 1 0 0 0" ]
# In May, Riverbend's year has not ended: its row is its public report, which
# shows mid-year's figures.
pthv -C riverbend report --period end-of-year --public --format json >"$tmp/riverbend.may.json"
check "... its row says its reports.publish does not list the period; it is not in the totals" python3 -c '
import json, sys
u, r = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
assert r["period"]["counted_as"] == "mid-year" and u["districts"][0]["period"]["to"] == "2026-01-31", (r["period"], u["districts"][0]["period"])
assert u["districts"][0]["period"].get("counted_as") == "mid-year", u["districts"][0]["period"]
n = u["districts"][1]
assert n["district"] == "Northfield Unified" and n["repo"] == "northfield", n
assert "reports.publish" in n["error"] and "end-of-year" in n["error"] and "completed_visits" not in n, n
assert u["total"]["failed"] == 1 and u["total"]["districts"] == 1, u["total"]
assert u["total"]["completed_visits"] == r["completed_visits"], (u["total"], r["completed_visits"])
' "$tmp/np.json" "$tmp/riverbend.may.json"
check "... in text too" grep -q "Northfield Unified.*reports.publish does not list end-of-year" "$tmp/np.text"
# A range is posted once it has ended, with the month it ends in: in May
# it is refused, from June on taken.
pthv rollup northfield --public --period 2026-02-01..2026-05-15 --format json -o "$tmp/range-may.json"; code=$?
check "... a range it lists that has not ended: exit 1, its row says so" python3 -c '
import json, sys
n = json.load(open(sys.argv[1]))["districts"][0]
assert "has not ended" in n["error"] and "reports.publish" in n["error"] and "completed_visits" not in n, n
assert int(sys.argv[2]) == 1
' "$tmp/range-may.json" "$code"
"$bin" --as-of 2026-06-01 --color never rollup northfield riverbend --public --period 2026-02-01..2026-05-15 --format json -o "$tmp/range.json"; code=$?
check "... a range it lists, as written (the default list has none): exit 1 for the other" [ $code -eq 1 ]
check "... the range taken where listed, refused where not" python3 -c '
import json, sys
n, r = json.load(open(sys.argv[1]))["districts"]
assert "error" not in n and (n["period"]["from"], n["period"]["to"]) == ("2026-02-01", "2026-05-15"), n
assert "reports.publish" in r["error"] and "2026-02-01..2026-05-15" in r["error"], r
' "$tmp/range.json"
pthv rollup riverbend northfield --public --period 2026-03 --format json -o "$tmp/month.json"; code=$?
check "... monthly (the default) lists every month; a list without it, none" python3 -c '
import json, sys
r, n = json.load(open(sys.argv[1]))["districts"]
assert "error" not in r and "2026-03" in n["error"], (r, n)
assert int(sys.argv[2]) == 1
' "$tmp/month.json" "$code"

finish
