#!/usr/bin/env bash
# The program year: events (events.csv, pthv event add/list, event-missing),
# training sessions (sessions.csv, roster train --session, roster sessions,
# session-over-capacity), second visits (roster students --second-due) and
# what the report says of each. Uses the error catalogue's small district
# (tests/errors/base): ST01 and ST02 had their first visit on 2026-09-14,
# ST03 has one scheduled on 2026-10-15.
. "$(dirname "$0")/lib.sh" "$1"
has() { grep -qF -- "$2" "$1"; }
repo=$tmp/r
cp -r "$src/tests/errors/base" "$repo"
pthv() { "$bin" -C "$repo" --as-of 2026-10-01 --color never "$@"; }
pthv_at() { local day=$1; shift; "$bin" -C "$repo" --as-of "$day" --color never "$@"; }
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

# A repo without the new files: no new findings, no events or sessions in the report.
pthv validate >"$tmp/out"; check "base: validate clean" [ $? -eq 0 ]
pthv report --period end-of-year --format json >"$tmp/base.json"
check "base: report JSON has no events or training_sessions" \
    [ "$(json '"events" in d or "training_sessions" in d' <"$tmp/base.json")" = False ]
check "base: report text has no events section" bash -c "! '$bin' -C '$repo' --as-of 2026-10-01 report --period end-of-year | grep -q '^Events'"

# Without sessions.csv, roster sessions says so, under no empty header.
pthv roster sessions >"$tmp/out"
check "roster sessions without sessions.csv: says there are none, no header" \
    [ "$(cat "$tmp/out")" = "No sessions.csv: training sessions are not planned in this repo." ]
check "roster sessions -q without sessions.csv: prints nothing" [ -z "$(pthv -q roster sessions)" ]

# ---- Second visits --------------------------------------------------------
pthv roster students --second-due --format csv >"$tmp/out"
check "second-due: ST01 and ST02 (one visit each, nothing scheduled)" \
    [ "$(tail -n +2 "$tmp/out" | cut -d, -f1 | tr '\n' ' ')" = "ST01 ST02 " ]
pthv log-visit --student ST01 --educators T01,T02 --date 2026-11-10 --time 16:30 --minutes 45 \
    --arranged-on 2026-09-30 --focus academics --mode home --status scheduled >/dev/null
pthv log-visit --student ST02 --educators T01,T02 --date 2026-09-28 --time 16:30 --minutes 40 \
    --arranged-on 2026-09-20 --focus academics --mode home --reflected-on 2026-09-29 >/dev/null
pthv roster students --second-due --format csv >"$tmp/out"
check "second-due: neither ST01 (second scheduled) nor ST02 (second done)" [ "$(wc -l <"$tmp/out")" -eq 1 ]
pthv_at 2026-11-20 roster students --second-due --format csv >"$tmp/out"
check "second-due: a second visit scheduled, even overdue, is not due" [ "$(wc -l <"$tmp/out")" -eq 1 ]
pthv report --period end-of-year --format json >"$tmp/r.json"
check "report: second_visit_due = visited - second - scheduled (district)" \
    [ "$(json 'd["second_visit_due"], d["students_visited"] - d["second_visit_students"] - d["second_visit_scheduled"], d["second_visit_scheduled"]' <"$tmp/r.json")" = "0 0 1" ]
check "report: second_visit_due for the site" [ "$(json 'd["sites"][0]["second_visit_due"]' <"$tmp/r.json")" = 0 ]
check "report: first and second visits by month" \
    [ "$(json 'd["first_second_by_month"]["2026-09"]["first"], d["first_second_by_month"]["2026-09"]["second"]' <"$tmp/r.json")" = "2 1" ]
pthv report --period end-of-year >"$tmp/r.txt"
check "report text: second visits by site" has "$tmp/r.txt" "Second visits by site"
check "report text: first and second visits per month" has "$tmp/r.txt" "First and second visits per month"
pthv report --period end-of-year --format md >"$tmp/r.md"
check "report md: first and second visits per month" has "$tmp/r.md" "## First and second visits per month"
pthv report --period end-of-year --format html >"$tmp/r.html"
check "report html: second visits by site" has "$tmp/r.html" "<h2>Second visits by site</h2>"
pthv report --period end-of-year --format csv --table visit_order >"$tmp/r.csv"
check "report csv --table visit_order" [ "$(sed -n '1p;4p' "$tmp/r.csv" | tr '\n' ' ')" = "month,first,second,suppressed 2026-09,2,1, " ]
pthv report --period end-of-year --format csv --table second_visits >"$tmp/r.csv"
check "report csv --table second_visits" [ "$(cat "$tmp/r.csv" | tr '\n' ' ')" = "site_id,name,students_visited,second_visit_students,second_visit_scheduled,second_visit_due,suppressed S01,Cedar Grove Elementary,2,1,1,0, " ]
pthv report --period end-of-year --format csv --table events >"$tmp/out" 2>"$tmp/err"
check "report --table events without events.csv: exit 2" [ $? -eq 2 ]
check "report --table events without events.csv: says why" has "$tmp/err" "--table events: this repo has no events.csv"

# ---- Events ----------------------------------------------------------------
out=$(pthv event add --date 2026-09-17 --kind family_event --site S01 --title "Family night" --dry-run)
check "event add --dry-run shows the row" grep -qF "would add E20260917-1 to events.csv" <<<"$out"
check "event add --dry-run creates no events.csv" [ ! -e "$repo/events.csv" ]
out=$(pthv event add --date 2026-09-17 --kind family_event --site S01 --title "Family night" \
    --attendees 45 --staff T01,T02 --notes "ask about the gym")
check "event add prints the id" [ "$out" = "E20260917-1" ]
check "event add creates events.csv with its header" \
    [ "$(head -1 "$repo/events.csv")" = "event_id,date,site_id,kind,title,attendees,staff_ids,notes" ]
check "event add writes the row" has "$repo/events.csv" "E20260917-1,2026-09-17,S01,family_event,Family night,45,T01;T02,ask about the gym"
out=$(pthv event add --date 2026-09-17 --kind site_visit --site S01 --title "Coordinator visit")
check "event add: the next free number that day" [ "$out" = "E20260917-2" ]
pthv event add --date 2026-09-20 --kind celebration --title "District kickoff" >/dev/null
check "event add: a district-wide event has no site" has "$repo/events.csv" "2026-09-20,,celebration,District kickoff"
refused() { # refused NAME MESSAGE ARGS...
    local name=$1 message=$2; shift 2
    local before; before=$(cat "$repo/events.csv")
    pthv event add "$@" >"$tmp/out" 2>"$tmp/err"
    check "$name: exit 2" [ $? -eq 2 ]
    check "$name: says $message" has "$tmp/err" "$message"
    check "$name: nothing written" [ "$(cat "$repo/events.csv")" = "$before" ]
}
refused "bad date" "--date 2026-13-01: not a date" --date 2026-13-01 --kind other --title x
refused "a date after today" "--date 2026-10-02 is after today (2026-10-01): record an event once it has taken place" \
    --date 2026-10-02 --kind celebration --title "Fall night"
refused "bad kind" "--kind party: not an event kind" --date 2026-10-01 --kind party --title x
refused "empty title" "--title:" --date 2026-10-01 --kind other --title " "
refused "bad attendees" "--attendees many:" --date 2026-10-01 --kind other --title x --attendees many
refused "unknown site" "--site S1: no site has this id; did you mean S01?" --date 2026-10-01 --kind other --title x --site S1
refused "unknown staff" "--staff T04: no staff member has this id; did you mean T01?" --date 2026-10-01 --kind other --title x --staff T01,T04
pthv event >/dev/null 2>"$tmp/err"
check "event without add or list: exit 2, says what to give" has "$tmp/err" "pthv event add ... or pthv event list"
pthv event list >"$tmp/out"
check "event list: three events by date" [ "$(grep -c '^E2026' "$tmp/out")" -eq 3 ]
check "event list: notes are not shown" bash -c "! grep -q gym '$tmp/out'"
pthv event list --site S01 --format csv >"$tmp/out"
check "event list --site --format csv" [ "$(cut -d, -f1 "$tmp/out" | tr '\n' ' ')" = "event_id E20260917-1 E20260917-2 " ]
check "event list --format json" [ "$(pthv event list --format json | json 'len(d), d[0]["kind"]')" = "3 family_event" ]
pthv event list --site S9 >/dev/null 2>"$tmp/err"
check "event list --site unknown: exit 2 naming the option" has "$tmp/err" "--site S9: no site has this id"

# event-missing: only with the events setting, only from events.due on.
printf 'events: {per_site: [site_visit, admin_meeting], district: [celebration, pthv_week], due: 2026-10-15}\n' >>"$repo/pthv.yaml"
pthv validate --strict >"$tmp/out"; check "before events.due: no event-missing" [ $? -eq 0 ]
pthv_at 2026-10-15 validate --rule event-missing >"$tmp/out"
check "from events.due: S01 lacks admin_meeting" has "$tmp/out" "events.csv: warning[event-missing]: site S01 has no admin_meeting event"
check "from events.due: the district lacks pthv_week" has "$tmp/out" "warning[event-missing]: the district has no pthv_week event"
check "one finding per missing kind" [ "$(grep -c 'event-missing' "$tmp/out")" -eq 2 ]
pthv_at 2026-10-15 validate --format json --rule event-missing >"$tmp/out.json"
check "event-missing: line 0, record site or district" \
    [ "$(json '" ".join("%d:%s" % (p["line"], p["record"]) for p in d["problems"])' <"$tmp/out.json")" = "0:S01 0:district" ]
printf 'event_id,date,site_id,kind,title\nE1,2026-10-01,S01,party,x\nE1,2026-10-02,S09,other,\n' >"$tmp/events.csv"
cp "$repo/events.csv" "$tmp/events.keep"; cp "$tmp/events.csv" "$repo/events.csv"
pthv validate >"$tmp/out"
check "events.csv: bad kind named with file and line" has "$tmp/out" "events.csv:2: error[value-invalid]"
check "events.csv: duplicate event_id" has "$tmp/out" "events.csv:3: error[duplicate-key]"
check "events.csv: unknown site" has "$tmp/out" "events.csv:3: error[unknown-ref]: event E1: site_id S09 is not in sites.csv"
check "events.csv: title required" has "$tmp/out" "events.csv:3: error[required-missing]"
cp "$tmp/events.keep" "$repo/events.csv"
printf 'events: {per_site: [party]}\n' >"$tmp/yaml"; cp "$repo/pthv.yaml" "$tmp/yaml.keep"
sed -i '$d' "$repo/pthv.yaml"; cat "$tmp/yaml" >>"$repo/pthv.yaml"
pthv validate >"$tmp/out"
check "events.per_site: a bad kind is config-invalid naming the key" has "$tmp/out" "events.per_site[0]: \"party\" is not an event kind"
cp "$tmp/yaml.keep" "$repo/pthv.yaml"

pthv report --period end-of-year --format json >"$tmp/r.json"
check "report JSON events: district counts per kind" \
    [ "$(json 'd["events"]["family_event"], d["events"]["site_visit"], d["events"]["celebration"]' <"$tmp/r.json")" = "1 1 1" ]
check "report JSON events: per site" [ "$(json 'd["sites"][0]["events"]["family_event"], d["sites"][0]["events"]["celebration"]' <"$tmp/r.json")" = "1 0" ]
pthv report --period end-of-year --format csv --table events >"$tmp/r.csv"
check "report csv --table events: a row per site and district-wide" \
    [ "$(cat "$tmp/r.csv" | tr '\n' ' ')" = "site_id,name,celebration,site_visit,admin_meeting,family_event,pthv_week,other,suppressed S01,Cedar Grove Elementary,0,1,0,1,0,0, ,district-wide,1,0,0,0,0,0, " ]
# A public report shows only periods that have ended: the year's, once it is over.
pthv_at 2027-07-01 report --period end-of-year --public >"$tmp/p.txt"
check "public report of the year, once over: events section with titles" has "$tmp/p.txt" "Family night"
check "public report: no staff ids or notes of events" bash -c "! grep -q 'T01;T02\|gym' '$tmp/p.txt'"
pthv report --period end-of-year >"$tmp/r.txt"
check "internal report: events list with staff" has "$tmp/r.txt" "T01;T02"
check "no report prints event notes" bash -c "! grep -q gym '$tmp/r.txt'"
# Attendees are people: in public, a number under min_cell is "<10" like any
# small count (six families at a celebration could be named); internal
# reports give it.
cp "$repo/events.csv" "$tmp/events.keep"
pthv event add --date 2026-09-25 --kind celebration --site S01 --title "Small night" --attendees 6 >/dev/null
pthv_at 2027-07-01 report --period end-of-year --public >"$tmp/p.txt"
check "public report: attendees under 10 shown as <10" grep -qE "Small night +<10$" "$tmp/p.txt"
check "public report: attendees of 10 or more shown" grep -qE "Family night +45$" "$tmp/p.txt"
pthv_at 2027-07-01 report --period end-of-year --public --format json >"$tmp/p.json"
check "public JSON: attendees under 10 as \"<10\"" \
    [ "$(json '[e["attendees"] for e in d["event_list"] if e["title"] == "Small night"][0]' <"$tmp/p.json")" = "<10" ]
pthv_at 2027-07-01 report --period end-of-year >"$tmp/r.txt"
check "internal report: attendees as written" grep -qE "Small night +6$" "$tmp/r.txt"
cp "$tmp/events.keep" "$repo/events.csv"

# ---- Training sessions -----------------------------------------------------
cat >"$repo/sessions.csv" <<'CSV'
session_id,date,kind,site_id,trainer,capacity,hours,location
INTRO-0810,2026-08-10,intro,S01,District trainer,3,3,Library
REFR-1105,2026-11-05,refresher,,District trainer,2,2.5,Board room
CSV
sed -i 's/,2026-08 intro$/,INTRO-0810/' "$repo/trainings.csv"
pthv validate --strict >"$tmp/out"; check "sessions named by trainings: clean" [ $? -eq 0 ]
out=$(pthv roster train --session REFR-1105 T01 T02)
check "roster train --session: exit 0" [ $? -eq 0 ]
check "roster train --session fills date, kind and hours" has "$repo/trainings.csv" "T01,2026-11-05,refresher,2.5,REFR-1105"
pthv roster train --session REFR-1105 --hours 2 T03 >/dev/null
check "roster train --session: --hours overrides the session's" has "$repo/trainings.csv" "T03,2026-11-05,refresher,2,REFR-1105"
before=$(cat "$repo/trainings.csv")
pthv roster train --session REFR-1105 --hours 24 T04 >/dev/null 2>"$tmp/err"
check "--hours past the session's length: exit 2 saying how long it was" \
    has "$tmp/err" "--hours 24: session REFR-1105 lasts 2.5 hours; a training row pays at most the session's hours"
pthv roster train --session REFR-115 T03 >/dev/null 2>"$tmp/err"
check "unknown session: exit 2 with did you mean" has "$tmp/err" "--session REFR-115: no session of sessions.csv has this id; did you mean REFR-1105?"
pthv roster train --session INTRO-0810 --kind refresher T03 >/dev/null 2>"$tmp/err"
check "--kind not the session's: exit 2 naming the option" has "$tmp/err" "--kind refresher: session INTRO-0810 has kind intro"
pthv roster train --kind intro --hours 3 T03 >/dev/null 2>"$tmp/err"
check "no --date and no session: named" has "$tmp/err" "--date is required"
check "refusals wrote nothing" [ "$(cat "$repo/trainings.csv")" = "$before" ]

pthv roster sessions --format csv >"$tmp/out"
check "roster sessions: attended and seats left" has "$tmp/out" "REFR-1105,2026-11-05,refresher,district,District trainer,2.5,2,3,0,planned,Board room"
check "roster sessions: held before as-of" has "$tmp/out" "INTRO-0810,2026-08-10,intro,S01,District trainer,3,3,3,0,held,Library"
pthv roster sessions --site S9 >/dev/null 2>"$tmp/err"
check "roster sessions --site unknown: exit 2 naming the option" has "$tmp/err" "--site S9: no site has this id"
pthv validate --rule session-over-capacity >"$tmp/out"
check "session-over-capacity on the session's line" has "$tmp/out" "sessions.csv:3: warning[session-over-capacity]: session REFR-1105 has 3 trainings but 2 seats"
pthv report --period end-of-year --format json >"$tmp/r.json"
check "report JSON training_sessions: held and planned" [ "$(json 'd["training_sessions"]["held"], d["training_sessions"]["planned"]' <"$tmp/r.json")" = "1 1" ]
check "report JSON training_sessions: attended and capacity" \
    [ "$(json '[(s["session_id"], s["attended"], s["capacity"]) for s in d["training_sessions"]["sessions"]]' <"$tmp/r.json")" = "[('INTRO-0810', 3, 3), ('REFR-1105', 3, 2)]" ]
pthv report --period end-of-year >"$tmp/r.txt"
check "report text: sessions of the year" has "$tmp/r.txt" "Training sessions of the year, held and planned"
pthv report --period end-of-year --public >"$tmp/p.txt"
check "public report: no trainer names" bash -c "! grep -q 'District trainer' '$tmp/p.txt'"

# Bad trainings and sessions rows: file, line, what is wrong.
printf 'T01,2026-08-11,intro,3,INTRO-0810\nT02,2026-08-12,refresher,1,INTRO-0810\nT03,2026-08-13,intro,1,INTRO-9\n' >>"$repo/trainings.csv"
printf 'BAD,2026-02-30,intro,,x,0,3,\n' >>"$repo/sessions.csv"
pthv validate >"$tmp/out"
check "training date not the session's: value-invalid" has "$tmp/out" "trainings.csv:8: error[value-invalid]: training of T01: date 2026-08-11 is not the date of session INTRO-0810 (2026-08-10)"
check "training kind not the session's: value-invalid" has "$tmp/out" "trainings.csv:9: error[value-invalid]: training of T02: kind refresher is not the kind of session INTRO-0810 (intro)"
check "training naming no session: unknown-ref" has "$tmp/out" "trainings.csv:10: error[unknown-ref]: training of T03: session INTRO-9 is not in sessions.csv"
check "sessions.csv: bad date" has "$tmp/out" "sessions.csv:4: error[value-invalid]"

# A new school year carries the sessions (those to come, and those the
# training history names) but not the events.
cp "$tmp/yaml.keep" "$repo/pthv.yaml"
"$bin" --as-of 2027-06-20 init "$tmp/next" --from "$repo" >/dev/null 2>&1
check "init --from: sessions.csv carried over" cmp -s "$repo/sessions.csv" "$tmp/next/sessions.csv"
check "init --from: events.csv not carried" [ ! -e "$tmp/next/events.csv" ]

finish
