# visits.csv's optional travel_minutes column, driven through the binary: a
# repo without it reports as before; a value that is not an integer from 0
# to 600 is value-invalid, named by file and line; an internal report gives
# the median over the completed visits that give it, a public one nothing;
# and the de-identified export leaves it out (its schema gives it no
# `export:`). Usage: bash test_travel_minutes.sh /path/to/pthv
. "$(dirname "$0")/record_fixture.sh"

r="$tmp/repo"
make_repo "$r" || { echo "FAIL fixture"; exit 1; }
cd "$tmp" || exit 1
pv() { "$PTHV" -C "$r" --as-of 2026-09-20 --color never "$@"; }

pv report --period end-of-year --format json >without.json
check "a repo without the column has no travel figure" eval '! grep -q travel without.json'

# Completed visits give 20 and 35 minutes; the declined one 90, which no
# figure counts; the scheduled one none.
sed -i '1s/$/,travel_minutes/; 2s/$/,20/; 3s/$/,90/; 4s/$/,/; 5s/$/,35/' "$r/visits.csv"
check "the column with integers validates without errors" pv validate -q
pv report --period end-of-year >report.txt
check "the report gives the completed visits giving it" grep -qE '^ *visits giving travel_minutes +2 *$' report.txt
check "and their median (nearest rank)" grep -qE '^ *median travel minutes +20 *$' report.txt
pv report --period end-of-year --format json >report.json
check "JSON travel_minutes: visits and median" \
    python3 -c 'import json,sys; t=json.load(open("report.json"))["travel_minutes"]; sys.exit(t != {"visits": 2, "median": 20})'
pv report --period end-of-year --public --format json >public.json
check "a public report has no travel figure" eval '! grep -q travel public.json'

(umask 077; printf 'correct horse battery staple 2026\n' >"$tmp/export.key")
pv export --deidentify --key-file "$tmp/export.key" --k 1 -o "$tmp/export" >/dev/null 2>&1
check "the export leaves the column out" eval '! head -1 "$tmp/export/visits.csv" | grep -q travel'
check "and its README says so" grep -q 'left out: .*travel_minutes' "$tmp/export/README.md"

sed -i '5s/,35$/,half an hour/; 2s/,20$/,601/' "$r/visits.csv"
out=$(pv validate 2>&1); rc=$?
check "a value that is not an integer fails validate (exit 1)" test "$rc" = 1
check "it is value-invalid, named by file and line" grep -q '^visits.csv:5: error\[value-invalid\]:.*travel_minutes' <<<"$out"
check "a value above 600 too" grep -q '^visits.csv:2: error\[value-invalid\]:.*travel_minutes.*above the maximum of 600' <<<"$out"

finish
