#!/usr/bin/env bash
# pthv review: a true finding is reviewed instead of blocking payroll and
# commits for ever, or being silenced for the whole district. Uses the error
# catalogue's small district (tests/errors/base): T03 visits ST01 on
# 2026-09-14 and is trained on 2026-09-20, a CP2-trained error.
. "$(dirname "$0")/lib.sh" "$1"
repo=$tmp/r
cp -r "$src/tests/errors/base" "$repo"
sed -i 's/^T03,2026-08-10,/T03,2026-09-20,/' "$repo/trainings.csv"
sed -i '2s/T01;T02/T01;T03/' "$repo/visits.csv"
pthv() { "$bin" -C "$repo" --as-of 2026-10-01 --color never "$@"; }
visit=V20260914-ST01

# Before: the finding blocks validate and the close.
pthv validate >/dev/null; check "before: validate exits 1" [ $? -eq 1 ]
pthv payroll --month 2026-09 --close >/dev/null 2>&1; check "before: payroll --close is refused" [ $? -eq 2 ]
fidelity_before=$(pthv report --period 2026-09 --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["fidelity"]["CP2"])')

# Refusals write nothing (no reviews.csv appears).
out=$(pthv review CP2-traned $visit --note x 2>&1); code=$?
check "unknown rule: exit 2" [ $code -eq 2 ]
check "unknown rule: did you mean" grep -q "did you mean CP2-trained" <<<"$out"
out=$(pthv review duplicate-key $visit --note x 2>&1); code=$?
check "a data-integrity rule cannot be reviewed: exit 2" [ $code -eq 2 ]
check "a data-integrity rule: says to fix the data" grep -q "data-integrity rule: fix the data" <<<"$out"
out=$(pthv review CP2-trained V20260914-ST02 --note x 2>&1); code=$?
check "a record with no such finding: exit 2" [ $code -eq 2 ]
check "a record with no such finding: did you mean the one that has it" grep -q "did you mean $visit" <<<"$out"
pthv review CP2-trained $visit >/dev/null 2>&1; check "no --note: exit 2" [ $? -eq 2 ]
pthv review CP2-trained $visit --note $'trained\x1b[2J' >/dev/null 2>&1; check "control characters in the note: exit 2" [ $? -eq 2 ]
check "refusals wrote nothing" [ ! -e "$repo/reviews.csv" ]
pthv review CP2-trained $visit --note "trained the next week" --dry-run >/dev/null
check "--dry-run writes nothing" [ ! -e "$repo/reviews.csv" ]

# The review.
out=$(pthv review CP2-trained $visit --by C01 --note "trained the next week; principal approved" 2>&1); code=$?
check "review: exit 0" [ $code -eq 0 ]
check "review: says what it covers" grep -q "Reviewed: visits.csv:2: error\[CP2-trained\]" <<<"$out"
check "review: reviews.csv written with its header and the row" [ "$(cat "$repo/reviews.csv")" = \
    "$(printf 'rule,record,reviewed_on,by,note\nCP2-trained,%s,2026-10-01,C01,trained the next week; principal approved' $visit)" ]
out=$(pthv review CP2-trained $visit --note again 2>&1); code=$?
check "a second review of the same finding: exit 2" [ $code -eq 2 ]
check "a second review: says when it was reviewed" grep -q "was reviewed on 2026-10-01 by C01" <<<"$out"
check "a second review: the file is unchanged" [ "$(wc -l <"$repo/reviews.csv")" -eq 2 ]

# After: the finding stands, reviewed, and blocks nothing.
out=$(pthv validate); code=$?
check "after: validate exits 0" [ $code -eq 0 ]
check "after: the finding prints as reviewed[RULE] with its note" \
    grep -q "^visits.csv:2: reviewed\[CP2-trained\]: .*(reviewed 2026-10-01 by C01: trained the next week; principal approved)$" <<<"$out"
check "after: the summary counts it apart" grep -qx "0 errors, 0 warnings, 1 reviewed in 3 visits" <<<"$out"
check "after: -q (the pre-commit hook) prints nothing" [ -z "$(pthv validate -q)" ]
pthv validate --strict >/dev/null; check "after: --strict still passes" [ $? -eq 0 ]
check "after: json keeps the severity and adds reviewed" python3 -c '
import json, sys
d = json.loads(sys.argv[1])
assert d["ok"] and d["errors"] == 0 and d["reviewed"] == 1, d
p = d["problems"][0]
assert p["severity"] == "error" and p["reviewed"] == {"on": "2026-10-01", "by": "C01", "note": "trained the next week; principal approved"}, p
' "$(pthv validate --format json)"
check "after: github format makes it a notice" grep -q "^::notice file=visits.csv,line=2,title=CP2-trained::" <<<"$(pthv validate --format github)"
pthv payroll --month 2026-09 --close >/dev/null 2>&1; check "after: payroll --close succeeds" [ $? -eq 0 ]
check "after: the ledger pays the reviewed visit" grep -q "T03,visit,$visit" "$repo/payroll/2026-09.csv"
fidelity_after=$(pthv report --period 2026-09 --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["fidelity"]["CP2"])')
check "after: the report still counts the breach in fidelity" [ "$fidelity_after" = "$fidelity_before" ]
check "after: fidelity shows one visit short on CP2" grep -q "'short': 1" <<<"$fidelity_after"

out=$(pthv review --list)
check "--list: the review and what it covers" grep -q "^reviews.csv:2: CP2-trained $visit reviewed 2026-10-01 by C01" <<<"$out"
check "--list: the covered finding" grep -q "covers visits.csv:2: reviewed\[CP2-trained\]" <<<"$out"
check "--list --format json" python3 -c '
import json, sys
d = json.loads(sys.argv[1])
assert d[0]["rule"] == "CP2-trained" and d[0]["covers"][0]["line"] == 2, d
' "$(pthv review --list --format json)"

# The training date is corrected: the review now covers nothing.
sed -i 's/^T03,2026-09-20,/T03,2026-08-10,/' "$repo/trainings.csv"
out=$(pthv validate); code=$?
check "stale: review-stale on the review's line" grep -q "^reviews.csv:2: warning\[review-stale\]" <<<"$out"
check "stale: a warning, exit 0" [ $code -eq 0 ]
check "stale: --list says so" grep -q "covers no current finding" <<<"$(pthv review --list)"
finish
