#!/usr/bin/env bash
# pthv export --deidentify, where it writes and what it refuses: a failed
# or killed export leaves the output folder as it was, two exports into one
# folder never mix, an earlier export is replaced whole, --attendance
# travels under the keyed ids, and every refusal (the folder, the key, the
# options, the data) exits 2 and writes nothing.
. "$(dirname "$0")/lib.sh" "$1"
not() { ! "$@"; }
repo=$tmp/district
cp -r "$src/examples" "$repo"
rm -f "$repo/generate.py" "$repo/README.md"
pthv() { "$bin" -C "$repo" --as-of 2026-05-15 --color never "$@"; }
key=$tmp/keys/one.key
mkdir -p "$tmp/keys" "$tmp/out"
(umask 077; printf 'correct horse battery staple 2026\n' >"$key"; printf 'another key, also long enough\n' >"$tmp/keys/two.key")
snapshot() { (cd "$1" 2>/dev/null && find . -type f | sort | xargs -r sha256sum); }
beside() { find "$tmp/out" -maxdepth 1 -name '.*' | wc -l; } # temporary folders left next to the exports

# A write that fails (a full disk, simulated by a file size limit with
# SIGXFSZ ignored: visits.csv is larger than the limit) leaves no folder,
# or the earlier export as it was.
full() { (ulimit -f 100 && trap '' XFSZ && exec "$bin" -C "$repo" -q export "$@") >"$tmp/full.out" 2>&1; }
full --deidentify --key-file "$key" -o "$tmp/out/new"; code=$?
check "a full disk: exit 2" [ $code -eq 2 ]
check "a full disk: says what failed" grep -q "cannot write .*visits.csv" "$tmp/full.out"
check "a full disk: no folder is made" [ ! -e "$tmp/out/new" ]
pthv export --deidentify --key-file "$key" -o "$tmp/out/kept" >/dev/null 2>&1
before=$(snapshot "$tmp/out/kept")
full --deidentify --key-file "$tmp/keys/two.key" -o "$tmp/out/kept"; code=$?
check "a full disk over an earlier export: exit 2" [ $code -eq 2 ]
check "a full disk over an earlier export: it is as it was" [ "$before" = "$(snapshot "$tmp/out/kept")" ]
check "a full disk: nothing is left beside the folder" [ "$(beside)" -eq 0 ]

# An export killed midway (SIGXFSZ) leaves the earlier export too; the next
# export removes what it left beside it.
{ (ulimit -f 100 && exec "$bin" -C "$repo" -q export --deidentify --key-file "$tmp/keys/two.key" -o "$tmp/out/kept") >/dev/null 2>&1; } 2>/dev/null
check "a killed export: it was killed" [ $? -gt 128 ]
check "a killed export: the earlier export is as it was" [ "$before" = "$(snapshot "$tmp/out/kept")" ]
pthv export --deidentify --key-file "$key" -o "$tmp/out/kept" >/dev/null 2>&1
check "the next export removes what the killed one left" [ "$(beside)" -eq 0 ]
check "the next export is whole" [ "$before" = "$(snapshot "$tmp/out/kept")" ]

# A folder that holds what no export writes is refused, not half-written.
mkdir -p "$tmp/out/odd/students.csv"
out=$(pthv export --deidentify --key-file "$key" -o "$tmp/out/odd" 2>&1); code=$?
check "a folder holding a folder: exit 2" [ $code -eq 2 ]
check "a folder holding a folder: says why" grep -qF "the folder holds students.csv, which an export does not write" <<<"$out"
check "a folder holding a folder: nothing written there" [ "$(ls -A "$tmp/out/odd")" = "students.csv" ]

# Two exports into one folder at once, with two keys: the folder holds one
# of the two exports, whole, every time.
pthv export --deidentify --key-file "$tmp/keys/two.key" -o "$tmp/two" >/dev/null 2>&1
pthv export --deidentify --key-file "$key" -o "$tmp/one" >/dev/null 2>&1
mixed=0
for round in 1 2 3 4 5 6 7 8 9 10 11 12; do
    rm -rf "$tmp/out/race"
    pthv export --deidentify --key-file "$key" -o "$tmp/out/race" >/dev/null 2>&1 & first=$!
    pthv export --deidentify --key-file "$tmp/keys/two.key" -o "$tmp/out/race" >/dev/null 2>&1 & second=$!
    wait $first || mixed=$((mixed + 100))
    wait $second || mixed=$((mixed + 100))
    diff -r -q "$tmp/out/race" "$tmp/one" >/dev/null || diff -r -q "$tmp/out/race" "$tmp/two" >/dev/null ||
        mixed=$((mixed + 1))
done
check "two exports at once: both succeed, and the folder is one of them whole" [ $mixed -eq 0 ]

# --attendance: the district's outcomes under the keyed ids, and an
# earlier export's attendance.csv does not outlive it.
python3 "$src/examples/make_attendance.py" "$tmp/attendance.csv"
pthv export --deidentify --key-file "$key" --attendance "$tmp/attendance.csv" -o "$tmp/out/att" >/dev/null 2>&1; code=$?
check "--attendance: exit 0" [ $code -eq 0 ]
check "--attendance: every row, keyed, joining students.csv" python3 - "$tmp/out/att" "$tmp/attendance.csv" "$key" <<'PY'
import csv, hashlib, hmac, os, sys
out, source, key = sys.argv[1], sys.argv[2], open(sys.argv[3], "rb").read().rstrip()
keyed = lambda i: hmac.new(key, i.encode(), hashlib.sha256).hexdigest()[:16]
want = sorted([keyed(r["student_id"]), r["days_enrolled"], r["days_absent"]] for r in csv.DictReader(open(source)))
rows = list(csv.reader(open(os.path.join(out, "attendance.csv"))))
assert rows[0] == ["student_id", "days_enrolled", "days_absent"] and rows[1:] == want
students = {r["student_id"] for r in csv.DictReader(open(os.path.join(out, "students.csv")))}
assert {r[0] for r in rows[1:]} <= students
PY
check "--attendance: the source's ids are not in it" not grep -q "ST0" "$tmp/out/att/attendance.csv"
pthv export --deidentify --key-file "$key" -o "$tmp/out/att" >/dev/null 2>&1
check "an export without --attendance leaves no attendance.csv of the earlier one" [ ! -e "$tmp/out/att/attendance.csv" ]

# Refusals: exit 2, the reason named, the repo unchanged, nothing written.
refused() { # refused NAME EXPECTED-TEXT ARGS...
    local name=$1 text=$2; shift 2
    local before; before=$(cd "$repo" && find . -type f ! -name .pthv.lock | sort | xargs sha256sum)
    out=$(pthv export "$@" 2>&1); code=$?
    check "$name: exit 2" [ $code -eq 2 ]
    check "$name: says why" grep -qF -- "$text" <<<"$out"
    check "$name: the repo is unchanged" [ "$before" = "$(cd "$repo" && find . -type f ! -name .pthv.lock | sort | xargs sha256sum)" ]
}
refused "-o inside the repo" "-o $repo/out: that folder is inside the data repo" --deidentify --key-file "$key" -o "$repo/out"
check "-o inside the repo: no folder made" [ ! -e "$repo/out" ]
refused "-o the repo itself" "inside the data repo" --deidentify --key-file "$key" -o "$repo"
ln -s "$repo" "$tmp/link"
refused "-o a link into the repo" "-o $tmp/link/x: that folder is inside the data repo" --deidentify --key-file "$key" -o "$tmp/link/x"
refused "-o missing" "-o DIR is required" --deidentify --key-file "$key"
refused "no --deidentify" "--deidentify is required" --key-file "$key" -o "$tmp/d"
refused "--k 0" "--k 0: k counts students" --deidentify --key-file "$key" --k 0 -o "$tmp/d"
refused "--attendance with --k 1" "--attendance with --k 1: outcomes are exported only with k-anonymity on" \
    --deidentify --key-file "$key" --k 1 --attendance "$tmp/attendance.csv" -o "$tmp/d"
printf 'student_id,days_enrolled,days_absent\nST0001,150,170\n' >"$tmp/bad-attendance.csv"
refused "a bad attendance file" "--attendance $tmp/bad-attendance.csv: 1 row cannot be read" \
    --deidentify --key-file "$key" --attendance "$tmp/bad-attendance.csv" -o "$tmp/d"
refused "a missing key file" "--key-file $tmp/keys/none: no such file" --deidentify --key-file "$tmp/keys/none" -o "$tmp/d"
(umask 077; : >"$tmp/keys/empty"; printf 'short\n' >"$tmp/keys/short"; printf 'aaaaaaaaaaaaaaaa\n' >"$tmp/keys/same")
refused "an empty key file" "the file is empty" --deidentify --key-file "$tmp/keys/empty" -o "$tmp/d"
refused "a short key" "the key has 5 bytes; it needs at least 16" --deidentify --key-file "$tmp/keys/short" -o "$tmp/d"
refused "a key of one letter" "--key-file $tmp/keys/same: the key is made of only 1 different characters" \
    --deidentify --key-file "$tmp/keys/same" -o "$tmp/d"
cp "$key" "$tmp/keys/open"; chmod 644 "$tmp/keys/open"
refused "a key others can read" "can be read or changed by other users (mode 0644)" --deidentify --key-file "$tmp/keys/open" -o "$tmp/d"
(umask 077; cp "$key" "$repo/export.key")
refused "a key inside the repo" "the key is inside the data repo" --deidentify --key-file "$repo/export.key" -o "$tmp/d"
ln "$repo/export.key" "$tmp/keys/linked"
refused "a key hard-linked into the repo" "--key-file $tmp/keys/linked: the file is a hard link to $repo/export.key, inside the data repo" \
    --deidentify --key-file "$tmp/keys/linked" -o "$tmp/d"
rm "$repo/export.key"
check "no refused export wrote a folder" [ ! -e "$tmp/d" ]
cp "$repo/students.csv" "$tmp/students.bak"
sed -i '2s/,12,T088,/,twelve,T088,/' "$repo/students.csv"
refused "a cell the checks cannot read" "students.csv:2: error[value-invalid]" --deidentify --key-file "$key" -o "$tmp/d"
cp "$tmp/students.bak" "$repo/students.csv"

finish
