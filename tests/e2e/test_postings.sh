# A district posts its public reports again and again through the year (a
# nightly cron, the board's monthly packet), and a reader may keep every
# posting. What a posting showed of a period that had ended is what every
# later posting shows of it, figure for figure, hidden or not: otherwise
# the later figure less the earlier one gives back what one of them hides.
# A period still running shows the longest period of reports.publish it
# begins with that has ended, so it too shows only what was posted.
. "$(dirname "$0")/lib.sh" "$1"

example=$tmp/example
cp -r "$src/examples" "$example"

# Every posting of the year on the 1st of the month, and one long after.
dates="2025-11-01 2026-02-01 2026-04-01 2026-06-01 2026-07-01 2026-12-01"
post() { # date: the public JSON of four periods, district and two schools
    local d=$1
    mkdir -p "$tmp/post/$d"
    for p in mid-year end-of-year 2025-10 2026-03; do
        for s in "" S01 S04; do
            "$bin" -C "$example" --as-of "$d" report --period $p --public --format json ${s:+--site $s} \
                -o "$tmp/post/$d/$p${s:+-$s}.json" 2>/dev/null || rm -f "$tmp/post/$d/$p${s:+-$s}.json"
        done
    done
}
for d in $dates; do post "$d"; done

check "a figure of an ended period is the same in every later posting, shown or hidden" python3 - "$tmp/post" $dates <<'PY'
import json, os, sys
root, dates = sys.argv[1], sys.argv[2:]
# What describes the day of the posting, not a period: it changes from one
# posting to the next by design.
NOW = {"as_of", "validate", "scheduled_ahead", "trained_staff", "status", "held", "planned",
       "committed_scheduled", "left_after_scheduled", "current", "due_soon", "lapsed", "untrained"}
def leaves(x, path=()):
    if isinstance(x, dict):
        for k, v in x.items():
            if k not in NOW:
                yield from leaves(v, path + (k,))
    elif isinstance(x, list):
        for i, v in enumerate(x):
            key = i
            if isinstance(v, dict):
                key = v.get("site_id") or v.get("key") or v.get("month") or v.get("title") or i
            yield from leaves(v, path + (str(key),))
    else:
        yield path, x
names = sorted({f for d in dates for f in os.listdir(os.path.join(root, d))})
compared = differ = 0
for name in names:
    before = None
    for d in dates:
        f = os.path.join(root, d, name)
        if not os.path.exists(f):
            continue
        j = json.load(open(f))
        window = (j["period"]["from"], j["period"]["to"])
        now = dict(leaves(j))
        if before and before[0] == window:
            compared += 1
            for k in set(before[1]) | set(now):
                if before[1].get(k) != now.get(k):
                    differ += 1
                    print(name, before[2], "->", d, "/".join(k), before[1].get(k), "->", now.get(k))
        before = (window, now, d)
assert compared >= 40, compared
assert differ == 0, differ
PY

check "the set of every posting passes its audit" bash -c '
    for d in '"$dates"'; do "$1" -C "$2" --as-of $d report --audit >/dev/null || { echo "audit fails as of $d"; exit 1; }; done
' _ "$bin" "$example"

# End-of-year before the year is over shows mid-year, and says so.
"$bin" -C "$example" --as-of 2026-05-15 report --period end-of-year --public >"$tmp/eoy-may.txt"
"$bin" -C "$example" --as-of 2026-05-15 report --period end-of-year --public --format json -o "$tmp/eoy-may.json"
"$bin" -C "$example" --as-of 2026-05-15 report --period mid-year --public --format json -o "$tmp/mid-may.json"
check "a running year shows mid-year's figures and says until when" \
    grep -q "end-of-year runs to 2026-06-30 and has not ended: until it does, this report shows the figures of mid-year (2025-07-01..2026-01-31)" "$tmp/eoy-may.txt"
check "its JSON names the period it shows, the year's end and the next update" python3 - "$tmp/eoy-may.json" "$tmp/mid-may.json" <<'PY'
import json, sys
eoy, mid = (json.load(open(f)) for f in sys.argv[1:])
p = eoy["period"]
assert p == {"from": "2025-07-01", "to": "2026-01-31", "label": "end-of-year", "counted_as": "mid-year",
             "runs_to": "2026-06-30", "next_update": "2026-07-01"}, p
def figures(x): # without the period each table names
    if isinstance(x, dict):
        return {k: figures(v) for k, v in x.items() if k != "period"}
    if isinstance(x, list):
        return [figures(v) for v in x]
    return x
for key in ("completed_visits", "students_visited", "families_reached", "sites", "months", "modes", "languages"):
    assert figures(eoy[key]) == figures(mid[key]), key
PY
# In the autumn the longest such period is the year's first month.
check "in October the year shows July, next changed once mid-year has ended" bash -c '
    "$1" -C "$2" --as-of 2025-10-15 report --period end-of-year --public --format json |
        python3 -c "import json,sys; p=json.load(sys.stdin)[\"period\"]; assert (p[\"to\"], p[\"counted_as\"], p[\"next_update\"]) == (\"2025-07-31\", \"2025-07\", \"2026-02-01\"), p"
' _ "$bin" "$example"

# A district that posts only the year has nothing to post before it ends.
only=$tmp/only-year
cp -r "$src/examples" "$only"
sed -i 's/^reports: {min_cell: 10, /reports: {min_cell: 10, publish: [end-of-year], /' "$only/pthv.yaml"
grep -q "publish: \[end-of-year\]" "$only/pthv.yaml" || echo "the example's reports setting moved: update this suite" >&2
set +e
"$bin" -C "$only" --as-of 2026-03-01 report --period end-of-year --public >"$tmp/only.out" 2>"$tmp/only.err"
rc=$?
set -e
check_eval "with only end-of-year listed, its public report is refused until the year ends (exit 2)" '[ $rc -eq 2 ]'
check "the refusal says when it is first posted" grep -q "first posted on 2026-07-01" "$tmp/only.err"
check "once the year is over it is posted" "$bin" -C "$only" --as-of 2026-07-01 report --period end-of-year --public -o "$tmp/only-july.txt"

finish
