#!/usr/bin/env bash
# pthv report end to end: every format twice (byte-identical), public output
# without any staff or student id or name, small cells suppressed, the
# period cut at --as-of, usage errors exit 2 and write nothing.
set -u
pthv=$1
src=${PTHV_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
passes=0
check() { # name, then a command that must succeed
    local name=$1
    shift
    if "$@" >/dev/null 2>&1; then
        echo "ok   $name"
        passes=$((passes + 1))
    else
        echo "FAIL $name"
        fails=$((fails + 1))
    fi
}

repo=$tmp/repo
cp -r "$src/examples" "$repo"
run() { "$pthv" -C "$repo" --as-of 2026-05-15 report "$@"; }

for fmt in text md html csv json; do
    run --period mid-year --format "$fmt" -o "$tmp/a.$fmt"
    run --period mid-year --format "$fmt" -o "$tmp/b.$fmt"
    check "$fmt: two runs are byte-identical" cmp "$tmp/a.$fmt" "$tmp/b.$fmt"
    run --period end-of-year --public --format "$fmt" -o "$tmp/p1.$fmt"
    run --period end-of-year --public --format "$fmt" -o "$tmp/p2.$fmt"
    check "$fmt public: two runs are byte-identical" cmp "$tmp/p1.$fmt" "$tmp/p2.$fmt"
done

# No staff or student id or name of the fixture in any public output.
cut -d, -f1 "$repo/staff.csv" | tail -n +2 >"$tmp/needles"
cut -d, -f2 "$repo/staff.csv" | tail -n +2 >>"$tmp/needles"
cut -d, -f1 "$repo/students.csv" | tail -n +2 >>"$tmp/needles"
cut -d, -f5 "$repo/students.csv" | tail -n +2 | grep -v '^$' >>"$tmp/needles"
check "the needle list holds ids and names" test "$(wc -l <"$tmp/needles")" -gt 3000
for fmt in text md html csv json; do
    check "$fmt public: no staff or student id or name" bash -c "! grep -F -w -f '$tmp/needles' '$tmp/p1.$fmt'"
done
check "the internal report does name staff" grep -q -F "T001" "$tmp/a.text"
check "public: no per-educator table" bash -c "! grep -q 'By educator' '$tmp/p1.text'"
check "no note is printed in any report" bash -c "! grep -q -F 'Partner out sick' $tmp/a.* $tmp/p1.*"

# Small cells: languages under min_cell (10) are shown as <10.
check "public: small counts shown as <10" grep -q '^  pa *<10$' "$tmp/p1.text"
check "internal: the same count is exact" grep -q '^pa,4$' "$tmp/a.csv"

# JSON contract.
check "json: district and sites figures" python3 -c "
import json,sys
d=json.load(open('$tmp/a.json'))
for o in [d]+d['sites']:
    for k in ['completed_visits','students_visited','students_enrolled','second_visit_students','declined','period']:
        assert k in o, k
assert d['period']=={'from':'2025-07-01','to':'2026-01-31','label':'mid-year'}, d['period']
assert [s['site_id'] for s in d['sites']]==['S01','S02','S03','S04','S05']
assert d['students_visited']==sum(s['students_visited'] for s in d['sites'])
"
run --period end-of-year --format json -o "$tmp/eoy.json"
check "the period never reaches past --as-of" python3 -c "
import json; d=json.load(open('$tmp/eoy.json')); assert d['period']['to']=='2026-05-15', d['period']"

# CSV: one section by name, and spreadsheet-safe cells.
run --period mid-year --format csv --table top_sites -o "$tmp/top.csv"
check "csv --table gives one table" bash -c "head -1 '$tmp/top.csv' | grep -q '^rank,site,name,visits$' && test \$(wc -l <'$tmp/top.csv') -eq 4"
check "csv sections are headed by # name" grep -q '^# fidelity$' "$tmp/a.csv"

# HTML: self-contained.
check "html: inline svg charts" bash -c "test \$(grep -c '<svg' '$tmp/a.html') -eq 3"
check "html: no scripts or external resources" bash -c "! grep -E -i '<script|<link|src=|@import|url\\(' '$tmp/a.html'"
check "html: print styles and a narrow layout" bash -c "grep -q '@media print' '$tmp/a.html' && grep -q 'max-width: 640px' '$tmp/a.html'"

# docs/ holds the mid-year report of examples/ as written by this binary
# (docs/reports.md gives the commands); a change to the output shows here.
for fmt in md html; do
    check "docs/sample-mid-year.$fmt is this binary's output" cmp "$tmp/a.$fmt" "$src/docs/sample-mid-year.$fmt"
done

# The report says when validate finds errors, and still runs.
check "validate's errors are named at the top" bash -c "sed -n 4p '$tmp/a.text' | grep -q 'Validate finds 5 errors'"

# Usage errors: exit 2, nothing written.
"$pthv" -C "$repo" --as-of 2026-05-15 report --period someday -o "$tmp/none" 2>/dev/null
check "a bad period exits 2" test $? -eq 2
check "nothing written on a usage error" test ! -e "$tmp/none"
"$pthv" -C "$repo" --as-of 2026-05-15 report --period mid-year --site S07 2>"$tmp/err"
check "an unknown site exits 2 with a suggestion" bash -c "test $? -eq 2 && grep -q 'did you mean' '$tmp/err'"
"$pthv" -C "$repo" --as-of 2026-05-15 report --period mid-year --public --format csv --table educators 2>/dev/null
check "no educator table in public" test $? -eq 2
check "--help shows examples" bash -c "'$pthv' report --help | grep -q 'pthv report --period mid-year'"

echo "$passes passed, $fails failed"
test "$fails" -eq 0
