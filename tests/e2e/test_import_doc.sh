#!/usr/bin/env bash
# docs/import.md's worked example, run as it is written: the export and map
# it shows are the files in examples/import/, every `$ pthv -C examples ...`
# line of a ```console block runs on a copy of examples/ and prints exactly
# the lines under it, the rows it shows end up in visits.csv, and the
# messages it quotes for a broken map and a bad row are the ones pthv gives.
. "$(dirname "$0")/lib.sh" "$1"
doc="$src/docs/import.md"

# The N-th fenced block of a language in the doc.
block() { # block LANG N
    awk -v lang="$1" -v want="$2" '
        $0 == "```" lang { n++; on = (n == want); next }
        /^```/ { on = 0; next }
        on { print }' "$doc"
}

check "the doc shows examples/import/form-export.csv as it is" \
    diff <(block csv 1) "$src/examples/import/form-export.csv"
check "the doc shows examples/import/form-map.yaml as it is" \
    diff <(block yaml 1) "$src/examples/import/form-map.yaml"
check "the map sets a US date_format" grep -qx 'date_format: "%m/%d/%Y"' "$src/examples/import/form-map.yaml"
check "the map joins two educator columns" grep -qx '  educators: \[Educator 1, Educator 2\]' "$src/examples/import/form-map.yaml"
check "the map translates \"Hopes & Dreams\"" grep -q '"Hopes & Dreams": hopes_and_dreams' "$src/examples/import/form-map.yaml"

cp -r "$src/examples" "$tmp/examples"
cd "$tmp" || exit 1
pthv() { "$bin" "$@"; }

# Each console block: "$ command" lines, each followed by its output.
awk '/^```console$/ {on = 1; next} /^```/ {on = 0} on {print}' "$doc" >"$tmp/console"
[ -s "$tmp/console" ] || { echo "FAIL no console blocks in docs/import.md"; exit 1; }
n=0
expected=""
command=""
run_one() {
    [ -n "$command" ] || return 0
    n=$((n + 1))
    case $command in
    "pthv -C examples "*) ;;
    *) echo "FAIL not an example command: $command"; fails=$((fails + 1)); return ;;
    esac
    actual=$(eval "$command" 2>&1)
    rc=$?
    if [ "$rc" -eq 0 ] && [ "$actual" = "$expected" ]; then
        echo "ok   as shown: $command"
    else
        echo "FAIL (exit $rc) $command"
        diff <(printf '%s\n' "$expected") <(printf '%s\n' "$actual") | sed 's/^/     /'
        fails=$((fails + 1))
    fi
    if [ "$command" != "${command%--dry-run}" ]; then
        check "the dry run wrote nothing" cmp -s "$src/examples/visits.csv" examples/visits.csv
    fi
}
while IFS= read -r line; do
    if [ "${line#\$ }" != "$line" ]; then
        run_one
        command=${line#\$ }
        expected=""
    else
        expected=${expected:+$expected$'\n'}$line
    fi
done <"$tmp/console"
run_one
check "three commands were run" test "$n" = 3
check "the dry run wrote nothing, the import three rows" \
    test "$(($(wc -l <examples/visits.csv) - $(wc -l <"$src/examples/visits.csv")))" = 3
block csv 2 >"$tmp/rows"
check "the doc shows three rows" test "$(wc -l <"$tmp/rows")" = 3
check "visits.csv ends with the rows the doc shows" diff "$tmp/rows" <(tail -n 3 examples/visits.csv)
check "the example repo is still clean but for its planted findings" \
    bash -c "'$bin' -C examples --as-of 2026-05-15 validate | tail -n 1 | grep -qx '5 errors, 6 warnings in 1,248 visits'"

# The messages the doc quotes.
printf 'columns:\n  student_id: Student ID\n  dates: Date of visit\n' >form-map.yaml
pthv -C examples --as-of 2026-05-15 log-visit --import examples/import/form-export.csv --map form-map.yaml \
    >/dev/null 2>err.txt
check "a broken map exits 2" test $? = 2
sed -n 1,2p err.txt >map-err.txt
check "pthv names the map's line and suggests the field" test "$(wc -l <map-err.txt)" = 2
while IFS= read -r line; do
    check "the doc quotes: $line" grep -qxF -- "    $line" "$doc"
done <map-err.txt
cp examples/visits.csv before.csv
sed 's/ST0100/ST9999/' examples/import/form-export.csv >form-export.csv
pthv -C examples --as-of 2026-05-15 log-visit --import form-export.csv --map examples/import/form-map.yaml \
    >/dev/null 2>err.txt
check "a bad row exits 2" test $? = 2
while IFS= read -r line; do
    check "the doc quotes: $line" grep -qxF -- "    $line" "$doc"
done <err.txt
check "a bad row writes nothing" cmp -s before.csv examples/visits.csv

finish
