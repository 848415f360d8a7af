#!/usr/bin/env bash
# Reach by subgroup (reports.subgroups): on the example district, every
# figure of the subgroups table counted again here from students.csv and
# visits.csv (enrolled, visited, coverage, families, representation) for the
# district and each site; the outcome comparisons within each value; every
# format; a --subgroups file kept out of git whose values win; the settings
# and files refused with file and line; and in public, district rows only,
# nothing else in the report changed by them, and the audit passing.
. "$(dirname "$0")/lib.sh" "$1"
pthv() { "$bin" -C "$src/examples" --as-of 2026-05-15 --color never "$@"; }
att=$tmp/attendance.csv
sc=$tmp/scores.csv
python3 "$src/examples/make_attendance.py" "$att"
python3 "$src/examples/make_scores.py" "$sc"

cat >"$tmp/expect.py" <<'PY'
import csv, os
GROUPS = ["ell", "iep", "frl", "race_ethnicity"]

def r1(v):  # one decimal, half up, as pthv rounds
    import math
    return math.floor(v * 10 + 0.5) / 10

def load(ex, override=None):
    students = {s["student_id"]: s for s in csv.DictReader(open(os.path.join(ex, "students.csv")))}
    if override:
        for row in csv.DictReader(open(override)):
            s = students.get(row["student_id"].strip())
            for g in GROUPS:
                if s is not None and g in row and row[g].strip():
                    s[g] = row[g].strip()
    return students

def value(s, g):
    v = (s or {}).get(g, "").strip()
    return "unknown" if v in ("", "unknown") else v

def expected(ex, frm, to, override=None):
    """{(scope, subgroup, value): figures}; scope "all" or a site id."""
    students = load(ex, override)
    visits = [v for v in csv.DictReader(open(os.path.join(ex, "visits.csv")))
              if v["status"] == "completed" and frm <= v["date"] <= to]
    sites = {s["site_id"] for s in csv.DictReader(open(os.path.join(ex, "sites.csv")))}
    out = {}
    def cell(scope, g, val):
        return out.setdefault((scope, g, val), {"enrolled": 0, "visited": set(), "families": set()})
    for sid, s in students.items():
        for g in GROUPS:
            for scope in ("all", s["site_id"]):
                cell(scope, g, value(s, g))["enrolled"] += 1
    for v in visits:
        s = students.get(v["student_id"])
        fam = (s or {}).get("family_id") or v["student_id"]
        for g in GROUPS:
            for scope in ("all", v["site_id"]):
                c = cell(scope, g, value(s, g))
                c["visited"].add(v["student_id"]); c["families"].add(fam)
    totals = {}
    for (scope, g, val), c in out.items():
        t = totals.setdefault((scope, g), [0, 0])
        t[0] += c["enrolled"]; t[1] += len(c["visited"])
    res = {}
    for (scope, g, val), c in out.items():
        e, v = c["enrolled"], len(c["visited"])
        E, V = totals[(scope, g)]
        rep = None
        if e and V and E:
            num, den = v * E * 100, V * e
            rep = ((2 * num + den) // (2 * den)) / 100
        res[(scope, g, val)] = {"students_enrolled": e, "students_visited": v,
                                "coverage_pct": r1(100 * v / e) if e else None,
                                "families_reached": len(c["families"]), "representation": rep}
    return res
PY

# Internal JSON: every row of the district and of each site.
pthv report --period end-of-year --format json >"$tmp/r.json"; code=$?
check "json: exit 0" [ $code -eq 0 ]
check "json: every subgroup figure of the district and each site, counted again from the files" \
    python3 - "$tmp/r.json" "$src/examples" "$tmp" <<'PY'
import json, sys
sys.path.insert(0, sys.argv[3]); from expect import expected
r = json.load(open(sys.argv[1])); want = expected(sys.argv[2], "2025-07-01", "2026-05-15")
got = {("all", x["subgroup"], x["value"]): x for x in r["subgroups"]}
for s in r["sites"]:
    for x in s["subgroups"]:
        got[(s["site_id"], x["subgroup"], x["value"])] = x
bad = 0; compared = 0
for key, w in want.items():
    if key[0] != "all" and key[0] not in {s["site_id"] for s in r["sites"]}: continue
    g = got.get(key)
    if g is None and w["students_enrolled"] == 0 and w["students_visited"] == 0: continue
    for k, v in w.items():
        compared += 1
        if g is None or g[k] != v:
            bad += 1; print(key, k, "want", v, "got", None if g is None else g[k], file=sys.stderr)
assert compared >= 300, compared
sys.exit(1 if bad else 0)
PY
check "json: a subgroup's values add up to the district's students enrolled and visited" python3 - "$tmp/r.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
for g in ("ell", "iep", "frl", "race_ethnicity"):
    rows = [x for x in r["subgroups"] if x["subgroup"] == g]
    assert sum(x["students_enrolled"] for x in rows) == r["students_enrolled"], g
    assert sum(x["students_visited"] for x in rows) == r["students_visited"], g
order = [x["value"] for x in r["subgroups"] if x["subgroup"] == "race_ethnicity"]
assert order[-1] == "unknown" and order[:-1] == sorted(order[:-1]), order
PY

# Tidy CSV: the columns, and one row per subgroup, value and scope.
pthv report --period end-of-year --format csv --table subgroups >"$tmp/sg.csv"; code=$?
check "csv: exit 0" [ $code -eq 0 ]
check_eval "csv: the columns" \
    '[ "$(head -1 "$tmp/sg.csv")" = "subgroup,value,site_id,name,students_enrolled,students_visited,coverage_pct,families_reached,representation,suppressed" ]'
check "csv: the same figures as the json, row by row" python3 - "$tmp/sg.csv" "$tmp/r.json" <<'PY'
import csv, json, sys
r = json.load(open(sys.argv[2]))
rows = list(csv.DictReader(open(sys.argv[1])))
assert len(rows) == len(r["subgroups"]) + sum(len(s["subgroups"]) for s in r["sites"]), len(rows)
for x in rows:
    src = r["subgroups"] if x["site_id"] == "all" else next(s for s in r["sites"] if s["site_id"] == x["site_id"])["subgroups"]
    j = next(y for y in src if y["subgroup"] == x["subgroup"] and y["value"] == x["value"])
    assert int(x["students_enrolled"]) == j["students_enrolled"] and int(x["families_reached"]) == j["families_reached"]
    assert (x["representation"] == "" and j["representation"] is None) or float(x["representation"]) == j["representation"], x
PY
for fmt in text md html; do
    pthv report --period end-of-year --format $fmt >"$tmp/r.$fmt"; code=$?
    check "$fmt: exit 0 and a subgroups section" [ $code -eq 0 ]
    check "$fmt: the section is there" grep -q "Reach by subgroup" "$tmp/r.$fmt"
done
check "text: the district's hispanic row as the json has it" python3 - "$tmp/r.text" "$tmp/r.json" <<'PY'
import json, re, sys
r = json.load(open(sys.argv[2]))
j = next(x for x in r["subgroups"] if x["subgroup"] == "race_ethnicity" and x["value"] == "hispanic")
line = next(l for l in open(sys.argv[1]) if re.match(r"\s+race_ethnicity\s+hispanic\s+all\s", l))
assert f'{j["students_enrolled"]}' in line.replace(",", "") and f'{j["representation"]:.2f}' in line, line
PY

# Outcomes within each value: counted again from the files.
pthv report --period end-of-year --attendance "$att" --scores "$sc" --format json >"$tmp/o.json"; code=$?
check "outcomes: exit 0" [ $code -eq 0 ]
check "outcomes: chronic absence and proficiency within each value, counted again" \
    python3 - "$tmp/o.json" "$src/examples" "$att" "$sc" <<'PY'
import csv, json, os, sys
r = json.load(open(sys.argv[1])); ex = sys.argv[2]
students = {s["student_id"]: s for s in csv.DictReader(open(os.path.join(ex, "students.csv")))}
visited = {v["student_id"] for v in csv.DictReader(open(os.path.join(ex, "visits.csv")))
           if v["status"] == "completed" and "2025-07-01" <= v["date"] <= "2026-05-15"}
val = lambda s, g: (s.get(g) or "").strip() or "unknown"
att = {}
for a in csv.DictReader(open(sys.argv[3])):
    s = students.get(a["student_id"])
    if not s or int(a["days_enrolled"]) < 10: continue
    chronic = int(a["days_absent"]) * 10 >= int(a["days_enrolled"])
    for g in ("ell", "iep", "frl", "race_ethnicity"):
        c = att.setdefault((g, val(s, g)), {True: [0, 0], False: [0, 0]})[a["student_id"] in visited]
        c[0] += 1; c[1] += chronic
scores = {}
for a in csv.DictReader(open(sys.argv[4])):
    s = students.get(a["student_id"])
    if not s: continue
    for g in ("ell", "iep", "frl", "race_ethnicity"):
        c = scores.setdefault((g, val(s, g), a["subject"]), {True: [0, 0], False: [0, 0]})[a["student_id"] in visited]
        c[0] += 1; c[1] += a["proficient"].strip().lower() == "yes"
n = 0
for x in r["subgroups"]:
    w = att[(x["subgroup"], x["value"])]
    a = x["attendance"]
    assert [a["visited"]["students"], a["visited"]["chronic"]] == w[True], (x["value"], a, w)
    assert [a["not_visited"]["students"], a["not_visited"]["chronic"]] == w[False]
    for subject, s in x["scores"].items():
        w = scores[(x["subgroup"], x["value"], subject)]
        assert [s["visited"]["students"], s["visited"]["proficient"]] == w[True]
        assert [s["not_visited"]["students"], s["not_visited"]["proficient"]] == w[False]
        n += 1
assert n >= 20, n
PY
pthv report --period end-of-year --attendance "$att" --format csv --table subgroup_attendance >"$tmp/sa.csv"
check_eval "csv: subgroup_attendance has the attendance columns after subgroup and value" \
    '[ "$(head -1 "$tmp/sa.csv" | cut -d, -f1-4)" = "subgroup,value,visited_students,visited_chronic" ]'
pthv report --period end-of-year --format csv --table subgroup_scores >/dev/null 2>"$tmp/err"; code=$?
check "csv: subgroup_scores without --scores is refused (exit 2)" [ $code -eq 2 ]

# A --subgroups file kept out of git: its values win where it has one.
python3 - "$src/examples/students.csv" "$tmp/private.csv" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
with open(sys.argv[2], "w", newline="") as f:
    w = csv.writer(f); w.writerow(["student_id", "race_ethnicity", "ell"])
    for i, s in enumerate(rows[:300]):
        w.writerow([s["student_id"], "middle_eastern" if i % 3 == 0 else "", "yes" if i % 5 == 0 else ""])
PY
pthv report --period end-of-year --subgroups "$tmp/private.csv" --format json >"$tmp/p.json" 2>"$tmp/err"; code=$?
check "--subgroups: exit 0" [ $code -eq 0 ]
check "--subgroups: the file's values win, figures counted again" \
    python3 - "$tmp/p.json" "$src/examples" "$tmp" "$tmp/private.csv" <<'PY'
import json, sys
sys.path.insert(0, sys.argv[3]); from expect import expected
r = json.load(open(sys.argv[1])); want = expected(sys.argv[2], "2025-07-01", "2026-05-15", sys.argv[4])
for x in r["subgroups"]:
    w = want[("all", x["subgroup"], x["value"])]
    for k, v in w.items():
        assert x[k] == v, (x, k, v)
assert any(x["value"] == "middle_eastern" for x in r["subgroups"])
PY
printf 'student_id,ell,flag_behavior\nST0001,yes,no\nNOPE1,yes,no\n' >"$tmp/bad.csv"
pthv report --period end-of-year --subgroups "$tmp/bad.csv" >/dev/null 2>"$tmp/err"; code=$?
check "--subgroups: an unknown student and an unnamed column are warnings, named by file and line" \
    grep -q "bad.csv:3.*NOPE1" "$tmp/err"
check "--subgroups: the flag column is named as ignored" grep -q "flag_behavior.*ignored" "$tmp/err"
check "--subgroups: warnings only, exit 0" [ $code -eq 0 ]
printf 'student_id,ell\nST0001,yes\nST0001,no\n' >"$tmp/dup.csv"
pthv report --period end-of-year --subgroups "$tmp/dup.csv" >"$tmp/out" 2>"$tmp/err"; code=$?
check "--subgroups: a student twice is an error naming line 3, exit 2, nothing printed" \
    eval '[ $code -eq 2 ] && grep -q "dup.csv:3" "$tmp/err" && [ ! -s "$tmp/out" ]'

# Settings: a missing column, a flag, a name twice; too many values.
repo=$tmp/repo
cp -r "$src/examples" "$repo"
sed -i 's/subgroups: \[ell, iep, frl, race_ethnicity\]/subgroups: [ell, homeless]/' "$repo/pthv.yaml"
line=$(grep -n "subgroups:" "$repo/pthv.yaml" | cut -d: -f1)
"$bin" -C "$repo" --as-of 2026-05-15 --color never validate >"$tmp/v" 2>&1; code=$?
check "config: a subgroup students.csv lacks is config-invalid at pthv.yaml's line, exit 1" \
    eval '[ $code -eq 1 ] && grep -q "pthv.yaml:$line: error\[config-invalid\].*homeless" "$tmp/v"'
sed -i 's/subgroups: \[ell, homeless\]/subgroups: [ell, flag_behavior, ell]/' "$repo/pthv.yaml"
"$bin" -C "$repo" --as-of 2026-05-15 --color never validate >"$tmp/v" 2>&1; code=$?
check "config: a flag_* column and a name given twice are config-invalid" \
    eval '[ $code -eq 1 ] && grep -q "flag_behavior is a concern flag" "$tmp/v" && grep -q "ell is named twice" "$tmp/v"'
sed -i 's/subgroups: \[ell, flag_behavior, ell\]/subgroups: [grade_band]/' "$repo/pthv.yaml"
python3 - "$repo/students.csv" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1]))); cols = list(rows[0].keys()) + ["grade_band"]
for i, r in enumerate(rows): r["grade_band"] = "band%d" % (i % 60)
with open(sys.argv[1], "w", newline="") as f:
    w = csv.DictWriter(f, cols, lineterminator="\n"); w.writeheader(); w.writerows(rows)
PY
"$bin" -C "$repo" --as-of 2026-05-15 --color never validate >"$tmp/v" 2>&1; code=$?
check "config: a column of more than 40 values is not a subgroup (config-invalid on the first row past it)" \
    eval '[ $code -eq 1 ] && grep -q "students.csv:42: error\[config-invalid\].*more than 40" "$tmp/v"'

# Public: district rows only, half year and year only; the audit passes.
printf 'student_id,race_ethnicity\nST0001,pacific_islander\nST0002,pacific_islander\nST0003,pacific_islander\nST0004,pacific_islander\nST0005,pacific_islander\nST0006,pacific_islander\n' >"$tmp/small.csv"
pthv report --period end-of-year --public --format json --subgroups "$tmp/small.csv" >"$tmp/pub.json"
check "public: district rows only, nothing of a site; a group of six shown as <10 with no share" \
    python3 - "$tmp/pub.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
assert r["subgroups"] and all("subgroups" not in s for s in r["sites"])
small = [x for x in r["subgroups"] if x["value"] == "pacific_islander"][0]
assert small["students_enrolled"] == "<10" and small["students_visited"] == "<10", small
assert small["representation"] is None and small["coverage_pct"] is None
# the complement a reader would take is protected too: not every other value's count is shown
others = [x for x in r["subgroups"] if x["subgroup"] == "race_ethnicity" and x["value"] != "pacific_islander"]
assert any(not isinstance(x["students_enrolled"], int) for x in others), others
PY
pthv report --period end-of-year --public --site S02 --format json >"$tmp/pub2.json"
check "public: a school's report gives no subgroup rows" python3 -c "
import json,sys; r=json.load(open('$tmp/pub2.json')); assert r['subgroups']==[]"
pthv report --period 2026-03 --public --format json >"$tmp/pub3.json"
check "public: a month's report gives no subgroup rows" python3 -c "
import json,sys; r=json.load(open('$tmp/pub3.json')); assert r['subgroups']==[]"
pthv report --audit --attendance "$att" --scores "$sc" --subgroups "$tmp/private.csv" >"$tmp/audit" 2>&1; code=$?
check "audit: with subgroups, a --subgroups file and both outcome files, nothing can be worked back (exit 0)" \
    eval '[ $code -eq 0 ] && grep -q "^ok:" "$tmp/audit"'

# Nothing else a public report shows changes with the subgroups, or with
# the file: they are protected after everything but the outcome tables.
nosg=$tmp/nosg
cp -r "$src/examples" "$nosg"
sed -i 's/, subgroups: \[ell, iep, frl, race_ethnicity\]//' "$nosg/pthv.yaml"
strip() { python3 -c "
import json,sys; r=json.load(open(sys.argv[1])); r.pop('subgroups',None); r.pop('attendance',None)
for s in r['sites']: s.pop('attendance',None)
print(json.dumps(r, sort_keys=True))" "$1"; }
for extra in "" "--attendance $att"; do
    "$bin" -C "$nosg" --as-of 2026-05-15 --color never report --period end-of-year --public --format json $extra >"$tmp/a.json"
    pthv report --period end-of-year --public --format json $extra >"$tmp/b.json"
    pthv report --period end-of-year --public --format json --subgroups "$tmp/private.csv" $extra >"$tmp/c.json" 2>/dev/null
    check "public${extra:+ (with --attendance)}: every other figure as without subgroups" \
        eval '[ "$(strip "$tmp/a.json")" = "$(strip "$tmp/b.json")" ] && [ "$(strip "$tmp/b.json")" = "$(strip "$tmp/c.json")" ]'
done
pthv report --period end-of-year --public --format json >"$tmp/plain.json"
check "public: the subgroups table is the same with --attendance beside it" python3 - "$tmp/plain.json" "$tmp/b.json" <<'PY'
import json, sys
plain, b = (json.load(open(p)) for p in sys.argv[1:3])
for x in b["subgroups"]:
    assert "attendance" in x
    x.pop("attendance")
assert plain["subgroups"] == b["subgroups"]
PY

# The state roll-up: each district's rows as its own report gives them,
# the state's the sum over the districts that name the subgroup.
cp -r "$src/examples" "$tmp/lakeside"
sed -i 's/^district: .*/district: Lakeside Unified/' "$tmp/lakeside/pthv.yaml"
awk -F, 'NR > 1 && $8 == "completed" && n < 60 {n++; next} {print}' "$src/examples/visits.csv" >"$tmp/lakeside/visits.csv"
cp -r "$src/examples" "$tmp/hillside"
sed -i 's/^district: .*/district: Hillside Unified/; s/, subgroups: \[ell, iep, frl, race_ethnicity\]/, subgroups: [ell]/' "$tmp/hillside/pthv.yaml"
for d in lakeside hillside; do
    "$bin" -C "$tmp/$d" --as-of 2026-05-15 --color never report --period end-of-year --format json >"$tmp/$d.json"
done
"$bin" --as-of 2026-05-15 --color never rollup "$src/examples" "$tmp/lakeside" "$tmp/hillside" --period end-of-year \
    --format json >"$tmp/roll.json"; code=$?
check "rollup: exit 0" [ $code -eq 0 ]
check "rollup: each district's rows its report's, the state's their sum over the districts naming the subgroup" \
    python3 - "$tmp/roll.json" "$tmp/r.json" "$tmp/lakeside.json" "$tmp/hillside.json" <<'PY'
import json, sys
u, *reps = (json.load(open(f)) for f in sys.argv[1:])
strip = lambda rows: [{k: v for k, v in x.items() if k not in ("attendance", "scores")} for x in rows]
for d, rep in zip(u["districts"], reps):
    assert d["subgroups"] == strip(rep["subgroups"]), d["district"]
for x in u["total"]["subgroups"]:
    naming = [r for r in reps if any(y["subgroup"] == x["subgroup"] for y in r["subgroups"])]
    for k in ("students_enrolled", "students_visited", "families_reached"):
        want = sum(next((y[k] for y in r["subgroups"] if (y["subgroup"], y["value"]) == (x["subgroup"], x["value"])), 0)
                   for r in naming)
        assert x[k] == want, (x, k, want)
    left = next(y for y in u["total_left_out"]["subgroups"] if (y["subgroup"], y["value"]) == (x["subgroup"], x["value"]))
    assert left["students_enrolled"] == 0 and x["districts"] == len(naming), (left, x)
    if True:  # nothing left out without --public: the state's own representation
        E = sum(y["students_enrolled"] for y in u["total"]["subgroups"] if y["subgroup"] == x["subgroup"])
        V = sum(y["students_visited"] for y in u["total"]["subgroups"] if y["subgroup"] == x["subgroup"])
        assert x["representation"] == ((2 * x["students_visited"] * E * 100 + V * x["students_enrolled"]) // (2 * V * x["students_enrolled"])) / 100
PY
"$bin" --as-of 2026-05-15 --color never rollup "$src/examples" "$tmp/lakeside" --period end-of-year --format csv \
    --table subgroups >"$tmp/roll.csv"
check_eval "rollup --table subgroups: a row per district and value" \
    '[ "$(head -1 "$tmp/roll.csv")" = "district,subgroup,value,students_enrolled,students_visited,coverage_pct,families_reached,representation,left_out_of_total,suppressed" ] && [ $(($(wc -l <"$tmp/roll.csv") - 1)) -eq $((2 * 12)) ]'
"$bin" --as-of 2026-05-15 --color never rollup "$src/examples" "$tmp/lakeside" --period end-of-year --public \
    --format json >"$tmp/rollp.json"; code=$?
check "rollup --public: each district's rows as its public report's" python3 - "$tmp/rollp.json" "$tmp/pub.json" <<'PY'
import json, sys
u = json.load(open(sys.argv[1]))
assert u["districts"][0]["subgroups"] and all("attendance" not in x for x in u["districts"][0]["subgroups"])
for x in u["total"]["subgroups"]:
    for k in ("students_enrolled", "students_visited"):
        parts = [next(y[k] for y in d["subgroups"] if y["value"] == x["value"] and y["subgroup"] == x["subgroup"]) for d in u["districts"]]
        shown = [p for p in parts if isinstance(p, int)]
        assert x[k] == (sum(shown) if shown else None), (x, k, parts)
PY
for fmt in text html; do
    "$bin" --as-of 2026-05-15 --color never rollup "$src/examples" "$tmp/lakeside" --period end-of-year --format $fmt >"$tmp/roll.$fmt"
    check "rollup $fmt: the subgroups table" grep -q "Reach by subgroup, by district" "$tmp/roll.$fmt"
done

# The de-identified export carries subgroups only with k-anonymity on,
# joined through the keyed ids, in the new ids' order.
head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$tmp/key" && chmod 600 "$tmp/key"
pthv export --deidentify --key-file "$tmp/key" --subgroups "$tmp/private.csv" -o "$tmp/exp" >/dev/null 2>&1; code=$?
check "export --subgroups FILE: exit 0, subgroups.csv written" eval '[ $code -eq 0 ] && [ -s "$tmp/exp/subgroups.csv" ]'
check "export: subgroups.csv joins students.csv by keyed id, ordered by it, the file's values winning" \
    python3 - "$tmp/exp" "$src/examples/students.csv" "$tmp/private.csv" <<'PY'
import csv, sys, collections
ex = sys.argv[1]
sg = list(csv.DictReader(open(ex + "/subgroups.csv")))
st = {r["student_id"] for r in csv.DictReader(open(ex + "/students.csv"))}
assert list(sg[0].keys()) == ["student_id", "ell", "iep", "frl", "race_ethnicity"], sg[0].keys()
ids = [r["student_id"] for r in sg]
assert ids == sorted(ids) and set(ids) == st, "rows in new-id order, every exported student once"
src = list(csv.DictReader(open(sys.argv[2])))
assert not any(r["student_id"] in ids for r in src), "no source id leaks"
want = collections.Counter(r["race_ethnicity"] for r in src)
for i, r in enumerate(list(csv.DictReader(open(sys.argv[3])))):
    if r["race_ethnicity"]:
        old = next(s["race_ethnicity"] for s in src if s["student_id"] == r["student_id"])
        want[old] -= 1; want[r["race_ethnicity"]] += 1
got = collections.Counter(r["race_ethnicity"] for r in sg)
assert +got == +want, (got, want)
PY
check "export: the README lists subgroups.csv" grep -q "subgroups.csv" "$tmp/exp/README.md"
pthv export --deidentify --key-file "$tmp/key" --subgroups --k 1 -o "$tmp/exp1" >/dev/null 2>"$tmp/err"; code=$?
check "export --subgroups --k 1: refused (exit 2), nothing written" \
    eval '[ $code -eq 2 ] && grep -q "k-anonymity" "$tmp/err" && [ ! -e "$tmp/exp1" ]'

# docs/guide.md shows the subgroup table and the state roll-up: as this binary prints them.
guide_block() { # the ```text block after the guide's comment naming $1
    python3 - "$src/docs/guide.md" "$1" <<'PY'
import sys
lines = open(sys.argv[1]).read().split("\n")
at = next(i for i, l in enumerate(lines) if l.startswith("<!-- checked by tests/e2e/test_subgroups.sh") and sys.argv[2] in l)
end = lines.index("```", at + 2)
print("\n".join(lines[at + 2:end]))
PY
}
pthv report --period end-of-year --public | sed -n '/^Reach by subgroup/,/^$/p' | sed '$d' | sed '$d' >"$tmp/g1"
check "guide: the public subgroup table is this binary's" eval 'diff <(guide_block "public end-of-year") "$tmp/g1"'
(cd "$tmp" && rm -rf riverbend && cp -r "$src/examples" riverbend &&
    "$bin" --as-of 2026-05-15 --color never rollup riverbend lakeside --period end-of-year --public |
    grep -E '^  (district|state|left out) +(subgroup|race_ethnicity)') >"$tmp/g2"
check "guide: the state roll-up's rows are this binary's" eval 'diff <(guide_block "roll-up") "$tmp/g2"'

# Hostile values: escaped in html, refused with a control character.
hostile=$tmp/hostile
cp -r "$src/examples" "$hostile"
python3 - "$hostile/students.csv" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1]))); cols = list(rows[0].keys())
rows[0]["race_ethnicity"] = "<script>alert(1)</script>"
rows[1]["race_ethnicity"] = "bad\x07value"
with open(sys.argv[1], "w", newline="") as f:
    w = csv.DictWriter(f, cols, lineterminator="\n"); w.writeheader(); w.writerows(rows)
PY
"$bin" -C "$hostile" --as-of 2026-05-15 --color never report --period end-of-year --format html >"$tmp/h.html" 2>/dev/null
check "html: a value is escaped" eval '! grep -q "<script>alert" "$tmp/h.html" && grep -q "&lt;script&gt;" "$tmp/h.html"'
"$bin" -C "$hostile" --as-of 2026-05-15 --color never validate >"$tmp/v" 2>&1
check "a control character in a value is value-invalid, named by line" grep -q "students.csv:3: error\[value-invalid\].*race_ethnicity" "$tmp/v"
finish
