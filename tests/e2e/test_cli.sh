#!/usr/bin/env bash
# The command line itself: help when asked (or when nothing is asked), and
# usage errors that name the option and point to the right command's help.
. "$(dirname "$0")/lib.sh" "$1"
pthv=$bin

out=$("$pthv" 2>&1); code=$?
check "bare pthv: exit 0" [ "$code" -eq 0 ]
check "bare pthv: shows the help with its commands" grep -qE '^[[:space:]]+validate[[:space:]]' <<<"$out"
check "bare pthv: the same text as --help" [ "$out" = "$("$pthv" --help 2>&1)" ]

out=$("$pthv" validate --bogus 2>&1); code=$?
check "unknown option: exit 2" [ "$code" -eq 2 ]
check "unknown option: named" grep -q -- "--bogus" <<<"$out"
check "unknown option: points to the command's own help" grep -qF 'Run `pthv validate --help`' <<<"$out"

out=$("$pthv" -C "$src/examples" report --period mid-year --period end-of-year 2>&1); code=$?
check "repeated option: exit 2" [ "$code" -eq 2 ]
check "repeated option: says so in words" grep -qF -- "--period was given 2 times; give it once" <<<"$out"
check "repeated option: no CLI11 jargon" bash -c '! grep -q "At Most" <<<"$1"' _ "$out"
check "repeated option: points to report's help" grep -qF 'Run `pthv report --help`' <<<"$out"

out=$("$pthv" roster train --date 2026-08-01 2>&1); code=$?
check "nested command: exit 2" [ "$code" -eq 2 ]
check "nested command: points to its own help" grep -qF 'Run `pthv roster train --help`' <<<"$out"

out=$("$pthv" valdate 2>&1); code=$?
check "misspelt command: exit 2" [ "$code" -eq 2 ]
check "misspelt command: did you mean" grep -q 'did you mean validate' <<<"$out"
check "misspelt command: points to the main help" grep -qF 'Run `pthv --help`' <<<"$out"
out=$("$pthv" -C "$src/examples" --as-of 2026-05-15 roster student ST87 2>&1); code=$?
check "an id without its zero-padding: exit 2" [ "$code" -eq 2 ]
check "an id without its zero-padding: did you mean the padded id" grep -q "did you mean ST0087?" <<<"$out"
# Every --lock-timeout shows SECONDS, not a validator's name after it
# ("SECONDS:SECONDS", "SECONDS:NONNEGATIVE"), and still refuses what is
# not a number of seconds.
for path in "log-visit" "roster add" "roster set" "roster train" "event add" "review" "survey import" "payroll"; do
    line=$("$pthv" $path --help | grep -- '--lock-timeout')
    check "pthv $path --help: --lock-timeout SECONDS" grep -qE -- '--lock-timeout SECONDS( |$)' <<<"$line"
done
cp -r "$src/examples" "$tmp/examples"
out=$("$pthv" -C "$tmp/examples" --as-of 2026-05-15 payroll --month 2026-04 --close --lock-timeout 1e9 2>&1); code=$?
check "payroll --lock-timeout past an hour: exit 2 naming the option" \
    bash -c '[ "$1" -eq 2 ] && grep -q -- "--lock-timeout" <<<"$2"' _ "$code" "$out"
finish
