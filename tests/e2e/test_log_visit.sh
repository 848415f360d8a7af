# pthv log-visit: one visit from flags, --update, safe concurrent appends.
. "$(dirname "$0")/record_fixture.sh"

r="$tmp/repo"
make_repo "$r" || { echo "FAIL fixture"; exit 1; }
pv() { "$PTHV" -C "$r" --as-of 2026-09-20 "$@"; }
good=(--educators T001,T002 --date 2026-09-18 --time 16:30 --minutes 40 --arranged-on 2026-09-14
      --focus hopes_and_dreams --mode home --reflected-on 2026-09-19)

check "the fixture validates clean" pv validate -q

# A good visit: exit 0, its id printed, one row appended in column order.
out=$(pv log-visit --student ST04 "${good[@]}" --language es --notes $'met the\ngrandmother, "Abuela"')
rc=$?
check "a good visit exits 0" test "$rc" = 0
check "a good visit prints its id" test "$out" = "V20260918-ST04"
check "the row is written with the student's site, educators joined by ; and notes on one line" \
    test "$(tail -n 1 "$r/visits.csv")" = \
    'V20260918-ST04,ST04,S01,2026-09-18,16:30,40,T001;T002,completed,2026-09-14,hopes_and_dreams,home,2026-09-19,es,"met the grandmother, ""Abuela"""'
check "visits.csv still validates clean" pv validate -q

# The same student and day again: the id gets -2.
out=$(pv log-visit --student ST04 "${good[@]}" --status scheduled)
check "a taken id gets -2" test "$(head -n 1 <<<"$out")" = "V20260918-ST04-2"
check "a visit scheduled for a day that has passed is scheduled-overdue" grep -q "warning\[scheduled-overdue\]" <<<"$out"

# An unknown student: refused, exit 2, visits.csv byte-identical.
cp "$r/visits.csv" "$tmp/before.csv"
pv log-visit --student ST99 "${good[@]}" >"$tmp/out" 2>"$tmp/err"
rc=$?
check "an unknown student exits 2" test "$rc" = 2
check "an unknown student leaves visits.csv byte-identical" cmp -s "$r/visits.csv" "$tmp/before.csv"
check "the refusal is printed in the validate format, naming the option" grep -q '^--student ST99: error\[unknown-ref\]: .*ST99' "$tmp/err"
check "nothing goes to stdout on a refusal" test ! -s "$tmp/out"

# A bad value (an integrity error too): refused.
pv log-visit --student ST05 "${good[@]}" --focus dreams >/dev/null 2>"$tmp/err"
check "a bad focus exits 2" test $? = 2
check "a bad focus leaves visits.csv byte-identical" cmp -s "$r/visits.csv" "$tmp/before.csv"

# A solo visit: a practice error. Recorded, findings on stdout, exit 1.
pv log-visit --student ST05 --educators T001 --date 2026-09-17 --time 16:30 --minutes 40 \
    --arranged-on 2026-09-10 --focus hopes_and_dreams --mode home --reflected-on 2026-09-18 >"$tmp/out" 2>&1
rc=$?
check "a solo visit exits 1" test "$rc" = 1
check "a solo visit is recorded" grep -q '^V20260917-ST05,ST05,S01,2026-09-17,16:30,40,T001,completed' "$r/visits.csv"
check "a solo visit prints CP5-pair" grep -q '^visits.csv:[0-9]*: error\[CP5-pair\]' "$tmp/out"
check "a solo visit says plainly it was recorded, with its findings" \
    grep -qx 'visit V20260917-ST05 was recorded in visits.csv, with 1 finding:' "$tmp/out"
check "a solo visit prints its id first" test "$(head -n 1 "$tmp/out")" = V20260917-ST05

# Educators typed with a blank between them are two educators, as with a comma.
out=$(pv log-visit --student ST05 --educators "T001 T002" --date 2026-09-16 --time 16:30 --minutes 40 \
    --arranged-on 2026-09-10 --focus hopes_and_dreams --mode home --reflected-on 2026-09-18 --dry-run 2>&1)
check "--educators \"T001 T002\" is read as two educators" grep -q ',T001;T002,' <<<"$out"
check "--educators \"T001 T002\" gives no finding" bash -c '! grep -q "error\[" <<<"$1"' _ "$out"

# A refused visit prints only why it was refused, not findings of a row
# that was never written.
pv log-visit --student ST99 --educators T001 --date 2026-09-17 --time 16:30 --minutes 40 --focus academics \
    >/dev/null 2>"$tmp/err"
check "a refusal lists the integrity error" grep -q 'error\[unknown-ref\]' "$tmp/err"
check "a refusal lists no practice findings" bash -c '! grep -qE "(error|warning)\[CP" "$1"' _ "$tmp/err"

# --dry-run shows the row and writes nothing.
cp "$r/visits.csv" "$tmp/before.csv"
out=$(pv log-visit --student ST06 --educators T004,T005 --date 2026-10-05 --status scheduled --dry-run)
check "--dry-run prints the row" grep -q 'V20261005-ST06,ST06,S02,2026-10-05' <<<"$out"
check "--dry-run writes nothing" cmp -s "$r/visits.csv" "$tmp/before.csv"

# A scheduled visit needs no time or minutes.
out=$(pv log-visit --student ST06 --educators T004,T001 --date 2026-10-05 --status scheduled --arranged-on 2026-09-20)
check "a scheduled visit without time or minutes is recorded" test "$out" = "V20261005-ST06"

# --update changes one row only and keeps CRLF endings and the BOM.
printf '\xEF\xBB\xBF' >"$tmp/crlf.csv"
sed 's/$/\r/' "$r/visits.csv" >>"$tmp/crlf.csv"
cp "$tmp/crlf.csv" "$r/visits.csv"
pv log-visit --update V20261001-ST03 --status completed --time 16:30 --minutes 40 --focus hopes_and_dreams \
    --reflected-on 2026-09-21 --date 2026-09-19 >"$tmp/out" 2>&1
check "an update exits 0" test $? = 0
check "an update changes exactly one line" test "$(cmp -l "$r/visits.csv" "$tmp/crlf.csv" >/dev/null; diff <(tr -d '\r' <"$r/visits.csv") <(tr -d '\r' <"$tmp/crlf.csv") | grep -c '^[<>]')" = 2
check "the updated row holds the new fields" \
    grep -q $'^V20261001-ST03,ST03,S01,2026-09-19,16:30,40,T001;T002,completed,2026-09-15,hopes_and_dreams,home,2026-09-21,,\r$' "$r/visits.csv"
check "the BOM is kept" test "$(head -c 3 "$r/visits.csv" | od -An -tx1 | tr -d ' ')" = efbbbf
check "every line still ends in CRLF" test "$(grep -c $'\r$' "$r/visits.csv")" = "$(wc -l <"$r/visits.csv")"
check "other rows are byte-identical" \
    cmp -s <(grep -v '^V20261001-ST03' "$r/visits.csv") <(grep -v '^V20261001-ST03' "$tmp/crlf.csv")

# An unknown id: exit 2 with a suggestion, file untouched.
cp "$r/visits.csv" "$tmp/before.csv"
pv log-visit --update V20261001-ST0 --status completed 2>"$tmp/err" >/dev/null
check "an unknown id exits 2" test $? = 2
check "an unknown id gets did you mean" grep -q 'did you mean V20261001-ST03' "$tmp/err"
check "an unknown id leaves the file byte-identical" cmp -s "$r/visits.csv" "$tmp/before.csv"

# Appending to a CRLF file without a final newline: one CRLF first.
printf '%s' "$(cat "$r/visits.csv")" >"$tmp/nofinal.csv" && cp "$tmp/nofinal.csv" "$r/visits.csv"
pv log-visit --student ST06 --educators T004,T001 --date 2026-10-09 --status scheduled >/dev/null
check "an append after an unterminated CRLF line keeps one row a line" \
    test "$(tail -n 2 "$r/visits.csv" | grep -c $'\r$')" = 2
check "the repo still validates after the appends" pv validate -q --rule csv-syntax --rule duplicate-key

# Ten concurrent processes: ten well-formed rows, ten distinct ids.
r2="$tmp/conc"
make_repo "$r2"
before=$(wc -l <"$r2/visits.csv")
for i in 1 2 3 4 5 6 7 8 9 10; do
    "$PTHV" -C "$r2" --as-of 2026-09-20 log-visit --student ST04 --educators T001,T002 --date 2026-09-19 \
        --status scheduled --notes "process $i" --lock-timeout 60 >"$tmp/conc.$i" 2>&1 &
done
wait
check "ten concurrent log-visits add ten rows" test "$(($(wc -l <"$r2/visits.csv") - before))" = 10
check "the ten rows have ten distinct ids" test "$(grep -c '^V20260919-ST04' "$r2/visits.csv")" = 10 -a \
    "$(cut -d, -f1 "$r2/visits.csv" | sort -u | wc -l)" = "$(wc -l <"$r2/visits.csv")"
check "every process printed its own id" test "$(cat "$tmp"/conc.* | sort -u | grep -c '^V20260919-ST04')" = 10
check "after ten concurrent writes the repo validates clean" "$PTHV" -C "$r2" --as-of 2026-09-20 validate -q

# An unreadable visits.csv refuses (exit 2) even a good visit.
r3="$tmp/broken"
make_repo "$r3"
echo 'V1,"unclosed' >>"$r3/visits.csv"
cp "$r3/visits.csv" "$tmp/before.csv"
"$PTHV" -C "$r3" --as-of 2026-09-20 log-visit --student ST04 "${good[@]}" >/dev/null 2>&1
check "a broken visits.csv exits 2" test $? = 2
check "a broken visits.csv is left as it was" cmp -s "$r3/visits.csv" "$tmp/before.csv"

# A held lock: wait, then fail clearly.
exec 9>"$r/.pthv.lock"
flock 9
pv log-visit --student ST05 "${good[@]}" --lock-timeout 0.2 >/dev/null 2>"$tmp/err"
check "a held lock times out with exit 2" test $? = 2
check "the lock message says another pthv is writing" grep -q 'another pthv' "$tmp/err"
exec 9>&-

check "--help shows examples" bash -c "'$PTHV' log-visit --help | grep -q 'pthv log-visit --update'"
# language, when not given, is the student's home language (students.csv's
# home_language, else its language column); given, it is kept.
src=${PTHV_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
cp -r "$src/examples" "$tmp/ex"
student=$(awk -F, 'NR > 1 && $7 == "es" {print $1; exit}' "$tmp/ex/students.csv")
ex() { "$PTHV" -C "$tmp/ex" --as-of 2026-05-15 "$@"; }
# The language cell of the row a --dry-run shows, found by the header's column.
language_of() {
    python3 -c '
import csv, io, sys
header = next(csv.reader(open(sys.argv[1])))
line = next(l for l in sys.stdin.read().split("\n") if l.startswith("  V"))
row = next(csv.reader(io.StringIO(line.strip())))
print(row[header.index("language")])' "$tmp/ex/visits.csv"
}
out=$(ex log-visit --student "$student" --educators T001,T002 --date 2026-05-14 --status scheduled --dry-run)
check "no --language: the student's language (es) is filled in" test "$(language_of <<<"$out")" = es
out=$(ex log-visit --student "$student" --educators T001,T002 --date 2026-05-14 --status scheduled --language vi --dry-run)
check "--language given: kept" test "$(language_of <<<"$out")" = vi
sed -i '1s/,language,/,home_language,/' "$tmp/ex/students.csv"
out=$(ex log-visit --student "$student" --educators T001,T002 --date 2026-05-14 --status scheduled --dry-run)
check "a home_language column is read too" test "$(language_of <<<"$out")" = es

# The retry: a visit recorded with a CP5-pair finding, logged again with the
# second educator. The widened duplicate-visit catches it; --remove takes
# the mistaken row out without a hand edit.
cp -r "$src/tests/errors/base" "$tmp/retry"
rv() { "$PTHV" -C "$tmp/retry" --as-of 2026-10-01 "$@"; }
rv log-visit --student ST02 --educators T01 --date 2026-09-21 --time 16:30 --minutes 40 --arranged-on 2026-09-15 \
    --focus hopes_and_dreams --mode home --reflected-on 2026-09-22 >"$tmp/out" 2>&1
check "retry: the solo visit is recorded, and says so" grep -q "was recorded in visits.csv" "$tmp/out"
rv log-visit --student ST02 --educators T01,T02 --date 2026-09-21 --time 16:30 --minutes 40 --arranged-on 2026-09-15 \
    --focus hopes_and_dreams --mode home --reflected-on 2026-09-22 >"$tmp/out" 2>&1
check "retry: the second row is a duplicate-visit" \
    grep -q "warning\[duplicate-visit\]: visit V20260921-ST02-2 repeats visit V20260921-ST02 .*same student ST02, date 2026-09-21 and start time 16:30" "$tmp/out"
cp "$tmp/retry/visits.csv" "$tmp/before-remove.csv"
rv log-visit --remove V20260921-ST02 >/dev/null 2>&1
check "--remove without --reason: exit 2" test $? = 2
rv log-visit --remove V20260921-ST2 --reason "typo" >/dev/null 2>"$tmp/err"
check "--remove of an unknown id: exit 2 with did you mean" grep -q "did you mean V20260921-ST02" "$tmp/err"
check "refused removals leave visits.csv byte-identical" cmp -s "$tmp/retry/visits.csv" "$tmp/before-remove.csv"
out=$(rv log-visit --remove V20260921-ST02 --reason "logged before the second educator was added" 2>&1)
check "--remove: exit 0" test $? = 0
check "--remove: says what it removed and why" grep -q "^removed V20260921-ST02 (visits.csv line 5): logged before" <<<"$out"
check "--remove: the row is gone" bash -c '! grep -q "^V20260921-ST02," "$1"' _ "$tmp/retry/visits.csv"
check "--remove: every other line is kept" test "$(grep -vc '^V20260921-ST02,' "$tmp/before-remove.csv")" = "$(wc -l <"$tmp/retry/visits.csv")"
check "--remove: the repo validates clean again" rv validate -q
rv payroll --month 2026-09 --close >/dev/null 2>&1
rv log-visit --remove V20260914-ST01 --reason "wrong" >/dev/null 2>"$tmp/err"
check "--remove of a paid visit: exit 2" test $? = 2
check "--remove of a paid visit: names the ledger and the way out" grep -q "payroll/2026-09.csv line .* paid it.*--status cancelled" "$tmp/err"
check "--remove of a paid visit: the row stays" grep -q "^V20260914-ST01," "$tmp/retry/visits.csv"

# --- removed_visits.csv: a removal is remembered, its id is never given again.
check "--remove records the removal in removed_visits.csv" \
    grep -qx "V20260921-ST02,2026-10-01,logged before the second educator was added" "$tmp/retry/removed_visits.csv"
out=$(rv log-visit --student ST02 --educators T01,T02 --date 2026-09-21 --time 16:30 --minutes 40 \
    --arranged-on 2026-09-14 --focus academics --mode home --reflected-on 2026-09-21 2>&1)
check "a new visit never takes a removed visit's id" grep -q "^V20260921-ST02-3$" <<<"$out"
check "... and is no removed-visit-present" bash -c '! grep -q removed-visit-present <<<"$1"' _ "$out"

# kill -9 at random points of a removal: visits.csv and removed_visits.csv
# change together (both or neither), once the next command has run.
bad=0
for i in $(seq 1 30); do
    k=$tmp/kill$i && cp -r "$r" "$k"
    { timeout -s KILL "0.0$((RANDOM % 40 + 5))" "$PTHV" -C "$k" --as-of 2026-09-20 log-visit --remove V20260915-ST01 \
        --reason "killed" >/dev/null 2>&1; } 2>/dev/null
    "$PTHV" -C "$k" --as-of 2026-09-20 validate -q >/dev/null 2>&1 # rolls back or keeps, under the lock
    gone=$(grep -c "^V20260915-ST01," "$k/visits.csv")
    kept=$(cat "$k/removed_visits.csv" 2>/dev/null | grep -c "^V20260915-ST01,")
    if { [ "$gone" = 0 ] && [ "$kept" = 1 ]; } || { [ "$gone" = 1 ] && [ "$kept" = 0 ]; }; then
        "$PTHV" -C "$k" --as-of 2026-09-20 validate -q 2>/dev/null | grep -q removed-visit-present && bad=$((bad + 1))
    else
        echo "  run $i: visit rows $gone, tombstones $kept"; bad=$((bad + 1))
    fi
    rm -rf "$k"
done
check "a killed removal leaves both files changed or neither" [ "$bad" -eq 0 ]

finish
