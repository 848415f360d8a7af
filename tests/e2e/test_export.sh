#!/usr/bin/env bash
# pthv export --deidentify: nothing in the export names a person (every id,
# name and note of the example district is looked for), rows are in the
# order of the new ids, one key links two exports, another key does not,
# and --k N leaves no student singled out on site, grade, home language and
# visit months, checked here from the exported files as an attacker would.
# Refusals, the folder and the key: test_export_folder.sh.
. "$(dirname "$0")/lib.sh" "$1"
not() { ! "$@"; }
repo=$tmp/district
cp -r "$src/examples" "$repo"
rm -f "$repo/generate.py" "$repo/README.md"
pthv() { "$bin" -C "$repo" --as-of 2026-05-15 --color never "$@"; }
key=$tmp/keys/one.key
mkdir -p "$tmp/keys"
(umask 077; printf 'correct horse battery staple 2026\n' >"$key"; printf 'another key, also long enough\n' >"$tmp/keys/two.key")

out=$(pthv export --deidentify --key-file "$key" -o "$tmp/a" 2>&1); code=$?
check "export: exit 0" [ $code -eq 0 ]
check "export: says where it wrote, and k" grep -q "wrote 6 files to $tmp/a (.*k = 5" <<<"$out"
for f in sites.csv staff.csv students.csv trainings.csv visits.csv README.md; do
    check "export: $f written" [ -s "$tmp/a/$f" ]
done
check "export: no email column, no address" not grep -rqi -e "email" -e "@example.org" "$tmp/a"/*.csv
check "export: as many visits as the log" [ "$(wc -l <"$tmp/a/visits.csv")" -eq "$(wc -l <"$repo/visits.csv")" ]

# Every id of a person, every name and every note of the source, one a line.
python3 - "$repo" >"$tmp/secrets" <<'PY'
import csv, sys, os
repo = sys.argv[1]
def col(f, c):
    with open(os.path.join(repo, f), newline="") as h:
        return [r[c] for r in csv.DictReader(h) if r.get(c)]
out = set()
out.update(col("students.csv", "student_id"), col("students.csv", "family_id"), col("students.csv", "name"))
out.update(col("staff.csv", "staff_id"), col("staff.csv", "name"), col("visits.csv", "visit_id"))
out.update(col("staff.csv", "email"))
out.update(n for n in col("visits.csv", "notes") if len(n) >= 8)
out.update(col("trainings.csv", "session"))
for e in col("visits.csv", "educators"):
    out.update(e.split(";"))
print("\n".join(sorted(out)))
PY
check "the source has ids, names and notes to look for" [ "$(wc -l <"$tmp/secrets")" -gt 3000 ]
check "no id, name or note of the source is in the export" not grep -rqF -f "$tmp/secrets" "$tmp/a"
check "no free-text column is exported" not grep -qE "^(.*,)?(name|notes|session|role|hourly_rate)(,|$)" \
    "$tmp/a/students.csv" "$tmp/a/staff.csv" "$tmp/a/visits.csv" "$tmp/a/trainings.csv" "$tmp/a/sites.csv"
check "a visit's language is not exported" not grep -qE "^(.*,)?language(,|$)" "$tmp/a/visits.csv"
check "ids are 16 hex digits" grep -qE '^[0-9a-f]{16},S0[1-5],' "$tmp/a/students.csv"
check "no flags without --flags" not grep -q flag_ "$tmp/a/students.csv"
check "README says how ids were made" grep -q "HMAC-SHA256(key, id)" "$tmp/a/README.md"
check "README says what was left out" grep -q "students.csv: .*left out: name, flag_attendance" "$tmp/a/README.md"

# Rows follow the new ids in every file: the source's order does not show.
check "every file's rows are in the order of their new ids" python3 - "$tmp/a" "$repo" "$key" <<'PY'
import csv, hashlib, hmac, os, sys
out, repo, key = sys.argv[1], sys.argv[2], open(sys.argv[3], "rb").read().rstrip()
for f in ("sites.csv", "staff.csv", "students.csv", "trainings.csv", "visits.csv"):
    rows = list(csv.reader(open(os.path.join(out, f), newline="")))[1:]
    assert rows == sorted(rows), f
source = [r["student_id"] for r in csv.DictReader(open(os.path.join(repo, "students.csv"), newline=""))]
keyed = [hmac.new(key, s.encode(), hashlib.sha256).hexdigest()[:16] for s in source]
exported = [r["student_id"] for r in csv.DictReader(open(os.path.join(out, "students.csv"), newline=""))]
assert exported == sorted(keyed) and exported != keyed
PY

# One key links, another does not.
pthv export --deidentify --key-file "$key" -o "$tmp/b" >/dev/null 2>&1
check "the same key gives the same export" diff -r "$tmp/a" "$tmp/b"
pthv export --deidentify --key-file "$tmp/keys/two.key" -o "$tmp/c" >/dev/null 2>&1
ids() { cut -d, -f1 "$1/students.csv" | tail -n +2 | sort; }
check "another key: the same number of students" [ "$(ids "$tmp/c" | wc -l)" -eq "$(ids "$tmp/a" | wc -l)" ]
check "another key: no student id in common" [ -z "$(comm -12 <(ids "$tmp/a") <(ids "$tmp/c"))" ]
check "the visits' student ids are the students' ids" \
    [ -z "$(comm -23 <(cut -d, -f2 "$tmp/a/visits.csv" | tail -n +2 | grep . | sort -u) <(ids "$tmp/a"))" ]

# --flags: the flags file's columns travel, keyed the same way.
printf 'student_id,flag_housing\nST0001,yes\n' >"$tmp/flags.csv"
pthv export --deidentify --key-file "$key" --flags "$tmp/flags.csv" -o "$tmp/f" >/dev/null 2>&1
check "--flags: flag columns exported" grep -q "^student_id,site_id,grade,homeroom_id,family_id,language,flag_attendance,flag_behavior,flag_academic,flag_housing$" "$tmp/f/students.csv"
st0001=$(python3 -c 'import hashlib, hmac, sys; print(hmac.new(open(sys.argv[1], "rb").read().rstrip(), b"ST0001", hashlib.sha256).hexdigest()[:16])' "$key")
check "--flags: the student's flag from the file" grep -q "^$st0001,.*,yes$" "$tmp/f/students.csv"

# --k: what an attacker who knows a student's site, grade, home language and
# visit months finds. Each combination, read from the files (a blank is a
# value of its own), must be shared by k students or more; a blanked cell
# must not be given away by another (a visit's site or staff, the homeroom,
# the family); and the README must count exactly what was blanked.
attack() { # attack DIR K
    python3 - "$1" "$2" "$tmp/k1" <<'PY'
import collections, csv, os, re, sys
out, k, plain = sys.argv[1], int(sys.argv[2]), sys.argv[3]
read = lambda d, f: list(csv.DictReader(open(os.path.join(d, f), newline="")))
students, visits = read(out, "students.csv"), read(out, "visits.csv")
people = {s["student_id"]: [s["site_id"], s["grade"], s["language"], []] for s in students}
for v in visits:
    assert re.fullmatch(r"(\d{4}-\d{2})?", v["month"]), v["month"]
    if v["student_id"]:
        people[v["student_id"]][3].append((v["month"], v["site_id"]))
groups = collections.Counter((p[0], p[1], p[2], tuple(sorted(p[3]))) for p in people.values())
assert min(groups.values()) >= k, [g for g, n in groups.items() if n < k][:3]
by_student = {s["student_id"]: s for s in students}
for v in visits:
    s = by_student.get(v["student_id"])
    if s is None:  # a visit that no longer names its student
        assert not (v["student_id"] or v["month"] or v["site_id"] or v["educators"] or v["interpreter"]), v
        continue
    assert v["site_id"] != s["site_id"] or not v["site_id"], "a visit repeats the student's site"
    if not v["month"]:
        assert not s["family_id"] and not v["site_id"], "a hidden month is given away"
    if not s["site_id"]:
        assert not (v["educators"] or v["interpreter"] or v["confirmed_by"]), "a hidden site is given away"
    if s["language"] in ("", "other"):
        assert not v["interpreter"], "a hidden language is given away by the interpreter"
for s in students:
    if not s["grade"]:
        assert not s["homeroom_id"], "a hidden grade is given away by the homeroom"
# The README's counts, against the same key's export with --k 1.
before = {s["student_id"]: s for s in read(plain, "students.csv")}
blanked = lambda col: sum(1 for s in students if before[s["student_id"]][col] and not s[col])
readme = open(os.path.join(out, "README.md")).read()
def said(file, col, n):  # "- students.csv: site_id 7, grade 207, ..."
    line = re.search(rf"   - {file}: (.*)", readme)
    counts = dict(c.rsplit(" ", 1) for c in line.group(1).split(", ")) if line else {}
    return counts.get(col, "0") == f"{n:,}"
for col in ("site_id", "grade", "homeroom_id", "family_id"):
    assert said("students.csv", col, blanked(col)), col
assert said("visits.csv", "month", sum(1 for v in visits if not v["month"]))
assert said("visits.csv", "student_id", sum(1 for v in visits if not v["student_id"]))
assert f"(k = {k})" in readme
PY
}
pthv export --deidentify --key-file "$key" --k 1 -o "$tmp/k1" >/dev/null 2>&1
check "--k 1: exact dates and grades, no language" \
    grep -q "^visit_id,student_id,site_id,date,start_time,minutes,educators,status,arranged_on," "$tmp/k1/visits.csv"
check "--k 1: the README says k-anonymity is off" grep -q "off (--k 1)" "$tmp/k1/README.md"
check "--k 1: a student's site, grade and dates single most of them out" python3 - "$tmp/k1" <<'PY'
import collections, csv, os, sys
read = lambda f: list(csv.DictReader(open(os.path.join(sys.argv[1], f), newline="")))
dates = collections.defaultdict(list)
for v in read("visits.csv"):
    dates[v["student_id"]].append(v["date"])
keys = collections.Counter((s["site_id"], s["grade"], tuple(sorted(dates[s["student_id"]]))) for s in read("students.csv"))
assert sum(1 for s, n in keys.items() if n == 1 and s[2]) > 600
PY
check "--k 5 (the default): no student singled out" attack "$tmp/a" 5
check "--k 5: months and days from the visit instead of dates" \
    grep -q "^visit_id,student_id,site_id,month,start_time,minutes,educators,status,arranged_days_before,focus,mode,reflected_days_after,interpreter,confirmed_days_after,confirmed_by,cancelled_by,logged_days_after$" "$tmp/a/visits.csv"
check "--k 5: the README says what was coarsened" grep -q "Grades were written as bands: TK-2, 3-5, 6-8, 9-12" "$tmp/a/README.md"
for k in 2 11; do
    pthv export --deidentify --key-file "$key" --k $k -o "$tmp/k$k" >/dev/null 2>&1
    check "--k $k: no student singled out" attack "$tmp/k$k" $k
done

# What leaves is what the schemas say (`export:`), and pthv schema shows it.
shown=$(pthv schema visits.csv)
check "schema: each exported file's column says how the export treats it" \
    grep -qE '^  notes +string +optional, export: drop$' <<<"$shown"
check "schema: an id is keyed" grep -qE '^  educators .*optional, export: key$' <<<"$shown"
check "schema: students.csv's home language is exported only under --k" \
    grep -qE '^  language +attribute +optional, export: coarse$' <<<"$(pthv schema students.csv)"
finish
