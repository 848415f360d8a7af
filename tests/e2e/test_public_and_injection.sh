#!/usr/bin/env bash
# Public reports that leak nothing, and outputs no cell can inject into:
# money never gives back a suppressed count in any format; control
# characters are escaped in every text output and refused on entry;
# markdown forms no link or image; bad --lock-timeout values, duplicate
# students in a --flags file and a pthv.yaml that is not UTF-8 are refused.
. "$(dirname "$0")/lib.sh" "$1"
pthv=$bin

# A district of three sites: S01 with 20 completed visits, S02 with 15 and
# S03 with 3, each visit by a pair of certificated staff paid 50.00 each
# (100.00 a visit). S03's count is under min_cell (10); its spending,
# 300.00, would give it back.
repo=$tmp/repo
mkdir -p "$repo"
cat >"$repo/pthv.yaml" <<'YAML'
district: Smallville Unified
school_year: {start: 2026-07-01, end: 2027-06-30, mid_year: 2027-01-31}
calendar:
  first_day: 2026-08-19
  last_day: 2027-06-04
  weekdays: [mon, tue, wed, thu, fri]
  school_day: {start: "08:00", end: "15:30"}
  holidays: []
practices: {arrange_lead_days: 1, reflection_within_days: 7, refresher_months: 24}
compensation:
  certificated: {per_visit: 50.00}
  classified: {hourly: 28.00, minimum_minutes: 60}
  training: {certificated_hourly: 40.00, classified_hourly: 28.00}
funding:
  - {source: district, amount: 45000.00}
reports: {min_cell: 10, publish: [mid-year, end-of-year, monthly, 2026-10-01..2026-10-10]}
YAML
printf 'site_id,name,level,status,coordinator_id,visit_goal\nS01,North,elementary,active,,\nS02,South,elementary,active,,\nS03,Tiny,elementary,active,,\n' >"$repo/sites.csv"
{
    echo "staff_id,name,site_id,role,class,opted_in,hourly_rate,active"
    for s in 1 2 3; do
        echo "T${s}1,Teacher ${s}1,S0$s,teacher,certificated,yes,,yes"
        echo "T${s}2,Teacher ${s}2,S0$s,teacher,certificated,yes,,yes"
    done
} >"$repo/staff.csv"
{
    echo "staff_id,date,kind,hours,session"
    for s in 1 2 3; do
        echo "T${s}1,2026-06-10,intro,3,june intro"
        echo "T${s}2,2026-06-10,intro,3,june intro"
    done
} >"$repo/trainings.csv"
echo "student_id,site_id,grade,homeroom_id,name,family_id" >"$repo/students.csv"
echo "visit_id,student_id,site_id,date,start_time,minutes,educators,status,arranged_on,focus,mode,reflected_on,language,notes" >"$repo/visits.csv"
add_site() { # site, visits
    local s=$1 n=$2 i
    for i in $(seq 1 "$n"); do
        local st=ST$s$(printf %02d "$i")
        echo "$st,S0$s,3,T${s}1,,F$st" >>"$repo/students.csv"
        # One visit a day at 16:30, after school: each is its own visit event.
        local day=2026-10-$(printf %02d "$i")
        echo "V$st,$st,S0$s,$day,16:30,45,T${s}1;T${s}2,completed,2026-09-01,hopes_and_dreams,home,$day,en," >>"$repo/visits.csv"
    done
}
add_site 1 20
add_site 2 15
add_site 3 3
run() { "$pthv" -C "$repo" --as-of 2026-12-01 "$@"; }
# A public report shows only whole periods of reports.publish that have
# ended: on 2026-12-01 the year (and the half year) still runs and would
# show July's figures, before any visit. The year's public reports are read
# once it has ended.
year_over=2027-07-01
pub() { "$pthv" -C "$repo" --as-of $year_over "$@"; }

run report --period end-of-year --format csv --table site_money -o "$tmp/internal.csv"
check "internal: S03 spent 300.00 (3 visits x 2 x 50.00)" grep -q '^S03,district,300.00,$' "$tmp/internal.csv"

# Amounts that would give S03's three visits back: its own spending, one
# educator's share, and any per-visit multiple up to min_cell visits.
leaks='(^|[^0-9.,])(300\.00|150\.00|100\.00|200\.00|50\.00|[1-9]00\.00)([^0-9]|$)'
# Every public format; csv: every public table, one after another.
tables="headline sites fidelity training training_sessions money site_money months modes languages top_sites declines"
public_outputs() { # label [ARGS...]
    local label=$1 fmt t
    shift
    for fmt in text md html json; do
        pub report --period end-of-year --public "$@" --format "$fmt" -o "$tmp/$label.$fmt"
    done
    : >"$tmp/$label.csv"
    for t in $tables; do
        pub report --period end-of-year --public "$@" --format csv --table "$t" >>"$tmp/$label.csv"
    done
}
no_leak() { # label
    for fmt in text md html csv json; do
        check "$1 $fmt: no amount gives back S03's count" bash -c "! grep -E -q '$leaks' '$tmp/$1.$fmt'"
    done
    check "$1 json: S03's count is suppressed, no site's money beside it" python3 -c "
import json
d = json.load(open('$tmp/$1.json'))
s3 = [s for s in d['sites'] if s['site_id'] == 'S03'][0]
assert s3['completed_visits'] == '<10', s3['completed_visits']
assert all(r['site_id'] not in ('S03', 'S02') for r in d['site_money']), d['site_money']
"
    check "$1 csv: S03's visits an empty cell marked suppressed" grep -q '^S03,Tiny,,.*,completed_visits;' "$tmp/$1.csv"
}

public_outputs one-source
no_leak one-source
# The year is posted after 2026-10-01..10, which showed S02's 10 visits:
# S01's 20 would now leave S03's 3 narrowed (38 - 20 - S02's 10 or more),
# so every site's visits are withheld at the year and all three folded.
check "one source: at the year S01, S02 and S03 folded into one line of 38 visits" \
    grep -qx 'other,district,3800.00,' "$tmp/one-source.csv"
check "one source: no site's own spending at the year" python3 -c "
import json; m = json.load(open('$tmp/one-source.json'))['site_money']
assert [(r['site_id'], r['spent'], r['other_sites']) for r in m] == [(None, '3800.00', 3)], m"
check "one source: the text names how many sites are folded" grep -q 'other (3 sites)' "$tmp/one-source.text"
# In 2026-10-01..10 S02's 10 visits are shown: its spending keeps its own
# line, and S01 (withheld beside S03) and S03 are folded.
pub report --period 2026-10-01..2026-10-10 --public --format csv --table site_money -o "$tmp/ten-days.csv"
pub report --period 2026-10-01..2026-10-10 --public -o "$tmp/ten-days.text"
check "one source, 2026-10-01..10: S02 shown, S01 and S03 folded into one line of 13 visits" \
    bash -c "grep -qx 'S02,district,1000.00,' '$tmp/ten-days.csv' && grep -qx 'other,district,1300.00,' '$tmp/ten-days.csv' && [ \$(wc -l <'$tmp/ten-days.csv') -eq 3 ] && grep -q 'other (2 sites)' '$tmp/ten-days.text'"
# HTML never draws a hidden figure, and draws a public bound as what it
# says: every fidelity share here is a bound (fewer than 10 visits fall
# short), so its bars stand at the bound, labelled >=; a hidden coverage
# has no bar.
check "html public: the fidelity chart is drawn at its bounds, not withheld whole" python3 -c "
import re
h = open('$tmp/one-source.html').read()
fig = re.search(r'<figcaption>Fidelity[^<]*</figcaption>.*?</figure>', h, re.S).group(0)
assert 'Not drawn' not in fig, fig
svg = re.search(r'<svg[^>]*aria-label=\"Fidelity[^\"]*\".*?</svg>', h, re.S).group(0)
assert svg.count('class=\"bar\"') == 5 and svg.count('&gt;=') == 5, svg
"
check "html public: a coverage bar for each coverage shown, none for one hidden" python3 -c "
import re
h = open('$tmp/one-source.html').read()
svg = re.search(r'<svg[^>]*aria-label=\"Coverage of enrolment by site\".*?</svg>', h, re.S).group(0)
values = re.findall(r'class=\"rval\">([^<]*)<', svg)
assert len(values) == 3 and '*' in values, values
assert svg.count('class=\"bar\"') == sum(v.endswith('%') and not v.startswith('&') for v in values), svg
"
# Where some coverage is shown and some hidden (the example's July: S02
# has fewer than 10 visits), a bar only where the coverage is shown.
cp -r "$src/examples" "$tmp/example"
"$pthv" -C "$tmp/example" --as-of 2026-07-01 report --period 2025-07 --public --format html -o "$tmp/july.html"
check "html public: a coverage bar only where the coverage is shown" python3 -c "
import re
h = open('$tmp/july.html').read()
svg = re.search(r'<svg[^>]*aria-label=\"Coverage of enrolment by site\".*?</svg>', h, re.S).group(0)
bars, hidden = svg.count('class=\"bar\"'), svg.count('class=\"rval\">*<')
assert bars + hidden == 5 and hidden >= 1 and bars >= 1, svg
"
check "text says what other means" grep -q 'other: the sites with fewer than 10 visits' "$tmp/one-source.text"

# A source that pays for S03 alone would give it back whole.
sed -i 's/^  - {source: district, amount: 45000.00}/  - {source: title-1, amount: 5000.00, sites: [S03]}\n  - {source: district, amount: 45000.00}/' "$repo/pthv.yaml"
public_outputs two-sources
no_leak two-sources
check "a source paying only a small site: spending withheld, budget shown" \
    grep -qE '^title-1,5000.00,,,,20[0-9-]{8},20[0-9-]{8},,,paid_closed;owed_open;left;committed_scheduled;left_after_scheduled$' "$tmp/two-sources.csv"
check "json: the withheld source's figures are null" python3 -c "
import json
m = [r for r in json.load(open('$tmp/two-sources.json'))['money'] if r['source'] == 'title-1'][0]
assert m['paid_closed'] is None and m['owed_open'] is None and m['left'] is None, m"
check "4,700.00 left of 5,000.00 is not printed" bash -c "! grep -q '4,700.00\|4700.00' $tmp/two-sources.*"

# One site's public report follows the district's folding: S02's spending
# (folded in the district report) is not printed, so the two cannot be
# subtracted.
sed -i '/title-1/d' "$repo/pthv.yaml"
public_outputs site --site S02
# The district's public report withholds S02's visits beside S03's <10
# (else 38 - 20 - 15 gives S03's 3); S02's own report must not print them.
check "--site S02 json: S02's visits withheld as in the district report" python3 -c "
import json
d = json.load(open('$tmp/site.json'))
assert d['completed_visits'] is None, d['completed_visits']
assert all(s['completed_visits'] is None for s in d['sites']), d['sites']
"
check "--site S02 text: no 15 among the headline figures" bash -c "! grep -E -q '^  completed visits +15$' '$tmp/site.text'"
for fmt in text md html csv json; do
    check "--site S02 $fmt: no 1,500.00 (S02's own spending)" bash -c "! grep -E -q '1,?500\.00' '$tmp/site.$fmt'"
done

# The census row of a small site: every count of people and visits below
# min_cell, and the share built on them, suppressed in every format.
for fmt in text csv json; do
    pub report --table census --public --site S03 --format "$fmt" -o "$tmp/census.$fmt"
    check "public census $fmt: neither 3 (visits, students) nor 2 (staff) printed" \
        bash -c "! grep -E -q '(^|[^0-9-])[23]([^0-9]|\$)' <(sed 's/2026-27//' '$tmp/census.$fmt')"
done
check "public census csv: the row, hidden cells empty and named" grep -qx \
    '2026-27,1,,,,,,,completed_visits;students_visited;families_reached;staff_visiting;staff_trained_new;virtual_pct' "$tmp/census.csv"
check "public census json: counts shown as <10, the virtual share hidden" python3 -c "
import json
c = json.load(open('$tmp/census.json'))
for k in ('completed_visits', 'students_visited', 'families_reached', 'staff_visiting', 'staff_trained_new'):
    assert c[k] == '<10', (k, c[k])
assert c['virtual_pct'] is None, c['virtual_pct']"

# Attendance in public: in 2026-10-01..10, S01 has 10 visited and 10 not,
# S02 10 and 5, S03 3 and 0. Every count under min_cell is hidden, and
# the rates and differences built on them.
{
    echo "student_id,days_enrolled,days_absent"
    for st in $(tail -n +2 "$repo/students.csv" | cut -d, -f1); do
        case $st in ST10[1-4]|ST20[1-3]|ST301) echo "$st,100,20" ;; *) echo "$st,100,2" ;; esac
    done
} >"$tmp/attendance.csv"
for fmt in text md html csv json; do
    table=(); [ "$fmt" = csv ] && table=(--table attendance)
    run report --period 2026-10-01..2026-10-10 --public --attendance "$tmp/attendance.csv" --format "$fmt" "${table[@]}" -o "$tmp/att.$fmt"
    check "public attendance $fmt: written" test -s "$tmp/att.$fmt"
done
check "public attendance json: small counts hidden, with what is built on them" python3 -c "
import json
d = json.load(open('$tmp/att.json'))
s = {x['site_id']: x['attendance'] for x in d['sites']}
assert s['S03']['visited']['students'] == '<10' and s['S03']['visited']['rate_pct'] is None, s['S03']
assert s['S03']['difference_pp'] is None and s['S03']['ci95_pp'] is None, s['S03']
assert s['S02']['not_visited']['students'] == '<10' and s['S02']['difference_pp'] is None, s['S02']
for k in ('S01', 'S02', 'S03'):
    for g in ('visited', 'not_visited'):
        c = s[k][g]['chronic']
        assert c is None or isinstance(c, str), (k, g, c)
# S03's 3 visited students cannot be worked back: S01's or S02's visited count is withheld too.
assert None in (s['S01']['visited']['students'], s['S02']['visited']['students']), s
assert d['attendance']['visited']['students'] == 23 and d['attendance']['not_visited']['students'] == 15, d['attendance']"
check "public attendance csv: S03's row shows no count" grep -qx \
    "S03,Tiny,,,,,,,,,,visited_students;visited_chronic;visited_rate_pct;not_visited_students;not_visited_chronic;not_visited_rate_pct;difference_pp;ci95_low_pp;ci95_high_pp" "$tmp/att.csv"

# A public roll-up of this district and a tiny one (S03's 3 visits only):
# the tiny district's small counts are hidden, the other's shown as its own
# public report shows them, and the state total leaves the tiny one out
# rather than give its count back.
cp -r "$repo" "$tmp/tiny"
sed -i 's/^district: .*/district: Tiny Unified/' "$tmp/tiny/pthv.yaml"
{ head -1 "$repo/visits.csv"; grep ',S03,' "$repo/visits.csv"; } >"$tmp/tiny/visits.csv"
for fmt in text md html csv json; do
    "$pthv" --as-of $year_over rollup "$repo" "$tmp/tiny" --public --format "$fmt" -o "$tmp/rollup.$fmt"
    check "public rollup $fmt: no staff name" bash -c "! grep -qE 'Teacher [0-9]' '$tmp/rollup.$fmt'"
done
check "public rollup json: the tiny district's counts hidden and left out of the total" python3 -c "
import json
u = json.load(open('$tmp/rollup.json'))
big, tiny = u['districts']
assert tiny['completed_visits'] == '<10' and tiny['students_visited'] == '<10', tiny
assert tiny['coverage_pct'] is None and tiny['staff_visiting'] == '<10', tiny
assert big['completed_visits'] == 38 and big['students_visited'] == 38, big
assert u['total']['completed_visits'] == 38 and u['total_left_out']['completed_visits'] == 1, u"
check "public rollup csv: the tiny district's row shows no 3" bash -c "! grep '^Tiny Unified' '$tmp/rollup.csv' | grep -qE ',3(,|$)'"

# ----- numbers stay numbers in CSV -----
# The spreadsheet guard (a ' before = + - @) is for text: an overspent
# budget's "left" is written -NNNN.NN so pandas and spreadsheets read a
# number, while a name that begins with - keeps its guard.
num=$tmp/num
cp -r "$repo" "$num"
sed -i 's/{source: district, amount: 45000.00}/{source: district, amount: 100.00}/' "$num/pthv.yaml"
sed -i 's/^S01,North,/S01,-North,/' "$num/sites.csv"
sed -i 's/^T11,Teacher 11,/T11,-Teacher 11,/' "$num/staff.csv"
"$pthv" -C "$num" --as-of 2026-12-01 report --period end-of-year --format csv --table money -o "$tmp/num-money.csv"
"$pthv" -C "$num" --as-of 2026-12-01 report --period end-of-year --format csv --table sites -o "$tmp/num-sites.csv"
"$pthv" -C "$num" --as-of 2026-12-01 payroll --from 2026-07-01 --to 2026-12-01 --format csv -o "$tmp/num-pay.csv"
check "csv: an amount below zero is a number, a name beginning with - is guarded" python3 - "$tmp" <<'PY'
import csv, os, sys
t = sys.argv[1]
read = lambda f: list(csv.DictReader(open(os.path.join(t, f), encoding="utf-8")))
money = read("num-money.csv")[0]
assert money["source"] == "district" and money["left"].startswith("-"), money
assert float(money["left"]) < 0, money
sites = {r["site_id"]: r for r in read("num-sites.csv")}
assert sites["S01"]["name"] == "'-North", sites["S01"]
assert all(float(r["completed_visits"]) >= 0 for r in sites.values() if r["completed_visits"])
pay = read("num-pay.csv")
assert any(r["staff_name"] == "'-Teacher 11" for r in pay), [r["staff_name"] for r in pay][:3]
for r in pay:
    for key in ("minutes", "rate", "amount"):
        assert r[key] == "" or float(r[key]) >= 0, (key, r[key])
print(" left:", money["left"])
PY

# ----- bare addresses in markdown -----
# GitHub links a bare https://..., www.... or name@host in a .md file with
# no markup at all: a site or staff name in the report must not become one.
url=$tmp/url
cp -r "$repo" "$url"
sed -i 's|^S01,North,|S01,https://evil.example/x (www.evil.example),|' "$url/sites.csv"
sed -i 's|^T11,Teacher 11,|T11,Pat mailto:pat@evil.example WWW.Evil.example,|' "$url/staff.csv"
"$pthv" -C "$url" --as-of 2026-12-01 report --period end-of-year --format md -o "$tmp/url.md"
"$pthv" -C "$url" --as-of 2026-12-01 rollup "$url" --period end-of-year --format md -o "$tmp/url-rollup.md"
sed -i 's|^district: .*|district: See https://evil.example or write to a@evil.example|' "$url/pthv.yaml"
"$pthv" -C "$url" --as-of 2026-12-01 rollup "$url" --period end-of-year --format md >>"$tmp/url-rollup.md"
check "md: no bare address GitHub would link, in the report or the roll-up" python3 - "$tmp/url.md" "$tmp/url-rollup.md" <<'PY'
import re, sys
report, rollup = (open(f, encoding="utf-8").read() for f in sys.argv[1:])
for text in (report, rollup):
    for shape in (r"[a-z]://", r"www\.", r"[a-z0-9._+-]@"):
        found = re.search(shape, text, re.I)
        assert not found, (shape, text[max(0, found.start() - 40):found.end() + 40])
# Shown as written: only an invisible word joiner (U+2060) was added.
report, rollup = (t.replace("\u2060", "") for t in (report, rollup))
assert "https://evil.example/x \\(www.evil.example\\)" in report, "site name"
assert "Pat mailto:pat@evil.example WWW.Evil.example" in report, "staff name"
assert "See https://evil.example or write to a@evil.example" in rollup, "district name"
PY

# ----- control characters -----
esc=$'\x1b'
printf 'T11,Evil\x1b[2J\x1b]0;pwned\x07 Name\r,S01,teacher,certificated,yes,,yes\n' >"$tmp/evil_staff"
sed -i "s/^T11,Teacher 11,.*/$(sed 's/[&/\]/\\&/g' "$tmp/evil_staff")/" "$repo/staff.csv"
sed -i "s/^S02,South,/S02,[x](javascript:alert(1)) ![t](http:\/\/track\/p.png) \`c\` Sou${esc}[31mth,/" "$repo/sites.csv"
sed -i "0,/,en,$/s//,es${esc}[5m,/" "$repo/visits.csv"
# Students' names, and a flag column's name (the targeting check prints it).
sed -i "1s/\$/,flag_att${esc}[8mx/; 2,\$s/\$/,no/; 2,5s/,no\$/,yes/" "$repo/students.csv"
sed -i "s/^ST101,S01,3,T11,,/ST101,S01,3,T11,Kid${esc}[7m One,/; s/^ST201,S02,3,T21,,/ST201,S02,3,T21,Kid${esc}[7m Two,/" "$repo/students.csv"
check "the fixture holds ESC in names, a site, a language and a flag" bash -c "grep -q \$'\\x1b' '$repo/staff.csv' && grep -q \$'\\x1b' '$repo/sites.csv' && grep -q \$'\\x1b' '$repo/visits.csv' && test \$(grep -c \$'\\x1b' '$repo/students.csv') -eq 3"
raw() { LC_ALL=C grep -q -P '[\x00-\x09\x0b-\x1f\x7f]|\xc2[\x80-\x9f]' "$1"; }
for fmt in text md html csv; do
    if [ "$fmt" = csv ]; then
        for t in $tables educators; do run report --period end-of-year --format csv --table "$t"; done >"$tmp/inj.csv"
    else
        run report --period end-of-year --format "$fmt" -o "$tmp/inj.$fmt"
    fi
    check "report $fmt: no raw control character" bash -c "$(declare -f raw); ! raw '$tmp/inj.$fmt'"
done
check "report text: ESC shown as \\x1B" grep -q -F 'Sou\x1B[31mth' "$tmp/inj.text"
check "report text: the language cell escaped" grep -q -F 'es\x1B[5m' "$tmp/inj.text"
check "report md: no link, image or code forms" bash -c "! grep -q -F '](' '$tmp/inj.md' && ! grep -q -F '![' '$tmp/inj.md' && grep -q -F '\\[x\\]\\(javascript:alert\\(1\\)\\)' '$tmp/inj.md' && grep -q -F '\\\`c\\\`' '$tmp/inj.md'"
run roster -o "$tmp/roster.text"
check "roster: no raw control character" bash -c "$(declare -f raw); ! raw '$tmp/roster.text'"
check "roster: the name shown with \\xNN" grep -q -F 'Evil\x1B[2J\x1B]0;pwned\x07 Name\x0D' "$tmp/roster.text"
run roster student ST101 >"$tmp/student.text"
check "roster student: no raw control character" bash -c "$(declare -f raw); ! raw '$tmp/student.text'"
run roster students --site S02 >"$tmp/students.text"
check "roster students: no raw control character" bash -c "$(declare -f raw); ! raw '$tmp/students.text'"
run check-targeting --by site >"$tmp/targeting.text"
check "check-targeting text: no raw control character" bash -c "$(declare -f raw); ! raw '$tmp/targeting.text'"
run payroll --from 2026-07-01 --to 2026-12-01 >"$tmp/payroll.text"
check "payroll text: no raw control character" bash -c "$(declare -f raw); ! raw '$tmp/payroll.text'"
check "payroll text: the name shown with \\xNN" grep -q -F 'Evil\x1B[2J' "$tmp/payroll.text"

# Refused on entry: exit 2, naming the option or file:line, nothing written.
cp "$repo/visits.csv" "$tmp/visits.before"
cp "$repo/staff.csv" "$tmp/staff.before"
run log-visit --student ST101 --educators T11,T12 --date 2026-10-03 --time 10:00 --minutes 45 \
    --arranged-on 2026-09-20 --focus academics --mode home --notes $'call back\x1b[8m' 2>"$tmp/err"
check "log-visit --notes with ESC exits 2" test $? -eq 2
check "the message names --notes" grep -q -- '--notes' "$tmp/err"
check "the message has no raw ESC" bash -c "! grep -q \$'\\x1b' '$tmp/err'"
run log-visit --student ST101 --educators T11,T12 --date 2026-10-03 --language $'es\x08' 2>"$tmp/err"
check "log-visit --language with a backspace exits 2 naming it" bash -c "test $? -eq 2 && grep -q -- '--language' '$tmp/err'"
run log-visit --student ST101 --educators T11,T12 --date 2026-10-03 --notes $'a\xc2\x9bb' 2>/dev/null
check "log-visit --notes with a C1 control exits 2" test $? -eq 2
run roster add --id T99 --name $'Bad\bName' --site S01 --role teacher --class certificated --opted-in yes 2>"$tmp/err"
check "roster add --name with backspace exits 2 naming it" bash -c "test $? -eq 2 && grep -q -- '--name' '$tmp/err'"
run roster set T12 --role $'teacher\x7f' 2>"$tmp/err"
check "roster set --role with DEL exits 2 naming it" bash -c "test $? -eq 2 && grep -q -- '--role' '$tmp/err'"
printf 'student_id,date,start_time,minutes,educators,arranged_on,focus,mode,notes\nST101,2026-10-04,10:00,45,T11;T12,2026-09-20,academics,home,"two\nlines ok"\nST102,2026-10-04,10:00,45,T11;T12,2026-09-20,academics,home,bad\x1b[2J\n' >"$tmp/export.csv"
run log-visit --import "$tmp/export.csv" 2>"$tmp/err"
check "an import with ESC in a cell exits 2" test $? -eq 2
check "the import names file:line of the bad cell" grep -q "export.csv:4: error\[value-invalid\]: notes" "$tmp/err"
check "a line break in a quoted cell is not refused" bash -c "! grep -q 'export.csv:2:' '$tmp/err'"
check "visits.csv is unchanged" cmp "$tmp/visits.before" "$repo/visits.csv"
check "staff.csv is unchanged" cmp "$tmp/staff.before" "$repo/staff.csv"

# ----- --lock-timeout -----
scheduled=(log-visit --student ST101 --educators T11,T12 --date 2026-12-10 --status scheduled --arranged-on 2026-11-20 --dry-run)
for bad in nan inf -1 1e9 -inf; do
    run "${scheduled[@]}" --lock-timeout "$bad" 2>"$tmp/err"
    check "--lock-timeout $bad exits 2 naming the option" bash -c "test $? -eq 2 && grep -q -- '--lock-timeout' '$tmp/err'"
done
run "${scheduled[@]}" --lock-timeout 2.5 >/dev/null 2>&1
check "--lock-timeout 2.5 is accepted" test $? -eq 0

# ----- duplicate students in --flags -----
printf 'student_id,flag_attendance\nST101,yes\nST102,no\nST101,no\n' >"$tmp/flags.csv"
run check-targeting --flags "$tmp/flags.csv" >"$tmp/out" 2>"$tmp/err"
check "check-targeting: conflicting flags for one student exit 2" test $? -eq 2
check "the duplicate is named with file:line and the first line" \
    grep -q "flags.csv:4: error\[duplicate-key\]: student_id ST101 appears again (first on line 2) with other flags: flag_attendance yes there, no here" "$tmp/err"
run validate --flags "$tmp/flags.csv" >"$tmp/out" 2>&1
check "validate --flags lists the duplicate" grep -q 'flags.csv:4: error\[duplicate-key\]' "$tmp/out"

# ----- pthv.yaml not UTF-8 -----
sed -i 's/^district: Smallville Unified/district: Smallville \xe9t\xe9/' "$repo/pthv.yaml"
run validate >"$tmp/out" 2>&1
check "validate: config-invalid at the district's line" grep -q 'pthv.yaml:1: error\[config-invalid\]: not UTF-8 (invalid byte 0xE9 at column 22)' "$tmp/out"
run report --period end-of-year --format html -o "$tmp/bad.html" 2>/dev/null
check "report html: nothing written as invalid UTF-8" bash -c "test ! -e '$tmp/bad.html' || iconv -f UTF-8 -t UTF-8 '$tmp/bad.html' >/dev/null"

finish
