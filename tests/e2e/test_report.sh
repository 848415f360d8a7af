#!/usr/bin/env bash
# pthv report end to end: every format twice (byte-identical), public output
# without any staff or student id or name, small cells suppressed, the
# period cut at --as-of, usage errors exit 2 and write nothing.
. "$(dirname "$0")/lib.sh" "$1"
pthv=$bin

repo=$tmp/repo
cp -r "$src/examples" "$repo"
run() { "$pthv" -C "$repo" --as-of 2026-05-15 report "$@"; }

# CSV is one table a file (--table); the tables are the ones the error names.
"$pthv" -C "$repo" --as-of 2026-05-15 report --period mid-year --format csv >"$tmp/none.csv" 2>"$tmp/err"
check "csv without --table exits 2 naming --table" bash -c "test $? -eq 2 && grep -q -- '--table (headline, sites,' '$tmp/err' && test ! -s '$tmp/none.csv'"
tables=$(sed -n 's/.*--table (\(.*\)); docs.*/\1/p' "$tmp/err" | tr -d ',')
check "the error lists the tables" test "$(wc -w <<<"$tables")" -ge 13
# Every format to FILE; csv: every table (but educators, in public), one after another.
report_to() { # FILE ARGS...
    local file=$1 t
    shift
    case "$file" in
    *.csv)
        : >"$file"
        for t in $tables; do
            [[ "$t" == educators && " $* " == *" --public "* ]] && continue
            run "$@" --format csv --table "$t" >>"$file"
        done ;;
    *) run "$@" --format "${file##*.}" -o "$file" ;;
    esac
}

for fmt in text md html csv json; do
    report_to "$tmp/a.$fmt" --period mid-year
    report_to "$tmp/b.$fmt" --period mid-year
    check "$fmt: two runs are byte-identical" cmp "$tmp/a.$fmt" "$tmp/b.$fmt"
    report_to "$tmp/p1.$fmt" --period end-of-year --public
    report_to "$tmp/p2.$fmt" --period end-of-year --public
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
check "public: small counts shown as <10" grep -q '^  Punjabi *<10$' "$tmp/p1.text"
check "internal: the same count is exact" grep -q '^pa,4,$' "$tmp/a.csv"
check "public csv: a small count is an empty cell marked suppressed" grep -q '^pa,,visits$' "$tmp/p1.csv"

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
check "csv --table gives one table" bash -c "head -1 '$tmp/top.csv' | grep -q '^rank,site_id,name,completed_visits,suppressed$' && test \$(wc -l <'$tmp/top.csv') -eq 4"

# Tidy CSV: a row per site and no totals row, plain numbers, shares as numbers.
run --period end-of-year --format csv --table sites -o "$tmp/sites.csv"
run --period end-of-year --format json -o "$tmp/eoy-sites.json"
check "tidy sites: header is the JSON keys and suppressed" bash -c "head -1 '$tmp/sites.csv' | grep -q '^site_id,name,completed_visits,students_visited,students_enrolled,coverage_pct,.*,suppressed$'"
check "tidy sites: one row per site, no totals row" bash -c "test \"\$(tail -n +2 '$tmp/sites.csv' | cut -d, -f1 | tr '\n' ' ')\" = 'S01 S02 S03 S04 S05 '"
check "tidy sites: the figures are the JSON's, as plain numbers" python3 -c "
import csv, json
j = {s['site_id']: s for s in json.load(open('$tmp/eoy-sites.json'))['sites']}
rows = list(csv.DictReader(open('$tmp/sites.csv')))
for r in rows:
    s = j[r['site_id']]
    for k in ['completed_visits', 'students_visited', 'students_enrolled', 'families_reached']:
        assert r[k] == str(s[k]), (k, r[k], s[k])
    assert float(r['coverage_pct']) == s['coverage_pct'], (r['coverage_pct'], s['coverage_pct'])
    assert r['suppressed'] == '', r
assert sum(int(r['completed_visits']) for r in rows) == json.load(open('$tmp/eoy-sites.json'))['completed_visits']
"
run --period end-of-year --format csv --table headline -o "$tmp/headline.csv"
check "tidy headline: the district's figures by JSON key" python3 -c "
import csv, json
d = json.load(open('$tmp/eoy-sites.json'))
h = {r['figure']: r['value'] for r in csv.DictReader(open('$tmp/headline.csv'))}
assert int(h['completed_visits']) == d['completed_visits'] and int(h['completed_visits']) > 999, h
assert ',' not in h['completed_visits']
assert float(h['coverage_pct']) == d['coverage_pct']
for k in range(1, 6):
    assert float(h['CP%d_meeting_pct' % k]) == d['fidelity']['CP%d' % k]['meeting_pct'], k
"
run --period end-of-year --public --format csv --table sites -o "$tmp/psites.csv"
check "tidy public sites: every hidden cell is empty and named" python3 -c "
import csv
rows = list(csv.DictReader(open('$tmp/psites.csv')))
assert rows
for r in rows:
    hidden = [k for k in r['suppressed'].split(';') if k]
    for k in hidden:
        assert r[k] == '', (k, r)
    assert all(not v.startswith(('<', '>', '*')) for v in r.values()), r
"

# The banner says only what is true: no row of examples/ is unreadable.
check "banner: counts and no claim of rows left out" bash -c "grep -q 'Validate finds 3 errors and 2 warnings in the records of this period' '$tmp/a.text' && ! grep -q 'left out' '$tmp/a.text'"
check "banner: the fidelity table counts the visits with findings" grep -q 'The fidelity table counts the visits with findings' "$tmp/a.text"
check "scheduled ahead counts from the as-of date" grep -q 'visits scheduled after 2026-05-15 (the as-of date)' "$tmp/a.text"
check "languages by name" bash -c "grep -q '^  Spanish ' '$tmp/a.text' && grep -q '^  Vietnamese ' '$tmp/a.text' && ! grep -q '^  es ' '$tmp/a.text'"
cp -r "$repo" "$tmp/broken"
printf 'V-torn,"ST0001,S01\n' >>"$tmp/broken/visits.csv"
printf 'V-bad,ST0002,S01,2025-10-02,16:00,4o,T001;T002,completed,,hopes_and_dreams,home,,en,,,,,,\n' >>"$tmp/broken/visits.csv"
"$pthv" -C "$tmp/broken" --as-of 2026-05-15 report --period mid-year >"$tmp/broken.text" 2>/dev/null
check "banner: a torn row is said to be left out, a bad cell counted as unknown" bash -c "grep -q 'What could not be read as CSV is left out' '$tmp/broken.text' && grep -q '1 cell that could not be read is counted as unknown' '$tmp/broken.text'"

# HTML: self-contained.
check "html: inline svg charts" bash -c "test \$(grep -c '<svg' '$tmp/a.html') -eq 3"
check "html: no scripts or external resources" bash -c "! grep -E -i '<script|<link|src=|@import|url\\(' '$tmp/a.html'"
check "html: print styles and a narrow layout" bash -c "grep -q '@media print' '$tmp/a.html' && grep -q 'max-width: 640px' '$tmp/a.html'"

# docs/ holds the mid-year report of examples/ as written by this binary
# (docs/reports.md gives the commands); a change to the output shows here.
for fmt in md html; do
    check "docs/sample-mid-year.$fmt is this binary's output" cmp "$tmp/a.$fmt" "$src/docs/sample-mid-year.$fmt"
done

# The report says when validate finds errors in the period, and still runs.
check "validate's errors are named at the top" bash -c "sed -n 4p '$tmp/a.text' | grep -q 'Validate finds 3 errors'"

# Usage errors: exit 2, nothing written.
"$pthv" -C "$repo" --as-of 2026-05-15 report --period someday -o "$tmp/none" 2>/dev/null
check "a bad period exits 2" test $? -eq 2
check "nothing written on a usage error" test ! -e "$tmp/none"
"$pthv" -C "$repo" --as-of 2026-05-15 report --period mid-year --site S07 2>"$tmp/err"
check "an unknown site exits 2 with a suggestion" bash -c "test $? -eq 2 && grep -q 'did you mean' '$tmp/err'"
"$pthv" -C "$repo" --as-of 2026-05-15 report --period mid-year --public --format csv --table educators 2>/dev/null
check "no educator table in public" test $? -eq 2
check "--help shows examples" bash -c "'$pthv' report --help | grep -q 'pthv report --period mid-year'"

# Reports for the board: the banner states only the period's findings, a
# public report names no terminal command, months are written in full, a
# month the period ends inside is marked, ids are not labels for people.
for fmt in text md html csv json; do
    check "$fmt public: no terminal command" bash -c "! grep -E 'pthv [a-z]' '$tmp/p1.$fmt'"
done
run --period 2025-12 >"$tmp/dec.text"
check "a month with no findings has no validate line" bash -c "! grep -q -i 'validate\|data check' '$tmp/dec.text'"
run --period 2025-10 >"$tmp/oct.text"
check "a month with findings counts only its own" \
    grep -qx 'Validate finds 3 errors and 1 warning in the records of this period (`pthv validate` lists them). The fidelity table counts the visits with findings as falling short.' "$tmp/oct.text"
check "public: the period's findings without a command or a number" \
    grep -qE '^The data check finds (errors and warnings|errors|warnings) in the records of this period\.' "$tmp/p1.text"
check "months are written as Jul 2025, not 25-07 or 2025-07" \
    bash -c "grep -q '^  Jul 2025 ' '$tmp/a.text' && ! grep -q '^  2025-07 ' '$tmp/a.text' && grep -q '>Jul</tspan><tspan [^>]*>2025<' '$tmp/a.html'"
check "csv and json keep the month keys" bash -c "grep -q '^2025-07,76,' '$tmp/a.csv' && grep -q '\"2025-07\"' '$tmp/a.json'"
run --period end-of-year >"$tmp/eoy.text"
run --period end-of-year --format html >"$tmp/eoy.html"
check "a month the period ends inside is marked partial" \
    bash -c "grep -q '^  May 2026 (partial) ' '$tmp/eoy.text' && grep -q 'period runs 2025-07-01..2026-05-15' '$tmp/eoy.text'"
check "... in the chart's note too" grep -q 'period runs 2025-07-01..2026-05-15' "$tmp/eoy.html"
check "whole months are not marked" bash -c "! grep -q 'partial' '$tmp/a.text'"
for f in a.text a.md a.html p1.text p1.md p1.html; do
    check "$f: no raw ids as labels (site_visit, pthv_week, hopes_known)" \
        bash -c "! grep -E 'site_visit|admin_meeting|family_event|pthv_week|hopes_known|reach_out|another_visit' '$tmp/$f'"
done
check "... they read site visit, PTHV week, hopes known" \
    bash -c "grep -q 'site visit' '$tmp/a.text' && grep -q 'PTHV week' '$tmp/a.text' && grep -q 'hopes known' '$tmp/a.text'"
check "json and csv keep the ids" bash -c "grep -q '\"site_visit\"' '$tmp/a.json' && grep -q 'favourable_pct_hopes_known' '$tmp/a.csv'"
check "public spending by site: no note on an other row that is not there" \
    bash -c "! grep -q '^  other' '$tmp/p1.text' && ! grep -q 'other: the sites' '$tmp/p1.text'"

finish
