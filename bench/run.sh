#!/usr/bin/env bash
# Times pthv at state scale against peers doing the simplest comparable job.
#
#   bash bench/run.sh [PATH/TO/pthv]        (make bench)
#
# Environment: BENCH_STUDENTS (default 1000000), BENCH_SEED (7),
# BENCH_DIR (where the generated repo is kept and reused; default
# ${TMPDIR:-/tmp}/pthv-bench-<students>-<seed>), BENCH_RUNS (3: each
# command runs this many times and the fastest run counts).
#
# On one generated repo it times, with /usr/bin/time -v (wall time, peak
# resident memory): pthv validate, report --period end-of-year, payroll
# --month 2025-10, check-targeting, report --audit (BENCH_AUDIT_RUNS
# times, default 1), one log-visit (on a copy of the
# repo) and rollup of the same students split into 50 district repos,
# each only if the binary has the command; then miller counting
# completed visits per site over visits.csv, and sqlite3 importing
# visits.csv and grouping by site. Ratios are to miller's time. Then the
# imports, on a fresh copy each run: `survey import` of a family survey's
# export (a response for every fifth student) and `log-visit --import` of a
# visit form's export (bench/exports.py, written once beside the repo);
# their memory is also given against the export's bytes. With `node`, DuckDB
# (npm package @duckdb/node-api, installed into bench/node_modules on the
# first run; BENCH_DUCKDB=0 skips it) counts what miller counts and
# anti-joins visits.csv with students.csv.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
pthv="${1:-$here/../build/pthv}"
pthv="$(cd "$(dirname "$pthv")" && pwd)/$(basename "$pthv")"
students="${BENCH_STUDENTS:-1000000}"
seed="${BENCH_SEED:-7}"
repo="${BENCH_DIR:-${TMPDIR:-/tmp}/pthv-bench-$students-$seed}"
as_of=2026-05-15

[ -x "$pthv" ] || { echo "bench: no pthv binary at $pthv (run make build)" >&2; exit 2; }

# The peers and the timer are Debian packages; install what is missing.
need=""
command -v mlr >/dev/null || need="$need miller"
command -v sqlite3 >/dev/null || need="$need sqlite3"
[ -x /usr/bin/time ] || need="$need time"
if [ -n "$need" ]; then
    sudo=""
    [ "$(id -u)" = 0 ] || sudo=sudo
    echo "bench: installing$need"
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    # shellcheck disable=SC2086
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $need </dev/null
fi

# The repo is generated once per (students, seed) and reused.
stamp="$repo/.generated-by"
want="$(sha1sum "$here/generate.py" | cut -c1-12) $students $seed"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    rm -rf "$repo"
    echo "bench: generating $students students into $repo"
    python3 "$here/generate.py" --students "$students" --seed "$seed" --out "$repo"
    echo "$want" >"$stamp"
fi
csv_bytes=$(cat "$repo"/*.csv | wc -c)
visit_rows=$(($(wc -l <"$repo/visits.csv") - 1))

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# A command the binary has is listed in its --help (`pthv CMD --help` alone
# would print the main help for an unknown CMD and exit 0).
has_command() { "$pthv" --help 2>&1 | grep -qE "^[[:space:]]+$1([[:space:]]|$)"; }

# Each command runs BENCH_RUNS times and the fastest run counts: on a shared
# machine the slower runs measure the neighbours, not the program.
runs="${BENCH_RUNS:-3}"
before_each=""  # a command run before each timed run (not timed), e.g. a fresh copy

results=()  # "name|seconds|peak_kb|exit|cpu|input bytes"
input_bytes=$csv_bytes # what a row's memory is set against: the repo's CSV, or an import's export
# run NAME CMD...: times CMD (stdout to a file) $runs times; records the
# fastest run's wall seconds, peak RSS and CPU seconds.
run() {
    local name="$1"
    shift
    local best="" i
    for ((i = 0; i < runs; i++)); do
        [ -z "$before_each" ] || eval "$before_each"
        local rc=0
        /usr/bin/time -v -o "$work/time.txt" "$@" >"$work/out.txt" 2>"$work/err.txt" || rc=$?
        local secs kb cpu
        secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {
            n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$work/time.txt")
        kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
        # CPU seconds (user + system) too: on a shared machine wall time says
        # more about the neighbours than about the program.
        cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {print s}' "$work/time.txt")
        if [ -z "$best" ] || awk -v a="$secs" -v b="${best%%|*}" 'BEGIN { exit !(a < b) }'; then
            best="$secs|$kb|$rc|$cpu"
        fi
    done
    IFS='|' read -r secs kb rc cpu <<<"$best"
    results+=("$name|$secs|$kb|$rc|$cpu|$input_bytes")
    printf '  %-34s %8.2f s wall %8.2f s cpu %8.0f MB  exit %s\n' "$name" "$secs" "$cpu" "$((kb / 1024))" "$rc"
}

echo "bench: $students students, $visit_rows visit rows, $csv_bytes CSV bytes in $repo"
echo "bench: $("$pthv" --version 2>/dev/null || echo pthv)"

run "mlr count completed by site" \
    mlr --icsv --opprint filter '$status=="completed"' then count -g site_id "$repo/visits.csv"
run "sqlite3 import + group by site" \
    sqlite3 :memory: -cmd ".mode csv" -cmd ".import $repo/visits.csv visits" \
    "select site_id, count(*) from visits where status = 'completed' group by site_id;"

# pthv's own CSV reader against fast-cpp-csv-parser, same file, same work
# per row (bench/csv_readers.cpp; `make bench` builds it beside pthv).
readers="${BENCH_CSV_READERS:-$(dirname "$pthv")/csv_readers}"
if [ -x "$readers" ]; then
    run "csv reader: fast-cpp-csv-parser" "$readers" fccp "$repo/visits.csv"
    run "csv reader: pthv's own" "$readers" own "$repo/visits.csv"
else
    echo "bench: no csv_readers beside $pthv (cmake --build build --target csv_readers): reader comparison skipped"
fi

skipped=()
run "pthv validate" "$pthv" -C "$repo" --as-of "$as_of" validate
grep -E '^[0-9,]+ errors?' "$work/out.txt" | tail -1 | sed 's/^/    /' || tail -1 "$work/out.txt" | sed 's/^/    /'
if has_command report; then
    run "pthv report --period end-of-year" "$pthv" -C "$repo" --as-of "$as_of" report --period end-of-year
else skipped+=("report"); fi
if has_command payroll; then
    run "pthv payroll --month 2025-10" "$pthv" -C "$repo" --as-of "$as_of" payroll --month 2025-10
else skipped+=("payroll"); fi
if has_command check-targeting; then
    run "pthv check-targeting" "$pthv" -C "$repo" --as-of "$as_of" check-targeting
else skipped+=("check-targeting"); fi
if has_command report && "$pthv" report --help 2>&1 | grep -q -- '--audit'; then
    # Every public report of every period of reports.publish, read together
    # (docs/reports.md): BENCH_AUDIT_RUNS times (1; it is the slowest here).
    all_runs="$runs"
    runs="${BENCH_AUDIT_RUNS:-1}"
    run "pthv report --audit" "$pthv" -C "$repo" --as-of "$as_of" report --audit
    runs="$all_runs"
    grep -E '^(ok|[0-9]+ small counts)' "$work/out.txt" | sed 's/^/    /' || true
else skipped+=("report --audit"); fi
if has_command log-visit; then
    # One more visit by the pair of the log's first completed visit, on a
    # fresh copy each run.
    before_each='rm -rf "$work/copy" && cp -r "$repo" "$work/copy"'
    row=$(awk -F, '$8 == "completed" {print $2 "," $7; exit}' "$repo/visits.csv")
    student="${row%%,*}"
    educators="${row#*,}"
    run "pthv log-visit (one row)" "$pthv" -C "$work/copy" --as-of "$as_of" log-visit \
        --student "$student" --educators "${educators//;/,}" --date 2026-05-14 --time 17:00 \
        --minutes 45 --arranged-on 2026-05-08 --focus academics --mode home --reflected-on 2026-05-15
    before_each=""
else skipped+=("log-visit"); fi
if has_command rollup; then
    # The same number of students as the one repo above, as 50 district
    # repos (generated once per scale and seed, beside it), rolled up
    # against validate on the one repo.
    districts=50
    leas="$repo-rollup-$districts"
    if [ ! -f "$leas/.generated-by" ] || [ "$(cat "$leas/.generated-by")" != "$want" ]; then
        rm -rf "$leas" && mkdir -p "$leas"
        echo "bench: generating $districts district repos of $((students / districts)) students into $leas"
        for ((i = 1; i <= districts; i++)); do
            python3 "$here/generate.py" --students $((students / districts)) --seed $((seed * 1000 + i)) \
                --out "$leas/lea-$i" >/dev/null
        done
        echo "$want" >"$leas/.generated-by"
    fi
    run "pthv rollup ($districts district repos)" "$pthv" --as-of "$as_of" rollup "$leas"/lea-*
else skipped+=("rollup"); fi
# The imports, each on a fresh copy of the repo: the exports are written
# once per repo (bench/exports.py), beside it.
exports="$repo-exports"
ex_want="$(sha1sum "$here/exports.py" | cut -c1-12) $want"
if [ ! -f "$exports/.generated-by" ] || [ "$(cat "$exports/.generated-by")" != "$ex_want" ]; then
    rm -rf "$exports"
    echo "bench: writing the form exports into $exports"
    python3 "$here/exports.py" "$repo" "$exports" --seed "$seed"
    echo "$ex_want" >"$exports/.generated-by"
fi
before_each='rm -rf "$work/copy" && cp -r "$repo" "$work/copy"'
if "$pthv" survey --help >/dev/null 2>&1; then
    input_bytes=$(wc -c <"$exports/family-survey.csv")
    run "pthv survey import ($(($(wc -l <"$exports/family-survey.csv") - 1)) responses)" \
        "$pthv" -C "$work/copy" --as-of "$as_of" survey import "$exports/family-survey.csv" \
        --map "$exports/survey-map.yaml" --key-file "$exports/survey.key"
else skipped+=("survey import"); fi
if has_command log-visit; then
    input_bytes=$(wc -c <"$exports/form-export.csv")
    run "pthv log-visit --import ($(($(wc -l <"$exports/form-export.csv") - 1)) rows)" \
        "$pthv" -C "$work/copy" --as-of "$as_of" log-visit --import "$exports/form-export.csv" \
        --map "$exports/form-map.yaml"
fi
before_each=""
input_bytes=$csv_bytes
[ ${#skipped[@]} -eq 0 ] || echo "bench: skipped (not in this pthv yet): ${skipped[*]}"

# DuckDB, when node is here: installed under bench/ (gitignored) on first use.
if [ "${BENCH_DUCKDB:-1}" != 0 ] && command -v node >/dev/null && command -v npm >/dev/null; then
    if [ ! -d "$here/node_modules/@duckdb/node-api" ]; then
        echo "bench: installing @duckdb/node-api into $here/node_modules"
        npm install --silent --no-save --no-package-lock --prefix "$here" @duckdb/node-api >/dev/null
    fi
    run "duckdb count completed by site" node "$here/duckdb.mjs" count "$repo"
    run "duckdb anti-join visits, students" node "$here/duckdb.mjs" anti-join "$repo"
else
    echo "bench: DuckDB skipped (no node, or BENCH_DUCKDB=0)"
fi

# The table, with ratios to miller's time.
mlr_secs=$(echo "${results[0]}" | cut -d'|' -f2)
mlr_cpu=$(echo "${results[0]}" | cut -d'|' -f5)
echo
# "RSS / input": against the CSV bytes, or for an import its export's bytes.
echo "| command | wall s | x miller | cpu s | x miller (cpu) | peak RSS MB | RSS / CSV bytes | RSS / input | exit |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
for r in "${results[@]}"; do
    IFS='|' read -r name secs kb rc cpu input <<<"$r"
    awk -v n="$name" -v s="$secs" -v m="$mlr_secs" -v c="$cpu" -v mc="$mlr_cpu" -v kb="$kb" \
        -v b="$csv_bytes" -v inb="$input" -v rc="$rc" 'BEGIN {
        printf "| %s | %.2f | %.2f | %.2f | %.2f | %.0f | %.2f | %.2f | %s |\n", n, s, (m > 0 ? s / m : 0), c,
               (mc > 0 ? c / mc : 0), kb / 1024, kb * 1024 / b, kb * 1024 / inb, rc }'
done
echo
echo "scale: $students students, $visit_rows visit rows, $csv_bytes CSV bytes"
