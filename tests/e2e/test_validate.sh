#!/usr/bin/env bash
# pthv validate end to end: the example district, output formats, options,
# finding the repo, and malformed files (never a crash).
. "$(dirname "$0")/lib.sh" "$1"
pthv=$bin
examples="$src/examples"
asof=(--as-of 2026-05-15)

# --- The example district: exactly the ten documented findings.
out=$("$pthv" -C "$examples" "${asof[@]}" validate 2>&1); code=$?
check "examples: exit 1" [ "$code" -eq 1 ]
check "examples: fourteen findings and the summary" [ "$(wc -l <<<"$out")" -eq 15 ]
check "examples: summary line" [ "$(tail -n 1 <<<"$out")" = "5 errors, 9 warnings in 1,245 visits" ]
for finding in \
    "visits.csv: warning[CP4-targeting]: homeroom T028" \
    "visits.csv:412: error[CP2-trained]: visit V20251001-ST0495" \
    "visits.csv:480: error[CP1-opted-in]: visit V20251012-ST1336" \
    "visits.csv:487: warning[CP5-reflection]: visit V20251013-ST1214" \
    "visits.csv:501: error[CP3-first-focus]: visit V20251015-ST0683" \
    "visits.csv:604: warning[CP2-refresher]: visit V20251105-ST0347" \
    "visits.csv:854: warning[late-entry]: visit V20260211-ST0734" \
    "events.csv: warning[event-missing]: site S04 has no celebration event" \
    "events.csv: warning[event-missing]: site S05 has no admin_meeting event" \
    "sessions.csv:4: warning[session-over-capacity]: session 2025-07-intro-S05 has 30 trainings but 28 seats" \
    "visits.csv:883: warning[CP2-compensation]: visit V20260219-ST0236" \
    "visits.csv:1072: error[CP1-arranged]: visit V20260418-ST1177" \
    "visits.csv:1153: warning[CP2-refresher]: visit V20260508-ST1508" \
    "visits.csv:1164: error[CP5-pair]: visit V20260510-ST0579"; do
    check "examples: $finding" grep -qF "$finding" <<<"$out"
done


# --- JSON: one valid object with ok/errors/warnings/problems.
json=$("$pthv" -C "$examples" "${asof[@]}" validate --format json); code=$?
check "json: exit 1" [ "$code" -eq 1 ]
check "json: valid JSON" python3 -m json.tool <<<"$json" >/dev/null
check "json: ok/errors/warnings/problems as documented" python3 -c '
import json, sys
d = json.loads(sys.stdin.read())
assert list(d)[:4] == ["ok", "errors", "warnings", "problems"], list(d)
assert d["ok"] is False and d["errors"] == 5 and d["warnings"] == 9, d
assert len(d["problems"]) == 14
p = [x for x in d["problems"] if x["rule"] == "CP5-pair"][0]
assert p == {**p, "severity": "error", "file": "visits.csv", "line": 1164, "record": "V20260510-ST0579"}, p
assert all(set(x) >= {"severity", "rule", "file", "line", "record", "message"} for x in d["problems"])
' <<<"$json"
json=$("$pthv" -C "$examples" "${asof[@]}" validate --format json -q)
check "json -q is still the whole object" python3 -c 'import json,sys; assert json.load(sys.stdin)["errors"] == 5' <<<"$json"

# --- GitHub annotations.
gh=$("$pthv" -C "$examples" "${asof[@]}" validate --format github)
check "github: one annotation per finding" [ "$(grep -c '^::' <<<"$gh")" -eq 14 ]
check "github: error annotation" grep -qF "::error file=visits.csv,line=1164,title=CP5-pair::visit V20260510-ST0579 has one educator (T009)" <<<"$gh"
check "github: warning annotation" grep -qF "::warning file=visits.csv,line=487,title=CP5-reflection::" <<<"$gh"

# --- --strict, --rule, -q.
"$pthv" -C "$examples" "${asof[@]}" validate --rule CP5-reflection >/dev/null; code=$?
check "--rule on a warning: exit 0" [ "$code" -eq 0 ]
"$pthv" -C "$examples" "${asof[@]}" validate --rule CP5-reflection --strict >/dev/null; code=$?
check "--strict turns warnings into exit 1" [ "$code" -eq 1 ]
out=$("$pthv" -C "$examples" "${asof[@]}" validate --rule CP2-refresher --rule CP5-pair)
check "--rule filters (repeatable)" [ "$(grep -c 'CP2-refresher\|CP5-pair' <<<"$out")" -eq 3 ]
check "--rule filters: summary counts only those" [ "$(tail -n 1 <<<"$out")" = "1 error, 2 warnings in 1,245 visits" ]
err=$("$pthv" -C "$examples" "${asof[@]}" validate --rule CP5-pairs 2>&1 >/dev/null); code=$?
check "--rule with an unknown id: exit 2 with did you mean" [ "$code" -eq 2 ] && grep -q "did you mean CP5-pair" <<<"$err"
out=$("$pthv" -C "$examples" "${asof[@]}" validate -q)
check "-q: no summary, the fourteen problems" [ "$(wc -l <<<"$out")" -eq 14 ] && ! grep -q "errors," <<<"$out"

# --- Colour.
esc=$'\x1b['
out=$("$pthv" -C "$examples" "${asof[@]}" validate --color always)
check "--color always colours even into a pipe" grep -qF "$esc" <<<"$out"
out=$(NO_COLOR=1 "$pthv" -C "$examples" "${asof[@]}" validate --color always)
check "--color always wins over NO_COLOR" grep -qF "$esc" <<<"$out"
out=$("$pthv" -C "$examples" "${asof[@]}" validate --color never)
check "--color never: no escapes" bash -c '! grep -qF "$1" <<<"$2"' _ "$esc" "$out"
out=$(NO_COLOR=1 script -qec "$pthv -C $examples ${asof[*]} validate" /dev/null 2>/dev/null || true)
if [ -n "$out" ]; then
    check "NO_COLOR on a terminal: no escapes" bash -c '! grep -qF "$1" <<<"$2"' _ "$esc" "$out"
    out=$(script -qec "$pthv -C $examples ${asof[*]} validate" /dev/null 2>/dev/null || true)
    check "auto on a terminal: colour" grep -qF "$esc" <<<"$out"
fi
"$pthv" -C "$examples" validate --color sometimes >/dev/null 2>&1; code=$?
check "--color with a bad value: exit 2" [ "$code" -eq 2 ]

# --- Finding the repo; global options before or after the command.
cp -r "$examples" "$tmp/ex"
base=$("$pthv" -C "$tmp/ex" "${asof[@]}" validate)
mkdir -p "$tmp/ex/notes/2026"
out=$(cd "$tmp/ex/notes/2026" && "$pthv" "${asof[@]}" validate); code=$?
check "walking up from a subfolder finds pthv.yaml" [ "$out" = "$base" ] && [ "$code" -eq 1 ]
out=$("$pthv" validate -C "$tmp/ex" --as-of 2026-05-15 --format json -q | python3 -c 'import json,sys; print(json.load(sys.stdin)["warnings"])')
check "global options after the command" [ "$out" = 9 ]
out=$(cd "$tmp" && "$pthv" validate --data ex "${asof[@]}" | tail -n 1)
check "--data is -C" [ "$out" = "5 errors, 9 warnings in 1,245 visits" ]

# --- No data repo: exit 2 and a clear message.
mkdir -p "$tmp/nowhere/deep"
err=$(cd "$tmp/nowhere/deep" && "$pthv" validate 2>&1); code=$?
check "no pthv.yaml anywhere above: exit 2" [ "$code" -eq 2 ]
check "no pthv.yaml anywhere above: says so and what to do" grep -q "no pthv.yaml in this folder or any folder above it; run \`pthv init\`" <<<"$err"
err=$("$pthv" -C "$tmp/nowhere" validate 2>&1); code=$?
check "-C to a folder that is no data repo: exit 2" [ "$code" -eq 2 ] && grep -q "not a pthv data repo" <<<"$err"
err=$("$pthv" -C "$tmp/missing" validate 2>&1); code=$?
check "-C to a missing folder: exit 2" [ "$code" -eq 2 ] && grep -q "no such folder" <<<"$err"

# --- Usage errors.
err=$("$pthv" valdate 2>&1); code=$?
check "unknown command: exit 2, did you mean" [ "$code" -eq 2 ] && grep -q 'unknown command "valdate"; did you mean validate?' <<<"$err"
"$pthv" -C "$examples" --as-of 2026-02-30 validate >/dev/null 2>&1; code=$?
check "--as-of with a bad date: exit 2" [ "$code" -eq 2 ]
"$pthv" -C "$examples" "${asof[@]}" validate --format html >/dev/null 2>&1; code=$?
check "unsupported --format: exit 2" [ "$code" -eq 2 ]
out=$("$pthv" validate --help); code=$?
check "validate --help lists every rule id" [ "$code" -eq 0 ] && grep -q "paid-not-compensable" <<<"$out"
check "--version" bash -c '"$1" --version | grep -q "^pthv "' _ "$pthv"

# --- -o writes atomically, only on success.
"$pthv" -C "$examples" "${asof[@]}" validate -o "$tmp/out.txt"; code=$?
check "-o: exit as without it" [ "$code" -eq 1 ]
check "-o: the file holds the output" [ "$(cat "$tmp/out.txt")" = "$("$pthv" -C "$examples" "${asof[@]}" validate)" ]

# --- A BOM + CRLF copy validates exactly like the LF original.
mkdir "$tmp/crlf"
cp "$examples/pthv.yaml" "$tmp/crlf/"
for f in "$examples"/*.csv; do
    { printf '\xef\xbb\xbf'; sed 's/$/\r/' "$f"; } > "$tmp/crlf/$(basename "$f")"
done
out=$("$pthv" -C "$tmp/crlf" "${asof[@]}" validate); code=$?
check "BOM + CRLF: output identical to LF" [ "$out" = "$("$pthv" -C "$examples" "${asof[@]}" validate)" ]
check "BOM + CRLF: exit 1 as LF" [ "$code" -eq 1 ]

# --- Malformed files: the rule, with file and line, and never a crash.
clean=$(cd "$src/tests/errors/base" && pwd)
not_raw_escape() { ! LC_ALL=C grep -q $'\x1b' <<<"$1"; }
malformed() { # malformed NAME EXPECTED-LINE-PREFIX SETUP-COMMAND
    local name=$1 want=$2 setup=$3
    rm -rf "$tmp/m" && cp -r "$clean" "$tmp/m"
    (cd "$tmp/m" && eval "$setup")
    local o c
    o=$("$pthv" -C "$tmp/m" --as-of 2026-10-01 validate 2>&1); c=$?
    check "malformed $name: exit 1" [ "$c" -eq 1 ]
    check "malformed $name: $want" grep -qF "$want" <<<"$o"
}
malformed "unclosed quote" "visits.csv:3: error[csv-syntax]: a quoted cell is not closed" \
    "sed -i '3s/joined\"/joined/' visits.csv"
malformed "broken header line" "visits.csv:1: error[csv-syntax]: no header row: the first line is not well-formed" \
    "sed -i '1s/^visit_id/\"visit_id/' visits.csv"
malformed "short row" "staff.csv:3: error[csv-syntax]: 7 cells where the header has 8" \
    "sed -i '3s/,yes\$//' staff.csv"
malformed "long row" "sites.csv:2: error[csv-syntax]: 7 cells where the header has 6" \
    "sed -i '2s/\$/,extra/' sites.csv"
malformed "missing column" "students.csv:1: error[column-missing]: the required column grade is missing" \
    "cut -d, -f1,2,4- students.csv > s && mv s students.csv"
malformed "bad date" "trainings.csv:3: error[value-invalid]: training T02/08/10/2026/intro: date \"08/10/2026\"" \
    "sed -i '3s/2026-08-10/08\\/10\\/2026/' trainings.csv"
malformed "invalid UTF-8" "students.csv:3: error[csv-syntax]: not UTF-8 (invalid byte 0xE9" \
    "sed -i '3s/,F01,/,F\\xe9,/' students.csv"
malformed "broken YAML" "pthv.yaml:" \
    "printf 'school_year: {start: 2026-07-01\n  calendar: [\n' > pthv.yaml"
malformed "broken YAML is config-invalid" "error[config-invalid]: not valid YAML" \
    "printf 'school_year: {start: 2026-07-01\n  calendar: [\n' > pthv.yaml"
malformed "empty file" "visits.csv:1: error[csv-syntax]: the file is empty" ": > visits.csv"
malformed "a setting appended a second time" \
    "pthv.yaml:26: error[config-invalid]: reports is set twice (first on line 23); pthv will not guess which one is meant" \
    "printf '\\nreports: {min_cell: 20}\\n' >> pthv.yaml"
malformed "a key twice deep inside" "pthv.yaml:9: error[config-invalid]: calendar.school_day.start is set twice (first on line 9)" \
    "sed -i 's/school_day: {start: \"08:00\",/school_day: {start: \"08:00\", start: \"07:30\",/' pthv.yaml"
# The appended setting is not read either way: the report refuses.
out=$("$pthv" -C "$tmp/m" --as-of 2026-10-01 report --period end-of-year --public 2>&1); code=$?
check "a key twice: report refuses (exit 2), pointing to validate" bash -c "[ $code -eq 2 ] && grep -qF 'pthv validate' <<<'$out'"
malformed "empty pthv.yaml" "pthv.yaml:1: error[config-invalid]" ": > pthv.yaml"
malformed "missing file" "trainings.csv: error[csv-syntax]: the file is missing" "rm trainings.csv"
malformed "missing pthv.yaml" "pthv.yaml: error[config-invalid]: pthv.yaml is missing" "rm pthv.yaml"
malformed "NUL byte" "visits.csv:2: error[csv-syntax]: the line holds a NUL byte" \
    "sed -i '2s/,es,/,e\\x00s,/' visits.csv"
malformed "escape sequence in a cell is shown, not sent" 'status "\x1B[2Jcompleted" is not one of' \
    "sed -i '2s/,completed,/,\x1b[2Jcompleted,/' visits.csv"
# The same cell in GitHub annotations: shown as \x1B, never sent raw.
rm -rf "$tmp/m" && cp -r "$clean" "$tmp/m"
sed -i '2s/,completed,/,\x1b[2Jcompleted,/' "$tmp/m/visits.csv"
gh=$("$pthv" -C "$tmp/m" --as-of 2026-10-01 validate --format github 2>&1)
check "github: an escape sequence in a cell is shown" grep -qF 'status "\x1B[2Jcompleted"' <<<"$gh"
check "github: no raw control character reaches the log" not_raw_escape "$gh"

for seed in 1 2 3 4 5 6; do
    for f in visits.csv students.csv pthv.yaml; do
        rm -rf "$tmp/m" && cp -r "$clean" "$tmp/m"
        # Reproducible random bytes: the same seed gives the same file.
        python3 -c "import random,sys; random.seed($seed); sys.stdout.buffer.write(random.randbytes(4096))" > "$tmp/m/$f"
        o=$("$pthv" -C "$tmp/m" --as-of 2026-10-01 validate 2>&1); c=$?
        check "random bytes in $f (seed $seed): exit 1, no crash" [ "$c" -eq 1 ]
        if [ "$f" = pthv.yaml ]; then
            check "random bytes in $f (seed $seed): config-invalid" grep -q "^pthv.yaml:[0-9]*: error\[config-invalid\]" <<<"$o"
        else
            check "random bytes in $f (seed $seed): csv-syntax with a line" grep -q "^$f:[0-9]*: error\[csv-syntax\]" <<<"$o"
            check "random bytes in $f (seed $seed): at most 22 csv-syntax lines (20, the rest, no header)" [ "$(grep -c "^$f:[0-9]*: error\[csv-syntax\]" <<<"$o")" -le 22 ]
        fi
    done
done

finish
