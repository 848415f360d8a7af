#!/usr/bin/env bash
# pthv report --table census: the school year's row for the national count.
# Every figure equals the same figure of `report --period end-of-year` on the
# example district, and the ones the report shows nowhere else are also
# counted here from the files themselves.
. "$(dirname "$0")/lib.sh" "$1"
pthv() { "$bin" -C "$src/examples" --as-of 2026-05-15 --color never "$@"; }

pthv report --table census --format json >"$tmp/census.json"; code=$?
check "census json: exit 0" [ $code -eq 0 ]
pthv report --period end-of-year --format json >"$tmp/eoy.json"
check "census = end-of-year, figure by figure" python3 - "$tmp/census.json" "$tmp/eoy.json" "$src/examples" <<'PY'
import csv, json, os, sys
c = json.load(open(sys.argv[1])); r = json.load(open(sys.argv[2])); ex = sys.argv[3]
want = {
    "school_year": "2025-26",
    "sites_visiting": sum(1 for s in r["sites"] if s["completed_visits"] > 0),
    "completed_visits": r["completed_visits"],
    "students_visited": r["students_visited"],
    "families_reached": r["families_reached"],
    "staff_visiting": r["participating_educators"],
    "staff_trained_new": r["training"]["trained_new"],
    "virtual_pct": round(1000 * r["modes"]["virtual"] / r["completed_visits"]) / 10,
}
# Counted again from the files: sites with a completed visit, staff whose
# first intro training is in the school year, the virtual share.
visits = [v for v in csv.DictReader(open(os.path.join(ex, "visits.csv")))
          if v["status"] == "completed" and "2025-07-01" <= v["date"] <= "2026-05-15"]
first = {}
for t in csv.DictReader(open(os.path.join(ex, "trainings.csv"))):
    if t["kind"] == "intro":
        first[t["staff_id"]] = min(first.get(t["staff_id"], "9999"), t["date"])
files = {
    "sites_visiting": len({v["site_id"] for v in visits}),
    "completed_visits": len(visits),
    "staff_trained_new": sum(1 for d in first.values() if "2025-07-01" <= d <= "2026-05-15"),
    "virtual_pct": round(1000 * sum(v["mode"] == "virtual" for v in visits) / len(visits)) / 10,
}
ok = True
for k, v in want.items():
    if c.get(k) != v: print(f"  census {k} = {c.get(k)!r}, report gives {v!r}"); ok = False
for k, v in files.items():
    if c.get(k) != v: print(f"  census {k} = {c.get(k)!r}, the files give {v!r}"); ok = False
if list(c) != list(want): print("  keys:", list(c)); ok = False
if not (c["staff_trained_new"] > 0 and c["virtual_pct"] > 0): print("  nothing to compare"); ok = False
sys.exit(0 if ok else 1)
PY

pthv report --table census --format csv >"$tmp/census.csv"
check "census csv: a header and one row" [ "$(wc -l <"$tmp/census.csv")" -eq 2 ]
check "census csv: the header the census asks for" grep -qx \
    "school_year,sites_visiting,completed_visits,students_visited,families_reached,staff_visiting,staff_trained_new,virtual_pct,suppressed" "$tmp/census.csv"
check "census csv: the row, plain numbers" grep -q "^2025-26,5,$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["completed_visits"])' "$tmp/census.json")," "$tmp/census.csv"
out=$(pthv report --table census); code=$?
check "census text: exit 0" [ $code -eq 0 ]
check "census text: titled with the school year" grep -q "^Census, school year 2025-26$" <<<"$out"
check "census with --period end-of-year is the same" cmp -s "$tmp/census.json" <(pthv report --table census --period end-of-year --format json)

out=$(pthv report --table census --period mid-year 2>&1); code=$?
check "census with another period: exit 2" [ $code -eq 2 ]
check "census with another period: says why" grep -q "the census is for the whole school year" <<<"$out"
out=$(pthv report --table census --format html 2>&1); code=$?
check "census as html: exit 2, naming the formats" bash -c "[ $code -eq 2 ] && grep -q 'text, csv or json' <<<'$out'"
out=$(pthv report --format json 2>&1); code=$?
check "no --period without census: exit 2" bash -c "[ $code -eq 2 ] && grep -q -- '--period is required' <<<'$out'"

# Public: the same suppression as the report (a site's small counts).
pthv report --table census --public --site S05 --format json >"$tmp/pub.json"
pthv report --period end-of-year --public --site S05 --format json >"$tmp/pubr.json"
check "public census: counts as the public report shows them" python3 -c '
import json, sys
c = json.load(open(sys.argv[1])); r = json.load(open(sys.argv[2]))
ok = c["completed_visits"] == r["completed_visits"] and c["staff_trained_new"] == r["training"]["trained_new"]
ok = ok and c["staff_visiting"] == r["participating_educators"]
sys.exit(0 if ok else 1)' "$tmp/pub.json" "$tmp/pubr.json"

finish
