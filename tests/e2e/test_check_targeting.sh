#!/bin/bash
# pthv check-targeting end to end: a planted targeted class among 40 random
# cross-sections is found, and only it; --flags FILE, --period, --by, --site,
# the three formats, exit codes, and the example district's T028.
. "$(dirname "$0")/lib.sh" "$1"
pthv=$bin
gen="$src/tests/e2e/gen_targeting.py"
run() { # run OUT_NAME ARGS...: stdout to $tmp/OUT_NAME.out, stderr .err, exit code .rc
    local name="$1"
    shift
    "$pthv" "$@" >"$tmp/$name.out" 2>"$tmp/$name.err"
    echo $? >"$tmp/$name.rc"
}
rc() { cat "$tmp/$1.rc"; }
not() { ! "$@"; }
has() { grep -q -- "$2" "$tmp/$1.out"; }
count() { grep -c -- "$2" "$tmp/$1.out"; }

python3 "$gen" "$tmp/random" --seed 7
python3 "$gen" "$tmp/planted" --seed 7 --plant
python3 "$gen" "$tmp/outside" --seed 7 --plant --flags-file "$tmp/flags.csv"
python3 "$gen" "$tmp/none" --seed 7 --plant --no-flags
asof=(--as-of 2027-03-01)

# Random cross-sections: no false positive.
run random -C "$tmp/random" "${asof[@]}" check-targeting
check "random cross-sections: exit 0" [ "$(rc random)" = 0 ]
check "random cross-sections: no possible targeting" not has random "Possible targeting"
check "random cross-sections: one row per homeroom (40)" [ "$(grep -cE '^T0[0-9]{2} ' "$tmp/random.out")" = 40 ]
check "random cross-sections: says none stands out" has random "No group's visits over-represent"

# The planted class is found, and only it.
run planted -C "$tmp/planted" "${asof[@]}" check-targeting
check "planted: exit 1" [ "$(rc planted)" = 1 ]
check "planted: exactly one possible targeting finding" [ "$(count planted '^- Possible targeting')" = 1 ]
check "planted: the finding names T099 and the concern" \
    has planted "Homeroom T099 (S01): 6 of the 6 students visited have an attendance concern"
check "planted: how unusual, in tries" has planted "happens by chance about once in [0-9,]* tries"
check "planted: T099's row says possible targeting" grep -qE '^T099 .*possible targeting$' "$tmp/planted.out"
check "planted: no student name printed" not grep -q "Name_" "$tmp/planted.out"
check "planted: the spread per site is shown" has planted "by homeroom: from"

run quiet -C "$tmp/planted" "${asof[@]}" check-targeting -q
check "-q prints only the finding" [ "$(wc -l <"$tmp/quiet.out")" = 1 ]
check "-q keeps exit 1" [ "$(rc quiet)" = 1 ]

run validate -C "$tmp/planted" "${asof[@]}" validate
check "validate reports CP4-targeting for homeroom T099" has validate "warning\[CP4-targeting\]: homeroom T099"

# JSON and CSV.
run json -C "$tmp/planted" "${asof[@]}" check-targeting --format json
check "json: exit 1" [ "$(rc json)" = 1 ]
check "json: one over finding for T099, 41 groups" python3 - "$tmp/json.out" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
over = [f for f in d["findings"] if f["kind"] == "over"]
targeted = [g["group"] for g in d["groups"] if g["verdict"] == "possible targeting"]
assert d["possible_targeting"] is True and len(d["groups"]) == 41, d["groups"]
assert [f["group"] for f in over] == ["T099"] and targeted == ["T099"], (over, targeted)
assert d["period"]["to"] == "2027-03-01" and d["by"] == "homeroom"
t = [t for g in d["groups"] if g["group"] == "T099" for t in g["tests"] if t["flag"] == "flag_attendance"][0]
assert t["flagged_visited"] == t["visited"] == 6 and t["adjusted_p"] < 0.05
PY
run json2 -C "$tmp/planted" "${asof[@]}" check-targeting --format json
check "json: same data, same bytes" cmp -s "$tmp/json.out" "$tmp/json2.out"

run csv -C "$tmp/planted" "${asof[@]}" check-targeting --format csv
check "csv: exit 1" [ "$(rc csv)" = 1 ]
check "csv: a header and one row per (group, flag): 82" [ "$(wc -l <"$tmp/csv.out")" = 83 ]
check "csv: the only over row is T099 attendance" \
    [ "$(grep ',over,' "$tmp/csv.out" | cut -d, -f2,9)" = "T099,flag_attendance" ]

# Flags kept outside git.
run outside -C "$tmp/outside" "${asof[@]}" check-targeting --flags "$tmp/flags.csv"
check "--flags FILE: exit 1" [ "$(rc outside)" = 1 ]
check "--flags FILE: finds T099" has outside "Homeroom T099 (S01)"
check "--flags FILE: names the source" has outside "Concern flags from $tmp/flags.csv"
echo "ST9999,yes,no" >>"$tmp/flags.csv"
run unknown -C "$tmp/outside" "${asof[@]}" check-targeting --flags "$tmp/flags.csv"
check "--flags FILE: an unknown student is reported on stderr" grep -q "ST9999 is not in students.csv" "$tmp/unknown.err"
check "--flags FILE: and the check goes on" [ "$(rc unknown)" = 1 ]
run noflagsfile -C "$tmp/outside" "${asof[@]}" check-targeting --flags "$tmp/missing.csv"
check "--flags with no such file: exit 2" [ "$(rc noflagsfile)" = 2 ]

# No flags at all.
run none -C "$tmp/none" "${asof[@]}" check-targeting
check "no flags: exit 0" [ "$(rc none)" = 0 ]
check "no flags: says so plainly" has none "No concern flags"
run none_json -C "$tmp/none" "${asof[@]}" check-targeting --format json
check "no flags: json says so too" python3 -c \
    'import json,sys; d=json.load(open(sys.argv[1])); assert d["flags"]==[] and not d["possible_targeting"] and d["message"]' \
    "$tmp/none_json.out"

# Periods: the planted visits are all on 2026-10-03.
run oct -C "$tmp/planted" "${asof[@]}" check-targeting --period 2026-10 -q
check "--period 2026-10: finds T099" [ "$(rc oct)" = 1 ]
run feb -C "$tmp/planted" "${asof[@]}" check-targeting --period 2027-02
check "--period 2027-02: T099 unvisited, exit 0" [ "$(rc feb)" = 0 ]
check "--period 2027-02: the heading names the month" has feb "2027-02 2027-02-01..2027-02-28"
run range -C "$tmp/planted" "${asof[@]}" check-targeting --period 2026-09-01..2026-12-31 -q
check "--period range: finds T099" [ "$(rc range)" = 1 ]
run mid -C "$tmp/planted" "${asof[@]}" check-targeting --period mid-year -q
check "--period mid-year: finds T099" [ "$(rc mid)" = 1 ]
run future -C "$tmp/planted" "${asof[@]}" check-targeting --period 2027-05 -o "$tmp/never.txt"
check "--period after --as-of: exit 2" [ "$(rc future)" = 2 ]
check "--period after --as-of: says why" grep -q "starts after the as-of date 2027-03-01" "$tmp/future.err"
check "exit 2 writes nothing" [ ! -e "$tmp/never.txt" ]
run badperiod -C "$tmp/planted" "${asof[@]}" check-targeting --period spring
check "--period spring: exit 2" [ "$(rc badperiod)" = 2 ]

# Grouping and site.
run bysite -C "$tmp/planted" "${asof[@]}" check-targeting --by site
check "--by site: two sites, the class drowns in its school" [ "$(rc bysite)" = 0 ]
check "--by site: rows S01 and S02" [ "$(grep -cE '^S0[12] ' "$tmp/bysite.out")" = 2 ]
run byedu -C "$tmp/planted" "${asof[@]}" check-targeting --by educator -q
check "--by educator: T099 alone chose the flagged students" grep -q "Educator T099 (S01)" "$tmp/byedu.out"
run s02 -C "$tmp/planted" "${asof[@]}" check-targeting --site S02
check "--site S02: T099 is at S01, exit 0" [ "$(rc s02)" = 0 ]
check "--site S02: only S02 homerooms" not grep -qE '^T[0-9]+ +S01' "$tmp/s02.out"
run badsite -C "$tmp/planted" "${asof[@]}" check-targeting --site S2
check "--site S2: exit 2 with a suggestion" grep -q "did you mean" "$tmp/badsite.err"
run badby -C "$tmp/planted" "${asof[@]}" check-targeting --by class
check "--by class: exit 2" [ "$(rc badby)" = 2 ]
run badformat -C "$tmp/planted" "${asof[@]}" check-targeting --format html
check "--format html: exit 2" [ "$(rc badformat)" = 2 ]
run out -C "$tmp/planted" "${asof[@]}" check-targeting -o "$tmp/report.txt"
check "-o FILE: written, exit 1" [ "$(rc out)" = 1 -a -s "$tmp/report.txt" ]
run help check-targeting --help
check "--help shows examples" has help "pthv check-targeting --by grade --site S02 --period mid-year"

# The example district: exactly T028.
if [ -f "$src/examples/pthv.yaml" ]; then
    run ex -C "$src/examples" --as-of 2026-05-15 check-targeting
    check "examples: exit 1" [ "$(rc ex)" = 1 ]
    check "examples: exactly one finding, homeroom T028" \
        [ "$(grep '^- Possible targeting' "$tmp/ex.out" | grep -c 'Homeroom T028 (S02)')" = 1 -a \
          "$(count ex '^- Possible targeting')" = 1 ]
fi

finish
