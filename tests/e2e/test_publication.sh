# Nothing a public report hides comes back by subtraction: the routes a
# reader holding every public report of the year would try, on the example
# district and on one with a school of 3 visits planted in it. (The audit,
# tests/e2e/test_audit.sh, proves the general case by linear programming;
# these are the concrete subtractions, each of which worked before the
# publication set decided suppression for all reports together.)
. "$(dirname "$0")/lib.sh" "$1"

asof=2026-05-15
# The routes of the year are read once every period of it has ended: by
# 2026-05-15 end-of-year still shows mid-year's figures.
after=2026-07-01
example=$tmp/example
cp -r "$src/examples" "$example"

# The planted district: school S07 with five students, three of them
# visited once in October.
planted=$tmp/planted
cp -r "$src/examples" "$planted"
echo "S07,Tiny Academy,elementary,active,,10" >>"$planted/sites.csv"
for i in 1 2 3 4 5; do echo "ST990$i,S07,3,T001,Planted Student $i,F990$i,es,no,no,no" >>"$planted/students.csv"; done
for i in 1 2 3; do
    echo "V2025101$i-ST990$i,ST990$i,S07,2025-10-1$i,17:00,45,T001;T002,completed,2025-10-01,hopes_and_dreams,home,2025-10-1$i,es,,,,,,2025-10-1$i" >>"$planted/visits.csv"
done

reports() { # repo: every public JSON the routes below read
    local repo=$1 out=$2
    mkdir -p "$out"
    local sites
    sites=$(tail -n +2 "$repo/sites.csv" | awk -F, '$4 == "active" {print $1}')
    for p in end-of-year mid-year 2025-10 2026-03; do
        "$bin" -C "$repo" --as-of $after report --period $p --public --format json -o "$out/$p.json" || return 1
        for s in $sites; do
            "$bin" -C "$repo" --as-of $after report --period $p --public --site "$s" --format json -o "$out/$p-$s.json" || return 1
        done
    done
    for fmt in text md html csv; do
        t=(); [ $fmt = csv ] && t=(--table sites)
        "$bin" -C "$repo" --as-of $after report --period end-of-year --public --format $fmt "${t[@]}" -o "$out/eoy.$fmt" || return 1
    done
}

attack() { # folder of reports, min_cell
python3 - "$1" "$2" <<'PY'
import glob, json, os, sys
folder, n = sys.argv[1], int(sys.argv[2])
def load(name):
    return json.load(open(os.path.join(folder, name + ".json")))
def shown(v): return isinstance(v, int) and not isinstance(v, bool)
leaks = []
def parts(route, total, values):
    # A total shown beside its parts: one hidden part is the total less the
    # others; several hidden parts share what is left, and none may be
    # narrowed below n - 1 by it.
    if not shown(total): return
    hidden = [k for k, v in values.items() if not shown(v)]
    rest = total - sum(v for v in values.values() if shown(v))
    if len(hidden) == 1 and 0 < rest < n:
        leaks.append(f"{route}: {hidden[0]} = {rest}")
    elif hidden and 0 < rest < n - 1:
        leaks.append(f"{route}: {hidden} share {rest}, each at most {rest}")
def diff(route, whole, part):
    if shown(whole) and shown(part) and 0 < whole - part < n:
        leaks.append(f"{route}: {whole} - {part} = {whole - part}")

sites_of = lambda d: {s["site_id"]: s for s in d["sites"]}
periods = ["end-of-year", "mid-year", "2025-10", "2026-03"]
site_ids = sorted({f.split("-")[-1][:-5] for f in glob.glob(os.path.join(folder, "end-of-year-S*.json"))})
for p in periods:
    d = load(p)
    s = sites_of(d)
    # 1. Within one report: the sites table, and the same figure in other tables.
    for key in ("completed_visits", "students_visited", "students_enrolled", "families_reached",
                "second_visit_students", "declined", "participating_educators"):
        if key not in d:  # not given in this period's public report (a month's educators)
            assert all(key not in row for row in s.values()), (p, key)
            continue
        vals = {}
        for sid, row in s.items():
            v = row[key]
            if not shown(v) and key == "completed_visits":  # the fidelity table repeats it
                f = (row.get("fidelity") or {}).get("visits")
                if shown(f): v = f
            vals[sid] = v
        parts(f"{p} {key} by site", d[key], vals)
    # Students visited: second visit, one scheduled, one due (a school's
    # split is not given: what it leaves is the visited less the second).
    for sid, row in list(s.items()) + [("district", d)]:
        split = ("second_visit_scheduled", "second_visit_due")
        if sid != "district":
            assert not any(k in row for k in split), f"{p} {sid}: a school's second-visit split is given"
            diff(f"{p} {sid} visited less second", row["students_visited"], row["second_visit_students"])
            continue
        parts(f"{p} {sid} second visits", row["students_visited"],
              {k: row[k] for k in ("second_visit_students",) + split})
    # 2. The district less its sites' own reports.
    own = {sid: load(f"{p}-{sid}") for sid in site_ids}
    for table in ("months", "languages", "modes"):
        for key, total in (d.get(table) or {}).items():
            parts(f"{p} {table} {key}: district less the sites' reports", total,
                  {sid: (r.get(table) or {}).get(key, 0) for sid, r in own.items()})
    for sid, r in own.items():  # a site's own report and the district's row of it agree
        for key in ("completed_visits", "students_visited", "declined"):
            a, b = r[key], s[sid][key]
            if shown(a) != shown(b) or (shown(a) and a != b):
                leaks.append(f"{p} {sid} {key}: its own report says {a}, the district's {b}")
    # 6. Surveys: answered and the favourable share give the rest.
    for row in [d] + list(s.values()):
        sv = row.get("surveys") or {}
        for q, a in (sv.get("questions") or {}).items():
            if shown(a.get("answered")) and isinstance(a.get("favourable_pct"), (int, float)):
                rest = round(a["answered"] * (100 - a["favourable_pct"]) / 100)
                if 0 < rest < n:
                    leaks.append(f"{p} {row.get('site_id') or 'district'} survey {q}: {rest} not favourable")
            bound = a.get("favourable_pct")
            if shown(a.get("answered")) and isinstance(bound, str) and bound.startswith(">="):
                # A bound on the share says no more than "<n" of the rest.
                most = int(a["answered"] * (100 - float(bound[2:])) / 100 + 1e-9)
                if most < n - 1:
                    leaks.append(f"{p} {row.get('site_id') or 'district'} survey {q}: {bound} says at most {most} not favourable")
# 5. Periods: the year less mid-year, mid-year less a month.
for whole, part in (("end-of-year", "mid-year"), ("mid-year", "2025-10"), ("end-of-year", "2026-03")):
    for key in ("completed_visits", "declined", "students_visited", "families_reached"):
        diff(f"{whole} less {part}: {key}", load(whole)[key], load(part)[key])
        for sid in site_ids:
            diff(f"{whole} less {part}: {sid} {key}", sites_of(load(whole))[sid][key], sites_of(load(part))[sid][key])
for l in leaks: print("  leak:", l)
sys.exit(1 if leaks else 0)
PY
}

reports "$example" "$tmp/ex" || echo "FAIL: example reports"
check "example district: no hidden count comes back by any route" attack "$tmp/ex" 10
reports "$planted" "$tmp/pl" || echo "FAIL: planted reports"
check "planted school of 3 visits: no hidden count comes back by any route" attack "$tmp/pl" 10
check "the planted school's 3 visits are shown as <10 in its own report and the district's" python3 -c "
import json
d = json.load(open('$tmp/pl/end-of-year.json')); s = {x['site_id']: x for x in d['sites']}
o = json.load(open('$tmp/pl/end-of-year-S07.json'))
assert s['S07']['completed_visits'] == '<10' and o['completed_visits'] == '<10', (s['S07'], o['completed_visits'])"
for fmt in text md html csv; do
    check "$fmt: the planted school's 3 is never printed" bash -c "! grep -E 'S07|Tiny Academy' '$tmp/pl/eoy.$fmt' | grep -qE '(^|[ ,|>])3([ ,|<]|$)'"
done
check "every format says what <10 means, zero included" bash -c "grep -q 'zero included' '$tmp/pl/eoy.text' && grep -q 'zero included' '$tmp/pl/eoy.md' && grep -q 'zero included' '$tmp/pl/eoy.html'"

# The audit agrees on the planted district.
"$bin" -C "$planted" --as-of $asof report --audit >"$tmp/audit.txt"
check_eval "planted district: the audit passes" '[ $? -eq 0 ]'

# 3. Attendance: the students enrolled less those not visited are the
# visited ones; the outcome table is protected with everything else taken
# as published, and changes nothing else.
python3 "$src/examples/make_attendance.py" >"$tmp/att.csv" 2>/dev/null || python3 "$src/examples/make_attendance.py" "$tmp/att.csv"
"$bin" -C "$planted" --as-of $after report --period end-of-year --public --attendance "$tmp/att.csv" --format json >"$tmp/att.json"
check "attendance: enrolled less not visited never gives a hidden visited count; nothing else changes" python3 - "$tmp/att.json" "$tmp/pl/end-of-year.json" <<'PY'
import json, sys
d, plain = (json.load(open(f)) for f in sys.argv[1:])
shown = lambda v: isinstance(v, int) and not isinstance(v, bool)
for row in [d] + d["sites"]:
    a = row["attendance"]
    v, o = a["visited"]["students"], a["not_visited"]["students"]
    if not shown(v):
        assert not (shown(o) and shown(row["students_enrolled"]) and 0 < row["students_enrolled"] - o < 10), row.get("site_id")
    for g in ("visited", "not_visited"):
        s_, c = a[g]["students"], a[g]["chronic"]
        assert not (shown(s_) and shown(c) and 0 < s_ - c < 10), (row.get("site_id"), g)
for s in d["sites"]: s.pop("attendance")
d.pop("attendance")
for x in d.get("subgroups", []): x.pop("attendance", None)  # the comparison within each subgroup
for k in plain:
    if k != "attendance": assert d[k] == plain[k], k
PY
"$bin" -C "$planted" --as-of $asof report --audit --attendance "$tmp/att.csv" >/dev/null
check_eval "planted district with attendance: the audit passes" '[ $? -eq 0 ]'

# A public report of a period not listed, or of a month not over, is refused.
"$bin" -C "$example" --as-of $asof report --period 2026-02-01..2026-03-15 --public >/dev/null 2>"$tmp/e1"
check_eval "a period reports.publish does not list: exit 2, naming the setting" '[ $? -eq 2 ] && grep -q "reports.publish" "$tmp/e1"'
"$bin" -C "$example" --as-of $asof report --period 2026-05 --public >/dev/null 2>"$tmp/e2"
check_eval "a month not over: exit 2" '[ $? -eq 2 ] && grep -q "ended yet" "$tmp/e2"'
# A period still running shows the longest listed period that begins with
# it and has ended, and says so; with none ended it is refused.
"$bin" -C "$example" --as-of $asof report --period end-of-year --public >"$tmp/eoy-running.txt"
check "a running end-of-year shows mid-year's figures, and says so" \
    grep -q "end-of-year runs to 2026-06-30 and has not ended: until it does, this report shows the figures of mid-year (2025-07-01..2026-01-31)" "$tmp/eoy-running.txt"
"$bin" -C "$example" --as-of $asof report --period end-of-year --public --format json >"$tmp/eoy-running.json"
"$bin" -C "$example" --as-of $asof report --period mid-year --public --format json >"$tmp/mid.json"
"$bin" -C "$example" --as-of $after report --period end-of-year --public --format json >"$tmp/eoy-ended.json"
check "JSON: the running end-of-year is counted as mid-year, runs to the year's end and changes next once it has ended" python3 - "$tmp/eoy-running.json" "$tmp/mid.json" "$tmp/eoy-ended.json" <<'PY'
import json, sys
run, mid, ended = (json.load(open(f)) for f in sys.argv[1:])
assert run["period"] == {"from": "2025-07-01", "to": "2026-01-31", "label": "end-of-year", "counted_as": "mid-year",
                         "runs_to": "2026-06-30", "next_update": "2026-07-01"}, run["period"]
for k in ("completed_visits", "students_visited", "families_reached", "declined", "months"):
    assert run[k] == mid[k], k
strip = lambda rows: [{k: v for k, v in r.items() if k != "period"} for r in rows]
assert strip(run["sites"]) == strip(mid["sites"]), "the sites table of mid-year"
assert ended["period"] == {"from": "2025-07-01", "to": "2026-06-30", "label": "end-of-year"}, ended["period"]
PY
check "no old 'counted up to the end of the last full month' sentence" bash -c "! grep -q 'Counted up to' '$tmp/eoy-running.txt'"
only_year=$tmp/only-year
cp -r "$src/examples" "$only_year"
sed -i 's/^reports:.*/reports: {min_cell: 10, publish: [end-of-year]}/' "$only_year/pthv.yaml"
grep -q "publish: \[end-of-year\]" "$only_year/pthv.yaml" || printf '\nreports: {min_cell: 10, publish: [end-of-year]}\n' >>"$only_year/pthv.yaml"
"$bin" -C "$only_year" --as-of $asof report --period end-of-year --public >"$tmp/e3.out" 2>"$tmp/e3"
check_eval "a running period with nothing listed ended: exit 2, naming reports.publish and when it is first posted" \
    '[ $? -eq 2 ] && [ ! -s "$tmp/e3.out" ] && grep -q "reports.publish" "$tmp/e3" && grep -q "first posted on 2026-07-01" "$tmp/e3"'
"$bin" -C "$only_year" --as-of $after report --period end-of-year --public >/dev/null
check_eval "... and posted once the year has ended" '[ $? -eq 0 ]'
"$bin" -C "$example" --as-of 2026-05-15 report --period end-of-year --public --format json >"$tmp/eoy15.json"
"$bin" -C "$example" --as-of 2026-05-28 report --period end-of-year --public --format json >"$tmp/eoy28.json"
check "the same figures all month: the 15th and the 28th count the same visits" python3 -c "
import json
a, b = (json.load(open(f)) for f in ('$tmp/eoy15.json', '$tmp/eoy28.json'))
for k in ('period', 'completed_visits', 'students_visited', 'families_reached', 'declined', 'months', 'languages', 'modes'):
    assert a[k] == b[k], k
assert [s['completed_visits'] for s in a['sites']] == [s['completed_visits'] for s in b['sites']]"

# A month's public report gives the month by site and in total; its visits
# by mode and language, first and second visits, training sessions and
# surveys are broken down in the half year's and the year's, where fewer
# of them are small. The private report of the month still has them all.
"$bin" -C "$example" --as-of $asof report --period 2025-10 --public --format json >"$tmp/oct.json"
"$bin" -C "$example" --as-of $asof report --period 2025-10 --public >"$tmp/oct.txt"
"$bin" -C "$example" --as-of $asof report --period 2025-10 --format json >"$tmp/oct-private.json"
check "a month's public report: no breakdowns, and says where they are" python3 - "$tmp/oct.json" "$tmp/oct.txt" "$tmp/oct-private.json" "$tmp/pl/end-of-year.json" <<'PY'
import json, sys
month, text, private, year = json.load(open(sys.argv[1])), open(sys.argv[2]).read(), json.load(open(sys.argv[3])), json.load(open(sys.argv[4]))
assert month["breakdowns"] is False and year["breakdowns"] is True
for key in ("modes", "languages", "first_second_by_month", "surveys", "entry_days", "interpreted_languages"):
    assert key not in month, key
assert "sessions" not in month["training"] and month["training"].get("trained_new") is None
assert "participating_educators" not in month and all("participating_educators" not in s for s in month["sites"])
assert "participating_educators" in year
assert month["completed_visits"] > 0 and month["sites"] and month["months"], "the month's totals and sites stay"
for key in ("modes", "languages", "first_second_by_month"):
    assert key in private and key in year, key
for title in ("Completed visits by mode", "Completed visits by language", "Family surveys", "First and second visits"):
    assert title not in text, title
assert "broken down in the public reports of the half year and the year" in text
PY

# What a board member still learns: the share of the figures of the
# example district's end-of-year public report (after the year) that are
# hidden (<10 or *). A true bound such as >=96.2%, >=165 or <=55.8% says
# something and is not counted as hidden; a month's name ("Jul 2025") and a
# rank are not figures. The goal is at most 10%.
"$bin" -C "$example" --as-of $after report --period end-of-year --public >"$tmp/eoy.txt"
check "the example's end-of-year public report hides at most 10% of its figures" python3 - "$tmp/eoy.txt" <<'PY'
import re, sys
total = hidden = 0
for line in open(sys.argv[1]):
    if not line.startswith("  ") or line.startswith("  " + " " * 10):
        continue
    line = re.sub(r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}\b", "", line)
    line = re.sub(r"^\s+\d+ S\d\d ", "", line)  # a rank of the top sites
    for t in re.findall(r"(?<!\S)(<\d+|\*|[<>]=[\d.,]+%?|-?[\d,]+(?:\.\d+)?%?)(?!\S)", line):
        total += 1
        hidden += t == "*" or (t.startswith("<") and not t.startswith("<="))
assert total > 300, total
assert hidden <= 0.10 * total, f"{hidden} of {total} hidden ({100 * hidden / total:.1f}%)"
PY

# Every bound a public report prints is true: the count or share the
# district's own report gives is within it, and every figure shown is the
# district's own, for the district and each school, the half year and the year.
pairs=()
for s in "" S01 S02 S03 S04 S05; do
    for p in end-of-year mid-year; do
        "$bin" -C "$example" --as-of $after report --period $p --public ${s:+--site $s} >"$tmp/pub-$p$s.txt"
        "$bin" -C "$example" --as-of $after report --period $p ${s:+--site $s} >"$tmp/own-$p$s.txt"
        pairs+=("$tmp/pub-$p$s.txt" "$tmp/own-$p$s.txt")
    done
done
check "every bound printed in public (>=165, >=96.2%, <=55.8%, >=0.94) holds for the true figure" python3 - "${pairs[@]}" <<'PY'
import re, sys
VAL = re.compile(r"^(<\d+|\*|[<>]=[\d.,]+%?|-?[\d,]+(?:\.\d+)?%?)$")
def rows(path):  # (section, the row's words) -> its figures
    out, section = {}, None
    for line in open(path):
        if not line.startswith("  "):
            section = line.strip()
            continue
        words = line.split()
        out.setdefault((section, tuple(w for w in words if not VAL.match(w))), [w for w in words if VAL.match(w)])
    return out
def num(t):
    return float(t.replace(",", "").rstrip("%"))
bounds = exact = 0
for public, own in zip(sys.argv[1::2], sys.argv[2::2]):
    p, q = rows(public), rows(own)
    for k, shown in p.items():
        if k not in q or len(q[k]) != len(shown):
            continue
        for a, b in zip(shown, q[k]):
            where = (public, k, a, b)
            if a == "*":
                continue
            if a.startswith(">="):
                assert num(b) >= num(a[2:]), where
                bounds += 1
            elif a.startswith("<="):
                assert num(b) <= num(a[2:]), where
                bounds += 1
            elif a.startswith("<"):
                assert num(b) < num(a[1:]), where
            else:
                assert a == b, where
                exact += 1
assert bounds >= 100 and exact >= 1000, (bounds, exact)
PY

# A withheld total is printed as the sum of its shown parts where that is
# 10 or more: Cedar Grove's students visited in the year are withheld (3
# were first visited after January), but mid-year posted 165 of them, so
# the year's report says ">=165": true, and what a reader adds up anyway.
# Machine formats keep the withheld value empty (null in JSON).
"$bin" -C "$example" --as-of $after report --period end-of-year --public --format json -o "$tmp/eoy-bounds.json"
"$bin" -C "$example" --as-of $after report --period mid-year --public --format json -o "$tmp/mid-bounds.json"
check "a withheld total is printed as at least its shown parts, in text; null in JSON" python3 - "$tmp/eoy.txt" "$tmp/eoy-bounds.json" "$tmp/mid-bounds.json" <<'PY'
import json, re, sys
text = open(sys.argv[1]).read()
eoy, mid = json.load(open(sys.argv[2])), json.load(open(sys.argv[3]))
s01 = next(r for r in eoy["sites"] if r["site_id"] == "S01")
m01 = next(r for r in mid["sites"] if r["site_id"] == "S01")
assert s01["students_visited"] is None and isinstance(m01["students_visited"], int), (s01, m01)
row = next(l for l in text.splitlines() if l.startswith("  S01 ") and "Cedar Grove" in l)
assert re.search(r"(?<!\S)>=%d(?!\S)" % m01["students_visited"], row), row
# Its coverage, built on it, is at least 165 of its 310 students.
assert re.search(r"(?<!\S)>=%.1f%%(?!\S)" % (int(m01["students_visited"] * 1000 / s01["students_enrolled"]) / 10), row), row
PY


# A month's visits are its students' first visits and second ones (a third
# is rare): a school's January with 24 visits and 21 second visits gave
# back its "<10" first visits as 3. First and second visits by month are
# the district's only in public, and no month of any public report shows
# its visits and one of the two while hiding the other.
for p in mid-year end-of-year; do
    for s in "" S01 S02 S03 S04 S05; do
        "$bin" -C "$example" --as-of $asof report --period $p --public --format json ${s:+--site $s} \
            -o "$tmp/order-$p${s:+-$s}.json"
    done
done
check "first and second visits by month: never one of them given back by the month's visits" python3 - "$tmp" <<'PY'
import glob, json, sys
shown = lambda v: isinstance(v, int) and not isinstance(v, bool)
for f in sorted(glob.glob(sys.argv[1] + "/order-*.json")):
    j = json.load(open(f))
    order = j.get("first_second_by_month") or {}
    if j["site"] is not None:
        assert order == {}, (f, "a school's public report gives first and second visits by month", order)
    for m, o in order.items():
        total = j["months"].get(m)
        if shown(total) and shown(o["first"]) != shown(o["second"]):
            hidden = "second" if shown(o["first"]) else "first"
            left = total - (o["first"] if shown(o["first"]) else o["second"])
            assert not 0 < left < 10, (f, m, hidden, "=", left)
PY
finish
