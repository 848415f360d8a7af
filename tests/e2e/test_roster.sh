# pthv roster: training status, students awaiting a visit, staff changes.
. "$(dirname "$0")/record_fixture.sh"

r="$tmp/repo"
make_repo "$r" || { echo "FAIL fixture"; exit 1; }
pv() { "$PTHV" -C "$r" --as-of 2026-09-20 "$@"; }

# Training status, computed by hand in record_fixture.sh.
status_of() { pv roster --format csv | awk -F, -v id="$1" '$1 == id { print $11 }'; }
check "T001 (intro 2026-08-01) is current" test "$(status_of T001)" = current
check "T002 (due 2026-10-15, 25 days on) is due-soon" test "$(status_of T002)" = due-soon
check "T003 (due 2026-01-10) is expired" test "$(status_of T003)" = expired
check "T004 (no training) is untrained" test "$(status_of T004)" = untrained
check "T005 (a refresher but no intro) is untrained" test "$(status_of T005)" = untrained
check "T002's refresher is due 2026-10-15" \
    test "$(pv roster --format csv | awk -F, '$1 == "T002" { print $10 }')" = 2026-10-15
check "T001 made 2 completed visits this year" \
    test "$(pv roster --format csv | awk -F, '$1 == "T001" { print $12 }')" = 2
check "61 days before T002's due date it is current" \
    test "$("$PTHV" -C "$r" --as-of 2026-08-15 roster --format csv | awk -F, '$1 == "T002" { print $11 }')" = current
check "--status filters" test "$(pv roster --status untrained --format csv | tail -n +2 | cut -d, -f1 | tr '\n' ' ')" = "T004 T005 "
check "--site filters" test "$(pv roster --site S02 --format csv | tail -n +2 | cut -d, -f1 | tr '\n' ' ')" = "T004 T005 "
check "the text table has a summary" bash -c "'$PTHV' -C '$r' --as-of 2026-09-20 roster | grep -q '^5 staff members as of 2026-09-20: 1 current, 1 due soon, 1 expired, 2 untrained'"
check "json output parses" bash -c "'$PTHV' -C '$r' --as-of 2026-09-20 roster --format json | python3 -c 'import json,sys; d=json.load(sys.stdin); assert d[1][\"status\"]==\"due-soon\"'"

# Students: who awaits a visit (declined families do not).
check "--unvisited lists ST03 ST04 ST05 ST06" \
    test "$(pv roster students --unvisited --format csv | tail -n +2 | cut -d, -f1 | tr '\n' ' ')" = "ST03 ST04 ST05 ST06 "
check "--unvisited --homeroom T002 lists ST04 ST05" \
    test "$(pv roster students --unvisited --homeroom T002 --format csv | tail -n +2 | cut -d, -f1 | tr '\n' ' ')" = "ST04 ST05 "
check "--declined lists ST02" test "$(pv roster students --declined --format csv | tail -n +2 | cut -d, -f1)" = ST02
row=$(pv roster students --format csv | grep '^ST01,')
check "ST01 has its first and second visit" test "$(cut -d, -f6,7 <<<"$row")" = "2026-09-10,2026-09-15"
check "ST03 has its next scheduled visit" \
    test "$(pv roster students --format csv | grep '^ST03,' | cut -d, -f8)" = 2026-10-01
check "roster student lists the visits in date order" \
    test "$(pv roster student ST01 | grep -o 'V2026[0-9]*-ST01' | tr '\n' ' ')" = "V20260910-ST01 V20260915-ST01 "
check "notes stay hidden without --notes" bash -c "! '$PTHV' -C '$r' --as-of 2026-09-20 roster student ST01 | grep -q soccer"
check "notes show with --notes" bash -c "'$PTHV' -C '$r' --as-of 2026-09-20 roster student ST01 --notes | grep -q soccer"
pv roster student ST1 >/dev/null 2>"$tmp/err"
check "an unknown student exits 2 with did you mean" bash -c "test $? = 2 && grep -q 'did you mean' '$tmp/err'"

# roster train: one row per id; unknown staff or a repeat refuses all.
out=$(pv roster train --date 2026-09-18 --kind intro --hours 3 --session "2026-09 intro, Las Palmas" T004 T005)
check "roster train exits 0" test $? = 0
check "roster train appends one row per staff id" \
    test "$(tail -n 2 "$r/trainings.csv" | cut -d, -f1 | tr '\n' ' ')" = "T004 T005 "
check "a trained T004 is now current" test "$(status_of T004)" = current
cp "$r/trainings.csv" "$tmp/before.csv"
pv roster train --date 2026-09-19 --kind refresher --hours 2 T001 T099 >/dev/null 2>"$tmp/err"
check "roster train with an unknown staff id exits 2" test $? = 2
check "an unknown staff id leaves trainings.csv byte-identical" cmp -s "$r/trainings.csv" "$tmp/before.csv"
check "an unknown staff id is named as typed, not as a line of trainings.csv" \
    bash -c "grep -q 'roster train T099: no staff member has this id' '$tmp/err' && ! grep -q 'trainings.csv:[0-9]' '$tmp/err'"
pv roster train --date 2026-09-18 --kind intro --hours 3 T004 >/dev/null 2>"$tmp/err"
check "a repeated training exits 2" test $? = 2
check "a repeated training is a duplicate-key" grep -q 'error\[duplicate-key\]' "$tmp/err"
check "a repeated training leaves trainings.csv byte-identical" cmp -s "$r/trainings.csv" "$tmp/before.csv"

# roster add / set.
out=$(pv roster add --id T101 --name "Ana Ruiz" --site S01 --role teacher --class certificated --opted-in yes --hourly-rate 27.35)
check "roster add exits 0" test $? = 0
check "roster add appends the row in the file's order" \
    test "$(tail -n 1 "$r/staff.csv")" = "T101,Ana Ruiz,S01,teacher,certificated,yes,27.35,yes"
cp "$r/staff.csv" "$tmp/before.csv"
pv roster add --id T101 --name "Again" --site S01 --opted-in yes >/dev/null 2>&1
check "adding an id twice exits 2" test $? = 2
pv roster add --id T102 --name "Nobody" --site S09 --opted-in yes >/dev/null 2>&1
check "adding at an unknown site exits 2" test $? = 2
check "refused adds leave staff.csv byte-identical" cmp -s "$r/staff.csv" "$tmp/before.csv"
pv roster set T002 --opted-in no >/dev/null
check "roster set exits 0" test $? = 0
check "roster set changes the named field" grep -q '^T002,Vy Le,S01,teacher,certificated,no,,yes$' "$r/staff.csv"
check "roster set keeps every other line" \
    cmp -s <(grep -v '^T002,' "$r/staff.csv") <(grep -v '^T002,' "$tmp/before.csv")
pv roster set T002 --opted-in maybe >/dev/null 2>&1
check "roster set with a bad value exits 2" test $? = 2
pv roster set T02 --active no >/dev/null 2>"$tmp/err"
check "roster set on an unknown id suggests one" grep -q 'did you mean T002' "$tmp/err"

# CSV output is spreadsheet-safe.
pv roster set T101 --name "=HYPERLINK(1)" >/dev/null
check "a formula-like name is neutralised in csv" bash -c "'$PTHV' -C '$r' --as-of 2026-09-20 roster --format csv | grep -q \"^T101,'=HYPERLINK\""

check "roster --help says the output is internal" bash -c "'$PTHV' roster --help | grep -q 'must not be'"
check "roster --help shows examples" bash -c "'$PTHV' roster --help | grep -q 'pthv roster students --unvisited'"
check "roster students --help shows examples" bash -c "'$PTHV' roster students --help | grep -q 'pthv roster students --site'"
finish
