#!/usr/bin/env bash
# Two coordinators log visits on two branches of the example district;
# merge=union (.gitattributes) merges visits.csv without a conflict and
# without losing a row, and the merged repo validates as before. Different
# visits get different ids; the same visit logged on both branches collides
# on its id, and validate reports it.
. "$(dirname "$0")/lib.sh" "$1"
export GIT_CONFIG_NOSYSTEM=1 HOME=$tmp
asof=2026-05-15
day=2026-05-12 # a Tuesday; 16:00 is after the school day
problems() { "$bin" -C "$1" --as-of $asof validate -q --color never | sort; }

setup() { # $1 = folder; a git repo holding a copy of examples/
    cp -r "$src/examples" "$1"
    git -C "$1" init -q -b main
    git -C "$1" config user.name "Coordinator A"
    git -C "$1" config user.email "a@example.org"
    git -C "$1" add . && git -C "$1" commit -q -m "district data"
}
setup "$tmp/r"
base=$(problems "$tmp/r")
rows_before=$(wc -l <"$tmp/r/visits.csv")

# Two students with a clean completed visit and nothing on $day: a follow-up
# with the same pair is clean too.
pick=$(awk -F, -v day=$day 'NR > 1 && $4 == day {busy[$2] = 1}
    NR > 1 && $8 == "completed" && $4 < day && $4 > "2026-02-01" {pair[$2] = $7; site[$2] = $3}
    END {for (s in pair) if (!busy[s]) print s, site[s], pair[s]}' "$tmp/r/visits.csv" | sort | head -4)
read -r s1 site1 pair1 <<<"$(sed -n 1p <<<"$pick")"
read -r s2 site2 pair2 <<<"$(sed -n 2p <<<"$pick")"
read -r s3 site3 pair3 <<<"$(sed -n 3p <<<"$pick")"
read -r s4 site4 pair4 <<<"$(sed -n 4p <<<"$pick")"
row() { # student site educators: a completed visit, empty cells up to the header's width
    local cells
    cells=$(printf 'V%s-%s,%s,%s,%s,16:00,45,%s,completed,2026-05-05,academics,home,2026-05-13,en,' \
        "${day//-/}" "$1" "$1" "$2" "$day" "$3")
    while [ "$(awk -F, '{print NF}' <<<"$cells")" -lt "$(head -1 visits.csv | awk -F, '{print NF}')" ]; do
        cells+=,
    done
    echo "$cells"
}
has_log_visit=$("$bin" --help | grep -c '^  log-visit ')

cd "$tmp/r" || exit 1
git checkout -q -b coordinator-a
row "$s1" "$site1" "$pair1" >>visits.csv
git commit -q -am "visit for $s1"
if [ "$has_log_visit" -gt 0 ]; then
    "$bin" --as-of $asof log-visit --student "$s3" --educators "${pair3//;/,}" --date $day --time 16:00 \
        --minutes 45 --arranged-on 2026-05-05 --focus academics --mode home --reflected-on 2026-05-13 >/dev/null
    check_eval "log-visit on branch a exits 0" '[ $? -eq 0 ]'
    git commit -q -am "visit for $s3"
else
    echo "SKIP log-visit on a branch: this pthv has no log-visit command"
fi
git checkout -q main
git checkout -q -b coordinator-b
git config user.name "Coordinator B"
row "$s2" "$site2" "$pair2" >>visits.csv
git commit -q -am "visit for $s2"
git checkout -q main
git merge -q --no-edit coordinator-a >/dev/null 2>&1
git merge -q --no-edit coordinator-b >"$tmp/merge.log" 2>&1
check_eval "the second merge has no conflict" '[ $? -eq 0 ] && ! grep -q "<<<<<<<" visits.csv'
added=$((2 + (has_log_visit > 0 ? 1 : 0)))
check_eval "no row lost: $added visits added" '[ "$(wc -l <visits.csv)" -eq $((rows_before + added)) ]'
check_eval "both branches' visits are there" 'grep -q "^V${day//-/}-$s1," visits.csv && grep -q "^V${day//-/}-$s2," visits.csv'
[ "$has_log_visit" -gt 0 ] && check_eval "the log-visit row is there" 'grep -q "^V${day//-/}-$s3," visits.csv'
check_eval "different visits got different ids" '[ "$(cut -d, -f1 visits.csv | sort | uniq -d | wc -l)" -eq 0 ]'
check_eval "the merged repo validates as before" '[ "$(problems .)" = "$base" ]'

# The same student on the same day on both branches: the same id.
git checkout -q -b c1
row "$s4" "$site4" "$pair4" | sed 's/,16:00,/,17:00,/' >>visits.csv
git commit -q -am "evening visit for $s4"
git checkout -q main
git checkout -q -b c2
row "$s4" "$site4" "$pair4" | sed 's/,16:00,/,17:30,/' >>visits.csv
git commit -q -am "another evening visit for $s4"
git checkout -q main
git merge -q --no-edit c1 >/dev/null 2>&1 && git merge -q --no-edit c2 >/dev/null 2>&1
check_eval "same-day visits merge too" '[ $? -eq 0 ]'
out=$("$bin" --as-of $asof validate -q --color never)
check_eval "validate reports the colliding id" 'grep -q "duplicate-key.*V${day//-/}-$s4" <<<"$out"'
check_eval "validate exits 1 on it" '"$bin" --as-of $asof validate -q >/dev/null; [ $? -eq 1 ]'

# Without merge=union the same appends conflict: the attribute is what works.
setup "$tmp/n"
cd "$tmp/n" || exit 1
git rm -q .gitattributes && git commit -q -m "no attributes"
git checkout -q -b x && row "$s1" "$site1" "$pair1" >>visits.csv && git commit -q -am x
git checkout -q main && git checkout -q -b y && row "$s2" "$site2" "$pair2" >>visits.csv && git commit -q -am y
git checkout -q main && git merge -q x >/dev/null 2>&1
git merge -q --no-edit y >/dev/null 2>&1
check_eval "without merge=union the appends conflict" '[ $? -ne 0 ]'
# --- With pthv's merge driver (`pthv hooks install`): the logs merge by key.
# A visit scheduled on main, marked completed with --update on one branch
# while another branch logs a new visit: a union merge keeps both versions
# of the first visit (two rows, one visit_id); the driver keeps one.
setup "$tmp/k"
cd "$tmp/k" || exit 1
"$bin" hooks install >/dev/null
# The example district has findings on purpose: its commits skip the hook.
commit() { git commit -q --no-verify "$@"; }
check_eval "hooks install defines the merge driver" 'git config --local merge.union.driver | grep -q "hooks merge %O %A %B %P"'
# The example district has findings on purpose: its hooks would stop every
# commit and merge here (test_hooks.sh tests them), so they go.
rm -f .git/hooks/pre-commit .git/hooks/pre-merge-commit
"$bin" --as-of 2026-05-08 log-visit --student "$s1" --educators "${pair1//;/,}" --date $day --status scheduled \
    --arranged-on 2026-05-05 >/dev/null
commit -am "visit for $s1 scheduled"
id=$(tail -n 1 visits.csv | cut -d, -f1)
git checkout -q -b done
"$bin" --as-of $asof log-visit --update "$id" --status completed --time 16:00 --minutes 45 --focus academics \
    --mode home --reflected-on 2026-05-13 >/dev/null
check_eval "log-visit --update on a branch exits 0" '[ $? -eq 0 ]'
commit -am "visit $id done"
git checkout -q main && git checkout -q -b other
row "$s2" "$site2" "$pair2" >>visits.csv
commit -am "visit for $s2"
git checkout -q main
git merge -q --no-edit done >/dev/null 2>&1 && git merge -q --no-edit other >/dev/null 2>&1
check_eval "by key: the merge is clean" '[ $? -eq 0 ] && ! grep -q "<<<<<<<" visits.csv'
check_eval "by key: one row for the updated visit" '[ "$(grep -c "^$id," visits.csv)" -eq 1 ]'
check_eval "by key: the row is the completed one" 'grep "^$id," visits.csv | grep -q ",completed,"'
check_eval "by key: the other branch's visit is there" 'grep -q "^V${day//-/}-$s2," visits.csv'
check_eval "by key: no id twice" '[ "$(cut -d, -f1 visits.csv | sort | uniq -d | wc -l)" -eq 0 ]'
check_eval "by key: the merged repo validates as before" '[ "$(problems .)" = "$base" ]'

# The same visit changed differently on two branches: a marked conflict,
# which git reports and validate refuses until someone chooses.
git checkout -q -b late && sed -i "s/^\($id,.*\),16:00,45,/\1,16:00,50,/" visits.csv && commit -am "50 minutes"
git checkout -q main && sed -i "s/^\($id,.*\),16:00,45,/\1,16:00,40,/" visits.csv && commit -am "40 minutes"
git merge -q --no-edit late >"$tmp/conflict.log" 2>&1
check_eval "a row changed differently on both sides: git reports a conflict" '[ $? -ne 0 ]'
check_eval "the conflict is marked around the two versions" \
    'grep -A4 "^<<<<<<<" visits.csv | grep -q ",16:00,40," && grep -A4 "^<<<<<<<" visits.csv | grep -q ",16:00,50,"'
check_eval "the driver says what to do" 'grep -q "changed differently on the two branches" "$tmp/conflict.log"'
check_eval "validate refuses the marked file" '"$bin" --as-of $asof validate -q >/dev/null 2>&1; [ $? -eq 1 ]'
git merge --abort

# trainings.csv merges by staff, date and kind: the same training's hours
# corrected on one branch while another adds a training.
tr=$(sed -n 2p trainings.csv)
git checkout -q -b hours && sed -i "2s/^\([^,]*,[^,]*,[^,]*\),[^,]*,/\1,9,/" trainings.csv && commit -am hours
git checkout -q main && git checkout -q -b more
printf '%s,2026-05-01,refresher,2,"2026-05 refresher"\n' "$(cut -d, -f1 <<<"$tr")" >>trainings.csv
commit -am "a refresher"
git checkout -q main && git merge -q --no-edit hours >/dev/null 2>&1 && git merge -q --no-edit more >/dev/null 2>&1
check_eval "trainings: the merge is clean" '[ $? -eq 0 ]'
check_eval "trainings: one row for the corrected training, with the new hours" \
    '[ "$(grep -c "^$(cut -d, -f1-3 <<<"$tr")," trainings.csv)" -eq 1 ] && sed -n 2p trainings.csv | grep -q ",9,"'
check_eval "trainings: the new refresher is there" 'grep -q ",2026-05-01,refresher," trainings.csv'

# events.csv merges by event_id: events added on two branches on different
# days are both kept; two events of one day get the same new id on both
# branches, written differently: a marked conflict, not a duplicate id.
ev() { "$bin" --as-of $asof event add --kind family_event --title "$1" --date "$2" --site S01 >/dev/null; }
git checkout -q -b ev1 && ev "Picnic one" 2026-05-13 && ev "Same day one" 2026-05-14 && commit -am ev1
git checkout -q main && git checkout -q -b ev2 && ev "Picnic two" 2026-05-11 && ev "Same day two" 2026-05-14 && commit -am ev2
git checkout -q main && git merge -q --no-edit ev1 >/dev/null 2>&1
git merge -q --no-edit ev2 >/dev/null 2>&1
check_eval "events: the same new id written differently on both branches is a conflict" \
    '[ $? -ne 0 ] && grep -q "^<<<<<<<" events.csv'
check_eval "events: the other events of both branches are kept, once" \
    '[ "$(grep -c "Picnic one" events.csv)" -eq 1 ] && [ "$(grep -c "Picnic two" events.csv)" -eq 1 ]'
git merge --abort

# Any other file marked union is still merged line by line, as git would.
printf 'notes.txt merge=union\n' >>.gitattributes && printf 'a\n' >notes.txt && git add . && commit -m notes
git checkout -q -b n1 && printf 'b\n' >>notes.txt && commit -am n1
git checkout -q main && printf 'c\n' >>notes.txt && commit -am n2
git merge -q --no-edit n1 >/dev/null 2>&1
check_eval "another union file: merged line by line" '[ $? -eq 0 ] && [ "$(sort notes.txt | tr -d "\n")" = abc ]'

"$bin" hooks uninstall >/dev/null
check_eval "hooks uninstall removes the merge driver" '! git config --local merge.union.driver >/dev/null'

# A removed visit that comes back: removed on one branch, changed on the
# other, merged line by line (a clone without the merge driver). The merge
# is clean and the changed row is back; removed_visits.csv remembers the
# removal, so validate reports it on any clone.
git checkout -q main
vid=$(for id in $(awk -F, 'NR > 1 && $8 == "completed" {print $1}' visits.csv); do
    grep -qs ",$id," payroll/*.csv || { echo "$id"; break; }; done)
git checkout -q -b rm-a
"$bin" --as-of $asof log-visit --remove "$vid" --reason "logged by mistake" >/dev/null 2>&1
check_eval "remove: $vid is removed and remembered in removed_visits.csv" \
    '! grep -q "^$vid," visits.csv && grep -q "^$vid,$asof,logged by mistake" removed_visits.csv'
git add removed_visits.csv && commit -am "remove $vid"
git checkout -q main && git checkout -q -b upd-b
"$bin" --as-of $asof log-visit --update "$vid" --notes "changed on branch b" >/dev/null 2>&1
commit -am "change $vid"
git checkout -q main && git merge -q --no-edit rm-a >/dev/null 2>&1 && git merge -q --no-edit upd-b >/dev/null 2>&1
check_eval "removed on one branch, changed on the other: the line merge is clean and the row is back" \
    '[ $? -eq 0 ] && grep -q "^$vid,.*changed on branch b" visits.csv'
"$bin" --as-of $asof validate >"$tmp/val.txt" 2>&1
check_eval "validate exits 1, reporting removed-visit-present for $vid" \
    '[ $? -eq 1 ] && grep -q "error\[removed-visit-present\]: visit $vid was removed on $asof" "$tmp/val.txt"'
"$bin" --as-of $asof log-visit --remove "$vid" --reason "came back in a merge" >/dev/null 2>&1
check_eval "removing it again settles it, keeping the first tombstone" \
    '! "$bin" --as-of $asof validate -q | grep -q removed-visit-present && [ "$(grep -c "^$vid," removed_visits.csv)" -eq 1 ]'
git checkout -q -- . && git clean -qfd

# pthv init --git sets the driver up from the start.
"$bin" init "$tmp/fresh" --git -q >/dev/null
check_eval "init --git defines the merge driver" 'git -C "$tmp/fresh" config --local merge.union.driver | grep -q "hooks merge"'
finish
