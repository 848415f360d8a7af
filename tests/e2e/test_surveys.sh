#!/usr/bin/env bash
# pthv survey import and the report's surveys section, on copies of the
# example district: the import gives exactly examples/surveys.csv and a
# second import adds nothing; ids made from a row are keyed, so surveys.csv
# gives back no time or comment, and without a key such an export is
# refused; ids an earlier version made without a key still count as
# imported; the figures, counted again here from the files; bad rows named
# by the export's file and line with nothing written; a question added
# later widens the file; public reports hide small counts and no report
# prints a student id or a comment.
. "$(dirname "$0")/lib.sh" "$1"
export PTHV_AS_OF=2026-05-15
repo=$tmp/repo
cp -r "$src/examples" "$repo"
rm "$repo/surveys.csv"
pthv() { "$bin" -C "$repo" --color never "$@"; }
survey=$src/examples/import/family-survey.csv
map=$src/examples/import/survey-map.yaml
# The example's key is published (examples/README.md) so its ids can be
# made again; a real key is random and private.
key=$tmp/keys/example-survey.key
mkdir -p "$tmp/keys"
(umask 077; echo riverbend-example-survey-key-published-never-secret >"$key")

# No id column and no key: refused, saying how to make a key; nothing written.
out=$(pthv survey import "$survey" --map "$map" 2>&1); code=$?
check "no key: exit 2" [ $code -eq 2 ]
check "no key: says why and how to make one" grep -qF \
    'has no response id column: pthv makes each response'"'"'s id from its row, and needs a private key' <<<"$out"
check "no key: the command to make it and the option" bash -c \
    "grep -qF '(umask 077; openssl rand -hex 32 > ~/pthv-survey.key)' <<<\"\$1\" && grep -qF -- '--key-file ~/pthv-survey.key' <<<\"\$1\"" _ "$out"
check "no key: surveys.csv not written" [ ! -e "$repo/surveys.csv" ]
cp "$key" "$repo/survey.key"
out=$(pthv survey import "$survey" --map "$map" --key-file "$repo/survey.key" 2>&1); code=$?
check "a key inside the data repo: exit 2, said" bash -c "[ $code -eq 2 ] && grep -qF 'the key is inside the data repo' <<<\"\$1\"" _ "$out"
rm "$repo/survey.key"
chmod 644 "$key"
out=$(pthv survey import "$survey" --map "$map" --key-file "$key" 2>&1); code=$?
check "a key others can read: exit 2, said" bash -c "[ $code -eq 2 ] && grep -qF 'chmod 600' <<<\"\$1\"" _ "$out"
chmod 600 "$key"

out=$(pthv survey import "$survey" --map "$map" --key-file "$key"); code=$?
check "import: exit 0" [ $code -eq 0 ]
check "import: says what it added and which questions surveys.csv gained" grep -qzF \
    $'surveys.csv gains 4 questions: q_welcome, q_hopes_known, q_reach_out, q_another_visit\nadded 283 responses, 0 already imported' <<<"$out"
check "import: surveys.csv is the example's, byte for byte" cmp "$repo/surveys.csv" "$src/examples/surveys.csv"
check "import: no comment of the export reaches the repo" bash -c "! grep -q 'Thank you for coming' '$repo/surveys.csv'"
check "import: the export does hold comments" grep -q 'Thank you for coming' "$survey"
out=$(pthv survey import "$survey" --map "$map" --key-file "$key"); code=$?
check "again: exit 0, nothing added" bash -c "[ $code -eq 0 ] && grep -qx 'added 0 responses, 283 already imported' <<<'$out'"
check "again: surveys.csv unchanged" cmp "$repo/surveys.csv" "$src/examples/surveys.csv"

# What surveys.csv alone gives back. It holds each response's day, school
# and answers; the id was made from the whole row, time of day and comment
# included. Trying every second of the day with no comment finds the time
# (and confirms the empty comment) under the unkeyed ids of earlier
# versions, and never under the keyed ones.
check "keyed ids: no time or empty comment recovered from surveys.csv; unkeyed ids gave them back" \
    python3 - "$repo/surveys.csv" "$src/examples/sites.csv" "$survey" <<'PY'
import csv, hashlib, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))[:12]
names = {s["site_id"]: s["name"] for s in csv.DictReader(open(sys.argv[2], encoding="utf-8"))}
export = list(csv.reader(open(sys.argv[3], encoding="utf-8")))[1:13]
words = {"5": "Strongly agree", "4": "Agree", "3": "Neither agree nor disagree", "2": "Disagree",
         "1": "Strongly disagree", "": ""}
unkeyed = lambda cells: "R" + hashlib.sha256("\x1f".join(cells).encode()).hexdigest()[:16]
def recovered(row, response_id):
    y, m, d = (int(x) for x in row["date"].split("-"))
    rest = [names[row["site_id"]]] + [words[row[q]] for q in
            ("q_welcome", "q_hopes_known", "q_reach_out", "q_another_visit")] + [""]
    for second in range(86400):
        stamp = "%d/%d/%d %d:%02d:%02d" % (m, d, y, second // 3600, second // 60 % 60, second % 60)
        if unkeyed([stamp] + rest) == response_id:
            return stamp
    return None
keyed = [recovered(r, r["response_id"]) for r in rows]
old = [recovered(r, unkeyed(cells)) for r, cells in zip(rows, export)]
print(" recovered: keyed %d of %d, unkeyed %d of %d" % (sum(map(bool, keyed)), len(rows), sum(map(bool, old)), len(rows)))
assert not any(keyed), keyed
assert sum(map(bool, old)) == sum(1 for cells in export if cells[-1] == ""), old
assert old[0] == export[0][0], (old[0], export[0][0])
PY

# A surveys.csv from before ids were keyed: every response under its
# unkeyed id. Importing with a key (any key) counts them as imported and
# says so; a new response gets a keyed id; the old rows stay as they were.
cp -r "$src/examples" "$tmp/old"
python3 - "$survey" "$tmp/old/surveys.csv" <<'PY'
import csv, hashlib, sys
export = list(csv.reader(open(sys.argv[1], encoding="utf-8")))[1:]
path = sys.argv[2]
lines = open(path, encoding="utf-8").read().split("\n")
for i, cells in enumerate(export):
    old = "R" + hashlib.sha256("\x1f".join(cells).encode()).hexdigest()[:16]
    lines[i + 1] = old + lines[i + 1][lines[i + 1].index(","):]
open(path, "w", encoding="utf-8").write("\n".join(lines))
PY
cp "$tmp/old/surveys.csv" "$tmp/old-before.csv"
(umask 077; openssl rand -hex 32 >"$tmp/keys/own.key")
{ cat "$survey"; echo '5/12/2026 19:45:10,Las Palmas Elementary,Agree,Agree,Agree,Strongly agree,'; } >"$tmp/later.csv"
out=$("$bin" -C "$tmp/old" survey import "$tmp/later.csv" --map "$map" --key-file "$tmp/keys/own.key"); code=$?
check "earlier unkeyed ids: exit 0, only the new response added" bash -c \
    "[ $code -eq 0 ] && grep -qx 'added 1 response, 283 already imported' <<<\"\$1\"" _ "$out"
check "earlier unkeyed ids: a note says how many and where to read more" grep -qF \
    'note: 283 responses of the export are in surveys.csv under the unkeyed id an earlier pthv made from the row' <<<"$out"
check "earlier unkeyed ids: the rows already there are unchanged" cmp "$tmp/old-before.csv" <(head -284 "$tmp/old/surveys.csv")
check "earlier unkeyed ids: the new row's id is keyed, not the unkeyed one" python3 - "$tmp/old/surveys.csv" <<'PY'
import csv, hashlib, sys
last = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))[-1]
cells = ["5/12/2026 19:45:10", "Las Palmas Elementary", "Agree", "Agree", "Agree", "Strongly agree", ""]
assert last["date"] == "2026-05-12" and last["site_id"] == "S02", last
assert last["response_id"] != "R" + hashlib.sha256("\x1f".join(cells).encode()).hexdigest()[:16], last
assert len(last["response_id"]) == 17 and last["response_id"][0] == "R", last
PY
out=$("$bin" -C "$tmp/old" survey import "$tmp/later.csv" --map "$map" --key-file "$tmp/keys/own.key"); code=$?
check "earlier unkeyed ids: again with the same key adds nothing" bash -c \
    "[ $code -eq 0 ] && grep -qx 'added 0 responses, 284 already imported' <<<\"\$1\"" _ "$out"

check "validate: surveys.csv adds no finding" bash -c "'$bin' -C '$repo' validate | tail -1 | grep -qx '5 errors, 9 warnings in 1,245 visits'"

# The figures, counted again from the files: responses in the period, the
# rate per family reached by a completed visit, favourable = 4 or 5.
pthv report --period end-of-year --format json >"$tmp/r.json"
check "json: the surveys figures, counted again from the files" python3 - "$tmp/r.json" "$repo" <<'PY'
import csv, json, os, sys
r = json.load(open(sys.argv[1])); ex = sys.argv[2]
rows = lambda f: list(csv.DictReader(open(os.path.join(ex, f), encoding="utf-8")))
students = {s["student_id"]: s for s in rows("students.csv")}
families = {}
for v in rows("visits.csv"):
    if v["status"] == "completed" and "2025-07-01" <= v["date"] <= "2026-05-15":
        s = students[v["student_id"]]
        for key in ("all", s["site_id"]):
            families.setdefault(key, set()).add(s["family_id"] or v["student_id"])
questions = ["welcome", "hopes_known", "reach_out", "another_visit"]
got = {}
for x in rows("surveys.csv"):
    if not "2025-07-01" <= x["date"] <= "2026-05-15":
        continue
    for key in ("all", x["site_id"]):
        g = got.setdefault(key, {"n": 0, "q": {q: [0, 0] for q in questions}})
        g["n"] += 1
        for q in questions:
            a = x["q_" + q]
            if a:
                g["q"][q][0] += 1
                g["q"][q][1] += int(a) >= 4
pct = lambda a, b: round(1000 * a / b) / 10 if b else None
def expect(key):
    g = got[key]
    return {"responses": g["n"], "response_rate_pct": pct(g["n"], len(families[key])),
            "questions": {q: {"answered": g["q"][q][0], "favourable_pct": pct(g["q"][q][1], g["q"][q][0])}
                          for q in questions}}
ok = r["surveys"] == expect("all")
if not ok: print(" district:", r["surveys"], expect("all"))
for s in r["sites"]:
    if s["site_id"] in got and s["surveys"] != expect(s["site_id"]):
        print(" ", s["site_id"], s["surveys"], expect(s["site_id"])); ok = False
print(" responses:", r["surveys"]["responses"], "rate:", r["surveys"]["response_rate_pct"])
sys.exit(0 if ok and r["surveys"]["responses"] == 283 else 1)
PY
for fmt in text md html; do
    pthv report --period end-of-year --format "$fmt" -o "$tmp/r.$fmt"
    check "$fmt: the Family surveys section" grep -q "Family surveys" "$tmp/r.$fmt"
done
check "text: the district's row" grep -qE '^  all  all sites +283 +40\.8% ' "$tmp/r.text"
pthv report --period end-of-year --format csv --table surveys -o "$tmp/r.csv"
check "csv --table surveys: the tidy header" grep -qx \
    "site_id,name,responses,response_rate_pct,favourable_pct_welcome,favourable_pct_hopes_known,favourable_pct_reach_out,favourable_pct_another_visit,suppressed" "$tmp/r.csv"
check "csv --table surveys: a row per site and the district" test "$(wc -l <"$tmp/r.csv")" -eq 7
pthv report --period mid-year --format json >"$tmp/mid.json"
check "mid-year: the spring survey is not in the period" python3 -c "
import json; r = json.load(open('$tmp/mid.json')); assert r['surveys']['responses'] == 0, r['surveys']"
out=$("$bin" -C "$src/examples" report --period end-of-year --format csv --table surveys -o /dev/null 2>&1; \
      cp -r "$src/examples" "$tmp/nosurveys"; rm "$tmp/nosurveys/surveys.csv"; \
      "$bin" -C "$tmp/nosurveys" report --period end-of-year --format csv --table surveys 2>&1); code=$?
check "--table surveys without surveys.csv: exit 2, said" bash -c "[ $code -eq 2 ] && grep -qF 'this repo has no surveys.csv' <<<'$out'"
check "without surveys.csv: no surveys in the JSON" bash -c \
    "! '$bin' -C '$tmp/nosurveys' report --period end-of-year --format json | grep -q '\"surveys\"'"

# Bad rows: each named by the export's line; surveys.csv unchanged.
cp "$repo/surveys.csv" "$tmp/before.csv"
{
    head -1 "$survey"
    echo '5/11/2026 10:00:00,Oak Hill Academy,Agree,Agree,Agree,Agree,'
    echo '5/11/2026 10:01:00,Cedar Grove Elementary,Agree,Sort of,Agree,Agree,'
    echo '31/5/2026 10:02:00,Cedar Grove Elementary,Agree,Agree,Agree,Agree,'
    echo '5/11/2026 10:03:00,Cedar Grove Elementary,Agree,Agree,Agree,Agree,fine'
} >"$tmp/bad.csv"
out=$(pthv survey import "$tmp/bad.csv" --map "$map" --key-file "$key" 2>&1); code=$?
check "bad rows: exit 2" [ $code -eq 2 ]
check "bad rows: a school the map does not list, by line" grep -qF "$tmp/bad.csv:2: error[unknown-ref]: the school \"Oak Hill Academy\" is not in the map's values for site_id" <<<"$out"
check "bad rows: an answer that is not on the scale" grep -qE "^$tmp/bad.csv:3: error\[value-invalid\]: survey response R[0-9a-f]{16}: q_hopes_known \"Sort of\" is not a whole number" <<<"$out"
check "bad rows: the advice is a line of the map" grep -qF 'values: {q_*: {Strongly agree: 5' <<<"$out"
check "bad rows: a date not written as the map says" grep -qF "$tmp/bad.csv:4: error[value-invalid]: date \"31/5/2026 10:02:00\" is not a date written as %m/%d/%Y" <<<"$out"
check_eval "bad rows: the good row is not blamed" '! grep -q "bad.csv:5:" <<<"$out"'
check "bad rows: the summary" grep -qF "import refused: 3 errors in $tmp/bad.csv; surveys.csv is unchanged" <<<"$out"
check "bad rows: surveys.csv unchanged" cmp "$tmp/before.csv" "$repo/surveys.csv"
out=$(pthv survey import "$tmp/none.csv" --map "$map" 2>&1); code=$?
check "a missing export: exit 2, named" bash -c "[ $code -eq 2 ] && grep -qF '$tmp/none.csv: no such file' <<<'$out'"
printf 'columns:\n  q_welcome: I feel welcome at my child'"'"'s school.\n  site: Which school does your child attend?\n' >"$tmp/badmap.yaml"
out=$(pthv survey import "$survey" --map "$tmp/badmap.yaml" 2>&1); code=$?
check_eval "a map naming no surveys.csv field: exit 2, its line and the fields" \
    '[ $code -eq 2 ] && grep -qF "$tmp/badmap.yaml:3: error: columns: \"site\" is not a surveys.csv field" <<<"$out" && grep -qF "the fields are: response_id, date, site_id, student_id, and any q_<name>" <<<"$out"'

# A later export with a response id column and a new question: surveys.csv
# gains the column; the rows already there leave it empty.
{
    echo 'Response ID,Submitted,School,Student,I feel welcome,My family would recommend home visits'
    echo 'SM-1001,2026-05-12,S01,ST0041,Strongly agree,Agree'
    echo 'SM-1002,2026-05-12,,ST0100,Agree,Strongly agree'
    echo 'SM-1003,2026-05-13,S03,,Disagree,'
} >"$tmp/late.csv"
cat >"$tmp/late.yaml" <<'YAML'
columns: {response_id: Response ID, date: Submitted, site_id: School, student_id: Student,
          q_welcome: I feel welcome, q_recommend: My family would recommend home visits}
values: {q_*: {Strongly agree: 5, Agree: 4, Disagree: 2}}
YAML
pthv survey import "$tmp/late.csv" --map "$tmp/late.yaml" --dry-run >"$tmp/out"
check "dry run: says it would widen the file, writes nothing" bash -c \
    "grep -qx 'surveys.csv would gain 1 question: q_recommend' '$tmp/out' && cmp -s '$tmp/before.csv' '$repo/surveys.csv'"
out=$(pthv survey import "$tmp/late.csv" --map "$tmp/late.yaml"); code=$?
check "new question: exit 0, 3 added" bash -c "[ $code -eq 0 ] && grep -qx 'added 3 responses, 0 already imported' <<<'$out'"
check "new question: the header gains q_recommend at the end" grep -qx \
    "response_id,date,site_id,student_id,q_welcome,q_hopes_known,q_reach_out,q_another_visit,q_recommend" <(head -1 "$repo/surveys.csv")
check "new question: the rows already there keep their answers, with an empty cell" bash -c \
    "diff <(sed -n '2,284p' '$repo/surveys.csv') <(sed -n '2,284p' '$tmp/before.csv' | sed 's/\$/,/')"
check "new question: a row without a school takes its student's" grep -qx "SM-1002,2026-05-12,S01,ST0100,4,,,,5" "$repo/surveys.csv"
check "new question: a skipped answer is empty" grep -qx "SM-1003,2026-05-13,S03,,2,,,," "$repo/surveys.csv"
out=$(pthv survey import "$tmp/late.csv" --map "$tmp/late.yaml"); code=$?
check "by response id: again adds nothing" bash -c "[ $code -eq 0 ] && grep -qx 'added 0 responses, 3 already imported' <<<'$out'"
cp "$repo/surveys.csv" "$tmp/before-gap.csv"
{ cat "$tmp/late.csv"; echo ',2026-05-14,S02,,Agree,Agree'; } >"$tmp/gap.csv"
out=$(pthv survey import "$tmp/gap.csv" --map "$tmp/late.yaml" 2>&1); code=$?
check "an empty id without a key: exit 2, on its line, naming --key-file" bash -c \
    "[ $code -eq 2 ] && grep -qF '$tmp/gap.csv:5: error[required-missing]: this response has no response_id' <<<\"\$1\" && grep -qF -- '--key-file' <<<\"\$1\"" _ "$out"
check "an empty id without a key: nothing written" cmp "$tmp/before-gap.csv" "$repo/surveys.csv"
out=$(pthv survey import "$tmp/gap.csv" --map "$tmp/late.yaml" --key-file "$key"); code=$?
check "an empty id with a key: that response added under a keyed id" bash -c \
    "[ $code -eq 0 ] && grep -qx 'added 1 response, 3 already imported' <<<'$out' && tail -1 '$repo/surveys.csv' | grep -qE '^R[0-9a-f]{16},2026-05-14,S02,,4,,,,4$'"
check "no report prints a surveyed student's id" bash -c \
    "for f in text md html json; do '$bin' -C '$repo' report --period end-of-year --format \$f; done | grep -c 'ST0041' | grep -qx 0"
check "validate: an unknown student in surveys.csv is unknown-ref on its line" bash -c \
    "sed -i 's/^SM-1003,2026-05-13,S03,,/SM-1003,2026-05-13,S03,ST9999,/' '$repo/surveys.csv' && '$bin' -C '$repo' validate | grep -qE '^surveys.csv:287: error\[unknown-ref\]: survey response SM-1003: student_id ST9999 is not in students.csv'"
check "validate: an answer off the scale is value-invalid" bash -c \
    "sed -i 's/^SM-1003,2026-05-13,S03,ST9999,2,/SM-1003,2026-05-13,S03,,6,/' '$repo/surveys.csv' && '$bin' -C '$repo' validate | grep -qF 'surveys.csv:287: error[value-invalid]: survey response SM-1003: q_welcome \"6\" is above the maximum of 5'"

# Public: a district whose S01 has 30 responses, S02 12 and S03 4 (S04 and
# S05 none): S03's count and its shares are hidden, and one more count
# beside it, so that the district less the others does not give it back.
# The April responses are in the public report of the year once it has
# ended (in May it still shows mid-year's figures).
pub=$tmp/pub
cp -r "$src/examples" "$pub"
{
    echo "response_id,date,site_id,student_id,q_welcome"
    for i in $(seq 1 30); do echo "A$i,2026-04-01,S01,,5"; done
    for i in $(seq 1 12); do echo "B$i,2026-04-01,S02,,4"; done
    for i in 1 2 3 4; do echo "C$i,2026-04-01,S03,ST000$i,2"; done
} >"$pub/surveys.csv"
"$bin" -C "$pub" --as-of 2026-07-01 report --period end-of-year --public --format json >"$tmp/pub.json"
check "public json: small counts hidden, with the shares built on them" python3 -c "
import json
d = json.load(open('$tmp/pub.json'))
s = {x['site_id']: x['surveys'] for x in d['sites']}
assert s['S03']['responses'] == '<10' and s['S03']['response_rate_pct'] is None, s['S03']
assert s['S03']['questions']['welcome'] == {'answered': '<10', 'favourable_pct': None}, s['S03']
# The district less the shown sites must not give S03's 4 back: a count beside it is withheld.
counts = [d['surveys']['responses']] + [s[k]['responses'] for k in s if k != 'S03']
assert any(c is None for c in counts), counts
shown = [c for c in counts if isinstance(c, int)]
assert 30 in shown or 12 in shown, counts  # the larger schools still report"
"$bin" -C "$pub" --as-of 2026-07-01 report --period end-of-year --public --format csv --table surveys >"$tmp/pub.csv"
check "public csv: S03's row shows no count" grep -qx "S03,Willow Creek Elementary,,,,responses;response_rate_pct;favourable_pct_welcome" "$tmp/pub.csv"
"$bin" -C "$pub" --as-of 2026-07-01 report --period end-of-year --public --site S03 --format json >"$tmp/pub3.json"
check "public --site S03: its count hidden too" python3 -c "
import json; d = json.load(open('$tmp/pub3.json')); assert d['surveys']['responses'] == '<10', d['surveys']"
for fmt in text md html csv json; do
    table=(); [ "$fmt" = csv ] && table=(--table surveys)
    check "public $fmt: no student id of surveys.csv" bash -c \
        "! '$bin' -C '$pub' --as-of 2026-07-01 report --period end-of-year --public --format $fmt ${table[*]} | grep -q 'ST000[1-4]'"
done

"$bin" init "$tmp/new" --district "New District" >/dev/null
check "init: surveys.csv merges by key like the other logs" grep -qx "surveys.csv merge=union" "$tmp/new/.gitattributes"
finish
