#!/usr/bin/env bash
# bench/ end to end at a small scale: the generator makes the same valid repo
# for the same seed, with the shapes the benchmark relies on, and run.sh
# times every command and prints its table.
. "$(dirname "$0")/lib.sh" "$1"
pthv=$bin

python3 "$src/bench/generate.py" --students 3000 --seed 5 --out "$tmp/a" >/dev/null
python3 "$src/bench/generate.py" --students 3000 --seed 5 --out "$tmp/b" >/dev/null
check "generate: the same seed gives the same files" diff -r "$tmp/a" "$tmp/b"
check "generate: 3000 students" [ "$(($(wc -l <"$tmp/a/students.csv") - 1))" -eq 3000 ]
check "generate: homerooms of about 25" python3 -c '
import csv, collections, sys
rooms = collections.Counter(r["homeroom_id"] for r in csv.DictReader(open(sys.argv[1])))
mean = sum(rooms.values()) / len(rooms)
assert 20 <= mean <= 30, mean
' "$tmp/a/students.csv"
check "generate: completed, declined and scheduled visits, second visits in winter" python3 -c '
import csv, collections, sys
rows = list(csv.DictReader(open(sys.argv[1])))
status = collections.Counter(r["status"] for r in rows)
assert status["completed"] > 0 and status["declined"] > 0 and status["scheduled"] > 0, status
per_student = collections.Counter(r["student_id"] for r in rows if r["status"] == "completed")
assert any(n >= 2 for n in per_student.values())
' "$tmp/a/visits.csv"
out=$("$pthv" -C "$tmp/a" --as-of 2026-05-15 validate 2>&1)
check "generate: the repo has no errors (at most chance CP4 warnings)" grep -qE '^0 errors' <<<"$(tail -n 1 <<<"$out")"

# A repo whose files are large enough to be mapped rather than read (1 MB
# and more): loading, and a change checked in place after the mapped text,
# give what they give on a small file.
python3 "$src/bench/generate.py" --students 12000 --seed 3 --out "$tmp/big" >/dev/null
check "generate: visits.csv of 12000 students is over a megabyte" [ "$(wc -c <"$tmp/big/visits.csv")" -gt 1048576 ]
cp "$tmp/big/visits.csv" "$tmp/visits.before"
row=$(awk -F, '$8 == "completed" {print $2 "," $7; exit}' "$tmp/big/visits.csv")
student="${row%%,*}"; educators="${row#*,}"
"$pthv" -C "$tmp/big" --as-of 2026-05-15 log-visit --student "$student" --educators "${educators//;/,}" \
    --date 2026-05-14 --time 17:00 --minutes 45 --arranged-on 2026-05-08 --focus academics --mode home \
    --reflected-on 2026-05-15 >"$tmp/big.out" 2>&1
check "log-visit on a mapped visits.csv: exit 0" [ $? -eq 0 ]
check "log-visit on a mapped visits.csv: the file is what it was, then the new row" \
    cmp <(head -c "$(wc -c <"$tmp/visits.before")" "$tmp/big/visits.csv") "$tmp/visits.before"
check "log-visit on a mapped visits.csv: one row added" \
    [ "$(($(wc -l <"$tmp/big/visits.csv") - $(wc -l <"$tmp/visits.before")))" -eq 1 ]
check "log-visit on a mapped visits.csv: the row is the visit logged" \
    grep -q "^V20260514-$student,$student,.*,2026-05-14,17:00,45,${educators},completed," <(tail -n 1 "$tmp/big/visits.csv")
out=$("$pthv" -C "$tmp/big" --as-of 2026-05-15 validate 2>&1)
check "log-visit on a mapped visits.csv: the repo still has no errors" grep -qE '^0 errors' <<<"$(tail -n 1 <<<"$out")"
cp "$tmp/big/visits.csv" "$tmp/visits.after"
"$pthv" -C "$tmp/big" --as-of 2026-05-15 log-visit --student "$student" --educators T999998,T999999 \
    --date 2026-05-13 --time 17:00 --minutes 45 --arranged-on 2026-05-08 --focus academics --mode home \
    --reflected-on 2026-05-15 >"$tmp/big.out" 2>&1
check "log-visit on a mapped visits.csv: educators not on the roster are refused (exit 2)" [ $? -eq 2 ]
check "log-visit on a mapped visits.csv: the refusal names them" grep -q "T999998" "$tmp/big.out"
check "log-visit on a mapped visits.csv: a refused visit leaves the file as it was" \
    cmp "$tmp/big/visits.csv" "$tmp/visits.after"

readers="$(dirname "$pthv")/csv_readers"
if [ -x "$readers" ]; then
    own=$("$readers" own "$tmp/a/visits.csv"); fccp=$("$readers" fccp "$tmp/a/visits.csv")
    check "csv_readers: both readers see the same rows, completed visits and sites" \
        [ "$(sed 's/ seconds=.*//' <<<"${own#own }")" = "$(sed 's/ seconds=.*//' <<<"${fccp#fccp }")" ]
    check "csv_readers: the counts are the file's" grep -q "rows=$(($(wc -l <"$tmp/a/visits.csv") - 1)) " <<<"$own"
else
    echo "FAIL csv_readers is not built beside pthv (make test builds it)"; fails=$((fails + 1))
fi

if command -v mlr >/dev/null && command -v sqlite3 >/dev/null && [ -x /usr/bin/time ]; then
    table=$(BENCH_STUDENTS=3000 BENCH_SEED=5 BENCH_RUNS=1 BENCH_DUCKDB=0 BENCH_DIR="$tmp/run" bash "$src/bench/run.sh" "$pthv" 2>&1)
    for row in "mlr count completed by site" "sqlite3 import + group by site" \
        "csv reader: fast-cpp-csv-parser" "csv reader: pthv's own" "pthv validate" \
        "pthv report --period end-of-year" "pthv payroll --month 2025-10" "pthv check-targeting" \
        "pthv report --audit" \
        "pthv log-visit (one row)" "pthv rollup (50 district repos)"; do
        check "run.sh: a table row for $row, exit 0" grep -qE "^\| ${row//[()+]/.} \|.*\| 0 \|$" <<<"$table"
    done
    check "run.sh: a row for survey import, its memory against the export's bytes too, exit 0" \
        grep -qE '^\| pthv survey import \([0-9]+ responses\) \|( [0-9.]+ \|){7} 0 \|$' <<<"$table"
    check "run.sh: a row for log-visit --import, exit 0" \
        grep -qE '^\| pthv log-visit --import \([0-9]+ rows\) \|( [0-9.]+ \|){7} 0 \|$' <<<"$table"
else
    echo "skip run.sh: miller, sqlite3 or /usr/bin/time is not installed (make bench installs them)"
fi
finish
