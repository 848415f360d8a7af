# pthv report --audit: the publication set (every public report of every
# period in reports.publish, the district's and each site's) read together
# as an attacker would, by linear programming.
. "$(dirname "$0")/lib.sh" "$1"

repo=$tmp/district
cp -r "$src/examples" "$repo"
cd "$repo" || exit 1
asof=(--as-of 2026-05-15)

"$bin" "${asof[@]}" report --audit >"$tmp/audit.txt" 2>"$tmp/audit.err"
rc=$?
check_eval "the example district's public reports leak small counts: exit 1" '[ $rc -eq 1 ]'
check "the audit names a count that can be worked out, and what pins it" \
    grep -q "^not protected: .*a reader of the set can prove" "$tmp/audit.txt"
check "the audit says how many public reports it read" grep -Eq "^  [0-9]+ public reports" "$tmp/audit.txt"

"$bin" "${asof[@]}" report --audit --format json >"$tmp/audit.json"
check "JSON: one object, not ok, every breach with its provable range" python3 - "$tmp/audit.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert d["ok"] is False and d["breaches"]
for b in d["breaches"]:
    lo, hi = b["provable"]
    # a breach is a small count whose provable range misses 1 or min_cell - 1
    assert 0 < b["value"] < d["min_cell"], b
    assert (lo is not None and lo > 1 + 1e-6) or (hi is not None and hi < d["min_cell"] - 1 - 1e-6), b
# every count the public reports print is a cell of the audited set
assert d["unmodelled"] == 0, d["unmodelled"]
assert d["reports"] == len(d["periods"]) * 7, (d["reports"], len(d["periods"]))
PY

# Recompute one breach independently: a site's visits in one language in
# one month, from visits.csv, equal the audit's value, and the audit's
# range holds the true value.
check "a breach's value is the count in visits.csv" python3 - "$tmp/audit.json" "$repo/visits.csv" <<'PY'
import csv, json, sys
d = json.load(open(sys.argv[1]))
rows = list(csv.DictReader(open(sys.argv[2], encoding="utf-8-sig")))
checked = 0
for b in d["breaches"]:
    kind, period, scope, measure, *part = b["cell"].split("|")
    if kind != "V" or measure != "lang" or scope == "*":
        continue
    lo_d, hi_d = period.split("..")
    n = sum(1 for r in rows if r["status"] == "completed" and lo_d <= r["date"] <= hi_d
            and r["site_id"] == scope and (r.get("language") or "unspecified") == part[0])
    assert n == b["value"], (b, n)
    lo, hi = b["provable"]
    assert lo - 1e-6 <= n <= hi + 1e-6, (b, n)
    checked += 1
assert checked > 0
PY

# With min_cell 1 nothing is small: nothing to protect, exit 0.
sed -i 's/^reports:.*/reports: {min_cell: 1}/' pthv.yaml
grep -q "min_cell: 1" pthv.yaml || printf '\nreports: {min_cell: 1}\n' >>pthv.yaml
"$bin" "${asof[@]}" report --audit >"$tmp/ok.txt"
rc=$?
check_eval "nothing small, nothing to protect: exit 0" '[ $rc -eq 0 ] && grep -q "^ok: " "$tmp/ok.txt"'

# reports.publish decides the set: one period only.
sed -i 's/^reports:.*/reports: {min_cell: 10, publish: [end-of-year]}/' pthv.yaml
"$bin" "${asof[@]}" report --audit --format json >"$tmp/one.json"
check "reports.publish: [end-of-year] audits that period's 7 reports" python3 -c "
import json; d = json.load(open('$tmp/one.json')); assert len(d['periods']) == 1 and d['reports'] == 7, d['reports']"

sed -i 's/^reports:.*/reports: {publish: [sometime]}/' pthv.yaml
"$bin" "${asof[@]}" validate >"$tmp/bad.txt" 2>&1
check "a reports.publish entry that is no period is config-invalid" grep -q "config-invalid.*reports.publish\[0\]" "$tmp/bad.txt"

"$bin" "${asof[@]}" report --audit --period mid-year >/dev/null 2>"$tmp/usage.err"
rc=$?
check_eval "--audit takes the whole set: --period is a usage error (exit 2)" '[ $rc -eq 2 ] && grep -q "leave out --period" "$tmp/usage.err"'

finish
