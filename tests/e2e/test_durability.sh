# Durability (docs/safety.md): a killed or failed write never leaves a torn
# file, a command that exits 2 leaves every file byte-identical, nothing is
# written through a symbolic link, no temporary copy is left behind, and -o
# never destroys a device, a FIFO or the repo's own data.
. "$(dirname "$0")/record_fixture.sh"
cd "$tmp" || exit 1

good=(--educators T001,T002 --date 2026-09-18 --time 16:30 --minutes 40 --arranged-on 2026-09-14
      --focus hopes_and_dreams --mode home --reflected-on 2026-09-19)
thousands() { echo "$1" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta'; }
sums() { (cd "$1" && find . -type f ! -name .pthv.lock -print0 | sort -z | xargs -0 sha256sum); }

# ---------------------------------------------------------------------------
# A large import, killed with SIGKILL at many points: before the write, as
# it starts (the moment visits.csv first changes), and a little after.
# Whatever the moment, once the next command has run the file is what it
# was or holds every row, and a rollback is said on stderr.
big="$tmp/big"
make_repo "$big" || { echo "FAIL fixture"; exit 1; }
rows=60000
awk -v n=$rows 'BEGIN { for (i = 1; i <= n; i++) printf "SB%06d,S01,3,T001,,FB%06d\n", i, i }' >>"$big/students.csv"
awk -v n=$rows 'BEGIN { print "student_id,date,educators,status,mode,arranged_on,notes"
    for (i = 1; i <= n; i++)
        printf "SB%06d,2026-10-01,T001;T002,scheduled,home,2026-09-15,a note long enough that the import writes megabytes (row %06d)\n", i, i
}' >big-import.csv
cp "$big/visits.csv" before.csv
bv() { "$PTHV" -C "$big" --as-of 2026-09-20 "$@"; }
bv log-visit --import big-import.csv -q >/dev/null 2>&1
check "the large import succeeds when left alone" test "$(($(wc -l <"$big/visits.csv") - $(wc -l <before.csv)))" = $rows
cp "$big/visits.csv" complete.csv

exec 7<> <(:) # a descriptor that never has data: `read -t` on it sleeps without a fork
nap() { read -r -t "$1" -u 7; }
torn_seen=0
round=0
# Each kill point: "t:SECONDS" after the start, or "w:SECONDS" after visits.csv first changes.
for when in t:0.3 t:1.5 w:0 w:0 w:0.001 w:0.003 w:0.01 w:0.03; do
    round=$((round + 1))
    cp before.csv "$big/visits.csv"
    touch -d '2000-01-01' "$big/visits.csv"
    touch -d '2001-01-01' stamp
    "$PTHV" -C "$big" --as-of 2026-09-20 log-visit --import big-import.csv -q >/dev/null 2>&1 &
    pid=$! # pthv itself, not a subshell: the kill must reach the writer
    case $when in
    t:*) nap "${when#t:}" ;;
    w:*) while [ ! "$big/visits.csv" -nt stamp ] && [ ! -e "$big/.pthv-journal" ] && kill -0 $pid 2>/dev/null; do
             nap 0.0005
         done
         [ "${when#w:}" = 0 ] || nap "${when#w:}" ;;
    esac
    kill -9 $pid 2>/dev/null
    wait $pid 2>/dev/null
    # A journal killed before its last line was written comes before any
    # row: it is removed without a word.
    journal=no
    grep -qx end "$big/.pthv-journal" 2>/dev/null && journal=yes
    cmp -s "$big/visits.csv" before.csv || cmp -s "$big/visits.csv" complete.csv || torn_seen=$((torn_seen + 1))
    bv validate -q --rule csv-syntax >/dev/null 2>err.txt
    if [ $journal = yes ]; then
        check "kill $round ($when): the next command says it rolled an interrupted write back" \
            grep -q '^pthv: visits.csv: an interrupted write was rolled back ([0-9,]* bytes\?)$' err.txt
    else
        check "kill $round ($when): nothing to roll back, nothing said" test ! -s err.txt
    fi
    check "kill $round ($when): visits.csv is as it was or complete" \
        eval 'cmp -s "$big/visits.csv" before.csv || cmp -s "$big/visits.csv" complete.csv'
    check "kill $round ($when): no journal or temporary file is left" \
        test -z "$(cd "$big" && ls -A | grep -v -x -e '.pthv.lock' -e '.gitignore' -e '.gitattributes' | grep '^\.')"
done
echo "info: $torn_seen of $round kills left visits.csv torn until the next command"

# A kill in the middle of the write, every time: the file size limit's
# signal (SIGXFSZ) ends the process when the import crosses 1 MiB.
cp before.csv "$big/visits.csv"
(ulimit -f 1024 && exec "$PTHV" -C "$big" --as-of 2026-09-20 log-visit --import big-import.csv -q) >/dev/null 2>&1
check "an import killed mid-write dies by SIGXFSZ" test $? -gt 128
check "the killed import left a journal" test -f "$big/.pthv-journal"
check "the killed import left a torn file behind it" test "$(stat -c %s "$big/visits.csv")" -gt "$(stat -c %s before.csv)"
bv roster >/dev/null 2>err.txt
check "the next command says how much it rolled back" \
    grep -qx "pthv: visits.csv: an interrupted write was rolled back ($(thousands $((1024 * 1024 - $(stat -c %s before.csv)))) bytes)" err.txt
check "after the rollback visits.csv is byte-identical to before the import" cmp -s "$big/visits.csv" before.csv
check "the journal is gone after the rollback" test ! -e "$big/.pthv-journal"
bv validate -q --rule csv-syntax >/dev/null 2>err.txt
check "a second command finds nothing to roll back" test ! -s err.txt

# A writer repairs before it appends: the killed import, then a log-visit.
(ulimit -f 1024 && exec "$PTHV" -C "$big" --as-of 2026-09-20 log-visit --import big-import.csv -q) >/dev/null 2>&1
bv log-visit --student ST04 "${good[@]}" >/dev/null 2>err.txt
check "log-visit after a killed import rolls it back and says so" grep -q 'interrupted write was rolled back' err.txt
check "log-visit after a killed import adds its one row to the old file" \
    eval 'head -n "$(wc -l <before.csv)" "$big/visits.csv" | cmp -s - before.csv &&
          test "$(wc -l <"$big/visits.csv")" = "$(($(wc -l <before.csv) + 1))"' 
rm -rf "$big"

# ---------------------------------------------------------------------------
# A full disk (simulated by a file size limit, SIGXFSZ ignored so write(2)
# fails with EFBIG): exit 2, every file byte-identical, no journal.
r="$tmp/repo"
make_repo "$r" || { echo "FAIL fixture"; exit 1; }
pv() { "$PTHV" -C "$r" --as-of 2026-09-20 "$@"; }
# pad DIR: a cancelled visit with a long note, so visits.csv ends 24 bytes
# short of a 4 KiB page (and so of a KiB): the next row crosses the boundary.
pad() {
    local prefix='V20260901-ST05,ST05,S01,2026-09-01,,,T001;T002,cancelled,,,,,,' size n
    size=$(stat -c %s "$1/visits.csv")
    n=$(( ((4072 - (size + ${#prefix} + 1)) % 4096 + 4096) % 4096 ))
    printf '%s%s\n' "$prefix" "$(head -c "$n" /dev/zero | tr '\0' n)" >>"$1/visits.csv"
}
pad "$r"
check "the padded visits.csv ends 24 bytes short of a page" test $(( $(stat -c %s "$r/visits.csv") % 4096 )) = 4072
limit=$(( ($(stat -c %s "$r/visits.csv") + 1023) / 1024 ))
sums "$r" >sums.before
(ulimit -f $limit && trap '' XFSZ && exec "$PTHV" -C "$r" --as-of 2026-09-20 log-visit --student ST04 "${good[@]}") \
    >out.txt 2>err.txt
check "log-visit on a full disk exits 2" test $? = 2
check "log-visit on a full disk says why" grep -q 'File too large' err.txt
check "log-visit on a full disk leaves every file byte-identical" eval 'sums "$r" | cmp -s - sums.before'
check "log-visit on a full disk prints no visit id" test ! -s out.txt
printf '%s\n' 'student_id,date,educators,status,mode' 'ST04,2026-10-02,T001;T002,scheduled,home' \
    'ST05,2026-10-02,T001;T002,scheduled,home' >small-import.csv
(ulimit -f $limit && trap '' XFSZ && exec "$PTHV" -C "$r" --as-of 2026-09-20 log-visit --import small-import.csv) \
    >/dev/null 2>&1
check "an import on a full disk exits 2" test $? = 2
check "an import on a full disk leaves every file byte-identical" eval 'sums "$r" | cmp -s - sums.before'

# A visits.csv older than the interpreter column, rewritten whole to add it
# (log-visit --interpreter): killed mid-write by the file size limit, the
# old file stays as it was, and the next command removes the partial copy.
old="$tmp/old-columns"
make_repo "$old" || { echo "FAIL fixture"; exit 1; }
awk 'BEGIN { for (i = 1; i <= 4000; i++) printf "V20260902-SX%04d,ST05,S01,2026-09-02,,,T001;T002,cancelled,,,,,,a note long enough to make the file large\n", i }' \
    >>"$old/visits.csv"
cp "$old/visits.csv" old-columns.csv
limit=$(( $(stat -c %s "$old/visits.csv") / 1024 - 8 ))
(ulimit -f $limit && exec "$PTHV" -C "$old" --as-of 2026-09-20 log-visit --student ST04 "${good[@]}" --interpreter T005) \
    >/dev/null 2>&1
check "log-visit adding a column, killed mid-write, dies by SIGXFSZ" test $? -gt 128
check "... leaves visits.csv byte-identical" cmp -s "$old/visits.csv" old-columns.csv
"$PTHV" -C "$old" --as-of 2026-09-20 validate -q >/dev/null 2>err.txt
check "... and the next command removes the partial copy" eval \
    'grep -q "^pthv: removed .visits.csv.pthv-" err.txt && test -z "$(find "$old" -name ".visits.csv.pthv-*")"'
"$PTHV" -C "$old" --as-of 2026-09-20 log-visit --student ST04 "${good[@]}" --interpreter T005 >/dev/null 2>&1
check "left alone, it adds the column to every row" \
    test "$(awk -F, '{ print NF }' "$old/visits.csv" | sort -u)" = "$(( $(head -1 old-columns.csv | awk -F, '{ print NF }') + 1 ))"
rm -rf "$old"

# A real full disk, where the machine lets us mount a small tmpfs (root).
mnt="$tmp/full"
mkdir "$mnt"
if mount -t tmpfs -o size=1m tmpfs "$mnt" 2>/dev/null; then
    make_repo "$mnt/repo" && pad "$mnt/repo" && "$PTHV" -C "$mnt/repo" --as-of 2026-09-20 validate -q >/dev/null 2>&1
    dd if=/dev/zero of="$mnt/filler" bs=4096 2>/dev/null
    truncate -s -4096 "$mnt/filler" # one free page: the journal gets it, the rows do not
    sums "$mnt/repo" >sums.before
    "$PTHV" -C "$mnt/repo" --as-of 2026-09-20 log-visit --import small-import.csv >/dev/null 2>err.txt
    rc=$?
    "$PTHV" -C "$mnt/repo" --as-of 2026-09-20 log-visit --student ST04 "${good[@]}" >/dev/null 2>>err.txt
    check "an import and a visit onto a full tmpfs exit 2" test "$rc$?" = 22
    check "the full tmpfs says no space" grep -q 'No space left on device' err.txt
    check "writes onto a full tmpfs leave every file byte-identical" eval 'sums "$mnt/repo" | cmp -s - sums.before'
    check "writes onto a full tmpfs leave no journal" test ! -e "$mnt/repo/.pthv-journal"
    # A read-only repo with a torn file: refused, not read as valid.
    rm -f "$mnt/filler"
    limit=$(( ($(stat -c %s "$mnt/repo/visits.csv") + 1023) / 1024 ))
    (ulimit -f $limit && exec "$PTHV" -C "$mnt/repo" --as-of 2026-09-20 log-visit --import small-import.csv) \
        >/dev/null 2>&1
    if [ -e "$mnt/repo/.pthv-journal" ] && mount -o remount,ro "$mnt" 2>/dev/null; then
        "$PTHV" -C "$mnt/repo" --as-of 2026-09-20 validate >out.txt 2>err.txt
        check "a torn file in a read-only repo exits 2" test $? = 2
        check "a torn file in a read-only repo is named, and nothing was read" \
            grep -q 'visits.csv: an interrupted write left 24 bytes at its end that cannot be rolled back' err.txt
        check "a torn file in a read-only repo prints no findings" test ! -s out.txt
        mount -o remount,rw "$mnt"
        "$PTHV" -C "$mnt/repo" --as-of 2026-09-20 validate -q >/dev/null 2>err.txt
        check "once writable, the repo is repaired" grep -q 'interrupted write was rolled back (24 bytes)' err.txt
        check "once writable, the file is as before the killed import" eval 'sums "$mnt/repo" | cmp -s - sums.before'
    else
        echo "skip read-only repo (cannot remount)"
    fi
    umount "$mnt"
else
    echo "skip real full disk (cannot mount a tmpfs here)"
fi

# ---------------------------------------------------------------------------
# Symbolic links: every writer refuses a data file that is a link (exit 2,
# the message names it), and neither the link nor its target changes.
r="$tmp/links"
make_repo "$r" || { echo "FAIL fixture"; exit 1; }
mkdir outside
links_refused() { # links_refused FILE WHAT COMMAND...
    local file=$1 what=$2
    shift 2
    mv "$r/$file" "outside/$file" && ln -s "$tmp/outside/$file" "$r/$file"
    sums outside >sums.out
    "$@" >/dev/null 2>err.txt
    check "$what: a linked $file exits 2" test $? = 2
    check "$what: the message names $file as a link" grep -q "$file is a symbolic link" err.txt
    check "$what: the link's target is byte-identical" eval 'sums outside | cmp -s - sums.out'
    check "$what: $file is still the link" test -L "$r/$file"
    rm "$r/$file" && mv "outside/$file" "$r/$file"
}
links_refused visits.csv "log-visit" pv log-visit --student ST04 "${good[@]}"
links_refused visits.csv "log-visit --update" pv log-visit --update V20261001-ST03 --status cancelled
links_refused visits.csv "log-visit --import" pv log-visit --import small-import.csv
links_refused staff.csv "roster add" pv roster add --id T009 --name "Noor Haddad" --site S01 --role teacher \
    --class certificated --opted-in yes --active yes
links_refused staff.csv "roster set" pv roster set T004 --opted-in no
links_refused trainings.csv "roster train" pv roster train --date 2026-09-01 --kind intro --hours 3 --session S T004
mkdir -p "$r/payroll"
ln -s "$tmp/outside/ledger.csv" "$r/payroll/2026-09.csv"
pv payroll --month 2026-09 --close >/dev/null 2>err.txt
check "payroll --close onto a link exits 2" test $? = 2
check "payroll --close onto a link names it" grep -q '2026-09.csv is a symbolic link' err.txt
check "payroll --close writes nothing through the link" test ! -e outside/ledger.csv -a -L "$r/payroll/2026-09.csv"
rm "$r/payroll/2026-09.csv"
# payroll/ itself a link to a folder outside the repo: nothing is closed there.
rmdir "$r/payroll" && mkdir -p outside/payroll-dir && ln -s "$tmp/outside/payroll-dir" "$r/payroll"
pv payroll --month 2026-09 --close >/dev/null 2>err.txt
check "payroll --close into a linked payroll/ exits 2" test $? = 2
check "payroll --close into a linked payroll/ names it" grep -q 'payroll is a symbolic link' err.txt
check "payroll --close writes nothing into the linked folder" test -z "$(ls -A outside/payroll-dir)"
rm "$r/payroll"

# ---------------------------------------------------------------------------
# Temporary files: init's .gitignore covers them and the journal, and the
# next command removes those an interrupted replace left.
r="$tmp/temps"
make_repo "$r" || { echo "FAIL fixture"; exit 1; }
mkdir "$r/payroll"
pv log-visit --student ST04 "${good[@]}" >/dev/null # a repo some writer has worked in
if command -v git >/dev/null; then
    git -C "$r" init -q 2>/dev/null
    touch "$r/.visits.csv.pthv-AbC123" "$r/.pthv.yaml.pthv-x1Y2z3" "$r/payroll/.2026-08.csv.pthv-Qq9Zz0"
    : >"$r/.pthv-journal"
    ignored=$(git -C "$r" check-ignore .visits.csv.pthv-AbC123 .pthv.yaml.pthv-x1Y2z3 .pthv-journal \
        payroll/.2026-08.csv.pthv-Qq9Zz0 .pthv.lock | wc -l)
    check "init's .gitignore covers the temporary files, the journal and the lock" test "$ignored" = 5
    rm -f "$r/.pthv-journal" "$r/.pthv.yaml.pthv-x1Y2z3" "$r/payroll/.2026-08.csv.pthv-Qq9Zz0"
fi
echo "a full copy with private notes" >"$r/.visits.csv.pthv-AbC123"
echo "x" >"$r/payroll/.2026-08.csv.pthv-Qq9Zz0"
echo "mine" >"$r/.notes.txt.pthv-AbC123"
echo "mine" >"$r/.staff.csv.pthv-AbC12"
echo "mine" >"$r/.visits.csv.backup"
pv validate -q >/dev/null 2>err.txt
check "a stale temporary copy of visits.csv is removed" test ! -e "$r/.visits.csv.pthv-AbC123"
check "a stale temporary ledger is removed" test ! -e "$r/payroll/.2026-08.csv.pthv-Qq9Zz0"
check "the removal is said on stderr" grep -qx 'pthv: removed .visits.csv.pthv-AbC123, a temporary file an interrupted write left' err.txt
check "the ledger's removal is said with its folder" grep -q '^pthv: removed payroll/.2026-08.csv.pthv-Qq9Zz0' err.txt
check "files that are not pthv's temporary files are kept" \
    test -e "$r/.notes.txt.pthv-AbC123" -a -e "$r/.visits.csv.backup" -a -e "$r/.staff.csv.pthv-AbC12"

# ---------------------------------------------------------------------------
# -o: a device or FIFO is written into, not replaced; the repo's own files
# are refused (exit 2) however the path reaches them, before anything runs.
r="$tmp/out"
make_repo "$r" || { echo "FAIL fixture"; exit 1; }
pv payroll --month 2026-08 --close >/dev/null 2>&1
check "a ledger to protect is closed" test -f "$r/payroll/2026-08.csv"
sums "$r" >sums.before
o_refused() { # o_refused WHAT -o-PATH COMMAND...
    local what=$1 path=$2
    shift 2
    (cd "$r" && "$PTHV" --as-of 2026-09-20 -o "$path" "$@") >/dev/null 2>err.txt
    check "-o $what: exit 2" test $? = 2
    check "-o $what: the message says it is the repo's file" grep -q "that is the data repo's" err.txt
    check "-o $what: every file byte-identical" eval 'sums "$r" | cmp -s - sums.before'
}
o_refused "a closed ledger" payroll/2026-08.csv payroll --month 2026-09 --format csv
o_refused "the visit log" visits.csv report --period 2026-09
o_refused "pthv.yaml by ../" "../out/payroll/../pthv.yaml" report --period 2026-09
o_refused "a new file in payroll/" payroll/2026-10.csv report --period 2026-09 --format csv --table sites
ln -s "$r/staff.csv" staff-link.csv
o_refused "a link to staff.csv" "$tmp/staff-link.csv" roster
ln "$r/students.csv" students-hard.csv
o_refused "a hard link to students.csv" "$tmp/students-hard.csv" report --period 2026-09
o_refused "visits.csv with --close" visits.csv payroll --month 2026-09 --close
check "-o refused: payroll --close wrote no ledger" test ! -e "$r/payroll/2026-09.csv"
rm -f staff-link.csv students-hard.csv

mkfifo fifo
cat fifo >from-fifo &
reader=$!
pv report --period 2026-09 -o "$tmp/fifo" >/dev/null 2>&1
rc=$?
# Never leave the reader waiting: a writer's open and close give it its end
# (O_RDWR does not block); a FIFO replaced by a file strands it, so it goes.
if [ -p fifo ]; then exec 8<>fifo; exec 8>&-; else kill $reader 2>/dev/null; fi
wait $reader 2>/dev/null
check "-o FIFO exits 0" test $rc = 0
check "-o FIFO leaves the FIFO a FIFO" test -p fifo
check "-o FIFO: the reader gets the report" grep -q . from-fifo
if mknod null c 1 3 2>/dev/null; then
    pv report --period 2026-09 -o "$tmp/null" >/dev/null 2>&1
    check "-o a device exits 0" test $? = 0
    check "-o a device leaves it a device" test -c null
else
    echo "skip -o device (cannot mknod here)"
fi
# /dev/fd/1 rather than /dev/stdout: a pthv that replaced its target could
# not create a file in /proc/self/fd, so this test can never break the machine.
pv report --period 2026-09 -o /dev/fd/1 >stdout.txt 2>/dev/null
check "-o /dev/fd/1 writes to standard output" grep -q . stdout.txt
echo old >real.txt && ln -s real.txt link.txt
pv report --period 2026-09 -o "$tmp/link.txt" >/dev/null 2>&1
check "-o through a link replaces the file it points to and keeps the link" \
    test -L link.txt -a "$(cat real.txt)" != old
finish
