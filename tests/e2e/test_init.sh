#!/usr/bin/env bash
# pthv init: creates a data repo that validates clean, and never overwrites.
. "$(dirname "$0")/lib.sh" "$1"
pthv=$bin

out=$("$pthv" init "$tmp/repo" --district 'Riverbend "Unified"' --as-of 2026-09-01 2>&1); code=$?
check "init exits 0" [ "$code" -eq 0 ]
check "init says where it created the repo" grep -q "Created a pthv data repo in $tmp/repo" <<<"$out"
for f in pthv.yaml .gitattributes sites.csv staff.csv students.csv trainings.csv visits.csv; do
    check "init creates $f" [ -s "$tmp/repo/$f" ]
done
check "sites.csv holds its header" [ "$(cat "$tmp/repo/sites.csv")" = "site_id,name,level,status,coordinator_id,visit_goal" ]
check "visits.csv holds its header" \
    [ "$(cat "$tmp/repo/visits.csv")" = "visit_id,student_id,site_id,date,start_time,minutes,educators,status,arranged_on,focus,mode,reflected_on,language,notes,interpreter,confirmed_on,confirmed_by,cancelled_by,logged_on,travel_minutes" ]
check "each CSV is one header line" [ "$(cat "$tmp/repo"/*.csv | wc -l)" -eq 5 ]
check ".gitattributes makes the logs union-merge" grep -qx "visits.csv merge=union" "$tmp/repo/.gitattributes"
check ".gitattributes covers trainings.csv" grep -qx "trainings.csv merge=union" "$tmp/repo/.gitattributes"
check "pthv.yaml names the district, quotes intact" grep -qF 'district: "Riverbend \"Unified\""' "$tmp/repo/pthv.yaml"
check "pthv.yaml holds the school year of the as-of date" grep -q "start: 2026-07-01, end: 2027-06-30" "$tmp/repo/pthv.yaml"

out=$("$pthv" -C "$tmp/repo" --as-of 2026-09-01 validate 2>&1); code=$?
check "a new repo validates clean (exit 0)" [ "$code" -eq 0 ]
check "validate prints only its summary" [ "$out" = "0 errors, 0 warnings in 0 visits" ]
out=$("$pthv" -C "$tmp/repo" --as-of 2026-09-01 validate -q 2>&1)
check "validate -q on a clean repo prints nothing" [ -z "$out" ]

# Refusing to overwrite: exit 2, a message, every file byte-identical.
echo "S01,Kept,elementary,active,," >> "$tmp/repo/sites.csv"
sums=$(cd "$tmp/repo" && sha256sum pthv.yaml .gitattributes *.csv)
err=$("$pthv" init "$tmp/repo" 2>&1 >/dev/null); code=$?
check "init on an existing repo exits 2" [ "$code" -eq 2 ]
check "init on an existing repo says it never overwrites" grep -q "already exists; pthv init never overwrites" <<<"$err"
check "init on an existing repo leaves every file byte-identical" \
    [ "$(cd "$tmp/repo" && sha256sum pthv.yaml .gitattributes *.csv)" = "$sums" ]

# One file already there is enough to refuse, and nothing else is written.
mkdir "$tmp/partial" && echo "x" > "$tmp/partial/visits.csv"
"$pthv" init "$tmp/partial" >/dev/null 2>&1; code=$?
check "init refuses when any one file exists" [ "$code" -eq 2 ]
check "a refused init writes nothing" [ "$(ls -A "$tmp/partial")" = "visits.csv" ]

out=$("$pthv" init "$tmp/quiet" -q 2>&1); code=$?
check "init -q exits 0" [ "$code" -eq 0 ]
check "init -q prints nothing" [ -z "$out" ]
check "init -q still creates the repo" [ -f "$tmp/quiet/pthv.yaml" ]

out=$(cd "$tmp" && mkdir here && cd here && "$pthv" init -q && ls pthv.yaml 2>&1)
check "init with no folder uses the current one" [ "$out" = "pthv.yaml" ]

out=$("$pthv" init "$tmp/q2" --quiet 2>&1 && cd "$tmp/q2/" && mkdir -p deep/er && cd deep/er && "$pthv" validate -q 2>&1)
check "validate finds the repo walking up from a subfolder" [ -z "$out" ]

# pthv schema: the columns init writes are the ones the schemas name.
out=$("$pthv" schema visits.csv 2>&1); code=$?
check "schema visits.csv exits 0" [ "$code" -eq 0 ]
check "schema visits.csv names the file and its key" grep -qx "  key: visit_id" <<<"$out"
check "schema lists the columns of init's visits.csv, in order" \
    [ "$(sed -n 's/^  \([a-z_]*\)  .*\(required\|optional\).*/\1/p' <<<"$out" | paste -sd,)" = "$(cat "$tmp/repo/visits.csv")" ]
check "schema with no file shows the five data files and the optional reviews, events, sessions and surveys" [ "$("$pthv" schema | grep -c '^[a-z]*\.csv (')" -eq 9 ]
check "schema shows reviews.csv" grep -q '^reviews\.csv (' <<<"$("$pthv" schema)"
check "schema shows events.csv" grep -q '^events\.csv (' <<<"$("$pthv" schema)"
check "schema shows sessions.csv" grep -q '^sessions\.csv (' <<<"$("$pthv" schema)"
if [ -n "${PTHV_SOURCE_DIR:-}" ]; then
    check "schema --format yaml prints the Table Schema compiled in" \
        cmp -s <("$pthv" schema staff --format yaml) "$PTHV_SOURCE_DIR/schemas/staff.yaml"
fi
out=$("$pthv" schema visitz 2>&1); code=$?
check "schema of an unknown file exits 2" [ "$code" -eq 2 ]
check "schema of an unknown file suggests one" grep -q "did you mean visits?" <<<"$out"

# --- A new school year: init --from last year's repo.
src=${PTHV_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
prev="$tmp/prev"
cp -r "$src/examples" "$prev"
printf 'rule,record,reviewed_on,by,note\n' >"$prev/reviews.csv"
out=$("$pthv" --as-of 2026-06-20 init "$tmp/next" --from "$prev" 2>&1); code=$?
check "init --from exits 0" [ "$code" -eq 0 ]
check "init --from says what to do next" grep -q "list the new year's holidays" <<<"$out"
check "init --from: school_year a year on" grep -qx "school_year: {start: 2026-07-01, end: 2027-06-30, mid_year: 2027-01-31}" "$tmp/next/pthv.yaml"
check "init --from: first_day a year on" grep -q "^  first_day: 2026-08-20 " "$tmp/next/pthv.yaml"
check "init --from: holidays emptied" grep -qx "  holidays: \[\]" "$tmp/next/pthv.yaml"
check "init --from: no holiday of last year left" bash -c '! grep -q "^    - 2025-" "$1"' _ "$tmp/next/pthv.yaml"
# Funding periods move on a year (like school_year); all else is kept.
check "init --from: pay and funding kept, funding periods a year on" \
    [ "$(grep -A12 '^compensation:' "$tmp/next/pthv.yaml")" = "$(grep -A12 '^compensation:' "$prev/pthv.yaml" |
        sed -E 's/from: 2025-/from: 2026-/; s/to: 2026-/to: 2027-/')" ]
for f in sites.csv staff.csv trainings.csv; do
    check "init --from: $f carried over" cmp -s "$prev/$f" "$tmp/next/$f"
done
for f in students.csv visits.csv; do
    check "init --from: $f empty with last year's columns" [ "$(cat "$tmp/next/$f")" = "$(head -n 1 "$prev/$f")" ]
done
check "init --from: no reviews, events or payroll carried" [ ! -e "$tmp/next/reviews.csv" ] && [ ! -e "$tmp/next/payroll" ]
check "init --from: .gitattributes written" grep -qx "visits.csv merge=union" "$tmp/next/.gitattributes"
"$pthv" -C "$tmp/next" --as-of 2026-08-01 validate -q; check "init --from: the new year validates clean" [ $? -eq 0 ]
"$pthv" -C "$tmp/next" --as-of 2026-08-01 roster -q >/dev/null; check "init --from: roster runs" [ $? -eq 0 ]
"$pthv" init "$tmp/next" --from "$prev" >/dev/null 2>&1; check "init --from never overwrites: exit 2" [ $? -eq 2 ]
"$pthv" init "$tmp/next2" --from "$tmp/nowhere" >/dev/null 2>&1; check "init --from a folder without pthv.yaml: exit 2" [ $? -eq 2 ]
check "init --from a folder without pthv.yaml writes nothing" [ ! -e "$tmp/next2" ]

# --- init is whole or nothing: killed at any point, or failing on a full disk,
# it leaves a complete repo or none, and a second try works.
complete() { # DIR holds a whole repo that validates (exit 0 or 1, never 2)
    [ -f "$1/pthv.yaml" ] && [ "$(ls "$1"/*.csv | wc -l)" -ge 5 ] &&
        { "$pthv" -C "$1" --as-of 2026-09-01 validate -q >/dev/null 2>&1; [ $? -le 1 ]; }
}
no_temp() { [ -z "$(find "$1" -maxdepth 2 -name '.*.pthv-??????')" ]; }
mkdir "$tmp/kill" "$tmp/kill/empty"
bad=0 whole=0 none=0
for i in $(seq 1 50); do
    # half into a new folder, half into an existing empty one (mkdir d && pthv init d)
    if [ $((i % 2)) -eq 0 ]; then d=$tmp/kill/new$i; else d=$tmp/kill/empty/d$i; mkdir "$d"; fi
    { timeout -s KILL "0.0$((RANDOM % 90 + 10))" "$pthv" --as-of 2026-09-01 init "$d" -q >/dev/null 2>&1; } 2>/dev/null
    if complete "$d"; then
        whole=$((whole + 1))
    elif [ ! -e "$d/pthv.yaml" ] && { [ ! -e "$d" ] || [ "$i" -ne "$((i / 2 * 2))" ]; }; then
        none=$((none + 1))
        # The second try works and removes what the first left.
        "$pthv" --as-of 2026-09-01 init "$d" -q >/dev/null 2>&1 && complete "$d" && no_temp "$d" || {
            echo "  after a kill, a second init into $d failed"; bad=$((bad + 1)); }
    else
        echo "  run $i left a partial repo: $(ls -A "$d" | tr '\n' ' ')"; bad=$((bad + 1))
    fi
done
echo "  (of 50 killed inits, $whole finished and $none left no repo)"
check "init killed at random points: a whole repo or none, and a second try works" [ "$bad" -eq 0 ]
check "no temporary folder is left beside a new folder after the second tries" no_temp "$tmp/kill"
[ -z "$(ls -A "$tmp/kill" | grep -v '^new\|^empty$')" ] || echo "  left in $tmp/kill: $(ls -A "$tmp/kill")"
check "nothing but the repos in the parent folder" [ -z "$(ls -A "$tmp/kill" | grep -v '^new\|^empty$')" ]

# A file size limit (as a full disk): writes fail with EFBIG (SIGXFSZ
# ignored). --from carries staff.csv (5 KB), so the limit strikes midway,
# after pthv.yaml and sites.csv were written.
ulimit_init() { # DIR: init --from the example district under a 5 KB file size limit
    (trap '' XFSZ; ulimit -f 5; "$pthv" --as-of 2026-06-20 init "$1" --from "$src/examples" -q)
}
ulimit_init "$tmp/limit" >/dev/null 2>"$tmp/err"; code=$?
check "init under a file size limit exits 2" [ "$code" -eq 2 ]
check "... saying why" grep -q "File too large" "$tmp/err"
check "... and leaves no folder" [ ! -e "$tmp/limit" ]
check "... nor a temporary one beside it" no_temp "$tmp"
mkdir "$tmp/limit2" && echo "notes" >"$tmp/limit2/README"
ulimit_init "$tmp/limit2" >/dev/null 2>&1; code=$?
check "into an existing folder: exit 2, and the folder holds what it held" \
    [ "$code" -eq 2 ] && [ "$(ls -A "$tmp/limit2")" = "README" ]
"$pthv" --as-of 2026-06-20 init "$tmp/limit2" --from "$src/examples" -q
check "... and a second try without the limit works" complete "$tmp/limit2"
check "... keeping what the folder held" [ "$(cat "$tmp/limit2/README")" = "notes" ]

# A full disk, where a small file system can be mounted (as root): room
# for a new repo (eight small files), not for the example district's roster.
mkdir "$tmp/small"
if mount -t tmpfs -o size=40k tmpfs "$tmp/small" 2>/dev/null; then
    trap 'umount "$tmp/small" 2>/dev/null; rm -rf "$tmp"' EXIT
    "$pthv" --as-of 2026-06-20 init "$tmp/small/d" --from "$src/examples" >/dev/null 2>"$tmp/err"; code=$?
    check "init on a full disk exits 2, saying so" [ "$code" -eq 2 ] && grep -q "No space left" "$tmp/err"
    check "... and leaves nothing on it" [ -z "$(ls -A "$tmp/small")" ]
    "$pthv" --as-of 2026-06-20 init "$tmp/small/d" -q
    check "... and a smaller repo then fits" complete "$tmp/small/d"
    umount "$tmp/small"
else
    echo "skip init on a full disk: cannot mount a small file system here (not root)"
fi

# -C DIR is where init runs, as with git -C.
mkdir "$tmp/cdir"
"$pthv" -C "$tmp/cdir" --as-of 2026-09-01 init -q
check "pthv -C DIR init makes the repo in DIR" complete "$tmp/cdir"
"$pthv" -C "$tmp/cdir" --as-of 2026-09-01 init sub -q
check "pthv -C DIR init SUB makes it in DIR/SUB" complete "$tmp/cdir/sub"

finish
