#!/usr/bin/env bash
# pthv export --deidentify: nothing in the export names a person (every id,
# name and note of the example district is looked for), rows are in the
# order of the new ids, one key links two exports, another key does not.
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
check "export: says where it wrote" grep -q "wrote 6 files to $tmp/a" <<<"$out"
for f in sites.csv staff.csv students.csv trainings.csv visits.csv README.md; do
    check "export: $f written" [ -s "$tmp/a/$f" ]
done
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
out.update(n for n in col("visits.csv", "notes") if len(n) >= 8)
out.update(col("trainings.csv", "session"))
for e in col("visits.csv", "educators"):
    out.update(e.split(";"))
print("\n".join(sorted(out)))
PY
check "the source has ids, names and notes to look for" [ "$(wc -l <"$tmp/secrets")" -gt 3000 ]
check "no id, name or note of the source is in the export" not grep -rqF -f "$tmp/secrets" "$tmp/a"
check "no free-text column is exported" not grep -qE "^(.*,)?(name|notes|language|session|role|hourly_rate)(,|$)" \
    "$tmp/a/students.csv" "$tmp/a/staff.csv" "$tmp/a/visits.csv" "$tmp/a/trainings.csv" "$tmp/a/sites.csv"
check "ids are 16 hex digits" grep -qE '^[0-9a-f]{16},S0[1-5],' "$tmp/a/students.csv"
check "no flags without --flags" not grep -q flag_ "$tmp/a/students.csv"
check "README says how ids were made" grep -q "HMAC-SHA256(key, id)" "$tmp/a/README.md"
check "README says what was left out" grep -q "students.csv: .*left out: name, language, flag_attendance" "$tmp/a/README.md"

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
    [ -z "$(comm -23 <(cut -d, -f2 "$tmp/a/visits.csv" | tail -n +2 | sort -u) <(ids "$tmp/a"))" ]

# --flags: the flags file's columns travel, keyed the same way.
printf 'student_id,flag_housing\nST0001,yes\n' >"$tmp/flags.csv"
pthv export --deidentify --key-file "$key" --flags "$tmp/flags.csv" -o "$tmp/f" >/dev/null 2>&1
check "--flags: flag columns exported" grep -q "^student_id,site_id,grade,homeroom_id,family_id,flag_attendance,flag_behavior,flag_academic,flag_housing$" "$tmp/f/students.csv"
st0001=$(python3 -c 'import hashlib, hmac, sys; print(hmac.new(open(sys.argv[1], "rb").read().rstrip(), b"ST0001", hashlib.sha256).hexdigest()[:16])' "$key")
check "--flags: the student's flag from the file" grep -q "^$st0001,.*,yes$" "$tmp/f/students.csv"

finish
