#!/usr/bin/env bash
# pthv remind: each kind of item is in a digest on a repo where it is due
# and in none where it is not (nobody gets an empty digest); a site
# coordinator's part never names another site's student (every message of
# the example district); the messages are RFC 5322 with UTF-8 names, read
# back by Python's email package; and real mail: msmtp sends them to an SMTP
# server on 127.0.0.1 started here (aiosmtpd), a failing --send command is
# reported per person with exit 1 and the others are still sent.
. "$(dirname "$0")/lib.sh" "$1"

# Debian's python3 has aiosmtpd (python3-aiosmtpd); another python3 first
# on PATH may not.
py=python3
for p in /usr/bin/python3 python3; do
    if "$p" -c 'import aiosmtpd' 2>/dev/null; then py=$p; break; fi
done

# A quiet district: the error catalogue's, where nothing is due as of
# 2026-10-01. ST01 and ST02 (T01's homeroom) have their second visit
# scheduled; ST03's visit (T02, T03) is on 2026-10-15, past the 7 days.
quiet=$tmp/quiet
cp -r "$src/tests/errors/base" "$quiet"
sed -i 's/^staff_id,.*/&,email/; s/^T01,.*/&,ana.lopez@example.org/; s/^T02,.*/&,ben.cho@example.org/; s/^T03,.*/&,cara.diaz@example.org/' "$quiet/staff.csv"
cat >>"$quiet/visits.csv" <<'CSV'
V20261120-ST01,ST01,S01,2026-11-20,17:00,40,T01;T02,scheduled,2026-09-20,academics,home,,,
V20261120-ST02,ST02,S01,2026-11-20,17:00,40,T01;T02,scheduled,2026-09-20,academics,home,,,
CSV
printf 'remind: {from: "PTHV Test <pthv@example.org>"}\n' >>"$quiet/pthv.yaml"
"$bin" -C "$quiet" --as-of 2026-10-01 validate >/dev/null
check "the quiet district validates clean" [ $? -eq 0 ]

# remind on a copy of the quiet district changed by $2 (a shell snippet run
# in it), as of $1; the rest are remind's options. Prints the digests.
variant() {
    local as_of=$1 change=$2
    shift 2
    rm -rf "$tmp/v"
    cp -r "$quiet" "$tmp/v"
    (cd "$tmp/v" && eval "$change")
    "$bin" -C "$tmp/v" --as-of "$as_of" --color never remind "$@"
}
# The digest of one person (from "PTHV reminders for ID" to the next one).
digest_of() { awk -v id="$1" '/^PTHV reminders for / {on = ($4 == id)} on' <<<"$2"; }
people() { grep -o '^PTHV reminders for [^ ]*' <<<"$1" | awk '{print $4}' | tr '\n' ' '; }

out=$(variant 2026-10-01 true); code=$?
check "quiet: exit 0" [ $code -eq 0 ]
check "quiet: nobody has a digest" grep -q "^Nothing is due for anyone as of 2026-10-01" <<<"$out"
variant 2026-10-01 true -o "$tmp/quiet-out" >/dev/null
check "quiet: -o DIR holds no file" [ -z "$(ls -A "$tmp/quiet-out" 2>/dev/null)" ]

# 1. Visits of the next N days.
out=$(variant 2026-10-01 true --days 14)
check "upcoming: T02 and T03 (on the visit) and T01 (coordinator) only" [ "$(people "$out")" = "T01 T02 T03 " ]
check "upcoming: T02 is told, with the partner" grep -q "You have 1 visit in the next 14 days:" <<<"$(digest_of T02 "$out")"
check "upcoming: the student by id, the partner by name" \
    grep -q "2026-10-15 17:00 ST03, with T03 Cara Diaz (V20261015-ST03)" <<<"$(digest_of T02 "$out")"
check "upcoming: T01's part for the site lists it" grep -q "^  1 visit in the next 14 days:" <<<"$(digest_of T01 "$out")"
check "upcoming: T01 has no part of their own (not on it)" [ "$(digest_of T01 "$out" | grep -c '^You have')" = 0 ]
out=$(variant 2026-10-01 true --days 13)
check "upcoming: 14 days away is not in 13 days" grep -q "^Nothing is due" <<<"$out"

# 2. Completed visits not reflected on, past practices.reflection_within_days.
noreflect="sed -i '2,3s/,2026-09-15,es,/,,es,/' visits.csv"
out=$(variant 2026-10-01 "$noreflect")
check "reflect: T01 and T02, who made the visit" [ "$(people "$out")" = "T01 T02 " ]
check "reflect: speaks to the reader" grep -q "You have 2 visits to reflect on (within 7 days of the visit):" <<<"$(digest_of T02 "$out")"
check "reflect: says when it was due" grep -q "V20260914-ST01): reflection was due by 2026-09-21" <<<"$(digest_of T02 "$out")"
check "reflect: T01 coordinates S01 and made the visit: each item once" \
    [ "$(digest_of T01 "$out" | grep -c 'V20260914-ST01')" = 1 ]
out=$(variant 2026-09-21 "$noreflect")
check "reflect: still within the 7 days: nobody is reminded, no empty digest" grep -q "^Nothing is due" <<<"$out"

# 3. Completed visits awaiting confirmation (compensation.require_confirmation).
confirm="sed -i 's/^  max_paid_visits_per_staff: 60/&\n  require_confirmation: yes/' pthv.yaml"
out=$(variant 2026-10-01 "$confirm")
check "confirm: each educator on the visits" [ "$(people "$out")" = "T01 T02 " ]
check "confirm: T02 is asked to confirm" grep -q "You have 2 visits awaiting confirmation" <<<"$(digest_of T02 "$out")"
confirmed="$confirm; sed -i '1s/\$/,confirmed_on,confirmed_by/; 2,3s/\$/,2026-09-16,T02/; 4,\$s/\$/,,/' visits.csv"
out=$(variant 2026-10-01 "$confirmed")
check "confirm: confirmed visits: nobody is reminded" grep -q "^Nothing is due" <<<"$out"

# 4. Homeroom students due a second visit.
out=$(variant 2026-10-01 "sed -i '/^V20261120-/d' visits.csv")
check "second visit: T01, whose homeroom they are (and coordinator)" [ "$(people "$out")" = "T01 " ]
check "second visit: the students and their first visit" \
    grep -q "2 students of your homeroom are due a second visit:" <<<"$out"
check "second visit: by id" grep -q -- "- ST01: first visit 2026-09-14" <<<"$out"
out=$(variant 2026-10-01 "sed -i '/^V20261120-ST02/d' visits.csv")
check "second visit: only the one without a visit scheduled" \
    [ "$(grep -c 'first visit 2026-09-14' <<<"$out")" = 1 ]

# 5. Training due soon or expired, as roster says.
out=$(variant 2026-10-01 "sed -i 's/^T02,2026-08-10,/T02,2024-10-15,/' trainings.csv")
check "training: T02's refresher, to T02 and the coordinator" [ "$(people "$out")" = "T01 T02 " ]
check "training: T02 is told" grep -q "Your refresher training is due by 2026-10-15." <<<"$(digest_of T02 "$out")"
check "training: the coordinator's part names T02" grep -q "T02 Ben Cho: due soon, refresher due by 2026-10-15" <<<"$out"
roster=$(cd "$tmp/v" && "$bin" --as-of 2026-10-01 roster --status due-soon --format csv)
check "training: roster calls T02 due-soon too" grep -q "^T02," <<<"$roster"

# 6. Planned sessions of the next N days, for staff untrained or due.
sessions="sed -i 's/2026-08 intro/AUG-INTRO/' trainings.csv
printf 'T04,Dee Park,S01,teacher,certificated,yes,,yes,dee.park@example.org\n' >>staff.csv
printf 'session_id,date,kind,site_id,trainer,capacity,hours,location\nAUG-INTRO,2026-08-10,intro,S01,Trainer,10,3,Library\nOCT-INTRO,2026-10-05,intro,,Trainer,10,3,District office\n' >sessions.csv"
out=$(variant 2026-10-01 "$sessions")
check "session: T04 (untrained) and the coordinator" [ "$(people "$out")" = "T01 T04 " ]
check "session: T04 is told of the intro" grep -q "2026-10-05 intro session OCT-INTRO, district-wide, District office, 3 hours" <<<"$(digest_of T04 "$out")"
check "session: the coordinator sees who it is for" grep -q "OCT-INTRO.*: for T04 Dee Park" <<<"$(digest_of T01 "$out")"
out=$(variant 2026-10-01 "$sessions; sed -i 's/OCT-INTRO,2026-10-05/OCT-INTRO,2026-10-20/' sessions.csv")
check "session: past the 7 days: nobody is reminded" grep -q "^Nothing is due" <<<"$out"
out=$(variant 2026-10-01 "$sessions; sed -i 's/OCT-INTRO,2026-10-05,intro/OCT-INTRO,2026-10-05,refresher/' sessions.csv")
check "session: a refresher does not serve the untrained" grep -q "^Nothing is due" <<<"$out"

# 7. Site findings nobody has reviewed.
arranged="sed -i '2,3s/,2026-09-08,/,2026-09-14,/' visits.csv"
out=$(variant 2026-10-01 "$arranged")
check "finding: the site's coordinator only" [ "$(people "$out")" = "T01 " ]
check "finding: file, line, rule, message" grep -q "visits.csv:2: error\[CP1-arranged\]: visit V20260914-ST01" <<<"$out"
reviewed="$arranged; '$bin' --as-of 2026-10-01 review CP1-arranged V20260914-ST01 --note 'agreed that morning' >/dev/null; '$bin' --as-of 2026-10-01 review CP1-arranged V20260914-ST02 --note 'agreed that morning' >/dev/null"
out=$(variant 2026-10-01 "$reviewed")
check "finding: reviewed findings need nobody" grep -q "^Nothing is due" <<<"$out"

# 8. Events missing by events.due.
events="printf 'events: {per_site: [celebration], due: 2026-09-30}\n' >>pthv.yaml"
out=$(variant 2026-10-01 "$events")
check "event: the site's coordinator" [ "$(people "$out")" = "T01 " ]
check "event: names the kind" grep -q "site S01 has no celebration event" <<<"$out"
out=$(variant 2026-10-01 "printf 'events: {per_site: [celebration], due: 2026-12-01}\n' >>pthv.yaml")
check "event: before events.due: nobody is reminded" grep -q "^Nothing is due" <<<"$out"

# Only active, opted-in staff get a part of their own.
out=$(variant 2026-10-01 "sed -i 's/^T03,Cara Diaz,S01,liaison,classified,yes/T03,Cara Diaz,S01,liaison,classified,no/' staff.csv" --days 14)
check "opted out: T03 has no digest" [ "$(people "$out")" = "T01 T02 " ]

# --to, formats.
out=$(variant 2026-10-01 true --days 14 --to T02)
check "--to: only that person" [ "$(people "$out")" = "T02 " ]
variant 2026-10-01 true --to T99 >/dev/null 2>"$tmp/err"; code=$?
check "--to an unknown id: exit 2, did you mean" [ $code -eq 2 ] && grep -q "did you mean" "$tmp/err"
variant 2026-10-01 true --days 14 --format json >"$tmp/d.json"
check "json: one object per digest, items as fields" "$py" -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert [x["staff_id"] for x in d] == ["T01", "T02", "T03"], d
assert d[1]["items"][0]["kind"] == "upcoming_visit" and d[1]["items"][0]["visit_id"] == "V20261015-ST03"
assert d[0]["items"] == [] and d[0]["sites"][0]["site_id"] == "S01"
' "$tmp/d.json"
out=$(variant 2026-10-01 true --days 14 --format md --to T02)
check "md: a heading per digest" grep -q "^# PTHV reminders for T02 Ben Cho" <<<"$out"
for f in text md json; do
    variant 2026-10-01 true --days 14 --format $f -o "$tmp/out-$f" >/dev/null
done
check "-o DIR: a file per person in every format" [ "$(cd "$tmp" && ls out-text out-md out-json | tr '\n' ' ')" = \
    "out-json: T01.json T02.json T03.json  out-md: T01.md T02.md T03.md  out-text: T01.txt T02.txt T03.txt " ]
variant 2026-10-01 true -o "$tmp/v/mail" 2>"$tmp/err" >/dev/null; code=$?
check "-o inside the data repo: refused, exit 2" [ $code -eq 2 ] && grep -q "inside the data repo" "$tmp/err"

# eml without remind.from: nothing can run.
variant 2026-10-01 "sed -i '/^remind:/d' pthv.yaml" --days 14 --format eml -o "$tmp/nofrom" 2>"$tmp/err" >/dev/null; code=$?
check "eml without remind.from: exit 2, says so, writes nothing" \
    [ $code -eq 2 ] && grep -q "remind.from" "$tmp/err" && [ ! -e "$tmp/nofrom" ]
variant 2026-10-01 "printf 'remind: {from: nobody}\n' >>pthv.yaml" >/dev/null 2>"$tmp/err"; code=$?
check "a remind.from that is no address: config-invalid, exit 2" [ $code -eq 2 ] && grep -q "config-invalid.*remind.from" "$tmp/err"

# A bad address is value-invalid, named by file and line; that person is not sent.
out=$(variant 2026-10-01 "sed -i 's/ben.cho@example.org/ben.cho@/' staff.csv; '$bin' --as-of 2026-10-01 validate" 2>&1)
check "a bad email: value-invalid on its line" grep -q "^staff.csv:3: error\[value-invalid\]: .*email \"ben.cho@\" is not an e-mail address" <<<"$out"

. "$(dirname "$0")/remind_mail.sh"

finish
